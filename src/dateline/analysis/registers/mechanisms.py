"""The mechanisms register: sessions of standing bilateral bodies, one row per session, in order.

Read at read time from the stored evidence sentences of the pair's events (no re-extraction): each
sentence goes through the mechanism tables (dateline.knowledge.mechanisms); a session's date and
venue are the most precise of the events whose sentences name it. Sessions with the same mechanism
and number are one row, whichever articles report them; a session printed without a number joins
the numbered one of the same mechanism when exactly one of those fits its date and venue.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from dateline.analysis.registers.dates import finest, overlaps, sort_key, when_of
from dateline.analysis.registers.records import MechanismRecord, Session, Source, When
from dateline.analysis.registers.sources import SentenceKey, add_sources, add_unique
from dateline.knowledge.mechanisms import MechanismTable, SessionMention
from dateline.model import Event

SIGNING_CAMEO = "057"
_YEAR_ONLY = re.compile(r"(?:in\s+)?(?P<year>1[89]\d\d|2\d\d\d)", re.IGNORECASE)


@dataclass(slots=True)
class Sighting:
    mention: SessionMention
    key: SentenceKey
    sentence: str
    events: list[Event]


def sightings(events: list[Event], table: MechanismTable) -> list[Sighting]:
    """Every session named in the events' evidence sentences, once per sentence."""
    by_sentence: dict[SentenceKey, tuple[str, list[Event]]] = {}
    for ev in events:
        for m in ev.mentions:
            key = (m.article_id, m.sentence_index)
            entry = by_sentence.setdefault(key, (m.sentence, []))
            if all(e.id != ev.id for e in entry[1]):
                entry[1].append(ev)
    out = []
    for key in sorted(by_sentence):
        sentence, evs = by_sentence[key]
        for mention in table.find(sentence):
            out.append(Sighting(mention, key, sentence, evs))
    return out


def session_labels(found: list[Sighting]) -> dict[SentenceKey, str]:
    """sentence -> the first session it names, as a label ("9th session of the Inter-Governmental Commission")."""
    out: dict[SentenceKey, str] = {}
    for s in found:
        out.setdefault(s.key, f"{_label(s.mention.ordinal, s.mention.unit)} of the {s.mention.mechanism}")
    return out


def mechanisms_register(found: list[Sighting]) -> list[MechanismRecord]:
    kinds: dict[str, str] = {}
    numbered: dict[tuple[str, int], list[Sighting]] = defaultdict(list)
    loose: dict[str, list[Sighting]] = defaultdict(list)
    for s in found:
        kinds.setdefault(s.mention.mechanism, s.mention.kind)
        if s.mention.ordinal is not None:
            numbered[(s.mention.mechanism, s.mention.ordinal)].append(s)
        else:
            loose[s.mention.mechanism].append(s)
    sessions: dict[str, list[Session]] = defaultdict(list)
    for (name, _), group in sorted(numbered.items()):
        sessions[name].append(_session(group))
    for name, group in loose.items():
        for s in group:
            single = _session([s])
            fits = [x for x in sessions[name] if _fits(single, x)]
            if len(fits) == 1:
                _absorb(fits[0], single)
                continue
            same = [x for x in sessions[name] if x.ordinal is None and overlaps(x.when, single.when)
                    and _same_place(x, single)]
            if same:
                _absorb(same[0], single)
            else:
                sessions[name].append(single)
    out = []
    for name in sorted(sessions, key=lambda n: n.lower()):
        rows = sorted(sessions[name], key=lambda x: (x.ordinal is None, x.ordinal or 0, sort_key(x.when)))
        seen = {x.ordinal for x in rows if x.ordinal is not None}
        missing = [n for n in range(1, max(seen)) if n not in seen] if seen else []
        dated = [x.when for x in rows if x.when.value]
        last = max(dated, key=lambda w: (w.latest or "", w.earliest or "")) if dated else None
        out.append(MechanismRecord(name=name, kind=kinds[name], sessions=rows, missing=missing, last=last))
    return out


def _session(group: list[Sighting]) -> Session:
    first = group[0].mention
    events = list({ev.id: ev for s in group for ev in s.events}.values())
    dated = {ev.id: _when_here(ev, group) for ev in events}
    meetings = [ev for ev in events if ev.type == "CONSULT"] or events
    when = finest(dated[ev.id] for ev in meetings)
    if when.value is None:
        when = finest(dated[ev.id] for ev in events)
    venue, country = _venue(meetings) or _venue(events) or (None, None)
    session = Session(ordinal=first.ordinal, unit=first.unit or "session", label=_label(first.ordinal, first.unit),
                      when=when, venue=venue, venue_country=country)
    for s in group:
        add_sources(session.sources, [Source(s.key[0], s.key[1], s.sentence, event_id=ev.id) for ev in s.events])
        add_unique(session.article_ids, [s.key[0]])
    add_unique(session.event_ids, [ev.id for ev in events])
    add_unique(session.people, [a.name for ev in events for a in ev.actors + ev.recipients if a.kind == "person"
                                and _named_in(a.name, group)])
    add_unique(session.outcomes, [_outcome(ev) for ev in events if ev.cameo == SIGNING_CAMEO and not ev.negated])
    return session


def _when_here(ev: Event, group: list[Sighting]) -> When:
    """The event's date, unless the session's own sentence prints only a year and the event's date
    came from another sentence (an event merged with another report): then that year. A session
    is dated by its own sentences; a day from elsewhere is not carried over."""
    keys = {s.key for s in group}
    for m in ev.mentions:
        if (m.article_id, m.sentence_index) not in keys or m.time is None:
            continue
        year = _YEAR_ONLY.fullmatch(m.time.text.strip())
        own = ev.time is not None and ev.time.span == m.time and ev.article_id == m.article_id
        if year and not own:
            y = year["year"]
            return When(y, "year", f"{y}-01-01", f"{y}-12-31")
    return when_of(ev.time)


def _named_in(name: str, group: list[Sighting]) -> bool:
    """People of the session's events who are named (by a part of their name) in its sentences."""
    parts = [p for p in name.split() if len(p) > 2]
    return any(p in s.sentence for s in group for p in parts)


def _outcome(ev: Event) -> str:
    n = f"{ev.quantity:g} " if ev.quantity else ""
    return f"{n}agreement{'s' if ev.quantity != 1 else ''} signed".strip()


def _venue(events: list[Event]) -> tuple[str, str | None] | None:
    places = [ev.place for ev in events if ev.place is not None]
    cities = [p for p in places if p.feature == "city"] or places
    return (cities[0].name, cities[0].country) if cities else None


def _fits(loose: Session, numbered: Session) -> bool:
    return numbered.ordinal is not None and overlaps(loose.when, numbered.when) and _same_place(loose, numbered)


def _same_place(a: Session, b: Session) -> bool:
    return a.venue is None or b.venue is None or a.venue == b.venue


def _absorb(into: Session, other: Session) -> None:
    into.when = finest([into.when, other.when])
    into.venue = into.venue or other.venue
    into.venue_country = into.venue_country or other.venue_country
    for name in ("people", "outcomes", "event_ids", "article_ids"):
        add_unique(getattr(into, name), getattr(other, name))
    add_sources(into.sources, other.sources)


def _label(ordinal: int | None, unit: str | None) -> str:
    unit = unit or "session"
    return f"{ordinal_text(ordinal)} {unit}" if ordinal is not None else f"a {unit}"


def ordinal_text(n: int) -> str:
    """1 -> '1st', 12 -> '12th', 22 -> '22nd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
