"""What a dyad's events are about and who takes part: tag mixes, key actors, reported figures."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from dateline.analysis.period import Period
from dateline.analysis.records import ActorCount, Count, FactPoint, FactSeries
from dateline.analysis.sql import period_clause

if TYPE_CHECKING:
    from dateline.analysis.dyad import DyadAnalytics


def contexts_and_dimensions(an: "DyadAnalytics", key: str, period: Period) -> tuple[list[Count], list[Count]]:
    """PLOVER contexts and partnership dimensions of the dyad's events, by number of distinct events."""
    d, tags = an.t, an.schema.event_tags
    stmt = (select(tags.c.kind, tags.c.value, func.count(func.distinct(d.c.event_id)))
            .select_from(d.join(tags, tags.c.event_id == d.c.event_id))
            .where(d.c.dyad == key, period_clause(d, period))
            .group_by(tags.c.kind, tags.c.value))
    found: dict[str, list[Count]] = defaultdict(list)
    with an.engine.connect() as conn:
        for kind, value, n in conn.execute(stmt):
            found[kind].append(Count(name=value, events=n))
    order = lambda items: sorted(items, key=lambda c: (-c.events, c.name))  # noqa: E731
    return order(found["context"]), order(found["dimension"])


def top_actors(an: "DyadAnalytics", key: str, sides: tuple[str, str], period: Period,
               top: int) -> dict[str, list[ActorCount]]:
    """The most active actors of each country in the dyad's events (countries themselves left out:
    they take part in every event by definition)."""
    d, ea, actors = an.t, an.schema.event_actors, an.schema.actors
    n_events = func.count(func.distinct(ea.c.event_id))
    stmt = (select(ea.c.country, ea.c.actor_id, actors.c.name, actors.c.kind, n_events)
            .select_from(d.join(ea, ea.c.event_id == d.c.event_id)
                         .join(actors, actors.c.id == ea.c.actor_id))
            .where(d.c.dyad == key, period_clause(d, period), ea.c.country.in_(sides), actors.c.kind != "country")
            .group_by(ea.c.country, ea.c.actor_id, actors.c.name, actors.c.kind))
    per_side: dict[str, list[ActorCount]] = {s: [] for s in sides}
    with an.engine.connect() as conn:
        for country, actor_id, name, kind, n in conn.execute(stmt):
            per_side[country].append(ActorCount(id=actor_id, name=name, kind=kind, country=country, events=n))
    return {s: sorted(v, key=lambda a: (-a.events, a.name))[:top] for s, v in per_side.items()}


def fact_series(store, sides: tuple[str, str], period: Period) -> list[FactSeries]:
    """Figures the articles report about the pair (trade volume by year...), one series per indicator."""
    from dateline.store.query import FactQuery

    facts = store.query_facts(FactQuery(dyad=sides, start=period.start, end=period.end, limit=2000))
    series: dict[tuple[str, str], FactSeries] = {}
    for f in facts:
        s = series.setdefault((f.indicator, f.unit), FactSeries(indicator=f.indicator, unit=f.unit))
        s.points.append(FactPoint(period=f.period.value if f.period else None, value=f.value, unit=f.unit,
                                  qualifier=f.qualifier, article_id=f.article_id, fact_id=f.id,
                                  sentence=f.evidence.sentence if f.evidence else None))
    for s in series.values():
        s.points.sort(key=lambda p: (p.period is None, p.period or "", p.value))
    return sorted(series.values(), key=lambda s: (-len(s.points), s.indicator))
