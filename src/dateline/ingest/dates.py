"""Dates as printed in bylines, footers, banners and corpus fields -> date / datetime.

Printed forms ("April 18, 2025", "April 18th, 2025", "18 April 2025", "2025-04-18", "10:21am") are
read with one precompiled grammar: fast and deterministic. Corpus fields fall back to dateparser,
cached, for the long tail ("Fri, 18 Apr 2025 10:21:00 +0500", "18/04/2025").
"""
from __future__ import annotations

import functools
import re
from datetime import date, datetime, time, timezone
from email.utils import parsedate_to_datetime

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
ORD = r"(?:st|nd|rd|th)?"
# One full calendar date; named groups for each printed order.
DATE_RE = (
    rf"{WEEKDAY}(?:"
    rf"(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}}){ORD},?\s+(?P<y1>\d{{4}})"        # April 18, 2025
    rf"|(?P<d2>\d{{1,2}}){ORD}\s+(?:of\s+)?(?P<m2>{MONTH}),?\s+(?P<y2>\d{{4}})"  # 18 April 2025
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})"                       # 2025-04-18
    rf")"
)
TIME_RE = (r"(?:at\s+)?(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?::(?P<ss>\d{2}))?\s*"
           r"(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?(?:\s*\(?(?:[A-Z]{2,5}|GMT[+-]\d{1,2}|UTC[+-]\d{1,2})\)?)?")
DATE_PATTERN = re.compile(DATE_RE, re.IGNORECASE)
DATETIME_FULL = re.compile(rf"^\s*{DATE_RE}(?:(?:\s*,\s*|\s+|\s*\|\s*|T){TIME_RE})?\s*\.?\s*$", re.IGNORECASE)


def month_number(name: str) -> int:
    return MONTHS[name.lower()[:3]]


def date_from_match(m: re.Match[str]) -> date | None:
    try:
        if m.group("y1"):
            return date(int(m.group("y1")), month_number(m.group("m1")), int(m.group("d1")))
        if m.group("y2"):
            return date(int(m.group("y2")), month_number(m.group("m2")), int(m.group("d2")))
        return date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
    except (ValueError, KeyError):
        return None  # "February 30" and similar impossible dates


def time_from_match(m: re.Match[str]) -> time | None:
    if m.group("hh") is None:
        return None
    hour, minute = int(m.group("hh")), int(m.group("mm"))
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        return time(hour, minute, int(m.group("ss") or 0))
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def parse_printed(text: str) -> tuple[date | None, datetime | None]:
    """A printed date with an optional time, the whole string: ("April 18, 2025 10:21am") ->
    (date(2025, 4, 18), datetime(2025, 4, 18, 10, 21)). (None, None) when it is not one."""
    m = DATETIME_FULL.match(text)
    if not m:
        return None, None
    day = date_from_match(m)
    if day is None:
        return None, None
    clock = time_from_match(m)
    return day, (datetime.combine(day, clock) if clock else None)


def find_dates(text: str) -> list[tuple[re.Match[str], date]]:
    """Every full calendar date printed anywhere in ``text``."""
    found = []
    for m in DATE_PATTERN.finditer(text):
        day = date_from_match(m)
        if day is not None:
            found.append((m, day))
    return found


class UnparseableDate(ValueError):
    pass


@functools.lru_cache(maxsize=65536)
def parse_field(value: str) -> tuple[date, datetime | None]:
    """A corpus date field -> (day, datetime when a time of day is given). Time zones are dropped:
    the wall-clock time and day as the source printed them are kept. Raises UnparseableDate."""
    text = value.strip()
    if not text:
        raise UnparseableDate("empty date")
    iso = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        if len(iso) == 10:
            return date.fromisoformat(iso), None
        dt = datetime.fromisoformat(iso).replace(tzinfo=None)
        return dt.date(), dt
    except ValueError:
        pass
    day, dt = parse_printed(text)
    if day is not None:
        return day, dt
    try:
        dt = parsedate_to_datetime(text).replace(tzinfo=None)  # RSS / e-mail style
        return dt.date(), dt
    except (TypeError, ValueError, IndexError):
        pass
    return parse_with_dateparser(text)


def parse_with_dateparser(text: str) -> tuple[date, datetime | None]:
    import dateparser  # slow to import; only the long tail of formats needs it

    dt = dateparser.parse(text, languages=["en"], settings={
        "STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"})
    if dt is None:
        raise UnparseableDate(f"unparseable date {text!r}")
    has_time = bool(re.search(r"\d[:.]\d{2}", text))
    return dt.date(), (dt if has_time else None)


def from_epoch(value: float) -> tuple[date, datetime]:
    dt = datetime.fromtimestamp(value, timezone.utc).replace(tzinfo=None)
    return dt.date(), dt
