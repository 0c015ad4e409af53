"""Dyad analytics as SQL over the store's tables: series, index, mixes, actors, partners, network."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import case, func, select, union_all

from dateline.analysis.names import CountryNames
from dateline.analysis.period import Period
from dateline.analysis.records import (
    Count, DyadSummary, DyadTotals, Network, NetworkEdge, NetworkNode, Partner, SeriesPoint, TimelinePoint)
from dateline.analysis.sql import dyad_key, period_clause
from dateline.analysis import mixes


class _Acc:
    """Running sums for one series bucket; the index is a mean over distinct events."""

    __slots__ = ("events", "by_type", "by_quad", "score_sum", "score_n", "gold_sum", "gold_n", "sources")

    def __init__(self) -> None:
        self.events = 0
        self.by_type: dict[str, int] = defaultdict(int)
        self.by_quad: dict[int, int] = defaultdict(int)
        self.score_sum = self.gold_sum = 0.0
        self.score_n = self.gold_n = self.sources = 0

    def add(self, type_, quad, n, score_sum, score_n, gold_sum, gold_n, sources) -> None:
        self.events += n
        if type_:
            self.by_type[type_] += n
        if quad is not None:
            self.by_quad[int(quad)] += n
        self.score_sum += score_sum or 0.0
        self.score_n += score_n or 0
        self.gold_sum += gold_sum or 0.0
        self.gold_n += gold_n or 0
        self.sources += sources or 0

    def index(self) -> float | None:
        return round(self.score_sum / self.score_n, 2) if self.score_n else None

    def goldstein(self) -> float | None:
        return round(self.gold_sum / self.gold_n, 2) if self.gold_n else None

    def point(self, period: str) -> SeriesPoint:
        return SeriesPoint(period=period, events=self.events,
                           by_type=dict(sorted(self.by_type.items(), key=lambda kv: -kv[1])),
                           by_quad=dict(sorted(self.by_quad.items())),
                           index=self.index(), goldstein=self.goldstein(), sources=self.sources)


class DyadAnalytics:
    """All relationship views of one store. Cheap to build; holds no state but the store and names."""

    def __init__(self, store) -> None:
        from dateline.store import schema

        self.store = store
        self.engine = store.engine
        self.t = schema.event_dyads
        self.schema = schema
        self.names = CountryNames(store)

    # -- one dyad ---------------------------------------------------------------------------------
    def series(self, a: str, b: str, period: Period = Period()) -> tuple[DyadTotals, list[SeriesPoint], list[SeriesPoint]]:
        """Totals, the monthly series and the yearly series of a dyad, from one grouped scan."""
        c = self.t.c
        stmt = (select(c.month, c.year, c.type, c.quad_class, func.count(),
                       func.sum(c.plover_score), func.count(c.plover_score),
                       func.sum(c.goldstein), func.count(c.goldstein), func.sum(c.n_sources))
                .where(c.dyad == dyad_key(a, b), period_clause(self.t, period))
                .group_by(c.month, c.year, c.type, c.quad_class))
        total, months, years = _Acc(), defaultdict(_Acc), defaultdict(_Acc)
        month_dated = undated = 0
        with self.engine.connect() as conn:
            for month, year, type_, quad, n, ss, sn, gs, gn, src in conn.execute(stmt):
                row = (type_, quad, n, ss, sn, gs, gn, src)
                total.add(*row)
                if month:
                    months[month].add(*row)
                    month_dated += n
                if year is not None:
                    years[str(year)].add(*row)
                else:
                    undated += n
        totals = DyadTotals(events=total.events, dated=total.events - undated, month_dated=month_dated,
                            undated=undated, sources=total.sources,
                            by_quad=dict(sorted(total.by_quad.items())),
                            by_type=dict(sorted(total.by_type.items(), key=lambda kv: -kv[1])),
                            index=total.index(), goldstein=total.goldstein())
        return (totals, [months[m].point(m) for m in sorted(months)],
                [years[y].point(y) for y in sorted(years)])

    def timeline(self, a: str, b: str, period: Period = Period(), limit: int = 2000) -> list[TimelinePoint]:
        """Events of the dyad as timeline dots, latest first (undated ones last)."""
        c = self.t.c
        stmt = (select(c.event_id, c.type, c.quad_class, c.granularity, c.day, c.month, c.year,
                       c.plover_score, c.n_sources)
                .where(c.dyad == dyad_key(a, b), period_clause(self.t, period))
                .order_by(c.year.is_(None), c.year.desc(), c.month.desc(), c.day.desc(), c.event_id)
                .limit(limit))
        with self.engine.connect() as conn:
            return [TimelinePoint(id=r[0], type=r[1], quad_class=r[2], granularity=r[3],
                                  day=r[4].isoformat() if r[4] is not None and hasattr(r[4], "isoformat") else r[4],
                                  month=r[5], year=r[6], score=r[7], sources=r[8] or 1)
                    for r in conn.execute(stmt)]

    def summary(self, a: str, b: str, period: Period = Period(), top: int = 8) -> DyadSummary:
        a, b = a.upper(), b.upper()
        totals, months, years = self.series(a, b, period)
        key = dyad_key(a, b)
        contexts, dimensions = mixes.contexts_and_dimensions(self, key, period)
        return DyadSummary(
            dyad=(a, b), names={a: self.names.name(a), b: self.names.name(b)},
            start=period.start.isoformat() if period.start else None,
            end=period.end.isoformat() if period.end else None,
            totals=totals, months=months, years=years, contexts=contexts, dimensions=dimensions,
            actors=mixes.top_actors(self, key, (a, b), period, top),
            facts=mixes.fact_series(self.store, (a, b), period))

    # -- many dyads -------------------------------------------------------------------------------
    def partners(self, country: str, period: Period = Period(), limit: int = 20) -> list[Partner]:
        """The countries ``country`` interacts with, ranked by number of distinct events."""
        country = country.upper()
        c = self.t.c
        when = period_clause(self.t, period)
        # both directions through the (src, dst, day) index, then one grouping
        sides = union_all(
            select(c.dst.label("partner"), c.quad_class, c.plover_score).where(c.src == country, c.dst != country, when),
            select(c.src.label("partner"), c.quad_class, c.plover_score).where(c.dst == country, c.src != country, when),
        ).subquery()
        q = sides.c.quad_class
        stmt = (select(sides.c.partner, func.count(), func.avg(sides.c.plover_score),
                       func.sum(case((q <= 2, 1), else_=0)), func.sum(case((q >= 3, 1), else_=0)))
                .group_by(sides.c.partner).order_by(func.count().desc(), sides.c.partner).limit(limit))
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        return [Partner(country=p, name=self.names.name(p), events=n,
                        index=round(avg, 2) if avg is not None else None,
                        cooperation=int(co or 0), conflict=int(cf or 0))
                for p, n, avg, co, cf in rows]

    def network(self, period: Period = Period(), min_events: int = 1, limit: int = 200) -> Network:
        """Countries as nodes, dyads as edges weighted by distinct events."""
        c = self.t.c
        stmt = (select(c.dyad, func.count(), func.avg(c.plover_score))
                .where(period_clause(self.t, period))
                .group_by(c.dyad).having(func.count() >= min_events)
                .order_by(func.count().desc(), c.dyad).limit(limit))
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        edges, weight = [], defaultdict(int)
        for dyad, n, avg in rows:
            s, t = dyad.split("-", 1)
            edges.append(NetworkEdge(source=s, target=t, events=n, index=round(avg, 2) if avg is not None else None))
            weight[s] += n
            weight[t] += n
        nodes = [NetworkNode(id=k, name=self.names.name(k), events=v)
                 for k, v in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
        return Network(start=period.start.isoformat() if period.start else None,
                       end=period.end.isoformat() if period.end else None, nodes=nodes, edges=edges)

    def countries(self) -> list[Count]:
        """Every country in some dyad, with its number of dyad rows, for pickers."""
        c = self.t.c
        per_dyad = select(c.dyad, func.count().label("n")).group_by(c.dyad).subquery()
        with self.engine.connect() as conn:
            rows = conn.execute(select(per_dyad.c.dyad, per_dyad.c.n)).all()
        counts: dict[str, int] = defaultdict(int)
        for dyad, n in rows:
            for iso in dyad.split("-", 1):
                counts[iso] += n
        return [Count(name=k, events=v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
