"""The visits register: who travelled to the other country, when, where, and what for.

One row per visitor and trip: the pair's visit-mode events (PLOVER CONSULT, mode "visit"), whose
actor side travels to the event's place (or, without a place, to the recipients' country). Canonical
events are already merged across articles; rows of the same visitor to the same country at
overlapping dates are merged once more, keeping the most precise date.
"""
from __future__ import annotations

import re

from dateline.analysis.registers.dates import finest, overlaps, sort_key, when_of
from dateline.analysis.registers.records import Person, Visit
from dateline.analysis.registers.sources import SentenceKey, add_sources, add_unique, articles_of, event_sources
from dateline.model import Actor, Event

# "to attend the SCO summit", "to lead Russia's delegation at the 15th round of ..."
_PURPOSE = re.compile(r"\b(?:to (?:attend|lead|take part in|participate in|join|hold|co-chair)|"
                      r"on the sidelines of|for talks on|to discuss)\s+(?P<what>[^,.;:]{3,120})", re.IGNORECASE)


def visits_register(events: list[Event], pair: tuple[str, str],
                    sessions: dict[SentenceKey, str] | None = None) -> list[Visit]:
    sessions = sessions or {}
    rows: list[Visit] = []
    for ev in events:
        if ev.mode != "visit" or ev.negated:
            continue
        host = _host(ev, pair)
        if host is None:
            continue
        for person in _visitors(ev, host, pair):
            row = Visit(visitor=person, host_country=host, city=_city(ev), when=when_of(ev.time),
                        status="planned" if ev.future or ev.hypothetical else "held",
                        occasion=_occasion(ev, sessions),
                        met=[a.name for a in ev.recipients if a.kind == "person"],
                        event_ids=[ev.id], article_ids=articles_of(ev), sources=event_sources(ev))
            same = next((r for r in rows if _same_trip(r, row)), None)
            if same is None:
                rows.append(row)
            else:
                _absorb(same, row)
    return sorted(rows, key=lambda r: (sort_key(r.when), r.visitor.name))


def _host(ev: Event, pair: tuple[str, str]) -> str | None:
    if ev.place is not None and ev.place.country:
        return ev.place.country if ev.place.country in pair else None
    countries = {a.country for a in ev.recipients if a.country in pair}
    countries -= {a.country for a in ev.actors}
    return countries.pop() if len(countries) == 1 else None


def _visitors(ev: Event, host: str, pair: tuple[str, str]) -> list[Person]:
    """The travelling side: its people, else its bodies (a delegation, the armed forces), else the country."""
    side = [a for a in ev.actors if a.country in pair and a.country != host]
    chosen = ([a for a in side if a.kind == "person"] or [a for a in side if a.kind != "country"] or side)
    return [_person(a) for a in chosen]


def _person(a: Actor) -> Person:
    return Person(id=a.id, name=a.name, country=a.country, roles=list(a.roles))


def _city(ev: Event) -> str | None:
    return ev.place.name if ev.place is not None and ev.place.feature == "city" else None


def _occasion(ev: Event, sessions: dict[SentenceKey, str]) -> str | None:
    for m in ev.mentions:
        label = sessions.get((m.article_id, m.sentence_index))
        if label:
            return label
    for m in ev.mentions:
        found = _PURPOSE.search(m.sentence)
        if found:
            return found["what"].strip()
    return None


def _same_trip(a: Visit, b: Visit) -> bool:
    return (a.visitor.id == b.visitor.id and a.host_country == b.host_country
            and (overlaps(a.when, b.when) or (a.when.value is None and b.when.value is None))
            and (a.city is None or b.city is None or a.city == b.city))


def _absorb(into: Visit, other: Visit) -> None:
    into.when = finest([into.when, other.when])
    into.city = into.city or other.city
    into.occasion = into.occasion or other.occasion
    if other.status == "held":
        into.status = "held"
    add_unique(into.visitor.roles, other.visitor.roles)
    for name in ("met", "event_ids", "article_ids"):
        add_unique(getattr(into, name), getattr(other, name))
    add_sources(into.sources, other.sources)
