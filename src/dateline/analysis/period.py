"""Periods given by users ("2024", "2024-04", "2024-04-17") turned into date bounds."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PeriodError(ValueError):
    """A period bound that is not YYYY, YYYY-MM or YYYY-MM-DD, or an end before its start."""


def parse_bound(value: str | date | None, *, end: bool = False) -> date | None:
    """"2024" -> 2024-01-01 as a start, 2024-12-31 as an end; "2024-02" -> first/last day of February."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    match = _PERIOD.match(text)
    if not match:
        raise PeriodError(f"'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            m = int(month)
            return date(year, m, calendar.monthrange(year, m)[1] if end else 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError as exc:
        raise PeriodError(f"'{value}' is not a valid date: {exc}") from None


@dataclass(frozen=True, slots=True)
class Period:
    """A closed range of days; either side may be open (None)."""

    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise PeriodError(f"the period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def parse(cls, start: str | date | None, end: str | date | None) -> "Period":
        return cls(parse_bound(start), parse_bound(end, end=True))

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.end is not None

    def label(self) -> str:
        if not self.bounded:
            return "all time"
        return f"{self.start or '…'} – {self.end or '…'}"
