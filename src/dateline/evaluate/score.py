"""Scores: event detection, field agreement on matched events, facts, and TIMEX3 values.

Every figure is a ``Ratio`` (hits / total) so a report can show both the rate and its base.
Field checks run only on matched pairs where the gold states the field (docs/evaluation.md).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dateline.evaluate.gold import GoldEvent, GoldFact, GoldRecord, GoldTimex
from dateline.evaluate.match import RecordMatch, codes, evidence_holds, match_record
from dateline.model import Event, Extraction, Fact

MISSED = "(missed)"
SPURIOUS = "(none)"
FACT_TOLERANCE = 0.005      # relative: 1.0e9 matches 1.004e9, not 1.1e9
GROUPINGS = ("type", "context", "actor")


@dataclass(slots=True)
class Ratio:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.hits += int(ok)

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        return "n/a" if self.value is None else f"{self.value:.2f} ({self.hits}/{self.total})"


@dataclass(slots=True)
class Detection:
    matched_gold: int = 0        # required gold events matched (true positives, counted on the gold side)
    missed: int = 0
    matched_system: int = 0      # system events matched to required gold
    false_alarms: int = 0

    @property
    def precision(self) -> float | None:
        n = self.matched_system + self.false_alarms
        return self.matched_system / n if n else None

    @property
    def recall(self) -> float | None:
        n = self.matched_gold + self.missed
        return self.matched_gold / n if n else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)


# -- field checks on a matched pair: (expected, found, ok) or None when the gold does not state it --

def _show(values: Iterable[object]) -> str:
    items = [("none" if v is None else str(v)) for v in values]
    return " or ".join(items) if items else "-"


def _show_set(values: set[str]) -> str:
    return "+".join(sorted(values)) or "-"


def check_type(g: GoldEvent, s: Event):
    return _show(g.types), s.type, s.type in g.types


def check_mode(g: GoldEvent, s: Event):
    if not g.mode:
        return None
    return _show(g.mode), s.mode or "-", s.mode in g.mode


def check_cameo_root(g: GoldEvent, s: Event):
    if not g.cameo:
        return None
    roots = {c[:2] for c in g.cameo}
    return _show(sorted(roots)), s.cameo or "-", bool(s.cameo) and s.cameo[:2] in roots


def check_actor(g: GoldEvent, s: Event):
    if g.symmetric:
        want, got = g.countries, codes(s.actors) | codes(s.recipients)
        if not want:
            return None
    else:
        if not g.actors:
            return None
        want, got = set(g.actors), codes(s.actors)
    return _show_set(want), _show_set(got), want == got


def check_recipient(g: GoldEvent, s: Event):
    if g.symmetric or not g.recipients:
        return None
    want, got = set(g.recipients), codes(s.recipients)
    return _show_set(want), _show_set(got), want == got


def check_dyad(g: GoldEvent, s: Event):
    """Both sides together, direction ignored."""
    if not g.countries:
        return None
    got = codes(s.actors) | codes(s.recipients)
    return _show_set(g.countries), _show_set(got), g.countries == got


def _system_date(s: Event) -> str | None:
    return s.time.value if s.time is not None else None


def check_date(g: GoldEvent, s: Event):
    if g.dates is None:
        return None
    got = _system_date(s)
    return _show(g.dates), got or "none", got in g.dates


def check_place(g: GoldEvent, s: Event):
    if not g.place:
        return None
    got = s.place.country if s.place is not None else None
    return g.place, got or "-", got == g.place


def check_context(g: GoldEvent, s: Event):
    if not g.contexts:
        return None
    return _show(g.contexts), ", ".join(s.contexts) or "-", bool(set(g.contexts) & set(s.contexts))


FIELD_CHECKS: dict[str, Callable] = {
    "type": check_type,
    "mode": check_mode,
    "cameo_root": check_cameo_root,
    "actor_country": check_actor,
    "recipient_country": check_recipient,
    "dyad_countries": check_dyad,
    "date": check_date,
    "place_country": check_place,
    "context": check_context,
}


@dataclass(slots=True)
class Mismatch:
    record_id: str
    kind: str                     # missed | false_alarm | field
    field: str = ""
    expected: str = ""
    found: str = ""
    sentence: str = ""
    gold_id: str = ""


@dataclass(slots=True)
class EventScores:
    detection: Detection = field(default_factory=Detection)
    fields: dict[str, Ratio] = field(default_factory=lambda: {name: Ratio() for name in FIELD_CHECKS})
    facts: Ratio = field(default_factory=Ratio)
    confusion: Counter = field(default_factory=Counter)      # (gold type, system type) -> count
    groups: dict[str, "EventScores"] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)
    records: int = 0
    gold_events: int = 0
    system_events: int = 0

    @property
    def type_all_gold(self) -> Ratio:
        """Type right over every required gold event: a missed event counts as a wrong type."""
        return Ratio(self.fields["type"].hits, self.detection.matched_gold + self.detection.missed)


# -- facts --------------------------------------------------------------------------------------

def fact_found(gold: GoldFact, facts: list[Fact]) -> bool:
    for f in facts:
        if f.indicator != gold.indicator:
            continue
        if abs(f.value - gold.value) > FACT_TOLERANCE * max(abs(gold.value), 1e-9):
            continue
        if gold.period is not None and (f.period is None or f.period.value != gold.period):
            continue
        return True
    return False


# -- events ---------------------------------------------------------------------------------------

def describe_gold(g: GoldEvent) -> str:
    sides = f"{_show_set(set(g.actors))} -> {_show_set(set(g.recipients))}"
    if g.symmetric:
        sides = f"{_show_set(g.countries)} (either side)"
    parts = [_show(g.types), sides]
    if g.dates is not None:
        parts.append(f"date {_show(g.dates)}")
    if g.place:
        parts.append(f"in {g.place}")
    return " · ".join(parts)


def describe_system(s: Event) -> str:
    parts = [s.type + (f"/{s.mode}" if s.mode else ""), f"{_show_set(codes(s.actors))} -> {_show_set(codes(s.recipients))}"]
    if s.cameo:
        parts.append(f"CAMEO {s.cameo}")
    if s.time is not None and s.time.value:
        parts.append(f"date {s.time.value}")
    if s.place is not None:
        parts.append(f"in {s.place.name} ({s.place.country or '?'})")
    if s.trigger:
        parts.append(f'trigger "{s.trigger}"')
    return " · ".join(parts)


def _sentence_of(record: GoldRecord, g: GoldEvent | None = None, s: Event | None = None) -> str:
    if s is not None and s.mentions:
        return s.mentions[0].sentence
    if g is not None and g.evidence:
        return g.evidence[0]
    return record.text or record.path or ""


def _group_keys(g: GoldEvent, by: str) -> list[str]:
    if by == "type":
        return [g.type]
    if by == "context":
        return g.contexts or ["(no context)"]
    if by == "actor":
        return sorted(g.countries) or ["(no actor)"]
    raise ValueError(f"unknown grouping {by!r}; use one of {', '.join(GROUPINGS)}")


def _add_match(scores: EventScores, m: RecordMatch, keep: Callable[[GoldEvent], bool], listing: bool) -> None:
    rid = m.record.id
    for g, s in m.pairs:
        if not keep(g):
            continue
        scores.detection.matched_gold += 1
        scores.confusion[(g.type, s.type)] += 1
        for name, check in FIELD_CHECKS.items():
            outcome = check(g, s)
            if outcome is None:
                continue
            expected, found, ok = outcome
            scores.fields[name].add(ok)
            if not ok and listing:
                scores.mismatches.append(Mismatch(rid, "field", name, expected, found, _sentence_of(m.record, g, s), g.id))
    for g in m.missed:
        if not keep(g):
            continue
        scores.detection.missed += 1
        scores.confusion[(g.type, MISSED)] += 1
        if listing:
            nearby = [s for s in m.events if g.evidence and evidence_holds(g, s)] if g.evidence else m.events
            found = "; ".join(describe_system(s) for s in nearby) or (
                "no event in that sentence" if g.evidence else "no events")
            scores.mismatches.append(Mismatch(rid, "missed", "", describe_gold(g), found, _sentence_of(m.record, g), g.id))


def score_events(records: list[GoldRecord], extractions: list[Extraction], by: str | None = None) -> EventScores:
    """Match each record's gold events to its extraction's events and add up the figures."""
    if len(records) != len(extractions):
        raise ValueError(f"{len(records)} gold records but {len(extractions)} extractions")
    if by is not None and by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}; use one of {', '.join(GROUPINGS)}")
    scores = EventScores()
    for record, extraction in zip(records, extractions):
        if not record.events and not record.exhaustive:
            continue           # nothing to score on events (e.g. a time-expressions-only record)
        m = match_record(record, extraction.events)
        scores.records += 1
        scores.gold_events += sum(1 for g in record.events if not g.optional)
        scores.system_events += len(extraction.events)
        _add_match(scores, m, lambda g: True, listing=True)
        scores.detection.matched_system += len({id(s) for _, s in m.pairs})
        scores.detection.false_alarms += len(m.spurious)
        for s in m.spurious:
            scores.confusion[(SPURIOUS, s.type)] += 1
            scores.mismatches.append(Mismatch(record.id, "false_alarm", "", "no event", describe_system(s),
                                              _sentence_of(record, s=s)))
        for fact in record.facts:
            ok = fact_found(fact, extraction.facts)
            scores.facts.add(ok)
            if not ok:
                scores.mismatches.append(Mismatch(record.id, "fact", fact.indicator,
                                                  f"{fact.indicator} = {fact.value:g} {fact.unit or ''} ({fact.period or 'no period'})".strip(),
                                                  "; ".join(f"{f.indicator} = {f.value:g} {f.unit}" for f in extraction.facts) or "no facts",
                                                  fact.evidence[0] if fact.evidence else ""))
        if by is not None:
            for key in {k for g in record.events for k in _group_keys(g, by)}:
                group = scores.groups.setdefault(key, EventScores())
                _add_match(group, m, lambda g, key=key: key in _group_keys(g, by), listing=False)
                group.gold_events += sum(1 for g in record.events if not g.optional and key in _group_keys(g, by))
    if by == "type":
        _type_precision(scores)
    return scores


def _type_precision(scores: EventScores) -> None:
    """Per-type precision: of the system events of type T, how many were matched to gold of type T."""
    predicted: Counter = Counter()
    correct: Counter = Counter()
    for (gold_type, system_type), n in scores.confusion.items():
        if system_type == MISSED:
            continue
        predicted[system_type] += n
        if gold_type == system_type:
            correct[system_type] += n
    for key, group in scores.groups.items():
        group.detection.matched_system = correct[key]
        group.detection.false_alarms = predicted[key] - correct[key]


# -- time expressions ---------------------------------------------------------------------------

@dataclass(slots=True)
class TimexItem:
    record_id: str
    timex: GoldTimex
    found: str | None


@dataclass(slots=True)
class TimexScores:
    by_type: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    all: Ratio = field(default_factory=Ratio)
    items: list[TimexItem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def wrong(self) -> list[TimexItem]:
        return [i for i in self.items if i.found != i.timex.value]


def score_timexes(records: list[GoldRecord], normalise: Callable[..., str | None]) -> TimexScores:
    """Value accuracy: the system normalises each gold TIMEX3's words against the record's date."""
    scores = TimexScores()
    for record in records:
        if not record.timexes:
            continue
        if record.published is None:
            scores.skipped.append(f"{record.id}: no publication date to resolve its {len(record.timexes)} time expressions")
            continue
        for timex in record.timexes:
            found = (normalise(timex.text, record.published, sentence=timex.sentence) if timex.sentence
                     else normalise(timex.text, record.published))
            ok = found == timex.value
            scores.by_type[timex.type].add(ok)
            scores.all.add(ok)
            scores.items.append(TimexItem(record.id, timex, found))
    return scores
