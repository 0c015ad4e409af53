"""Time expressions resolved against the publication date (dateline.extractors.time)."""
from __future__ import annotations

from datetime import date

import pytest

from shared_data import REFERENCE_ARTICLE, SHARED, needs_shared
from dateline.extractors.time import TimeResolver, timex_value
from dateline.model import Article

FRIDAY = date(2025, 4, 18)   # the reference article's publication day


@pytest.fixture(scope="module")
def resolver():
    return TimeResolver()


@pytest.mark.parametrize("phrase, value, granularity, earliest, latest", [
    ("on Thursday", "2025-04-17", "day", date(2025, 4, 17), date(2025, 4, 17)),
    ("last year", "2024", "year", date(2024, 1, 1), date(2024, 12, 31)),
    ("in 2024", "2024", "year", date(2024, 1, 1), date(2024, 12, 31)),
    ("next month", "2025-05", "month", date(2025, 5, 1), date(2025, 5, 31)),
    ("earlier this week", "2025-W16", "week", date(2025, 4, 14), date(2025, 4, 17)),
    ("this week", "2025-W16", "week", date(2025, 4, 14), date(2025, 4, 20)),
    ("last week", "2025-W15", "week", date(2025, 4, 7), date(2025, 4, 13)),
    ("yesterday", "2025-04-17", "day", date(2025, 4, 17), date(2025, 4, 17)),
    ("today", "2025-04-18", "day", date(2025, 4, 18), date(2025, 4, 18)),
    ("April 17, 2025", "2025-04-17", "day", date(2025, 4, 17), date(2025, 4, 17)),
    ("April 17", "2025-04-17", "day", date(2025, 4, 17), date(2025, 4, 17)),
    ("in April", "2025-04", "month", date(2025, 4, 1), date(2025, 4, 30)),
    ("last month", "2025-03", "month", date(2025, 3, 1), date(2025, 3, 31)),
    ("two days ago", "2025-04-16", "day", date(2025, 4, 16), date(2025, 4, 16)),
    ("on 17 April", "2025-04-17", "day", date(2025, 4, 17), date(2025, 4, 17)),
    ("mid-2024", "2024", "year", date(2024, 5, 1), date(2024, 8, 31)),
    ("next Thursday", "2025-04-24", "day", date(2025, 4, 24), date(2025, 4, 24)),
    ("last Friday", "2025-04-11", "day", date(2025, 4, 11), date(2025, 4, 11)),
    ("April 18th, 2025", "2025-04-18", "day", date(2025, 4, 18), date(2025, 4, 18)),
    ("the third quarter of 2024", "2024-Q3", "quarter", date(2024, 7, 1), date(2024, 9, 30)),
])
def test_resolve_phrase(resolver, phrase, value, granularity, earliest, latest):
    ref = resolver.resolve(phrase, FRIDAY)
    assert ref is not None, phrase
    assert (ref.value, ref.granularity, ref.earliest, ref.latest) == (value, granularity, earliest, latest)
    assert ref.source == "text"


def test_year_of_bare_date_follows_publication(resolver):
    assert resolver.resolve("December 30", date(2025, 1, 5)).value == "2024-12-30"
    assert resolver.resolve("January 3", date(2024, 12, 28)).value == "2025-01-03"


def test_future_weekday_points_forward(resolver):
    assert resolver.resolve("Thursday", FRIDAY, future=True).value == "2025-04-24"


@pytest.mark.parametrize("phrase", ["15th round", "9th session", "Druzhba VII", "the 2024 bill", "eight"])
def test_non_times_are_not_dates(resolver, phrase):
    ref = resolver.resolve(phrase, FRIDAY)
    assert ref is None or ref.granularity != "day"
    if phrase != "the 2024 bill":
        assert ref is None


def test_vague_period_has_no_value(resolver):
    ref = resolver.resolve("in recent years", FRIDAY)
    assert ref.value is None and ref.granularity == "unknown" and ref.latest == FRIDAY


