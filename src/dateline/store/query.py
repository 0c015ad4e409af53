"""Query descriptions (EventQuery, FactQuery) and the SQLAlchemy Core conditions they become."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, and_, exists, func, or_, select

from dateline.store.ordering import DEFAULT_SORT, SortKey
from dateline.store.schema import (article_events, articles, dyad_months, event_actors, event_dyads, event_tags,
                                   events, fact_subjects, facts)
from dateline.store.selection import Selection

# The largest limit or offset the CLI and the API accept (2**31 - 1, a 32-bit INTEGER on every backend):
# anything larger is a usage error / 422 there, never an OverflowError from the database driver.
MAX_COUNT = 2**31 - 1


@dataclass
class EventQuery:
    dyad: tuple[str, str] | None = None   # ISO3 country pair
    directed: bool = False                # True: dyad[0] is actor side, dyad[1] recipient side
    actor: str | None = None              # actor id ("person:ishaq-dar") or ISO3 country
    types: list[str] | None = None        # PLOVER types
    quad_classes: list[int] | None = None
    contexts: list[str] | None = None
    dimensions: list[str] | None = None
    start: date | None = None             # on event time (earliest..latest overlap); undated events excluded when a range is given
    end: date | None = None
    place_country: str | None = None
    outlet: str | None = None             # reported by an article of this outlet (any case)
    article: str | None = None            # reported by this article (its id)
    limit: int | None = 1000
    offset: int = 0
    sort: str = DEFAULT_SORT              # dateline.store.ordering.SORTS
    after: SortKey | None = None          # keyset position: only events after it in ``sort``
    # which modalities and confidences count (default: asserted events at the default threshold);
    # Selection.everything() reads every stored candidate
    selection: Selection = field(default_factory=Selection)


@dataclass
class FactQuery:
    dyad: tuple[str, str] | None = None
    country: str | None = None
    indicator: str | None = None
    start: date | None = None
    end: date | None = None
    limit: int | None = 1000


def dyad_key(a: str, b: str) -> str:
    """The sorted pair written into ``event_dyads.dyad``: ("RUS", "PAK") -> "PAK-RUS"."""
    return "-".join(sorted((a.upper(), b.upper())))


def parse_dyad(text: str) -> tuple[str, str]:
    """'PAK-RUS', 'PAK,RUS' or 'PAK RUS' -> ('PAK', 'RUS')."""
    parts = [p for p in text.replace(",", "-").replace(" ", "-").split("-") if p]
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise ValueError(f"'{text}' is not a country pair like PAK-RUS (two ISO3 codes)")
    return parts[0].upper(), parts[1].upper()


def directed_pair(a: str, b: str):
    """Event ids of ``a`` acting on ``b``, plus joint events of the pair (both on the actor side:
    "Pakistan + Russia → —", reciprocal meetings), which have no direction and so answer both a→b
    and b→a. event_dyads stores a joint pair in sorted order, so only the reversed row needs the
    check that ``a`` is an actor too (a directed b→a event never has ``a`` on the actor side)."""
    d, ea = event_dyads.c, event_actors.c
    a_acts = exists().where(ea.event_id == d.event_id, ea.side == "actor", ea.country == a)
    return select(d.event_id).where(or_(and_(d.src == a, d.dst == b), and_(d.src == b, d.dst == a, a_acts)))


def event_conditions(q: EventQuery, by_index: bool = True) -> list[ColumnElement[bool]]:
    """The conditions on ``events``; ``by_index`` as in ``Selection.clause``."""
    conds: list[ColumnElement[bool]] = [q.selection.clause(events, by_index)]
    if q.dyad:
        a, b = q.dyad[0].upper(), q.dyad[1].upper()
        if q.directed:
            pair = directed_pair(a, b)
        else:
            pair = select(event_dyads.c.event_id).where(event_dyads.c.dyad == dyad_key(a, b))
        conds.append(events.c.id.in_(pair))
    if q.actor:
        col = event_actors.c.country if len(q.actor) == 3 and q.actor.isupper() else event_actors.c.actor_id
        conds.append(events.c.id.in_(select(event_actors.c.event_id).where(col == q.actor)))
    if q.types:
        conds.append(events.c.type.in_([t.upper() for t in q.types]))
    if q.quad_classes:
        conds.append(events.c.quad_class.in_(list(q.quad_classes)))
    for kind, values in (("context", q.contexts), ("dimension", q.dimensions)):
        if values:
            conds.append(exists().where(event_tags.c.event_id == events.c.id, event_tags.c.kind == kind,
                                        event_tags.c.value.in_(list(values))))
    if q.start:
        conds.append(events.c.latest >= q.start)
    if q.end:
        conds.append(events.c.earliest <= q.end)
    if q.place_country:
        conds.append(events.c.place_country == q.place_country.upper())
    if q.article:
        conds.append(events.c.id.in_(select(article_events.c.event_id).where(article_events.c.article_id == q.article)))
    if q.outlet:
        of_outlet = select(articles.c.id).where(func.lower(articles.c.outlet) == q.outlet.lower())
        conds.append(events.c.id.in_(select(article_events.c.event_id)
                                     .where(article_events.c.article_id.in_(of_outlet))))
    return conds


def pair_walk(q: EventQuery) -> list[ColumnElement[bool]] | None:
    """The conditions on ``event_dyads`` alone that select ``q``'s events, when a page of them can be
    read by walking the pair's (dyad, earliest, event_id) index: an undirected pair in date order
    with no filter beyond types and quad classes. None otherwise. A page of the busiest pair of a
    million events then reads about a page of index instead of sorting all its events."""
    if q.dyad is None or q.directed or q.sort.lstrip("-") != "date" or q.offset or q.limit is None \
            or q.actor or q.contexts or q.dimensions or q.start or q.end or q.place_country or q.outlet or q.article:
        return None
    d = event_dyads.c
    conds = [d.dyad == dyad_key(q.dyad[0], q.dyad[1]), q.selection.clause(event_dyads, by_index=False)]
    if q.types:
        conds.append(d.type.in_([t.upper() for t in q.types]))
    if q.quad_classes:
        conds.append(d.quad_class.in_(list(q.quad_classes)))
    return conds


def totals_count(q: EventQuery):
    """The number of events ``q`` matches, as a statement over the per-dyad totals (dyad_months),
    when the totals can answer it exactly: an undirected pair, read whole (no period, no filter
    beyond types and quad classes), at a threshold on a confidence bin edge. None otherwise, and
    the caller counts the events. A million-event store answers in milliseconds instead of a scan."""
    if q.dyad is None or q.directed or q.start or q.end or q.actor or q.contexts or q.dimensions \
            or q.place_country or q.outlet or q.article:   # (a cursor does not change the total)
        return None
    if q.selection.cut_clause(event_dyads) is not None:    # a threshold inside a bin: the totals cannot tell
        return None
    m = dyad_months.c
    conds = [m.dyad == dyad_key(q.dyad[0].upper(), q.dyad[1].upper()), q.selection.totals_clause(dyad_months)]
    if q.types:
        conds.append(m.type.in_([t.upper() for t in q.types]))
    if q.quad_classes:
        conds.append(m.quad_class.in_(list(q.quad_classes)))
    return select(func.coalesce(func.sum(m.n_events), 0)).where(*conds)


def fact_conditions(q: FactQuery) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []

    def has_country(code: str) -> ColumnElement[bool]:
        return exists().where(fact_subjects.c.article_id == facts.c.article_id,
                              fact_subjects.c.fact_id == facts.c.id, fact_subjects.c.country == code.upper())

    if q.indicator:
        conds.append(facts.c.indicator == q.indicator)
    if q.country:
        conds.append(has_country(q.country))
    if q.dyad:
        conds.append(and_(has_country(q.dyad[0]), has_country(q.dyad[1])))
    if q.start:
        conds.append(or_(facts.c.latest >= q.start, facts.c.latest.is_(None) & (facts.c.earliest >= q.start)))
    if q.end:
        conds.append(facts.c.earliest <= q.end)
    return conds
