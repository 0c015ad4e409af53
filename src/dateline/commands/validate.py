"""Filter values checked against what dateline knows: PLOVER types and contexts, quad classes,
partnership dimensions and ISO3 country codes.

A typo in a filter (``--type CONSLT``, ``?place_country=PAKK``) would otherwise match nothing and look
like "no events". The CLI (click.BadParameter naming the option) and the HTTP API (422 naming the
parameter) both call these functions, so they say the same thing about the same mistake:

    >>> from dateline.commands import validate
    >>> validate.event_types(["consult", "AGREE"])
    ['CONSULT', 'AGREE']
    >>> validate.event_types(["CONSLT"])
    Traceback (most recent call last):
    ...
    dateline.commands.validate.InvalidFilter: 'CONSLT' is not a PLOVER event type; did you mean CONSULT?

The vocabularies are read once (built-in tables plus the user's $DATELINE_KNOWLEDGE files) and cached.
"""
from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

QUAD_CLASSES = ("1", "2", "3", "4")
# Lists up to this long are spelled out in full when nothing is close to the typo.
_LIST_IN_FULL = 40
_DYAD_SEPARATORS = re.compile(r"[-,: ]+")


class InvalidFilter(ValueError):
    """A filter value dateline does not know; the message is one line with a suggestion if one fits."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The values a filter accepts: ``canonical`` keyed by their lower-case form."""

    what: str                      # "a PLOVER event type"
    canonical: dict[str, str]      # lower-case -> spelling stored in events

    def check(self, value: str) -> str:
        text = value.strip()
        found = self.canonical.get(text.lower())
        if found is not None:
            return found
        raise InvalidFilter(f"'{value}' is not {self.what}; {self.hint(text)}")

    def hint(self, text: str) -> str:
        close = difflib.get_close_matches(text.lower(), list(self.canonical), n=3, cutoff=0.6)
        if close:
            return "did you mean " + " or ".join(self.canonical[c] for c in close) + "?"
        names = list(self.canonical.values())
        if len(names) <= _LIST_IN_FULL:
            return "expected one of " + ", ".join(names)
        return f"expected one of {len(names)} values such as " + ", ".join(names[:5])


def _knowledge_paths() -> tuple[str, ...]:
    from dateline.config import Settings

    return tuple(Settings().knowledge_paths)


@functools.lru_cache(maxsize=1)
def _plover_types() -> Vocabulary:
    from dateline import ontology

    return Vocabulary("a PLOVER event type", {t.lower(): t for t in ontology.event_types()})


@functools.lru_cache(maxsize=1)
def _contexts() -> Vocabulary:
    from dateline import ontology

    return Vocabulary("a PLOVER context", {c.lower(): c for c in ontology.contexts()})


@functools.lru_cache(maxsize=8)
def _dimensions(knowledge: tuple[str, ...]) -> Vocabulary:
    from dateline.knowledge.lexicon import load_dimensions

    names = sorted({kw.dimension for kws in load_dimensions(knowledge).values() for kw in kws if kw.dimension})
    return Vocabulary("a partnership dimension", {n.lower(): n for n in names})


def _collectives(knowledge: tuple[str, ...]):
    from dateline.knowledge.collectives import load_collectives

    return load_collectives(knowledge)     # cached there


@functools.lru_cache(maxsize=8)
def _countries(knowledge: tuple[str, ...]):
    from dateline.knowledge import load_knowledge

    return load_knowledge(knowledge).countries


def _items(values: str | Iterable[str] | None) -> list[str]:
    """'A,B' or ['A', 'B,C'] -> ['A', 'B', 'C'] (blank items dropped)."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def event_types(values: str | Iterable[str] | None) -> list[str] | None:
    """PLOVER event types, any case -> upper-case names; None when none were given."""
    return [_plover_types().check(v) for v in _items(values)] or None


def contexts(values: str | Iterable[str] | None) -> list[str] | None:
    return [_contexts().check(v) for v in _items(values)] or None


def dimensions(values: str | Iterable[str] | None) -> list[str] | None:
    vocab = _dimensions(_knowledge_paths())
    return [vocab.check(v) for v in _items(values)] or None


def quad_classes(values: str | Iterable[str] | None) -> list[int] | None:
    out = []
    for v in _items(values):
        if v not in QUAD_CLASSES:
            raise InvalidFilter(f"'{v}' is not a quad class; expected 1 (verbal cooperation), "
                                f"2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)")
        out.append(int(v))
    return out or None


def country(value: str) -> str:
    """An ISO3 code of the country table, any case -> upper case. A country's name gets its code
    suggested ('Pakistan' -> did you mean PAK?)."""
    text = (value or "").strip()
    table = _countries(_knowledge_paths())
    code = text.upper()
    if len(code) == 3 and code.isalpha() and table.get(code) is not None:
        return code
    if _collectives(_knowledge_paths()).get(code) is not None:   # G7, NATO, EU: a body of countries
        return code
    named = table.lookup(text) if text else None
    if named is None and len(code) == 2:   # an ISO 3166 alpha-2 code such as PK
        named = next((c for c in table if c.iso2 == code), None)
    if named is not None:
        hint = f"did you mean {named.iso3} ({named.name})?"
    else:
        codes = [c.iso3 for c in table]
        close = difflib.get_close_matches(code, codes, n=3, cutoff=0.6)
        hint = ("did you mean " + " or ".join(close) + "?") if close else "use a code such as PAK or RUS"
    raise InvalidFilter(f"'{value}' is not an ISO3 country code dateline knows; {hint}")


def dyad(value: str) -> tuple[str, str]:
    """'PAK-RUS', 'PAK,RUS', 'PAK:RUS' or 'PAK RUS' -> ('PAK', 'RUS'), both codes checked."""
    parts = [p for p in _DYAD_SEPARATORS.split((value or "").strip()) if p]
    if len(parts) != 2:
        raise InvalidFilter(f"'{value}' is not a country pair; write two ISO3 codes such as PAK-RUS")
    return pair(parts[0], parts[1])


def pair(a: str, b: str) -> tuple[str, str]:
    first, second = country(a), country(b)
    if first == second:
        raise InvalidFilter(f"a country pair needs two different countries, got {first} twice")
    return first, second
