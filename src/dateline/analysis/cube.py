"""Per-dyad aggregates by month (or year, for year-dated events), kept in memory.

A dyad summary over a period whose bounds fall on month edges (every period the dashboard and the
CLI build from YYYY or YYYY-MM) is answered from these rows without touching the database again.
One cube costs a few grouped scans of the dyad; it is rebuilt when the store changes, which a
fingerprint of two primary-key maxima (cheap on any backend) detects.
"""
from __future__ import annotations

import threading
from datetime import timedelta
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from dateline.analysis.period import Period

if TYPE_CHECKING:
    from dateline.analysis.dyad import DyadAnalytics


@dataclass(slots=True)
class Cube:
    series: list[tuple]   # (month, year, type, quad, n, score_sum, score_n, gold_sum, gold_n, sources)
    tags: list[tuple]     # (month, year, kind, value, n)
    actors: list[tuple]   # (month, year, country, actor_id, n)


def month_aligned(period: Period) -> bool:
    """True when the period starts on a 1st and ends on a month's last day (or is open)."""
    s, e = period.start, period.end
    return not (s and s.day != 1) and not (e and (e + timedelta(days=1)).day != 1)


def in_period(month: str | None, year: int | None, period: Period) -> bool:
    """Overlap at the granularity the event is known, as in sql.period_clause, for aligned periods."""
    if not period.bounded:
        return True
    if month:
        return ((not period.start or month >= period.start.strftime("%Y-%m"))
                and (not period.end or month <= period.end.strftime("%Y-%m")))
    if year is not None:
        return (not period.start or year >= period.start.year) and (not period.end or year <= period.end.year)
    return False   # undated events never match a bounded period


class CubeCache:
    def __init__(self, analytics: "DyadAnalytics", size: int = 64) -> None:
        self.an = analytics
        self.size = size
        self._cubes: OrderedDict[str, tuple[tuple, Cube]] = OrderedDict()
        self._lock = threading.Lock()

    def fingerprint(self) -> tuple:
        s = self.an.schema
        with self.an.engine.connect() as conn:
            return (conn.execute(select(func.max(s.event_mentions.c.id))).scalar(),
                    conn.execute(select(func.max(s.article_history.c.id))).scalar(),
                    conn.execute(select(func.max(s.failures.c.id))).scalar())

    def get(self, key: str) -> Cube:
        mark = self.fingerprint()
        with self._lock:
            hit = self._cubes.get(key)
            if hit and hit[0] == mark:
                self._cubes.move_to_end(key)
                return hit[1]
        cube = self.build(key)
        with self._lock:
            self._cubes[key] = (mark, cube)
            self._cubes.move_to_end(key)
            while len(self._cubes) > self.size:
                self._cubes.popitem(last=False)
        return cube

    def clear(self) -> None:
        with self._lock:
            self._cubes.clear()

    def build(self, key: str, where=None) -> Cube:
        """The dyad's aggregates; ``where`` (a condition on event_dyads) narrows them to a period."""
        d, tags, ea = self.an.t, self.an.schema.event_tags, self.an.schema.event_actors
        c = d.c
        extra = [] if where is None else [where]
        series = (select(c.month, c.year, c.type, c.quad_class, func.count(), func.sum(c.plover_score),
                         func.count(c.plover_score), func.sum(c.goldstein), func.count(c.goldstein),
                         func.sum(c.n_sources))
                  .where(c.dyad == key, *extra).group_by(c.month, c.year, c.type, c.quad_class))
        tag_rows = (select(c.month, c.year, tags.c.kind, tags.c.value, func.count(func.distinct(c.event_id)))
                    .select_from(d.join(tags, tags.c.event_id == c.event_id))
                    .where(c.dyad == key, *extra).group_by(c.month, c.year, tags.c.kind, tags.c.value))
        sides = key.split("-")
        # countries take part in every event of their dyad: left out here by their id form
        actor_rows = (select(c.month, c.year, ea.c.country, ea.c.actor_id, func.count(func.distinct(c.event_id)))
                      .select_from(d.join(ea, ea.c.event_id == c.event_id))
                      .where(c.dyad == key, *extra, ea.c.country.in_(sides), ea.c.actor_id.not_like("country:%"))
                      .group_by(c.month, c.year, ea.c.country, ea.c.actor_id))
        with self.an.engine.connect() as conn:
            return Cube(series=[tuple(r) for r in conn.execute(series)],
                        tags=[tuple(r) for r in conn.execute(tag_rows)],
                        actors=[tuple(r) for r in conn.execute(actor_rows)])
