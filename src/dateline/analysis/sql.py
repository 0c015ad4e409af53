"""SQL building blocks over the store's denormalised ``event_dyads`` table.

Every analytic query filters on ``dyad`` (or ``src``/``dst``) first, so the (dyad, day) and
(src, dst, day) indexes keep a dyad summary fast on millions of events.
"""
from __future__ import annotations

from sqlalchemy import ColumnElement, Table, and_, false, or_, true

from dateline.analysis.period import Period
from dateline.store.query import dyad_key  # noqa: F401  (the store's own key format, re-exported)


def period_clause(t: Table, period: Period) -> ColumnElement[bool]:
    """Events whose time overlaps the period, at the granularity they are known (day, month or year).

    Undated events never match a bounded period (as in the store's EventQuery)."""
    if not period.bounded:
        return true()
    c = t.c
    clauses = []
    if period.start:
        s = period.start
        clauses.append(or_(c.day >= s,
                           and_(c.day.is_(None), c.month >= s.strftime("%Y-%m")),
                           and_(c.day.is_(None), c.month.is_(None), c.year >= s.year)))
    if period.end:
        e = period.end
        clauses.append(or_(c.day <= e,
                           and_(c.day.is_(None), c.month <= e.strftime("%Y-%m")),
                           and_(c.day.is_(None), c.month.is_(None), c.year <= e.year)))
    return and_(*clauses) if clauses else false()
