"""Time phrases that cannot be placed on the calendar (year 1 to 9999) are unresolved times, never
exceptions: huge counts ("99999999999 days ago"), impossible quarters ("Q10000 2025") and
relative phrases against publication dates at the ends of the calendar (0001-01-01, 9999-12-31)."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.extractors.modality import is_historical
from dateline.extractors.time import (UNRESOLVED, TimeResolver, normalize, time_warnings,
                                      timex_value)
from dateline.model import Article, TimeRef

FRIDAY = date(2025, 4, 18)
FIRST = date(1, 1, 1)          # a Monday
LAST = date(9999, 12, 31)      # a Friday


@pytest.fixture(scope="module")
def resolver():
    return TimeResolver()


def _unresolved(ref: TimeRef | None) -> bool:
    return ref is not None and ref.value is None and ref.granularity == "unknown" and \
        ref.earliest is None and ref.latest is None


# --- one phrase -------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, published", [
    ("99999999999 days ago", FRIDAY),
    ("10000 years ago", FRIDAY),
    ("99999 months ago", FRIDAY),
    ("in Q10000 2025", FRIDAY),
    ("999999 weeks ago", FRIDAY),
    ("1" * 400 + " days ago", FRIDAY),      # a count too big for a float
    ("2026 years ago", FRIDAY),             # year 0 (-1): just off the calendar
    ("3000 years from now", date(8000, 1, 1)),
    ("on Thursday", FIRST),
    ("yesterday", FIRST),
    ("last week", FIRST),
    ("last month", FIRST),
    ("last year", FIRST),
    ("last quarter", FIRST),
    ("the last decade", FIRST),
    ("last winter", FIRST),
    ("tomorrow", LAST),
    ("next week", LAST),
    ("next month", LAST),
    ("next year", LAST),
    ("next quarter", LAST),
    ("the next decade", LAST),
    ("this weekend", LAST),
    ("winter", LAST),                       # 9999 winter ends in February 10000
    ("the fiscal year of next year", LAST),
    ("next financial year", LAST),
    ("the last week of December", FIRST),   # December of year 0: news looks back
    ("October of next year", LAST),
    ("the fourth quarter", FIRST),          # the nearest Q4 of year 1 is the year before
])
def test_unresolvable_phrase_is_unknown(resolver, phrase, published):
    ref = resolver.resolve(phrase, published)
    assert _unresolved(ref), (phrase, ref)
    assert timex_value(phrase, published) is None


def test_unresolved_reading():
    r = normalize("99999 months ago", FRIDAY)
    assert r == UNRESOLVED
    assert (r.value, r.granularity, r.timex, r.kind) == (None, "unknown", None, "unresolved")


@pytest.mark.parametrize("phrase, published, value, granularity, earliest, latest", [
    # still on the calendar: resolved as usual
    ("on Thursday", LAST, "9999-12-30", "day", date(9999, 12, 30), date(9999, 12, 30)),
    ("yesterday", LAST, "9999-12-30", "day", date(9999, 12, 30), date(9999, 12, 30)),
    ("today", FIRST, "0001-01-01", "day", FIRST, FIRST),
    ("tomorrow", FIRST, "0001-01-02", "day", date(1, 1, 2), date(1, 1, 2)),
    ("this year", FIRST, "0001", "year", FIRST, date(1, 12, 31)),
    ("this year", LAST, "9999", "year", date(9999, 1, 1), LAST),
    ("this month", LAST, "9999-12", "month", date(9999, 12, 1), LAST),
    ("this quarter", LAST, "9999-Q4", "quarter", date(9999, 10, 1), LAST),
    ("this week", FIRST, "0001-W01", "week", FIRST, date(1, 1, 7)),
    ("earlier this week", FIRST, "0001-W01", "week", FIRST, FIRST),
    ("this decade", LAST, None, "decade", date(9990, 1, 1), LAST),
    ("the first week of January", FIRST, "0001-W01", "week", FIRST, date(1, 1, 7)),
    # the last ISO week of 9999 runs into year 10000: it ends where the calendar does
    ("this week", LAST, "9999-W52", "week", date(9999, 12, 27), LAST),
    ("2024 years ago", FRIDAY, "0001", "year", FIRST, date(1, 12, 31)),
    ("Q1 2025", FRIDAY, "2025-Q1", "quarter", date(2025, 1, 1), date(2025, 3, 31)),
    ("99 days ago", FRIDAY, "2025-01-09", "day", date(2025, 1, 9), date(2025, 1, 9)),
])
def test_phrase_at_the_calendar_edge_resolves(resolver, phrase, published, value, granularity,
                                              earliest, latest):
    ref = resolver.resolve(phrase, published)
    assert ref is not None, phrase
    assert (ref.value, ref.granularity, ref.earliest, ref.latest) == (value, granularity, earliest, latest)


def test_future_weekday_from_the_first_day(resolver):
    assert resolver.resolve("Thursday", FIRST, future=True).value == "0001-01-04"
    assert _unresolved(resolver.resolve("Saturday", LAST, future=True))


@pytest.mark.parametrize("phrase", [
    "1" * 400 + " years",              # a duration whose count is infinite as a float
    "9" * 320 + ".5 decades",
    "every " + "9" * 400 + " days",
])
def test_huge_durations_do_not_raise(phrase):
    assert timex_value(phrase, FRIDAY) is None


def test_shared_unit_with_huge_count_does_not_raise():
    sentence = "Talks could take between " + "9" * 400 + " and 90 days."
    assert timex_value("9" * 400, FRIDAY, sentence=sentence) is None


def test_year_before_the_first_year_is_no_value():
    sentence = "Exports grew in 0001 and fell the year before."
    assert timex_value("the year before", date(1, 6, 1), sentence=sentence) is None


# --- in a parsed article ----------------------------------------------------------------------

@pytest.mark.parametrize("text, published, phrase", [
    ("Pakistan and Russia agreed 99999999999 days ago to expand trade.", FRIDAY, "99999999999 days ago"),
    ("The border dispute was settled 10000 years ago, officials said.", FRIDAY, "10000 years ago"),
    ("The talks began 99999 months ago in Moscow.", FRIDAY, "99999 months ago"),
    ("Exports will rise in Q10000 2025, the ministry said.", FRIDAY, "Q10000"),
    ("The deal was signed 999999 weeks ago.", FRIDAY, "999999 weeks ago"),
    ("Pakistan and Russia on Thursday agreed to expand trade.", FIRST, "Thursday"),
    ("Pakistan and Russia agreed last year to expand trade.", FIRST, "last year"),
    ("The ministers will meet next week in Astana.", LAST, "next week"),
])
def test_find_keeps_unresolvable_phrase_as_unknown_with_warning(nlp, text, published, phrase):
    doc = nlp(text)
    refs = TimeResolver().find(doc, Article(text=text, published=published))
    hits = [r for r in refs if phrase in r.span.text]
    assert hits, [r.span.text for r in refs]
    for r in hits:
        assert _unresolved(r) and r.source == "text" and r.fallback == published
        assert text[r.span.start:r.span.end] == r.span.text
    warnings = time_warnings(doc)
    assert any(phrase in w and "unresolved" in w for w in warnings), warnings


def test_find_at_the_last_day_resolves_thursday(nlp):
    text = "Pakistan and Russia on Thursday agreed to expand trade."
    doc = nlp(text)
    refs = TimeResolver().find(doc, Article(text=text, published=LAST))
    assert [(r.span.text, r.value) for r in refs] == [("Thursday", "9999-12-30")]
    assert time_warnings(doc) == []


# --- the whole extractor ----------------------------------------------------------------------

@pytest.mark.parametrize("text, published", [
    ("Pakistan and Russia agreed 99999999999 days ago to expand trade.", "2025-04-18"),
    ("The border dispute was settled 10000 years ago, officials said.", "2025-04-18"),
    ("Pakistan and Russia began talks 99999 months ago.", "2025-04-18"),
    ("Exports will rise in Q10000 2025, the ministry said.", "2025-04-18"),
    ("Pakistan and Russia signed the deal 999999 weeks ago.", "2025-04-18"),
    ("Pakistan and Russia on Thursday agreed to expand trade.", "0001-01-01"),
    ("Pakistan and Russia on Thursday agreed to expand trade.", "9999-12-31"),
    ("Pakistan and Russia agreed last year to expand trade. They met again next year.", "0001-01-01"),
    ("Pakistan and Russia will meet next week. The talks begin tomorrow.", "9999-12-31"),
])
def test_extract_never_raises(text, published):
    import dateline
    result = dateline.extract(text, published=published)
    for e in result.events:
        t = e.time
        assert t.value is None or (t.earliest is not None and t.latest is not None)
        if t.value is None:
            assert t.granularity == "unknown"


def test_thursday_agreement_on_the_last_day():
    import dateline
    result = dateline.extract("Pakistan and Russia on Thursday agreed to expand trade.", published="9999-12-31",
                              min_confidence=0)      # the date is under test, not the scorer
    assert [(e.type, e.time.value) for e in result.events] == [("AGREE", "9999-12-30")]


# --- modality ---------------------------------------------------------------------------------

@pytest.mark.parametrize("latest, published, expected", [
    (date(1, 1, 1), FIRST, False),
    (date(9999, 12, 31), LAST, False),
    (date(1998, 12, 31), LAST, True),
    (date(1, 1, 1), LAST, True),
    (date(9999, 12, 31), FIRST, False),
    (date(2024, 4, 18), FRIDAY, False),     # exactly a year: not yet historical
    (date(2024, 4, 17), FRIDAY, True),
])
def test_is_historical_at_the_calendar_edges(latest, published, expected):
    t = TimeRef(value=latest.isoformat(), granularity="day", source="text", earliest=latest, latest=latest)
    assert is_historical(t, published) is expected
