"""The gold format: what a correct extraction of an article (or a single sentence) contains.

One JSON object per line (JSONL). The format is documented in docs/evaluation.md; this module is
its single reader and writer. Fields that accept alternatives ("AGREE or SUPPORT") take either one
value or a list of accepted values; the first value is the primary one (used in confusion tables).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

GRANULARITIES = ("day", "week", "month", "year", "unknown")


class GoldFormatError(ValueError):
    """A gold file line that does not follow the documented format."""


@dataclass(slots=True)
class GoldEvent:
    types: list[str]                          # accepted PLOVER types; types[0] is the primary label
    id: str = ""
    mode: list[str] = field(default_factory=list)        # accepted PLOVER modes (empty: not scored)
    cameo: list[str] = field(default_factory=list)       # accepted CAMEO codes or roots ("042", "03")
    actors: list[str] = field(default_factory=list)      # country codes of the actor side (ISO3, IGO, NSA)
    recipients: list[str] = field(default_factory=list)  # country codes of the recipient side
    symmetric: bool = False                   # actors and recipients interchangeable ("A and B agreed")
    actor_names: list[str] = field(default_factory=list)  # names on either side; only break ties between matches
    dates: list[str | None] | None = None     # accepted ISO values; [None] = "no date in the text"; None = not scored
    granularity: str | None = None
    place: str | None = None                  # ISO3 country of the event location (None: not scored)
    place_name: str | None = None
    contexts: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)    # sentence substrings that report the event
    optional: bool = False                    # acceptable but not required: never a miss, never a false alarm
    may_merge_with: str | None = None         # id of a gold event the system may fold this one into
    note: str = ""

    @property
    def type(self) -> str:
        return self.types[0]

    @property
    def countries(self) -> set[str]:
        return set(self.actors) | set(self.recipients)


@dataclass(slots=True)
class GoldFact:
    indicator: str
    value: float
    unit: str | None = None
    period: str | None = None
    subjects: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class GoldTimex:
    text: str
    value: str
    type: str = "DATE"                        # TIMEX3 type: DATE, TIME, DURATION, SET
    start: int | None = None                  # character offsets into the record text, when known
    end: int | None = None
    sentence: str = ""


@dataclass(slots=True)
class GoldRecord:
    """One article or sentence with everything a correct extraction of it contains."""

    id: str
    text: str | None = None                   # the text itself, or
    path: str | None = None                   # a file read through dateline.ingest (relative to the gold file)
    published: date | None = None
    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    exhaustive: bool = True                   # every reportable event is listed: unmatched system events are false alarms
    events: list[GoldEvent] = field(default_factory=list)
    facts: list[GoldFact] = field(default_factory=list)
    timexes: list[GoldTimex] = field(default_factory=list)
    source: str = ""                          # where the gold came from (file, record id)
    base_dir: Path | None = None              # directory of the gold file, for resolving ``path``

    def resolved_path(self) -> Path | None:
        if self.path is None:
            return None
        p = Path(self.path)
        return p if p.is_absolute() or self.base_dir is None else (self.base_dir / p)


# -- reading ---------------------------------------------------------------------------------------

def _alternatives(value: Any, what: str) -> list:
    if value is None:
        return []
    if isinstance(value, list):
        return list(value)
    if isinstance(value, (str, int, float)):
        return [value]
    raise GoldFormatError(f"{what} must be a value or a list of accepted values, not {value!r}")


def _codes(value: Any, what: str) -> list[str]:
    codes = _alternatives(value, what)
    for code in codes:
        if not isinstance(code, str) or not code:
            raise GoldFormatError(f"{what} must be country codes (strings), got {value!r}")
    return [c.upper() for c in codes]


def _event(obj: Any, where: str) -> GoldEvent:
    if not isinstance(obj, dict):
        raise GoldFormatError(f"{where}: an event must be an object, got {obj!r}")
    types = [str(t).upper() for t in _alternatives(obj.get("type"), f"{where}: type")]
    if not types:
        raise GoldFormatError(f"{where}: an event needs a 'type'")
    dates: list[str | None] | None = None
    if "date" in obj:
        raw = obj["date"]
        dates = [None] if raw is None else [None if d is None else str(d) for d in _alternatives(raw, f"{where}: date")]
    granularity = obj.get("granularity")
    if granularity is not None and granularity not in GRANULARITIES:
        raise GoldFormatError(f"{where}: granularity must be one of {', '.join(GRANULARITIES)}, not {granularity!r}")
    place = obj.get("place")
    return GoldEvent(
        types=types, id=str(obj.get("id", "")),
        mode=[str(m) for m in _alternatives(obj.get("mode"), f"{where}: mode")],
        cameo=[str(c) for c in _alternatives(obj.get("cameo"), f"{where}: cameo")],
        actors=_codes(obj.get("actors"), f"{where}: actors"),
        recipients=_codes(obj.get("recipients"), f"{where}: recipients"),
        symmetric=bool(obj.get("symmetric", False)),
        actor_names=[str(n) for n in _alternatives(obj.get("actor_names"), f"{where}: actor_names")],
        dates=dates, granularity=granularity,
        place=place.upper() if isinstance(place, str) else None,
        place_name=obj.get("place_name"),
        contexts=[str(c) for c in _alternatives(obj.get("contexts"), f"{where}: contexts")],
        evidence=[str(e) for e in _alternatives(obj.get("evidence"), f"{where}: evidence")],
        optional=bool(obj.get("optional", False)),
        may_merge_with=obj.get("may_merge_with"),
        note=str(obj.get("note", "")),
    )


def _fact(obj: Any, where: str) -> GoldFact:
    if not isinstance(obj, dict) or "indicator" not in obj or "value" not in obj:
        raise GoldFormatError(f"{where}: a fact needs 'indicator' and 'value', got {obj!r}")
    try:
        value = float(obj["value"])
    except (TypeError, ValueError):
        raise GoldFormatError(f"{where}: fact value must be a number, got {obj['value']!r}") from None
    return GoldFact(indicator=str(obj["indicator"]), value=value, unit=obj.get("unit"),
                    period=None if obj.get("period") is None else str(obj["period"]),
                    subjects=_codes(obj.get("subjects"), f"{where}: subjects"),
                    evidence=[str(e) for e in _alternatives(obj.get("evidence"), f"{where}: evidence")])


def _timex(obj: Any, where: str) -> GoldTimex:
    if not isinstance(obj, dict) or "text" not in obj or "value" not in obj:
        raise GoldFormatError(f"{where}: a timex needs 'text' and 'value', got {obj!r}")
    return GoldTimex(text=str(obj["text"]), value=str(obj["value"]), type=str(obj.get("type", "DATE")),
                     start=obj.get("start"), end=obj.get("end"), sentence=str(obj.get("sentence", "")))


def record_from_dict(obj: Any, where: str = "record", base_dir: Path | None = None) -> GoldRecord:
    if not isinstance(obj, dict):
        raise GoldFormatError(f"{where}: a gold record must be a JSON object")
    if not obj.get("id"):
        raise GoldFormatError(f"{where}: a gold record needs an 'id'")
    where = f"{where} ({obj['id']})"
    if not obj.get("text") and not obj.get("path"):
        raise GoldFormatError(f"{where}: a gold record needs 'text' or 'path'")
    published = obj.get("published")
    if published is not None:
        try:
            published = date.fromisoformat(str(published)[:10])
        except ValueError:
            raise GoldFormatError(f"{where}: published must be an ISO date, got {published!r}") from None
    return GoldRecord(
        id=str(obj["id"]), text=obj.get("text"), path=obj.get("path"), published=published,
        title=obj.get("title"), outlet=obj.get("outlet"), dateline=obj.get("dateline"),
        exhaustive=bool(obj.get("exhaustive", True)),
        events=[_event(e, f"{where} event {i + 1}") for i, e in enumerate(obj.get("events") or [])],
        facts=[_fact(f, f"{where} fact {i + 1}") for i, f in enumerate(obj.get("facts") or [])],
        timexes=[_timex(t, f"{where} timex {i + 1}") for i, t in enumerate(obj.get("timexes") or [])],
        source=str(obj.get("source", "")), base_dir=base_dir,
    )


def read_gold(path: str | Path) -> list[GoldRecord]:
    """All records of a gold JSONL file; blank lines and lines starting with '#' are skipped."""
    path = Path(path)
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
            records.append(record_from_dict(obj, f"{path}:{number}", base_dir=path.parent))
    return records


# -- writing ---------------------------------------------------------------------------------------

def _one_or_many(values: list) -> Any:
    return values[0] if len(values) == 1 else values


def event_to_dict(e: GoldEvent) -> dict[str, Any]:
    out: dict[str, Any] = {"type": _one_or_many(e.types)}
    if e.id:
        out["id"] = e.id
    if e.mode:
        out["mode"] = _one_or_many(e.mode)
    if e.cameo:
        out["cameo"] = _one_or_many(e.cameo)
    if e.actors:
        out["actors"] = e.actors
    if e.recipients:
        out["recipients"] = e.recipients
    if e.symmetric:
        out["symmetric"] = True
    if e.actor_names:
        out["actor_names"] = e.actor_names
    if e.dates is not None:
        out["date"] = _one_or_many(e.dates)
        out["granularity"] = e.granularity
    if e.place:
        out["place"] = e.place
    if e.place_name:
        out["place_name"] = e.place_name
    if e.contexts:
        out["contexts"] = e.contexts
    if e.evidence:
        out["evidence"] = e.evidence
    if e.optional:
        out["optional"] = True
    if e.may_merge_with:
        out["may_merge_with"] = e.may_merge_with
    if e.note:
        out["note"] = e.note
    return out


def record_to_dict(r: GoldRecord) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.id}
    for key in ("text", "path", "title", "outlet", "dateline"):
        value = getattr(r, key)
        if value is not None:
            out[key] = value
    if r.published is not None:
        out["published"] = r.published.isoformat()
    if not r.exhaustive:
        out["exhaustive"] = False
    if r.events:
        out["events"] = [event_to_dict(e) for e in r.events]
    if r.facts:
        out["facts"] = [{k: v for k, v in (("indicator", f.indicator), ("value", f.value), ("unit", f.unit),
                                            ("period", f.period), ("subjects", f.subjects),
                                            ("evidence", f.evidence)) if v not in (None, [])}
                        for f in r.facts]
    if r.timexes:
        out["timexes"] = [{k: v for k, v in (("text", t.text), ("value", t.value), ("type", t.type),
                                             ("start", t.start), ("end", t.end)) if v is not None}
                          for t in r.timexes]
    if r.source:
        out["source"] = r.source
    return out


def write_gold(records: Iterable[GoldRecord], path: str | Path) -> int:
    count = 0
    with Path(path).open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record_to_dict(record), ensure_ascii=False) + "\n")
            count += 1
    return count


def iter_events(records: Iterable[GoldRecord]) -> Iterator[tuple[GoldRecord, GoldEvent]]:
    for record in records:
        for event in record.events:
            yield record, event
