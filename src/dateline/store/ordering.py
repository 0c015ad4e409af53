"""Sort orders of event lists and their keyset ("after this event") conditions.

Every order is (missing value last, value ascending or descending, id ascending), so it is total and
stable: ties break on the event id, and a position in it is the key of the last event seen,
``(value, id)``. Reading "after a key" is a range condition, not an offset, so events stored since
the key was read never shift or repeat what follows it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, or_

from dateline.store.schema import events

SORTS = ("date", "-date", "confidence", "-confidence")
DEFAULT_SORT = "date"
_COLUMNS = {"date": events.c.earliest, "confidence": events.c.confidence}


class SortError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class SortKey:
    """Where an event stands in a sort: its sort value (None = missing, sorted last) and its id."""
    value: date | float | None
    id: str


def check(sort: str) -> str:
    if sort not in SORTS:
        raise SortError(f"'{sort}' is not a sort order; choose one of {', '.join(SORTS)}")
    return sort


def column(sort: str):
    return _COLUMNS[check(sort).lstrip("-")]


def descending(sort: str) -> bool:
    return check(sort).startswith("-")


def order_by(sort: str) -> list[Any]:
    col = column(sort)
    return [col.is_(None), col.desc() if descending(sort) else col.asc(), events.c.id.asc()]


def after(sort: str, key: SortKey) -> ColumnElement[bool]:
    """Events that come after ``key`` in ``sort``."""
    col = column(sort)
    later_id = and_(events.c.id > key.id)
    if key.value is None:                          # among the missing values, last of all
        return and_(col.is_(None), later_id)
    beyond = col < key.value if descending(sort) else col > key.value
    return or_(col.is_(None), beyond, and_(col == key.value, later_id))