def test_durations_are_no_point_in_time(resolver):
    assert resolver.resolve("three years", FRIDAY) is None
    assert timex_value("three years", FRIDAY) == "P3Y"


def test_relative_phrases_need_a_publication_date(resolver):
    assert resolver.resolve("last year", None) is None
    assert resolver.resolve("April 17, 2025", None).value == "2025-04-17"


def test_no_time(resolver):
    ref = resolver.no_time(FRIDAY)
    assert (ref.value, ref.granularity, ref.source, ref.fallback) == (None, "unknown", "none", FRIDAY)


@pytest.mark.parametrize("text, value", [
    ("April 17, 2025", "2025-04-17"), ("last month", "2025-03"), ("2024", "2024"),
    ("earlier this week", "2025-W16"), ("currently", "PRESENT_REF"), ("recently", "PAST_REF"),
    ("the coming years", "FUTURE_REF"), ("this morning", "2025-04-18TMO"), ("the 1990s", "199"),
    ("September 01 , 2007", "2007-09-01"), ("four years", "P4Y"), ("Druzhba VII", None),
])
def test_timex_value(text, value):
    assert timex_value(text, FRIDAY) == value


def _find(nlp, text, published=FRIDAY):
    doc = nlp(text)
    return TimeResolver().find(doc, Article(text=text, published=published))


def test_find_uses_tense(nlp):
    assert [(r.span.text, r.value) for r in _find(nlp, "The ministers will meet on Thursday.")] == \
        [("Thursday", "2025-04-24")]
    assert [r.value for r in _find(nlp, "The envoy met the minister on Thursday.")] == ["2025-04-17"]
    assert [r.value for r in _find(nlp, "The minister is due to visit Moscow on Monday.")] == ["2025-04-21"]


def test_find_spans_point_into_text(nlp):
    text = "Talks were held earlier this week in Doha, officials said on Friday."
    refs = _find(nlp, text)
    assert [(r.span.text, r.value, r.granularity) for r in refs] == [
        ("earlier this week", "2025-W16", "week"), ("Friday", "2025-04-18", "day")]
    for r in refs:
        assert text[r.span.start:r.span.end] == r.span.text


def test_find_on_reference_article(nlp):
    text = needs_shared(REFERENCE_ARTICLE).read_text(encoding="utf-8")
    refs = _find(nlp, text)
    by_text = {}
    for r in refs:
        assert text[r.span.start:r.span.end] == r.span.text
        by_text.setdefault(r.span.text, set()).add((r.value, r.granularity))
    assert by_text["Thursday"] == {("2025-04-17", "day")}
    assert by_text["April 17, 2025"] == {("2025-04-17", "day")}   # the caption
    assert by_text["last year"] == {("2024", "year")}
    assert by_text["2024"] == {("2024", "year")}
    assert by_text["recent years"] == {(None, "unknown")}
    assert not any("15th" in t or "9th" in t or "Druzhba" in t for t in by_text)
    assert all(r.source == "text" and r.fallback == FRIDAY for r in refs)


def test_meantime_date_value_accuracy():
    """TIMEX3 DATE values on MEANTIME (gold extents, document creation time as anchor)."""
    from dateline.evaluate.meantime import read_meantime
    records = read_meantime(needs_shared(SHARED / "data" / "meantime")).records
    items = [(t, rec.published) for rec in records for t in rec.timexes if t.type == "DATE"]
    assert len(items) > 200
    correct = sum(timex_value(t.text, dct) == t.value for t, dct in items)
    assert correct / len(items) >= 0.85, f"{correct}/{len(items)}"


# --- TIMEX3 values beyond calendar points (durations, sets, clock times, fiscal years) ---------

