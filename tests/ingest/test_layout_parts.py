"""The recognisers one by one: bylines, banners, footers, datelines, printed dates."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from dateline.ingest.datelines import find_dateline
from dateline.ingest.dates import UnparseableDate, parse_field, parse_printed
from dateline.ingest.layout import is_banner, is_caption_like, parse_byline, parse_footer


@pytest.mark.parametrize("line,author,published,published_at,updated", [
    ("Baqir Sajjad Syed Published April 18, 2025 Updated April 18, 2025 10:21am",
     "Baqir Sajjad Syed", date(2025, 4, 18), None, datetime(2025, 4, 18, 10, 21)),
    ("By Reuters Published: Sun 11 Jun 2023, 8:49 PM Last updated: Sun 11 Jun 2023, 9:02 PM",
     "Reuters", date(2023, 6, 11), datetime(2023, 6, 11, 20, 49), datetime(2023, 6, 11, 21, 2)),
    ("Sumaira Khan Published June 12, 2023 | 03:20 AM", "Sumaira Khan", date(2023, 6, 12),
     datetime(2023, 6, 12, 3, 20), None),
    ("Published: 22 October 2024", None, date(2024, 10, 22), None, None),
    ("By Arjun Mehta", "Arjun Mehta", None, None, None),
    ("By Staff Reporter | June 12, 2023", "Staff Reporter", date(2023, 6, 12), None, None),
])
def test_bylines(line, author, published, published_at, updated):
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.author, byline.published, byline.published_at, byline.updated_at) == (
        author, published, published_at, updated)


@pytest.mark.parametrize("line", [
    "By the end of the week, the talks had stalled.",
    "The ministry published its figures on Monday.",
    "Published in Dawn, April 18th, 2025",
])
def test_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("line,expected", [
    ("date 2025-04-18 E-Paper | April 18, 2025", True),
    ("Friday, April 18, 2025", True),
    ("Tuesday, 22 October 2024 | E-Paper", True),
    ("Talks held in Moscow on April 18, 2025", False),
    ("Pakistan, Russia agree to advance partnership", False),
])
def test_banners(line, expected):
    assert is_banner(line) is expected


def test_footers():
    assert parse_footer("Published in Dawn, April 18th, 2025") == ("Dawn", None, date(2025, 4, 18))
    assert parse_footer("Published in Dawn, The Business and Finance Weekly, April 14th, 2025") == (
        "Dawn", "The Business and Finance Weekly", date(2025, 4, 14))
    assert parse_footer("Published in The Express Tribune") == ("The Express Tribune", None, None)
    assert parse_footer("Published in Dawn, which reported it first") is None


def test_captions():
    assert is_caption_like("THE Russian vessel is docked at a berth at Karachi Port, on Sunday.—Dawn")
    assert is_caption_like("Leaders pose for a photo in Astana. — AFP/File")
    assert not is_caption_like("Pakistan and Russia agreed to expand trade, officials said.")


@pytest.mark.parametrize("paragraph,city,agency,date_text", [
    ("ISLAMABAD: Pakistan and Russia on Thursday agreed", "Islamabad", None, None),
    ("NEW DELHI: India and China have agreed", "New Delhi", None, None),
    ("MOSCOW, June 11 (Reuters) – Russia said", "Moscow", "Reuters", "June 11"),
    ("SOCHI, Sept. 4 (Eurasia Wire) — Putin said", "Sochi", "Eurasia Wire", "Sept. 4"),
    ("Islamabad, April 17 (APP): The minister", "Islamabad", "APP", "April 17"),
    ("BEIJING (AP) - China and India", "Beijing", "AP", None),
    ("ST. PETERSBURG, Russia: The forum", "St. Petersburg", None, None),
])
def test_datelines(paragraph, city, agency, date_text):
    found = find_dateline(paragraph)
    assert found is not None
    assert (found.city, found.agency, found.date_text) == (city, agency, date_text)
    assert paragraph[found.start:found.end].lower() == city.lower()


@pytest.mark.parametrize("paragraph", ["UPDATE: talks resumed", "Pakistan and Russia agreed: more trade", "US: no comment"])
def test_not_datelines(paragraph):
    assert find_dateline(paragraph) is None


def test_printed_dates():
    assert parse_printed("April 18th, 2025") == (date(2025, 4, 18), None)
    assert parse_printed("18 April 2025 10:21am") == (date(2025, 4, 18), datetime(2025, 4, 18, 10, 21))
    assert parse_printed("12:30 pm") == (None, None)
    assert parse_printed("February 30, 2024") == (None, None)


def test_field_dates():
    assert parse_field("2024-10-15T09:30:00+05:00") == (date(2024, 10, 15), datetime(2024, 10, 15, 9, 30))
    assert parse_field("Fri, 18 Apr 2025 10:21:00 +0500") == (date(2025, 4, 18), datetime(2025, 4, 18, 10, 21))
    assert parse_field("2025-04-18") == (date(2025, 4, 18), None)
    assert parse_field("18/04/2025")[0] == date(2025, 4, 18)
    with pytest.raises(UnparseableDate):
        parse_field("sometime soon")
