"""Folding grouped rows (per month/year) into the summary records: series, totals, mixes, actors."""
from __future__ import annotations

from collections import defaultdict

from dateline.analysis.records import ActorCount, Count, DyadTotals, SeriesPoint


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
                           by_type=dict(sorted(self.by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
                           by_quad=dict(sorted(self.by_quad.items())),
                           index=self.index(), goldstein=self.goldstein(), sources=self.sources)


def fold_series(rows) -> tuple[DyadTotals, list[SeriesPoint], list[SeriesPoint]]:
    """Rows (month, year, type, quad, n, score_sum, score_n, gold_sum, gold_n, sources) -> totals,
    the monthly series (events known to the month) and the yearly series (known to the year).

    Counts cover every event; the headline index and Goldstein mean cover dated events only (those
    the yearly rows hold), with the undated events' means kept apart as undated_index/_goldstein."""
    total, dated, undated_acc = _Acc(), _Acc(), _Acc()
    months, years = defaultdict(_Acc), defaultdict(_Acc)
    month_dated = undated = 0
    for month, year, *rest in rows:
        total.add(*rest)
        n = rest[2]
        if month:
            months[month].add(*rest)
            month_dated += n
        if year is not None:
            years[str(year)].add(*rest)
            dated.add(*rest)
        else:
            undated += n
            undated_acc.add(*rest)
    totals = DyadTotals(events=total.events, dated=total.events - undated, month_dated=month_dated,
                        undated=undated, sources=total.sources, by_quad=dict(sorted(total.by_quad.items())),
                        by_type=dict(sorted(total.by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
                        index=dated.index(), goldstein=dated.goldstein(),
                        undated_index=undated_acc.index(), undated_goldstein=undated_acc.goldstein())
    return (totals, [months[m].point(m) for m in sorted(months)], [years[y].point(y) for y in sorted(years)])


def fold_tags(rows) -> tuple[list[Count], list[Count]]:
    """Rows (month, year, kind, value, n) -> contexts and dimensions by number of distinct events."""
    found: dict[str, dict[str, int]] = {"context": defaultdict(int), "dimension": defaultdict(int)}
    for _, _, kind, value, n in rows:
        found.setdefault(kind, defaultdict(int))[value] += n
    order = lambda d: [Count(k, v) for k, v in sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))]  # noqa: E731
    return order(found["context"]), order(found["dimension"])


def fold_actors(rows, sides: tuple[str, str]) -> dict[str, list[tuple[str, int]]]:
    """Rows (month, year, country, actor_id, n) -> per side, (actor id, distinct events), busiest first."""
    per: dict[str, dict[str, int]] = {s: defaultdict(int) for s in sides}
    for _, _, country, actor_id, n in rows:
        if country in per:
            per[country][actor_id] += n
    return {s: sorted(v.items(), key=lambda kv: (-kv[1], kv[0])) for s, v in per.items()}


def named_actors(engine, actors_table, ranked: dict[str, list[tuple[str, int]]], top: int) -> dict[str, list[ActorCount]]:
    """The top actors of each side with their names; only the few shown are looked up."""
    from sqlalchemy import select

    wanted = {aid for items in ranked.values() for aid, _ in items[: top * 2]}
    info: dict[str, tuple] = {}
    if wanted:
        with engine.connect() as conn:
            for r in conn.execute(select(actors_table.c.id, actors_table.c.name, actors_table.c.kind)
                                  .where(actors_table.c.id.in_(sorted(wanted)))):
                info[r.id] = (r.name, r.kind)
    out: dict[str, list[ActorCount]] = {}
    for side, items in ranked.items():
        chosen = []
        for aid, n in items[: top * 2]:
            name, kind = info.get(aid, (aid, None))
            if kind == "country":
                continue
            chosen.append(ActorCount(id=aid, name=name, kind=kind, country=side, events=n))
        chosen.sort(key=lambda a: (-a.events, a.name))
        out[side] = chosen[:top]
    return out