@pytest.mark.parametrize("text, value", [
    ("thirty minutes", "PT30M"), ("12-hour", "PT12H"), ("41-year history", "P41Y"),
    ("almost two and a half years", "P2.5Y"), ("the past five trading days", "P5D"),
    ("six straight days", "P6D"), ("two consecutive quarters", "P2Q"), ("a 20 year", "P20Y"),
    ("sixteen-month", "P16M"), ("twenty-five years", "P25Y"), ("a fortnight", "P2W"),
    ("minutes", "PTXM"), ("over the years", "PXY"), ("decades-long", "PXY"), ("several years", "PXY"),
    ("from 2009 to 2011", "P2Y"), ("between 2014 and 2016", "P2Y"), ("a few years", "PXY"),
    ("the next few weeks", "PXW"), ("a year and a half", "P1.5Y"), ("an 18-month", "P18M"),
])
def test_durations(text, value):
    assert timex_value(text, FRIDAY) == value


def test_counted_unit_needs_a_count():
    assert timex_value("the first day", FRIDAY) is None


@pytest.mark.parametrize("text, value", [
    ("annual", "P1Y"), ("weekly", "P1W"), ("every year", "P1Y"), ("each month", "P1M"),
    ("every two weeks", "P2W"), ("every other day", "P2D"),
])
def test_sets(text, value):
    assert timex_value(text, FRIDAY) == value


@pytest.mark.parametrize("text, value", [
    ("18:00 UTC", "2025-04-18T18:00Z"), ("0800 GMT", "2025-04-18T08:00Z"),
    ("12:00 UTC Thursday", "2025-04-17T12:00Z"), ("16:00 UTC today", "2025-04-18T16:00Z"),
    ("6:40 p.m.", "2025-04-18T18:40"), ("at 5 pm", "2025-04-18T17:00"), ("12 am", "2025-04-18T00:00"),
    ("April 17, 2025 10:21am", "2025-04-17T10:21"),
])
def test_clock_times(text, value):
    assert timex_value(text, FRIDAY) == value


def test_clock_time_is_a_day_for_events(resolver):
    ref = resolver.resolve("at 14:58 UTC on Thursday", FRIDAY)
    assert (ref.value, ref.granularity) == ("2025-04-17", "day")
    assert resolver.resolve("at 14:58 UTC", FRIDAY) is None     # names no day: no event time


@pytest.mark.parametrize("text, value", [
    ("fiscal 2007", "FY2007"), ("FY2024", "FY2024"), ("the financial year", "FY2025"),
    ("the very beginning of the financial year", "FY2025"), ("last fiscal year", "FY2024"),
    ("calendar 2024", "2024"),
])
def test_financial_years(text, value):
    assert timex_value(text, FRIDAY) == value


def test_fiscal_year_keeps_the_calendar_year_for_events(resolver):
    assert resolver.resolve("fiscal 2024", FRIDAY).value == "2024"


@pytest.mark.parametrize("text, dct, value", [
    ("later this year", date(2006, 10, 5), "2006-Q4"),     # the rest of the year is its last quarter
    ("later this year", FRIDAY, "2025"),
    ("a second consecutive day", FRIDAY, "2025-04-18"),
    ("the third straight week", FRIDAY, "2025-W16"),
    ("fourth week in a row", FRIDAY, "2025-W16"),
    ("the weekend", FRIDAY, "2025-W16-WE"),
    ("in recent U.S. history", FRIDAY, "PAST_REF"),
    ("at one point", FRIDAY, "PAST_REF"),
    ("a later time", FRIDAY, "XXXX-XX-XX"),
    ("intraday", FRIDAY, "P1D"),
])
def test_relative_and_vague_values(text, dct, value):
    assert timex_value(text, dct) == value


@pytest.mark.parametrize("phrase", ["annual", "every year", "a later time", "the weekend", "thirty minutes"])
def test_non_points_are_no_event_time(resolver, phrase):
    assert resolver.resolve(phrase, FRIDAY) is None


# --- a phrase read in its sentence (timex_value(..., sentence=...)) ----------------------------

TUESDAY = date(2006, 3, 28)


