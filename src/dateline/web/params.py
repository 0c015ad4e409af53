"""Query parameters shared by the endpoints, checked once with messages that say what was wrong.
Filter values (countries, types, contexts...) go through dateline.commands.validate, as on the CLI."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from fastapi import Query

from dateline.analysis.period import Period, PeriodError, parse_bound
from dateline.commands import validate
from dateline.store.query import MAX_COUNT
from dateline.web.errors import InvalidParameter

T = TypeVar("T")

DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD (a year or month covers all its days)"

# The ceiling of every integer query parameter (the CLI's too, dateline.store.query.MAX_COUNT): it fits
# the 32-bit INTEGER of both backends, so a huge number (?offset=99999999999999999999) is a 422 naming
# the parameter, never a database error.
INT_MAX = MAX_COUNT


def integer(*, ge: int, le: int = INT_MAX, description: str | None = None):
    """The Query() of an integer parameter, bounded to ge..le (le at most INT_MAX); out of range
    answers 422 "invalid parameters: <name>: Input should be less than or equal to <le>"."""
    return Query(ge=ge, le=min(le, INT_MAX), description=description)


def checked(check: Callable[..., T], value, param: str) -> T:
    """Run a dateline.commands.validate check (the CLI runs the same ones); its error becomes a 422
    naming ``param``."""
    try:
        return check(value)
    except validate.InvalidFilter as exc:
        raise InvalidParameter(param, str(exc)) from None


def country(value: str, param: str = "country") -> str:
    return checked(validate.country, value, param)


def optional_country(value: str | None, param: str) -> str | None:
    return country(value, param) if value else None


def dyad(value: str | None, param: str = "dyad") -> tuple[str, str] | None:
    if value is None or value == "":
        return None
    return checked(validate.dyad, value, param)


def pair(a: str, b: str, param: str = "dyad") -> tuple[str, str]:
    return checked(lambda ab: validate.pair(*ab), (a, b), param)


def bound(value: str | None, param: str, *, end: bool = False) -> date | None:
    try:
        return parse_bound(value, end=end)
    except PeriodError as exc:
        raise InvalidParameter(param, str(exc)) from None


def period(start: str | None, end: str | None) -> Period:
    s, e = bound(start, "start"), bound(end, "end", end=True)
    try:
        return Period(s, e)
    except PeriodError as exc:
        raise InvalidParameter("end", str(exc)) from None


def event_types(values: list[str] | None, param: str = "type") -> list[str] | None:
    """Repeated (?type=A&type=B) and comma-separated (?type=A,B) forms both work."""
    return checked(validate.event_types, values, param)


def contexts(values: list[str] | None, param: str = "context") -> list[str] | None:
    return checked(validate.contexts, values, param)


def dimensions(values: list[str] | None, param: str = "dimension") -> list[str] | None:
    return checked(validate.dimensions, values, param)


def quad_classes(values: list[str] | None, param: str = "quad_class") -> list[int] | None:
    return checked(validate.quad_classes, values, param)


MODALITY_HELP = ("which events count: asserted (default), announced (future/intended), negated, hypothetical; "
                 "repeat or comma-separate, or all")
CONFIDENCE_HELP = "leave out events below this confidence (0..1; 0 keeps all; default DATELINE_MIN_CONFIDENCE)"


def selection(modality: list[str] | None, min_confidence: float | None):
    """The dateline.store.selection.Selection of ?modality=...&min_confidence=..., or a 422 naming the
    parameter."""
    from dateline.store.selection import Selection, SelectionError

    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise InvalidParameter("min_confidence", f"{min_confidence} is not between 0 and 1")
    try:
        return Selection.parse(modality or None, min_confidence)
    except SelectionError as exc:
        raise InvalidParameter("modality", str(exc)) from None


SORT_HELP = ("order of the events: date (event time, undated last; the default), -date, confidence, -confidence "
             "(missing confidence last); ties in event id order")


def sort(value: str | None) -> str:
    from dateline.store.ordering import DEFAULT_SORT, SortError, check

    try:
        return check(value.strip().lower()) if value else DEFAULT_SORT
    except SortError as exc:
        raise InvalidParameter("sort", str(exc)) from None


def outlet(value: str | None, known: Callable[[], list[str]]) -> str | None:
    """An outlet of the store (any case); an unknown one is a 422 with the nearest outlet suggested."""
    import difflib

    if not value:
        return None
    outlets = known()
    if value.lower() in {o.lower() for o in outlets}:
        return value
    near = difflib.get_close_matches(value.lower(), [o.lower() for o in outlets], n=1, cutoff=0.6)
    hint = f"; did you mean {next(o for o in outlets if o.lower() == near[0])}?" if near else ""
    raise InvalidParameter("outlet", f"'{value}' is not the outlet of any stored article{hint}")


def article(value: str | None, exists: Callable[[str], bool]) -> str | None:
    """A stored article's id; an unknown one is a 422 (never an empty answer)."""
    if not value:
        return None
    if not exists(value):
        raise InvalidParameter("article", f"no stored article has the id '{value}'")
    return value
