"""Recoding of events that have not happened: a future meeting is an intention to meet (AGREE), a
future or hypothetical attack is a threat (THREATEN). Rules in ``data/irrealis.tsv``."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from dateline.ontology.plover import event_type, mode as plover_mode
from dateline.ontology.tables import OntologyDataError, rows

_WHEN = frozenset({"future", "hypothetical", "irrealis"})


@dataclass(frozen=True, slots=True)
class Recoding:
    type: str
    mode: str | None
    cameo: str


@functools.lru_cache(maxsize=1)
def _rules() -> dict[tuple[str, str, str], Recoding]:
    out = {}
    for r in rows("irrealis.tsv"):
        if r["when"] not in _WHEN:
            raise OntologyDataError(f"irrealis.tsv: 'when' must be future, hypothetical or irrealis, "
                                    f"not {r['when']!r}")
        event_type(r["type"])
        event_type(r["to_type"])
        to_mode = None if r["to_mode"] == "-" else r["to_mode"]
        if to_mode:
            plover_mode(r["to_type"], to_mode)
        out[(r["type"], r["mode"], r["when"])] = Recoding(r["to_type"], to_mode, r["cameo"])
    return out


def recode_irrealis(type_name: str, mode_name: str | None, future: bool,
                    hypothetical: bool) -> Recoding | None:
    """The coding of a future / hypothetical event, or None when it stays as it is."""
    if not (future or hypothetical):
        return None
    rules = _rules()
    whens = ("future", "irrealis") if future else ("hypothetical", "irrealis")
    for when in whens:
        for m in (mode_name or "", "*"):
            hit = rules.get((type_name, m, when))
            if hit is not None:
                return hit
    return None