@pytest.mark.parametrize("text, sentence, value", [
    # the tense of the clause before a bare weekday decides its direction
    ("Wednesday", "The trial is set to begin on Wednesday in London.", "2006-03-29"),
    ("Wednesday", "The minister will travel to Paris on Wednesday.", "2006-03-29"),
    ("Friday", "Russian markets to remain closed until Friday", "2006-03-31"),
    ("Wednesday", "Smith announced the company's move on Wednesday.", "2006-03-22"),
    ("Friday", "Ford will pay $57 million for the plant, a Romanian official said Friday.", "2006-03-24"),
    ("Friday", "The markets were closed until Friday.", "2006-03-24"),
    ("October 12", "Apple announced today another event to be held on October 12.", "2006-10-12"),
])
def test_sentence_tense_points_weekdays(text, sentence, value):
    assert timex_value(text, TUESDAY, sentence=sentence) == value


@pytest.mark.parametrize("text, sentence, dct, value", [
    ("the same period last year", "Sales rose 43% in February compared to the same period last year.",
     date(2010, 3, 3), "2009-02"),
    ("the same month a year ago", "Sales fell 35% in January, compared to the same month a year ago.",
     date(2009, 2, 3), "2008-01"),
    ("the same period of the last year",
     "The beginning of the financial year doubled sales if compared to the same period of the last year.",
     date(2007, 1, 18), "FY2006"),
    ("the year previous", "Costs fell to $118 billion last year, $19 billion less than the year previous.",
     date(2010, 1, 28), "2008"),
    ("the entire year", "GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.",
     date(2006, 1, 27), "2005"),
    ("the same day", "Shares fell on Monday, and the bank failed on the same day.", date(2009, 2, 25), "2009-02-23"),
    ("the same period last year", "Sales rose compared to the same period last year.", date(2010, 3, 3), "2009"),
])
def test_sentence_names_the_period_an_anaphor_refers_to(text, sentence, dct, value):
    assert timex_value(text, dct, sentence=sentence) == value


@pytest.mark.parametrize("text, sentence, dct, value", [
    ("18:00 UTC", "The 787 made its first test flight Tuesday in Everett at 18:00 UTC.",
     date(2009, 12, 16), "2009-12-15T18:00Z"),
    ("16:15 UTC", "In a press conference at 16:15 UTC, June 1st, Henderson spoke.",
     date(2009, 6, 4), "2009-06-01T16:15Z"),
    ("14:58 UTC", "The Dow Jones was up 3.10% at 14:58 UTC.", date(2008, 9, 20), "2008-09-20T14:58Z"),
    ("morning", "Shares rose on Tuesday in morning trading.", date(2010, 3, 3), "2010-03-02TMO"),
])
def test_sentence_gives_the_day_of_a_clock_time(text, sentence, dct, value):
    assert timex_value(text, dct, sentence=sentence) == value


@pytest.mark.parametrize("text, sentence, value", [
    ("fourth week", "US stocks log gains for fourth week in a row", "2006-W13"),
    ("October", "Dealers will be told after October of next year.", "2007-10"),
    ("60", "He said the process would take between 60 and 90 days.", "P60D"),
])
def test_sentence_completes_the_phrase(text, sentence, value):
    assert timex_value(text, TUESDAY, sentence=sentence) == value


def test_sentence_without_the_phrase_reads_the_phrase_alone():
    assert timex_value("last year", TUESDAY, sentence="Nothing about time here.") == "2005"


def test_meantime_values_with_sentences():
    """All TIMEX3 types on MEANTIME, each phrase read in its sentence."""
    from dateline.evaluate.meantime import read_meantime
    records = read_meantime(needs_shared(SHARED / "data" / "meantime")).records
    items = [(t, rec.published) for rec in records for t in rec.timexes]
    correct = sum(timex_value(t.text, dct, sentence=t.sentence) == t.value for t, dct in items)
    assert correct / len(items) >= 0.85, f"{correct}/{len(items)}"


@pytest.mark.parametrize("text, value", [
    ("the last week of March", "2025-W13"),          # Monday 31 March belongs to an April week
    ("the first week of May 2024", "2024-W18"),
    ("the last week of March 2009", "2009-W13"),
])
def test_week_of_month(text, value):
    assert timex_value(text, FRIDAY) == value
