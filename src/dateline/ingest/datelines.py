"""The dateline that opens a news story: "ISLAMABAD: ...", "MOSCOW, June 11 (Reuters) – ...",
"BEIJING (AP) — ...". It stays in the body text (offsets stay honest); we report where it is."""
from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.ingest.dates import MONTH

CAPS_CITY = r"[A-Z][A-Z.'’\-]*(?:\s[A-Z][A-Z.'’\-]*){0,3}"
TITLE_CITY = r"[A-Z][a-zA-Z.'’\-]+(?:\s[A-Z][a-zA-Z.'’\-]+){0,3}"
REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2}))?"
AGENCY = r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?"
DASH = r"\s*(?:[—–:]|--?)\s*"

# "ISLAMABAD: ", "NEW DELHI: ", "KARACHI, Pakistan: "
CITY_COLON = re.compile(rf"^(?P<city>{CAPS_CITY}){REGION}:\s+")
# "MOSCOW, June 11 (Reuters) – ", "Islamabad, April 17 (APP): ", "SOCHI, Sept. 4 — "
CITY_DATE = re.compile(
    rf"^(?P<city>{CAPS_CITY}|{TITLE_CITY}){REGION},\s*(?P<date>{MONTH}\s+\d{{1,2}}){AGENCY}{DASH}")
# "BEIJING (Reuters) - "
CITY_AGENCY = re.compile(rf"^(?P<city>{CAPS_CITY}){REGION}\s*\((?P<agency>[^()\n]{{1,40}})\){DASH}")

# Upper-case labels that look like a dateline but are not places.
NOT_PLACES = frozenset({
    "UPDATE", "UPDATED", "BREAKING", "BREAKING NEWS", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE",
    "CORRECTION", "WATCH", "READ", "READ MORE", "ALSO READ", "LIVE", "EXCLUSIVE", "ANALYSIS",
    "OPINION", "PHOTO", "PHOTOS", "VIDEO", "FILE", "Q", "A", "FAQ", "TIMELINE", "FACTBOX",
})


@dataclass(slots=True, frozen=True)
class Dateline:
    city: str            # as a name: "Islamabad", "New Delhi"
    printed: str         # the city as printed: "ISLAMABAD"
    start: int           # offsets of the printed city within the paragraph
    end: int
    prefix_end: int      # where the story text starts after the dateline
    date_text: str | None = None
    agency: str | None = None
    region: str | None = None


def city_name(printed: str) -> str:
    """ "NEW DELHI" -> "New Delhi", "ST. PETERSBURG" -> "St. Petersburg"; mixed case stays."""
    if printed != printed.upper():
        return printed
    return re.sub(r"[A-Z][A-Z'’]*", lambda m: m.group(0).capitalize(), printed)


def find_dateline(paragraph: str) -> Dateline | None:
    for pattern in (CITY_DATE, CITY_AGENCY, CITY_COLON):
        m = pattern.match(paragraph)
        if not m:
            continue
        printed = m.group("city").strip()
        if printed.upper() in NOT_PLACES or len(printed) < 3:
            continue
        groups = m.groupdict()
        return Dateline(city=city_name(printed), printed=printed, start=m.start("city"),
                        end=m.start("city") + len(printed), prefix_end=m.end(),
                        date_text=groups.get("date"), agency=(groups.get("agency") or None),
                        region=groups.get("region"))
    return None
