"""Dates of register rows: from an event's TimeRef, the most precise of several, and overlap tests."""
from __future__ import annotations

from collections.abc import Iterable

from dateline.analysis.registers.records import When
from dateline.model import TimeRef

PRECISION = {"day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}


def when_of(t: TimeRef | None) -> When:
    if t is None or not t.value:
        return When(None, "unknown")
    return When(t.value, t.granularity or "unknown",
                t.earliest.isoformat() if t.earliest else None, t.latest.isoformat() if t.latest else None)


def finest(whens: Iterable[When]) -> When:
    """The most precise date of several (ties: the earliest value, so the choice is stable)."""
    best = When(None, "unknown")
    for w in whens:
        if w.value is None:
            continue
        if best.value is None or (PRECISION.get(w.granularity, 0), _neg(w.value)) > \
                (PRECISION.get(best.granularity, 0), _neg(best.value)):
            best = w
    return best


def overlaps(a: When, b: When) -> bool:
    """Two dates that may be the same time: unknown dates overlap nothing."""
    if not (a.earliest and a.latest and b.earliest and b.latest):
        return False
    return a.earliest <= b.latest and b.earliest <= a.latest


def sort_key(w: When) -> tuple:
    """Chronological, undated last."""
    return (w.earliest is None, w.earliest or "", w.latest or "")


def _neg(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)
