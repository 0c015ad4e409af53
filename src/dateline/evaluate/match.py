"""The matching rule: which system event answers which gold event (docs/evaluation.md, "Matching").

Within one gold record (an article or a sentence):
1. A system event is a *candidate* for a gold event when
   a. the gold event gives evidence strings and one of the system event's mention sentences contains
      one of them (case, quotes and spacing ignored) -- required whenever the gold gives evidence; and
   b. its PLOVER type is one the gold accepts, or the country codes of its actors and recipients
      overlap the gold event's.
2. Each candidate pair gets a score: 4 for an accepted type, plus 2 x the Jaccard overlap of the two
   country sets, plus 1 when an actor name the gold lists is among the system event's actor names.
3. Pairs are taken greedily, best score first (ties: gold order, then system order), one to one.
   Required gold events are matched first; optional ones only take the system events left over.
4. A gold event with ``may_merge_with`` that is still unmatched is matched to the system event of the
   event it may be merged into, when that system event is a candidate for it as well.
Unmatched required gold events are misses. Unmatched system events are false alarms only in
exhaustive records.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from dateline.evaluate.gold import GoldEvent, GoldRecord
from dateline.model import Actor, Event

TYPE_WEIGHT = 4.0
COUNTRY_WEIGHT = 2.0
NAME_WEIGHT = 1.0

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


@functools.lru_cache(maxsize=4096)
def normalise_text(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_QUOTES)).strip().casefold()


def actor_code(actor: Actor) -> str:
    """The code an actor is compared by: its ISO3 country, else IGO, else NSA (non-state, no country)."""
    if actor.country:
        return actor.country.upper()
    if actor.kind == "igo" or (actor.sector or "").upper() == "IGO":
        return "IGO"
    return "NSA"


def codes(actors: list[Actor]) -> set[str]:
    return {actor_code(a) for a in actors}


def system_countries(event: Event) -> set[str]:
    return codes(event.actors) | codes(event.recipients)


def evidence_holds(gold: GoldEvent, event: Event) -> bool:
    if not gold.evidence:
        return True
    wanted = [normalise_text(e) for e in gold.evidence]
    for mention in event.mentions:
        sentence = normalise_text(mention.sentence)
        if any(w in sentence for w in wanted):
            return True
    return False


def is_candidate(gold: GoldEvent, event: Event) -> bool:
    if not evidence_holds(gold, event):
        return False
    return event.type in gold.types or bool(system_countries(event) & gold.countries)


def pair_score(gold: GoldEvent, event: Event) -> float:
    score = TYPE_WEIGHT if event.type in gold.types else 0.0
    gold_countries, found = gold.countries, system_countries(event)
    if gold_countries or found:
        score += COUNTRY_WEIGHT * len(gold_countries & found) / len(gold_countries | found)
    if gold.actor_names:
        names = {normalise_text(a.name) for a in event.actors + event.recipients}
        if any(normalise_text(n) in names for n in gold.actor_names):
            score += NAME_WEIGHT
    return score


@dataclass(slots=True)
class RecordMatch:
    record: GoldRecord
    events: list[Event]
    pairs: list[tuple[GoldEvent, Event]] = field(default_factory=list)           # required gold, matched
    optional_pairs: list[tuple[GoldEvent, Event]] = field(default_factory=list)
    missed: list[GoldEvent] = field(default_factory=list)                        # required gold, unmatched
    spurious: list[Event] = field(default_factory=list)                          # false alarms
    unscored: list[Event] = field(default_factory=list)   # unmatched, in a record that is not exhaustive


def _greedy(golds: list[GoldEvent], events: list[Event], taken: set[int]) -> dict[int, int]:
    """gold index -> system index, best pairs first, one to one; skips system indexes in ``taken``."""
    pairs = []
    for gi, gold in enumerate(golds):
        for si, event in enumerate(events):
            if si not in taken and is_candidate(gold, event):
                pairs.append((-pair_score(gold, event), gi, si))
    pairs.sort()
    chosen: dict[int, int] = {}
    for _, gi, si in pairs:
        if gi not in chosen and si not in taken:
            chosen[gi] = si
            taken.add(si)
    return chosen


def match_record(record: GoldRecord, events: list[Event]) -> RecordMatch:
    result = RecordMatch(record=record, events=events)
    required = [g for g in record.events if not g.optional]
    optional = [g for g in record.events if g.optional]
    taken: set[int] = set()
    chosen = _greedy(required, events, taken)
    by_id = {g.id: chosen.get(i) for i, g in enumerate(required) if g.id}
    for gi, gold in enumerate(required):
        si = chosen.get(gi)
        if si is None and gold.may_merge_with:
            partner = by_id.get(gold.may_merge_with)
            if partner is not None and is_candidate(gold, events[partner]):
                si = partner
        if si is None:
            result.missed.append(gold)
        else:
            result.pairs.append((gold, events[si]))
    for gi, si in _greedy(optional, events, taken).items():
        result.optional_pairs.append((optional[gi], events[si]))
    for si, event in enumerate(events):
        if si not in taken:
            (result.spurious if record.exhaustive else result.unscored).append(event)
    return result
