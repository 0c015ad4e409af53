"""Dyad analytics as SQL over the store's tables: series, index, mixes, actors, partners, network.

Summaries, partner rankings, the network and the country list read the per-dyad monthly totals the
store keeps (dyad_months, dyad_month_tags, dyad_month_actors); timelines and periods whose bounds cut
through a month read event_dyads.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, case, func, select, union_all

from dateline.analysis.cube import SCALE, Cube, Split, aggregate_clause, read_cube
from dateline.analysis.fold import fold_actors, fold_series, fold_tags, named_actors
from dateline.analysis.mixes import fact_series
from dateline.analysis.names import CountryNames
from dateline.analysis.period import Period
from dateline.analysis.records import (
    Count, DyadSummary, DyadTotals, Network, NetworkEdge, NetworkNode, Partner, SeriesPoint, TimelinePoint)
from dateline.analysis.sql import dyad_key, period_clause
from dateline.store.selection import Selection


class DyadAnalytics:
    """All relationship views of one store. Keep one per process: it holds the country names and the
    whole-store answers (partners, network, countries) until the store changes."""

    def __init__(self, store) -> None:
        from dateline.store import schema

        self.store = store
        self.engine = store.engine
        self.t = schema.event_dyads
        self.schema = schema
        self.names = CountryNames(store)
        self._memos: dict[tuple, tuple] = {}

    # -- one dyad ---------------------------------------------------------------------------------
    def _cube(self, a: str, b: str, period: Period, selection: Selection | None) -> Cube:
        """The dyad's grouped rows within the period, from the store's monthly totals."""
        return read_cube(self.engine, self.schema, dyad_key(a, b), period, selection or Selection())

    def series(self, a: str, b: str, period: Period = Period(), selection: Selection | None = None,
               ) -> tuple[DyadTotals, list[SeriesPoint], list[SeriesPoint]]:
        """Totals, the monthly series and the yearly series of a dyad (of the events ``selection``
        keeps; None: the default selection, asserted events at the default threshold)."""
        return fold_series(self._cube(a, b, period, selection).series)

    def timeline(self, a: str, b: str, period: Period = Period(), limit: int = 2000,
                 selection: Selection | None = None) -> list[TimelinePoint]:
        """Events of the dyad as timeline dots, latest first (undated ones last).

        Day-dated events come newest-first straight off the (dyad, day) index; the few known only
        to the month or year (or not at all) are read apart and merged in."""
        c = self.t.c
        cols = (c.event_id, c.type, c.quad_class, c.granularity, c.day, c.month, c.year, c.plover_score,
                c.n_sources)
        key = dyad_key(a, b)
        chosen = (selection or Selection()).clause(self.t)
        by_day = [c.dyad == key, c.day.is_not(None), chosen]
        if period.start:
            by_day.append(c.day >= period.start)
        if period.end:
            by_day.append(c.day <= period.end)
        dated = select(*cols).where(*by_day).order_by(c.day.desc(), c.event_id).limit(limit)
        coarse = (select(*cols).where(c.dyad == key, c.day.is_(None), period_clause(self.t, period), chosen)
                  .order_by(c.year.is_(None), c.year.desc(), c.month.desc(), c.event_id).limit(limit))
        with self.engine.connect() as conn:
            rows = list(conn.execute(dated)) + list(conn.execute(coarse))
        points = [TimelinePoint(id=r[0], type=r[1], quad_class=r[2], granularity=r[3],
                                day=r[4].isoformat() if hasattr(r[4], "isoformat") else r[4],
                                month=r[5], year=r[6], score=r[7], sources=r[8] or 1) for r in rows]
        # newest first at the finest known date; a month or year sorts at its end, undated last
        points.sort(key=lambda p: (p.year is None, -(p.year or 0), _desc(p.month or f"{p.year}-99"),
                                   _desc(p.day or "9999"), p.id))
        return points[:limit]

    def summary(self, a: str, b: str, period: Period = Period(), top: int = 8,
                selection: Selection | None = None) -> DyadSummary:
        a, b = a.upper(), b.upper()
        selection = selection or Selection()
        cube = self._cube(a, b, period, selection)
        totals, months, years = fold_series(cube.series)
        if "announced" not in selection.modalities:   # counted apart, never in the counts or the index
            announced = Selection(frozenset({"announced"}), selection.min_confidence)
            totals.announced = sum(r[4] for r in self._cube(a, b, period, announced).series)
        contexts, dimensions = fold_tags(cube.tags)
        actors = named_actors(self.engine, self.schema.actors, fold_actors(cube.actors, (a, b)), top)
        return DyadSummary(
            dyad=(a, b), names={a: self.names.name(a), b: self.names.name(b)},
            start=period.start.isoformat() if period.start else None,
            end=period.end.isoformat() if period.end else None,
            totals=totals, months=months, years=years, contexts=contexts, dimensions=dimensions,
            actors=actors, facts=fact_series(self.store, (a, b), period), selection=selection.to_json())

    # -- many dyads -------------------------------------------------------------------------------
    def _memo(self, name: str, args: tuple, compute):
        """Whole-store answers (partners, network, countries) group many dyads: keep each until the
        store changes."""
        mark = self.fingerprint()
        key = (name, args)
        hit = self._memos.get(key)
        if hit is not None and hit[0] == mark:
            return hit[1]
        value = compute()
        if len(self._memos) > 256:
            self._memos.clear()
        self._memos[key] = (mark, value)
        return value

    def fingerprint(self) -> tuple:
        """Changes whenever the store does: maxima of three growing primary keys (cheap on any backend)."""
        s = self.schema
        with self.engine.connect() as conn:
            return (conn.execute(select(func.max(s.event_mentions.c.id))).scalar(),
                    conn.execute(select(func.max(s.article_history.c.id))).scalar(),
                    conn.execute(select(func.max(s.failures.c.id))).scalar())

    def forget(self) -> None:
        """Drops the kept whole-store answers (benchmarks measure first requests with it)."""
        self._memos.clear()

    def partners(self, country: str, period: Period = Period(), limit: int = 20,
                 selection: Selection | None = None) -> list[Partner]:
        """The countries ``country`` interacts with, ranked by number of distinct events."""
        selection = selection or Selection()
        return self._memo("partners", (country.upper(), period, limit, selection),
                          lambda: self._partners(country, period, limit, selection))

    def _partners(self, country: str, period: Period, limit: int, selection: Selection) -> list[Partner]:
        country = country.upper()
        split = Split.of(period)
        if not split.edges and selection.cut_clause(self.t) is None:
            return self._partners_from_totals(country, period, split, limit, selection)
        c = self.t.c
        when = and_(period_clause(self.t, period), selection.clause(self.t))
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

    def _partners_from_totals(self, country: str, period: Period, split: Split, limit: int,
                              selection: Selection) -> list[Partner]:
        m = self.schema.dyad_months
        c = m.c
        # a dyad is "A-B" sorted; a side is an ISO3 code or a collective's code (G7, NATO: 2-8 characters)
        size = len(country)
        is_first, is_second = c.dyad.like(f"{country}-%"), c.dyad.like(f"%-{country}")
        partner = case((is_first, func.substr(c.dyad, size + 2)),
                       else_=func.substr(c.dyad, 1, func.length(c.dyad) - size - 1)).label("partner")
        n = func.sum(c.n_events)
        stmt = (select(partner, n, func.sum(c.plover_e6), func.sum(c.n_plover),
                       func.sum(case((and_(c.quad_class >= 1, c.quad_class <= 2), c.n_events), else_=0)),
                       func.sum(case((c.quad_class >= 3, c.n_events), else_=0)))
                .where(is_first | is_second, aggregate_clause(m, period, split),
                       selection.totals_clause(m))
                .group_by(partner).order_by(n.desc(), partner).limit(limit))
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        return [Partner(country=p, name=self.names.name(p), events=int(k), index=_mean(e6, n_scored),
                        cooperation=int(co or 0), conflict=int(cf or 0))
                for p, k, e6, n_scored, co, cf in rows]

    def network(self, period: Period = Period(), min_events: int = 1, limit: int = 200,
                selection: Selection | None = None) -> Network:
        """Countries as nodes, dyads as edges weighted by distinct events."""
        selection = selection or Selection()
        return self._memo("network", (period, min_events, limit, selection),
                          lambda: self._network(period, min_events, limit, selection))

    def _network(self, period: Period, min_events: int, limit: int, selection: Selection) -> Network:
        split = Split.of(period)
        from_events = bool(split.edges) or selection.cut_clause(self.t) is not None
        if from_events:
            c = self.t.c
            stmt = (select(c.dyad, func.count(), func.avg(c.plover_score))
                    .where(period_clause(self.t, period), selection.clause(self.t))
                    .group_by(c.dyad).having(func.count() >= min_events)
                    .order_by(func.count().desc(), c.dyad).limit(limit))
        else:
            m = self.schema.dyad_months
            n = func.sum(m.c.n_events)
            stmt = (select(m.c.dyad, n, func.sum(m.c.plover_e6), func.sum(m.c.n_plover))
                    .where(aggregate_clause(m, period, split), selection.totals_clause(m))
                    .group_by(m.c.dyad).having(n >= min_events)
                    .order_by(n.desc(), m.c.dyad).limit(limit))
        with self.engine.connect() as conn:
            rows = [(r[0], int(r[1]), r[2] if from_events else _mean(r[2], r[3])) for r in conn.execute(stmt)]
        edges, weight = [], defaultdict(int)
        for dyad, n, avg in rows:
            s, t = dyad.split("-", 1)
            edges.append(NetworkEdge(source=s, target=t, events=n, index=round(avg, 2) if avg is not None else None))
            weight[s] += n
            weight[t] += n
        nodes = [NetworkNode(id=k, name=self.names.name(k), events=v)
                 for k, v in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
        return Network(start=period.start.isoformat() if period.start else None,
                       end=period.end.isoformat() if period.end else None, nodes=nodes, edges=edges,
                       selection=selection.to_json())

    def countries(self) -> list[Count]:
        """Every country in some dyad, with its number of dyad rows, for pickers."""
        return self._memo("countries", (), self._countries)

    def _countries(self) -> list[Count]:
        m = self.schema.dyad_months
        with self.engine.connect() as conn:
            rows = conn.execute(select(m.c.dyad, func.sum(m.c.n_events)).group_by(m.c.dyad)).all()
        counts: dict[str, int] = defaultdict(int)
        for dyad, n in rows:
            for iso in dyad.split("-", 1):
                counts[iso] += int(n)
        return [Count(name=k, events=v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _mean(sum_e6, n) -> float | None:
    """Mean score from a sum in millionths, to two decimals."""
    return round(int(sum_e6) / SCALE / int(n), 2) if n else None


def _desc(text: str) -> tuple[int, ...]:
    """Sort key that orders ISO date strings newest first."""
    return tuple(-ord(ch) for ch in text)
