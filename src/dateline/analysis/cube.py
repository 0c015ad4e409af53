"""A dyad's grouped rows for a period, read from the per-month totals the store keeps (dyad_months...).

Whole months inside the period, and events known only to a year, come from the aggregate tables (a
few hundred rows even for the busiest pair). A bound inside a month (2020-03-15) needs each event's
day: only that edge month is grouped from event_dyads. The totals are kept per modality and confidence
bin, so a selection (dateline.store.selection) reads its own rows; a threshold between bin edges
(0.55) groups just the bin it cuts through from event_dyads. The answer is the same as grouping
event_dyads under sql.period_clause; no cache, so it is never stale and the first request is fast.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Table, and_, false, func, or_, select, true

from dateline.analysis.period import Period
from dateline.analysis.sql import period_clause
from dateline.store.selection import Selection

NO_MONTH, NO_YEAR, NO_QUAD = "", 0, 0   # the store's key sentinels (dateline.store.aggregates)
SCALE = 1_000_000                      # score sums are stored in millionths


@dataclass(slots=True)
class Cube:
    series: list[tuple]   # (month, year, type, quad, n, score_sum, score_n, gold_sum, gold_n, sources)
    tags: list[tuple]     # (month, year, kind, value, n)
    actors: list[tuple]   # (month, year, country, actor_id, n)


def _month(d: date) -> str:
    return d.strftime("%Y-%m")


def _shift(month: str, by: int) -> str:
    y, m = divmod(int(month[:4]) * 12 + int(month[5:7]) - 1 + by, 12)
    return f"{y:04d}-{m + 1:02d}"


@dataclass(frozen=True, slots=True)
class Split:
    """Which part of a period the aggregates answer and which edge months need event days."""

    first_full: str | None    # whole months first_full..last_full (None: open side)
    last_full: str | None
    edges: tuple[str, ...]    # months a bound cuts through

    @classmethod
    def of(cls, period: Period) -> "Split":
        s, e = period.start, period.end
        edges = []
        first = last = None
        if s:
            first = _month(s)
            if s.day != 1:
                edges.append(first)
                first = _shift(first, 1)
        if e:
            last = _month(e)
            if (e + timedelta(days=1)).day != 1:
                edges.append(last)
                last = _shift(last, -1)
        return cls(first, last, tuple(dict.fromkeys(edges)))


def aggregate_clause(t: Table, period: Period, split: Split) -> ColumnElement[bool]:
    """Aggregate rows inside the period: whole months of it, or (known only to a year) its years."""
    if not period.bounded:
        return true()
    c = t.c
    by_month = [c.month != NO_MONTH]
    if split.first_full:
        by_month.append(c.month >= split.first_full)
    if split.last_full:
        by_month.append(c.month <= split.last_full)
    if split.first_full and split.last_full and split.first_full > split.last_full:
        by_month = [false()]
    by_year = [c.month == NO_MONTH, c.year != NO_YEAR]
    if period.start:
        by_year.append(c.year >= period.start.year)
    if period.end:
        by_year.append(c.year <= period.end.year)
    return or_(and_(*by_month), and_(*by_year))


def _when(month: str, year: int) -> tuple[str | None, int | None]:
    return (month or None, year or None)


def read_cube(engine, schema, key: str, period: Period, selection: Selection) -> Cube:
    """The dyad's grouped rows within the period, of the events ``selection`` keeps."""
    split = Split.of(period)
    m, mt, ma = schema.dyad_months, schema.dyad_month_tags, schema.dyad_month_actors
    series = select(m.c.month, m.c.year, m.c.type, m.c.quad_class, m.c.n_events, m.c.plover_e6, m.c.n_plover,
                    m.c.goldstein_e6, m.c.n_goldstein, m.c.n_sources).where(
        m.c.dyad == key, aggregate_clause(m, period, split), selection.totals_clause(m))
    tags = select(mt.c.month, mt.c.year, mt.c.kind, mt.c.value, mt.c.n_events).where(
        mt.c.dyad == key, aggregate_clause(mt, period, split), selection.totals_clause(mt))
    actors = select(ma.c.month, ma.c.year, ma.c.country, ma.c.actor_id, ma.c.n_events).where(
        ma.c.dyad == key, aggregate_clause(ma, period, split), selection.totals_clause(ma))
    with engine.connect() as conn:
        cube = Cube(
            series=[(*_when(mo, y), ty, q or None, n, p / SCALE, pn, g / SCALE, gn, src)
                    for mo, y, ty, q, n, p, pn, g, gn, src in conn.execute(series)],
            tags=[(*_when(mo, y), k, v, n) for mo, y, k, v, n in conn.execute(tags)],
            actors=[(*_when(mo, y), c, a, n) for mo, y, c, a, n in conn.execute(actors)])
        d = schema.event_dyads
        cut = selection.cut_clause(d)
        if split.edges or cut is not None:
            # edge months (every bin) and the confidence bin the threshold cuts through (every month)
            rest = or_(*([d.c.month.in_(split.edges)] if split.edges else []), *([cut] if cut is not None else []))
            edge = group_events(conn, schema, key, and_(rest, period_clause(d, period), selection.clause(d)))
            cube.series += edge.series
            cube.tags += edge.tags
            cube.actors += edge.actors
    return cube


def group_events(conn, schema, key: str, where) -> Cube:
    """The same rows grouped straight from event_dyads (for edge months), ``where`` narrowing them."""
    d, tags, ea = schema.event_dyads, schema.event_tags, schema.event_actors
    c = d.c
    series = (select(c.month, c.year, c.type, c.quad_class, func.count(), func.sum(c.plover_score),
                     func.count(c.plover_score), func.sum(c.goldstein), func.count(c.goldstein),
                     func.sum(c.n_sources))
              .where(c.dyad == key, where).group_by(c.month, c.year, c.type, c.quad_class))
    tag_rows = (select(c.month, c.year, tags.c.kind, tags.c.value, func.count(func.distinct(c.event_id)))
                .select_from(d.join(tags, tags.c.event_id == c.event_id))
                .where(c.dyad == key, where).group_by(c.month, c.year, tags.c.kind, tags.c.value))
    sides = key.split("-")
    # countries take part in every event of their dyad: left out here by their id form
    actor_rows = (select(c.month, c.year, ea.c.country, ea.c.actor_id, func.count(func.distinct(c.event_id)))
                  .select_from(d.join(ea, ea.c.event_id == c.event_id))
                  .where(c.dyad == key, where, ea.c.country.in_(sides), ea.c.actor_id.not_like("country:%"))
                  .group_by(c.month, c.year, ea.c.country, ea.c.actor_id))
    return Cube(series=[tuple(r) for r in conn.execute(series)], tags=[tuple(r) for r in conn.execute(tag_rows)],
                actors=[tuple(r) for r in conn.execute(actor_rows)])
