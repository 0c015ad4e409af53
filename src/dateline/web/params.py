"""Query parameters shared by the endpoints, checked once with messages that say what was wrong."""
from __future__ import annotations

import re
from datetime import date

from dateline.analysis.period import Period, PeriodError, parse_bound
from dateline.web.errors import InvalidParameter

ISO3 = re.compile(r"^[A-Za-z]{3}$")
_DYAD = re.compile(r"^([A-Za-z]{3})[-,:]([A-Za-z]{3})$")
ISO3_PATTERN = r"^[A-Za-z]{3}$"
DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD (a year or month covers all its days)"


def country(value: str, param: str = "country") -> str:
    if not ISO3.match(value or ""):
        raise InvalidParameter(param, f"'{value}' is not an ISO 3166 alpha-3 country code such as PAK")
    return value.upper()


def dyad(value: str | None, param: str = "dyad") -> tuple[str, str] | None:
    if value is None or value == "":
        return None
    match = _DYAD.match(value)
    if not match:
        raise InvalidParameter(param, f"'{value}' is not a country pair such as PAK-RUS")
    return pair(match[1], match[2], param)


def pair(a: str, b: str, param: str = "dyad") -> tuple[str, str]:
    a, b = country(a, param), country(b, param)
    if a == b:
        raise InvalidParameter(param, f"a dyad needs two different countries, got {a} twice")
    return a, b


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


def listing(values: list[str] | None, *, upper: bool = False) -> list[str] | None:
    """Repeated (?type=A&type=B) and comma-separated (?type=A,B) forms both work."""
    if not values:
        return None
    out = [v.strip() for item in values for v in item.split(",") if v.strip()]
    return [v.upper() for v in out] if upper else out or None


def quad_classes(values: list[str] | None) -> list[int] | None:
    items = listing(values)
    if not items:
        return None
    out = []
    for v in items:
        if v not in {"1", "2", "3", "4"}:
            raise InvalidParameter("quad_class", f"'{v}' is not a quad class: use 1, 2, 3 or 4")
        out.append(int(v))
    return out
