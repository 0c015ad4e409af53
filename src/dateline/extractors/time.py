"""Time expressions: find them in an article and resolve them against the publication date.

Two layers. ``normalize`` reads one phrase against an anchor date ("last year" + 2025-04-18 ->
2024, year granularity): pure, cached, no spaCy; its rules are regular expressions tried with
``search`` and the longest match wins, so "the end of last year" beats "last year" and "April 18,
2025 Updated" still reads as a day. ``TimeResolver`` finds the phrases in a parsed article
(spaCy DATE/TIME entities plus our own weekday/week patterns), picks the tense direction from
the sentence and turns each into a ``TimeRef``. dateparser is a cached last resort only.
Words and vague phrases come from knowledge files (number_words.tsv, time_vague.tsv,
time_lexicon.tsv, time_tense.tsv, time_cues.tsv), built-in rows plus the user's: every reader
takes ``extra`` (the user's knowledge directories, ``Knowledge.extra_paths``) and caches per value.
"""
from __future__ import annotations

import calendar
import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import MAXYEAR, MINYEAR, date

from spacy.tokens import Doc

from dateline.extractors import doc_text
from dateline.knowledge.loader import read_table
from dateline.knowledge.numbers import NumberWords, number_words
from dateline.model import Article, TextSpan, TimeRef

PAST, NEUTRAL, FUTURE = -1, 0, 1


@dataclass(frozen=True, slots=True)
class Resolved:
    """A normalised time phrase. ``value`` is the calendar value for a TimeRef (None when vague);
    ``timex`` the TIMEX3-style value (also durations and PAST_REF/PRESENT_REF/FUTURE_REF)."""

    value: str | None
    granularity: str          # day | week | month | quarter | season | year | decade | unknown
    earliest: date | None
    latest: date | None
    timex: str | None
    kind: str = "point"       # point | vague | range | duration | set | unspecified | anaphoric


# kinds that give a TIMEX3 value but no time an event can be placed at
NOT_A_POINT = frozenset({"duration", "set", "unspecified", "anaphoric"})

# A time phrase that was read but cannot be placed on the calendar (year 1 to 9999): "99999
# months ago", "Q10000 2025", "yesterday" in an article dated 0001-01-01. Like a vague time it
# has no value and unknown granularity; TimeResolver.find keeps it as a TimeRef with no value
# (events and facts never take one) and records a warning on the Doc (``time_warnings``).
UNRESOLVED = Resolved(None, "unknown", None, None, None, kind="unresolved")


class Unresolvable(ValueError):
    """Raised by the calendar helpers below for a time off the calendar (before 0001-01-01,
    after 9999-12-31) or a count no calendar step can take (infinite, "1.5 months" as a month
    shift); ``normalize`` reads the phrase whose rule raised it as UNRESOLVED."""


# --- vocabulary -------------------------------------------------------------------------------

MONTHS: dict[str, int] = {}
for _i in range(1, 13):
    MONTHS[calendar.month_name[_i].lower()] = _i
    MONTHS[calendar.month_abbr[_i].lower()] = _i
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9),
           "winter": ("WI", 12)}
QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                 "fourth": 4, "4th": 4, "final": 4}
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
                "tonight": "TNI"}


@dataclass(frozen=True, slots=True, eq=False)
class TimeVocab:
    """The words of the time knowledge files, built-in rows then the user's (later rows win)."""

    numbers: NumberWords                         # number_words.tsv
    vague: dict[str, str]                        # time_vague.tsv: phrase -> PAST_REF/PRESENT_REF/FUTURE_REF
    fixed: dict[str, tuple[str, str]]            # time_lexicon.tsv: phrase -> (TIMEX3 value, kind)
    tense: dict[str, frozenset[str]]             # time_tense.tsv: kind -> surface words
    future_aux: frozenset[str]                   # time_cues.tsv, kind aux
    future_governors: frozenset[str]             # time_cues.tsv, kind governor
    vague_words: frozenset[str]                  # every word of a vague phrase


@functools.lru_cache(maxsize=8)
def time_vocab(extra: tuple[str, ...] = ()) -> TimeVocab:
    """The time vocabulary for these user knowledge dirs (``()``: built-in tables only)."""
    vague = {r["phrase"].lower(): r["ref"] for r in read_table("time_vague.tsv", extra)}
    fixed = {r["phrase"].lower(): (r["timex"], r["kind"]) for r in read_table("time_lexicon.tsv", extra)}
    tense: dict[str, set[str]] = {}
    for r in read_table("time_tense.tsv", extra):
        tense.setdefault(r["kind"], set()).add(r["word"].lower())
    cues = read_table("time_cues.tsv", extra)
    return TimeVocab(
        numbers=number_words(extra), vague=vague, fixed=fixed,
        tense={k: frozenset(v) for k, v in tense.items()},
        future_aux=frozenset(r["lemma"].lower() for r in cues if r["kind"] == "aux"),
        future_governors=frozenset(r["lemma"].lower() for r in cues if r["kind"] == "governor"),
        vague_words=frozenset(w for phrase in vague for w in phrase.split()))


# --- calendar helpers -------------------------------------------------------------------------
# All date arithmetic goes through these: they check the range in plain integers (a timedelta of
# 99999999999 days cannot even be built) and raise Unresolvable, never OverflowError.

_FIRST_DAY, _LAST_DAY = date.min.toordinal(), date.max.toordinal()


def _check_year(y: int) -> int:
    if not MINYEAR <= y <= MAXYEAR:
        raise Unresolvable(f"year {y} is off the calendar")
    return y


def _whole(n: float) -> int:
    """A count used as a whole number of months or years: 3.0 -> 3; 1.5 or infinity cannot be."""
    if isinstance(n, int):
        return n
    if isinstance(n, float) and n.is_integer():
        return int(n)
    raise Unresolvable(f"{n} is no whole count")


def _plus_days(d: date, days: float) -> date:
    """``d + timedelta(days=days)`` (a fraction floors, as there), checked against the calendar."""
    if isinstance(days, float) and not math.isfinite(days):
        raise Unresolvable(f"{days} days")
    ordinal = d.toordinal() + math.floor(days)
    if not _FIRST_DAY <= ordinal <= _LAST_DAY:
        raise Unresolvable(f"{d.isoformat()} {days:+} days is off the calendar")
    return date.fromordinal(ordinal)


def _plus_days_clamped(d: date, days: int) -> date:
    """``d + days``, stopping at the first or last day of the calendar (for the ends of ranges)."""
    return date.fromordinal(min(max(d.toordinal() + days, _FIRST_DAY), _LAST_DAY))


def _month_end(y: int, m: int) -> date:
    return date(_check_year(y), m, calendar.monthrange(y, m)[1])


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except (ValueError, OverflowError):
        return None


def day_of(d: date, suffix: str = "") -> Resolved:
    return Resolved(d.isoformat(), "day", d, d, d.isoformat() + suffix)


def week_of(d: date, earliest: date | None = None, latest: date | None = None,
            weekend: bool = False) -> Resolved:
    iso = d.isocalendar()
    monday = _plus_days(d, -d.weekday())
    value = f"{iso.year:04d}-W{iso.week:02d}"
    if weekend:
        return Resolved(value, "week", _plus_days(monday, 5), _plus_days(monday, 6), value + "-WE")
    # the last ISO week of 9999 runs into year 10000: it ends where the calendar does
    return Resolved(value, "week", earliest or monday, latest or _plus_days_clamped(monday, 6), value)


def month_of(y: int, m: int, earliest: date | None = None, latest: date | None = None) -> Resolved:
    value = f"{_check_year(y):04d}-{m:02d}"
    return Resolved(value, "month", earliest or date(y, m, 1), latest or _month_end(y, m), value)


def year_of(y: int, earliest: date | None = None, latest: date | None = None) -> Resolved:
    _check_year(y)
    return Resolved(f"{y:04d}", "year", earliest or date(y, 1, 1), latest or date(y, 12, 31), f"{y:04d}")


def quarter_of(y: int, q: int) -> Resolved:
    if not 1 <= q <= 4:
        raise Unresolvable(f"quarter {q}")
    value = f"{_check_year(y):04d}-Q{q}"
    return Resolved(value, "quarter", date(y, 3 * q - 2, 1), _month_end(y, 3 * q), value)


def _shift_month(y: int, m: int, by: float) -> tuple[int, int]:
    total = y * 12 + (m - 1) + _whole(by)
    return _check_year(total // 12), total % 12 + 1


def _vague(ref: str, anchor: date | None) -> Resolved:
    bounds = {"PAST_REF": (None, anchor), "FUTURE_REF": (anchor, None),
              "PRESENT_REF": (anchor, anchor)}[ref]
    return Resolved(None, "unknown", bounds[0], bounds[1], ref, kind="vague")


def _closest_year(month: int, day: int, anchor: date, direction: int) -> date | None:
    """The year for "April 17": on/after the anchor when the text looks forward, on/before it in
    past-tense text, otherwise the nearest one."""
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if (d := _safe_date(y, month, day))]
    if not candidates:
        return None
    if direction == FUTURE:
        later = [d for d in candidates if d >= anchor]
        return later[0] if later else None
    if direction == PAST:
        earlier = [d for d in candidates if d <= anchor]
        return earlier[-1] if earlier else None
    return min(candidates, key=lambda d: (abs((d - anchor).days), d))


def _month_year(month: int, anchor: date, direction: int, rel: str | None) -> int:
    if rel in ("last", "past", "previous"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel in ("next", "coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction == FUTURE and month < anchor.month:
        return anchor.year + 1
    if direction == PAST and month > anchor.month:
        return anchor.year - 1
    if direction == NEUTRAL and month - anchor.month > 6:
        # news looks back: "November" in a March article is last November, "January" in a
        # September article this January
        return anchor.year - 1
    return anchor.year


def _weekday(target: int, anchor: date, direction: int, rel: str | None) -> date:
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return _plus_days(anchor, -(back or 7))
    if rel in ("next", "coming"):
        return _plus_days(anchor, ahead or 7)
    if rel == "this":
        # "this Friday": the one in the publication week
        return _plus_days(anchor, target - anchor.weekday())
    if direction == FUTURE:
        return _plus_days(anchor, ahead)
    return _plus_days(anchor, -back)


def _two_digit_year(yy: int, anchor: date | None) -> int:
    pivot = ((anchor.year if anchor else 2000) + 10) % 100
    return 2000 + yy if yy <= pivot else 1900 + yy


# --- rules ------------------------------------------------------------------------------------

MON = (r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|"
       r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# any word: the handler keeps it only when number_words.tsv (with the user's rows) reads it as a count
NUM = r"(?P<n>\d+|a couple of|a few|[a-z]+(?:-[a-z]+)?)"
UNIT = r"(?P<unit>day|week|fortnight|month|year|decade|quarter)s?"
EDGE = (r"(?:(?P<edge>early|mid|middle of|late|the end of|end of|the beginning of|beginning of|"
        r"the start of|start of|the middle of|the rest of|earlier|later)[- ]?\s*)?")
YEAR = r"(?P<y>(?:1[5-9]|20)\d\d)"

# handler(match, anchor, direction, vocab): vocab is the TimeVocab of the caller's knowledge dirs
Rule = Callable[[re.Match[str], date | None, int, TimeVocab], Resolved | None]
_RULES: list[tuple[re.Pattern[str], Rule, bool]] = []   # (pattern, handler, needs anchor)


def rule(pattern: str, needs_anchor: bool = True) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        _RULES.append((re.compile(pattern), fn, needs_anchor))
        return fn
    return register


@rule(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", needs_anchor=False)
def _iso(m, anchor, direction, vocab):
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day_of(d) if d else None


@rule(rf"\b{MON} (?P<d>\d{{1,2}})(?:, ?| ){YEAR}\b", needs_anchor=False)
def _month_day_year(m, anchor, direction, vocab):
    d = _safe_date(int(m["y"]), MONTHS[m["mon"]], int(m["d"]))
    return day_of(d) if d else None


@rule(rf"\b(?P<d>\d{{1,2}}) (?:of )?{MON},? {YEAR}\b", needs_anchor=False)
def _day_month_year(m, anchor, direction, vocab):
    d = _safe_date(int(m["y"]), MONTHS[m["mon"]], int(m["d"]))
    return day_of(d) if d else None


@rule(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d\d)\b", needs_anchor=False)
def _numeric_date(m, anchor, direction, vocab):
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"]) if len(m["y"]) == 4 else _two_digit_year(int(m["y"]), anchor)
    month, day = (b, a) if a > 12 else (a, b)      # month-first unless that cannot be
    d = _safe_date(y, month, day)
    return day_of(d) if d else None


@rule(rf"\b{EDGE}{MON},? (?:of )?{YEAR}\b", needs_anchor=False)
def _month_year_rule(m, anchor, direction, vocab):
    return month_of(int(m["y"]), MONTHS[m["mon"]])


@rule(rf"\b{MON} (?P<d>\d{{1,2}})\b(?!:)")
def _month_day(m, anchor, direction, vocab):
    d = _closest_year(MONTHS[m["mon"]], int(m["d"]), anchor, direction)
    return day_of(d) if d else None


@rule(rf"\b(?P<d>\d{{1,2}}) (?:of )?{MON}\b")
def _day_month(m, anchor, direction, vocab):
    d = _closest_year(MONTHS[m["mon"]], int(m["d"]), anchor, direction)
    return day_of(d) if d else None


@rule(rf"\b(?:the )?(?P<ord>first|second|third|fourth|last|final) week (?:of|in) {MON}(?:,? {YEAR})?\b")
def _week_of_month(m, anchor, direction, vocab):
    # "the last week of March": the week with most of its days in that part of the month
    month = MONTHS[m["mon"]]
    y = int(m["y"]) if m["y"] else _month_year(month, anchor, direction, None)
    if m["ord"] in ("last", "final"):
        return week_of(_plus_days(_month_end(y, month), -3))
    n = {"first": 0, "second": 1, "third": 2, "fourth": 3}[m["ord"]]
    return week_of(_plus_days(date(_check_year(y), month, 4), 7 * n))


@rule(rf"\b{MON},? of (?:the )?(?P<rel>next|last|this|following|previous|same) year\b")
def _month_of_relative_year(m, anchor, direction, vocab):
    # "October of next year": the month in the year named relative to publication
    step = {"next": 1, "following": 1, "last": -1, "previous": -1}.get(m["rel"], 0)
    return month_of(anchor.year + step, MONTHS[m["mon"]])


@rule(rf"\b{EDGE}(?:(?P<rel>last|this|next|coming|past|previous)\s+)?{MON}\b(?!-)")
def _month_only(m, anchor, direction, vocab):
    if m["mon"] == "may" and not (m["rel"] or m["edge"]) and m.group(0) != m.string:
        return None   # "may" inside a longer phrase is the verb
    month = MONTHS[m["mon"]]
    y = _month_year(month, anchor, direction, m["rel"])
    part = _EDGE_DAYS.get((m["edge"] or "").removeprefix("the "))
    if part:
        last = _month_end(y, month)
        return month_of(y, month, date(y, month, part[0]), min(last, date(y, month, min(part[1], last.day))))
    return month_of(y, month)


@rule(rf"\b(?:(?P<edge>early|mid|late|the end of|end of|the beginning of|beginning of|the start of|"
      rf"start of|the middle of|the rest of|the first half of|the second half of|the summer of)"
      rf"[- ]?\s*)?(?P<fiscal>(?:fiscal|financial|calendar) (?:year )?|fy ?)?{YEAR}\b(?!s|-\d)",
      needs_anchor=False)
def _year(m, anchor, direction, vocab):
    y = int(m["y"])
    part = _EDGE_MONTHS.get((m["edge"] or "").removeprefix("the "))
    r = year_of(y, date(y, part[0], 1), _month_end(y, part[1])) if part else year_of(y)
    if m["fiscal"] and not m["fiscal"].startswith("calendar"):
        return replace(r, timex=f"FY{y}")     # "fiscal 2007", "FY2007": the value stays the year
    return r


# "early 2024" keeps year granularity but narrows the range to its first third, and so on
_EDGE_MONTHS = {"early": (1, 4), "beginning of": (1, 3), "start of": (1, 3), "mid": (5, 8),
                "middle of": (5, 8), "late": (9, 12), "end of": (10, 12),
                "first half of": (1, 6), "second half of": (7, 12), "summer of": (6, 8)}
_EDGE_DAYS = {"early": (1, 10), "beginning of": (1, 7), "start of": (1, 7), "mid": (11, 20),
              "middle of": (11, 20), "late": (21, 31), "end of": (24, 31)}


@rule(r"(?:^|\s)'(?P<yy>\d\d)\b(?!s)")
def _apostrophe_year(m, anchor, direction, vocab):
    return year_of(_two_digit_year(int(m["yy"]), anchor))


@rule(r"\b(?:the )?(?:(?P<cent>1[5-9]|20)(?P<dec>\d)0|'?(?P<short>\d)0)'?s\b", needs_anchor=False)
def _decade(m, anchor, direction, vocab):
    if m["cent"]:
        start = int(m["cent"] + m["dec"] + "0")
    else:
        start = 1900 + int(m["short"]) * 10
    return Resolved(None, "decade", date(start, 1, 1), date(start + 9, 12, 31), str(start)[:3])


@rule(r"\b(?:the )?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter"
      r"(?: of (?:(?P<y>\d{4})|(?:the |this )?(?P<rel>this|last|next|current|previous)? ?year))?\b")
def _quarter(m, anchor, direction, vocab):
    if m["y"]:
        y = int(m["y"])
    else:
        y = anchor.year + {"last": -1, "previous": -1, "next": 1}.get(m["rel"] or "", 0)
    if m["q"] == "last" and not m["y"] and not m["rel"]:
        # "the last quarter": the one before the publication quarter
        q_now = (anchor.month - 1) // 3 + 1
        y, q = (y, q_now - 1) if q_now > 1 else (y - 1, 4)
        return quarter_of(y, q)
    q = QUARTER_WORDS.get(m["q"], 4)
    if not m["y"] and not m["rel"]:
        # a named quarter with no year: the nearest one ("the fourth quarter" in March -> last year's)
        q_now = (anchor.month - 1) // 3 + 1
        if q - q_now > 2:
            y -= 1
        elif q_now - q > 2:
            y += 1
    return quarter_of(y, q)


@rule(r"\bq(?P<q>[1-4])(?:\s*(?P<y>\d{4}))?\b")
def _q_number(m, anchor, direction, vocab):
    # "Q10000" reads as Q1 of the year 0000: off the calendar, so unresolved
    return quarter_of(int(m["y"]) if m["y"] else anchor.year, int(m["q"]))


@rule(r"\b(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<s>spring|summer|autumn|fall|winter)"
      r"(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b")
def _season(m, anchor, direction, vocab):
    code, start_month = SEASONS[m["s"]]
    if m["y"]:
        y = int(m["y"])
    else:
        y = anchor.year + {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m["rel"] or "", 0)
    end_y, end_m = _shift_month(_check_year(y), start_month, 2)
    return Resolved(f"{y:04d}-{code}", "season", date(y, start_month, 1), _month_end(end_y, end_m),
                    f"{y:04d}-{code}")


@rule(r"\b(?:(?P<edge>earlier|later|late|early) )?(?P<w>today|tonight|yesterday|tomorrow|"
      r"the day before yesterday|the day after tomorrow|last night)"
      r"(?: (?P<pod>morning|afternoon|evening|night))?\b")
def _day_word(m, anchor, direction, vocab):
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[m["w"]]
    pod = PARTS_OF_DAY.get(m["pod"] or ("night" if m["w"] in ("tonight", "last night") else ""), "")
    return day_of(_plus_days(anchor, offset), pod)


@rule(r"\b(?:this|earlier this|later this) (?P<pod>morning|afternoon|evening)\b")
def _this_part_of_day(m, anchor, direction, vocab):
    return day_of(anchor, PARTS_OF_DAY[m["pod"]])


@rule(r"^(?:the |that |in the |in |during the )?(?P<pod>morning|afternoon|evening|night)(?: hours)?$")
def _bare_part_of_day(m, anchor, direction, vocab):
    # "in morning trading", "the evening": a part of the day the story is about, the publication
    # day unless the sentence names another
    r = day_of(anchor, PARTS_OF_DAY[m["pod"]])
    return replace(r, kind="anaphoric")


@rule(rf"\b(?:(?P<rel>last|this|next|coming|past|previous)\s+)?{WD}"
      rf"(?:\s+(?P<pod>morning|afternoon|evening|night))?\b")
def _weekday_rule(m, anchor, direction, vocab):
    d = _weekday(WEEKDAYS[m["wd"]], anchor, direction, m["rel"])
    return day_of(d, PARTS_OF_DAY.get(m["pod"] or "", ""))


@rule(rf"\b{EDGE}(?:the )?(?P<rel>this|last|next|past|previous|coming|following|current|same)"
      r"[- ](?P<unit>week|weekend|month|year|quarter|decade)\b")
def _relative_unit(m, anchor, direction, vocab):
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(m["rel"], 0)
    return _unit_period(m["unit"], anchor, step, m["edge"])


@rule(r"\b(?:the )?(?P<unit>year|month|week) (?P<rel>previous|before|earlier|prior)\b")
def _unit_before(m, anchor, direction, vocab):
    return _unit_period(m["unit"], anchor, -1, None)


@rule(rf"\b{NUM} {UNIT} (?P<dir>ago|from now|hence|back)\b")
def _ago(m, anchor, direction, vocab):
    n = _count(m["n"], vocab.numbers)
    if n is None:
        return None
    sign = -1 if m["dir"] in ("ago", "back") else 1
    unit = m["unit"]
    if unit == "day":
        return day_of(_plus_days(anchor, sign * n))
    if unit in ("week", "fortnight"):
        days = 7 * n * (2 if unit == "fortnight" else 1)
        if days == 7:
            return day_of(_plus_days(anchor, sign * days))   # "a week ago": that day
        return week_of(_plus_days(anchor, sign * days))
    if unit == "month":
        y, mo = _shift_month(anchor.year, anchor.month, sign * n)
        return month_of(y, mo)
    if unit == "year":
        return year_of(anchor.year + sign * _whole(n))
    return None


# "thirty minutes", "almost two and a half years", "the past five trading days", "41-year history"
DUR_NUM = r"(?P<n>\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?|a couple of|a few)"
DUR_UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|year|decade|quarter)s?"
# nouns a "41-year" or "a 20 year" modifier may carry inside the time expression
DUR_NOUN = r"(?: (?:history|period|span|stint|run|streak|spell|career|term|high|low|record|lifespan|life))?"


@rule(rf"^(?:(?:the )?(?:past|last|next|coming|first|final|following) |over |more than |about |nearly |"
      rf"almost |some |around |roughly |an? (?=\d))?{DUR_NUM}(?P<half> and a half)?[- ]"
      rf"(?:(?:straight|consecutive|successive|full|trading|business|working|calendar) )?{DUR_UNIT}"
      rf"(?P<half2> and a half)?(?:[- ]long|[- ]old)?{DUR_NOUN}$", needs_anchor=False)
def _duration(m, anchor, direction, vocab):
    unit = m["unit"]
    if m["n"] in ("a few", "few", "several"):
        return Resolved(None, "unknown", None, None, _duration_value(None, unit), kind="duration")
    n = _count(m["n"], vocab.numbers)
    if n is None:
        return None      # "the first day": no count, so no duration
    half = 0.5 if m["half"] or m["half2"] else 0
    return Resolved(None, "unknown", None, None, _duration_value(n + half, unit),
                    kind="duration")


@rule(r"^(?:the |many |several |some )?(?P<unit>second|minute|hour|day|week|month|year|decade)s(?:[- ]long)?$",
      needs_anchor=False)
def _unspecified_duration(m, anchor, direction, vocab):
    # "minutes", "over the years", "decades-long": a length with no count
    return Resolved(None, "unknown", None, None, _duration_value(None, m["unit"]), kind="duration")


@rule(r"^(?:every|each|per) (?:(?P<n>other|\d+|[a-z]+) )?(?P<unit>second|minute|hour|day|week|month|year|quarter)s?$",
      needs_anchor=False)
def _set(m, anchor, direction, vocab):
    n = 2 if m["n"] == "other" else _count(m["n"], vocab.numbers) if m["n"] else 1
    if n is None:
        return None
    return Resolved(None, "unknown", None, None, _duration_value(n, m["unit"]), kind="set")


_UNIT_CODES = {"second": ("PT", "S", 1), "minute": ("PT", "M", 1), "hour": ("PT", "H", 1),
               "day": ("P", "D", 1), "week": ("P", "W", 1), "fortnight": ("P", "W", 2),
               "month": ("P", "M", 1), "year": ("P", "Y", 1), "decade": ("P", "Y", 10),
               "quarter": ("P", "Q", 1)}


def _duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: (3, "year") -> "P3Y", (30, "minute") -> "PT30M", (None, "day") -> "PXD"."""
    prefix, code, scale = _UNIT_CODES[unit]
    if n is None:
        return f"{prefix}X{code}"
    n *= scale
    if isinstance(n, float) and not math.isfinite(n):
        raise Unresolvable(f"{n} {unit}s")
    return f"{prefix}{int(n) if n == int(n) else n}{code}"


@rule(rf"^{YEAR} ?(?:to|and|-|until|through|till) ?(?P<y2>(?:1[5-9]|20)\d\d)$", needs_anchor=False)
def _year_range(m, anchor, direction, vocab):
    # "from 2009 to 2011", "between 2014 and 2016": the stretch, a duration in TIMEX3 terms
    y1, y2 = int(m["y"]), int(m["y2"])
    if y2 <= y1:
        return None
    return Resolved(None, "unknown", date(y1, 1, 1), date(y2, 12, 31), f"P{y2 - y1}Y", kind="range")


ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10}


@rule(r"^(?:(?:a|the) )?(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+) "
      r"(?:(?:consecutive|straight|successive) (?P<unit>day|week|month|year|quarter|session|trading day)"
      r"|(?P<unit2>day|week|month|year|quarter|session|trading day) (?:in a row|running))$")
def _streak(m, anchor, direction, vocab):
    # "a second consecutive day", "fourth week in a row": a streak that reaches the publication day
    unit = m["unit"] or m["unit2"]
    return _unit_period("day" if unit in ("session", "trading day") else unit, anchor, 0, None)


@rule(r"^(?:(?:the )?(?:very )?(?:beginning|start|end|middle|rest) of )?(?:the )?"
      r"(?:(?P<rel>this|last|next|previous|current|coming|past) )?(?:financial|fiscal) year$")
def _financial_year(m, anchor, direction, vocab):
    # "the financial year" with no number: the one the publication date falls in, named by its
    # calendar year (TIMEX3 FY2007)
    y = anchor.year + {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(m["rel"] or "", 0)
    return replace(year_of(y), timex=f"FY{y}")


@rule(r"^(?:our |the |its |their )?recent (?:[\w.-]+ ){0,2}history$")
def _recent_history(m, anchor, direction, vocab):
    return _vague("PAST_REF", anchor)


@rule(r"^(?:(?:the start of|the beginning of|the end of|the start of|late in|early in|the middle of) )?"
      r"(?:the |that |this |the same |that same )?(?:entire |whole |full )?(?P<unit>day|weekend|week|month|year)$")
def _anaphoric_unit(m, anchor, direction, vocab):
    # "the day", "that week": refers back to a time in the story; the publication period is the
    # usual referent in news, so TIMEX gets it, but find() does not use it as an event time.
    r = _unit_period(m["unit"], anchor, 0, None)
    return Resolved(r.value, r.granularity, r.earliest, r.latest, r.timex, kind="anaphoric") if r else None


def _count(word: str, numbers: NumberWords) -> float | None:
    """'3' -> 3, 'three' -> 3, 'twenty-five' -> 25, '1.5' -> 1.5, 'a couple of' -> 2; None for
    "a few", "several" and words that are no count. Whole values come back as int (calendar maths)."""
    if word in ("a few", "several"):
        return None
    value = numbers.parse(word)
    if value is None:
        return None
    if not math.isfinite(value):
        return value      # a numeral too long for a float: the calendar helpers refuse it
    return int(value) if value == int(value) else value


def _unit_period(unit: str, anchor: date, step: int, edge: str | None) -> Resolved | None:
    # the end of "earlier this week/month/year": the day before publication, never before the
    # period's first day (on 0001-01-01 there is no day before)
    day_before = _plus_days_clamped(anchor, -1)
    if unit == "day":
        return day_of(_plus_days(anchor, step))
    if unit in ("week", "weekend"):
        base = _plus_days(anchor, 7 * step)
        if unit == "weekend":
            return week_of(base, weekend=True)
        r = week_of(base)
        if step == 0 and edge == "earlier":
            return week_of(base, r.earliest, max(r.earliest, day_before))
        if step == 0 and edge in ("later", "the rest of"):
            return week_of(base, anchor, r.latest)
        return r
    if unit == "month":
        y, mo = _shift_month(anchor.year, anchor.month, step)
        r = month_of(y, mo)
        if step == 0 and edge == "earlier":
            return month_of(y, mo, r.earliest, max(r.earliest, day_before))
        if step == 0 and edge in ("later", "the rest of"):
            return month_of(y, mo, anchor, r.latest)
        return r
    if unit == "year":
        y = anchor.year + step
        r = year_of(y)
        if step == 0 and edge == "earlier":
            return year_of(y, r.earliest, max(r.earliest, day_before))
        if step == 0 and edge in ("later", "the rest of"):
            if anchor.month >= 10:
                return quarter_of(y, 4)   # what is left of the year lies in its last quarter
            return year_of(y, anchor, r.latest)
        return r
    if unit == "quarter":
        q_now = (anchor.month - 1) // 3 + 1 + step
        y = anchor.year + (q_now - 1) // 4
        return quarter_of(y, (q_now - 1) % 4 + 1)
    if unit == "decade":
        start = (anchor.year // 10 + step) * 10
        # the calendar's decades run from years 1-9 (TIMEX3 "000") to the 9990s
        if not 0 <= start <= MAXYEAR - 9:
            raise Unresolvable(f"the decade of {start}")
        return Resolved(None, "decade", date(max(start, MINYEAR), 1, 1), date(start + 9, 12, 31),
                        f"{start:04d}"[:3])
    return None


# --- entry point ------------------------------------------------------------------------------

_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_COMMA = re.compile(r"\s*,\s*")
_SPACES = re.compile(r"\s+")
_LEAD = re.compile(r"^(?:(?:on|in|at|during|since|by|from|until|till|through|throughout|for|of|as of|"
                   r"around|before|after|over|within|between|starting|beginning|as early as|as late as|"
                   r"sometime|some time|back in|earlier in|later in)\s+)+")


# "18:00 UTC", "6:40 p.m.", "0800 GMT", "10:21am": a clock time (four bare digits only with a zone)
_CLOCK = re.compile(r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d)|(?P<mi4>[0-5]\d)(?= ?(?:utc|gmt)\b)|(?= ?[ap]\.?m\b))"
                    r"(?: ?(?P<ampm>[ap])\.?m\b\.?)?(?: ?(?P<tz>utc|gmt)\b(?! ?[+-]\d))?")


def _clock_time(m: re.Match[str], t: str, anchor: date | None, direction: int,
                extra: tuple[str, ...]) -> Resolved | None:
    """A clock time on the day the rest of the phrase names ("12:00 UTC Monday"), else on the
    publication day: TIMEX3 "2009-06-01T12:00Z" (Z only for UTC/GMT). The calendar value is the day."""
    hour = int(m["h"])
    if m["ampm"] == "p" and hour < 12:
        hour += 12
    elif m["ampm"] == "a" and hour == 12:
        hour = 0
    rest = _LEAD.sub("", (t[:m.start()] + " " + t[m.end():]).strip(" ,()"))
    day = normalize(rest, anchor, direction, extra) if rest else None
    suffix = f"T{hour:02d}:{m['mi'] or m['mi4'] or '00'}" + ("Z" if m["tz"] else "")
    if day is not None and day.granularity == "day" and day.earliest:
        d = day.earliest
        return Resolved(d.isoformat(), "day", d, d, d.isoformat() + suffix)
    if anchor is None:
        return None
    # a clock time alone names no day: the publication day for TIMEX3, but no event time for
    # find(), which would otherwise pin the event to the publication day on a guess
    return Resolved(anchor.isoformat(), "day", anchor, anchor, anchor.isoformat() + suffix, kind="anaphoric")


# Cache bounds, in entries. Phrases repeat within an article and its anchor date (the key holds both),
# seldom across a corpus; whole sentences repeat only within one article. Small bounds keep the
# hits and keep a worker's memory flat however long it runs (at the old 65,536 / 16,384 entries a
# long run kept growing: every article's date is a new anchor, so every phrase a new key).
PHRASE_CACHE = 4096
SENTENCE_CACHE = 1024


def clean_phrase(text: str) -> str:
    t = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = _ORDINAL.sub(r"\1", t)
    t = _COMMA.sub(", ", t)
    t = _SPACES.sub(" ", t).strip(" .;:!?\"()[]")
    return t


@functools.lru_cache(maxsize=PHRASE_CACHE)
def normalize(text: str, anchor: date | None, direction: int = NEUTRAL,
              extra: tuple[str, ...] = ()) -> Resolved | None:
    """The best reading of ``text`` against ``anchor``; None when it is no time expression.

    ``direction`` says whether the sentence looks back (PAST), forward (FUTURE) or gives no hint;
    it only matters for bare weekdays, months and day-month dates. ``extra``: the user's
    knowledge dirs, whose time and number words count too."""
    vocab = time_vocab(extra)
    t = clean_phrase(text)
    if not t:
        return None
    bare = _LEAD.sub("", t)
    ref = vocab.vague.get(bare) or vocab.vague.get(bare.removeprefix("the "))
    if ref:
        return _vague(ref, anchor)
    fixed = vocab.fixed.get(bare)
    if fixed:
        return Resolved(None, "unknown", None, None, fixed[0], kind=fixed[1])
    clock = _CLOCK.search(t)
    if clock:
        return _clock_time(clock, t, anchor, direction, extra)
    best: tuple[int, int, Resolved] | None = None
    for pattern, handler, needs_anchor in _RULES:
        if needs_anchor and anchor is None:
            continue
        for subject in (bare, t) if pattern.pattern.startswith("^") else (t,):
            m = pattern.search(subject)
            if not m:
                continue
            try:
                resolved = handler(m, anchor, direction, vocab)
            except Unresolvable:   # a time phrase, but of no day on the calendar
                resolved = UNRESOLVED
            if resolved is None:
                continue
            size = m.end() - m.start()
            if best is None or size > best[0]:
                best = (size, -len(_RULES), resolved)
            break
    return best[2] if best else None


# --- dateparser, the last resort --------------------------------------------------------------

_DAYISH = re.compile(r"\d|\b(?:today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|"
                     r"saturday|sunday)\b")
_CALENDAR_WORD = re.compile(
    r"\b(?:\d{4}|\d{1,2}[/.-]\d{1,2}|" + "|".join(sorted(MONTHS, key=len, reverse=True)) + "|"
    + "|".join(WEEKDAYS) + r"|today|yesterday|tomorrow|tonight|(?:day|week|month|year|decade)s?)\b")
_PERIODS = {"day": "day", "time": "day", "week": "week", "month": "month", "year": "year"}


@functools.lru_cache(maxsize=16)
def _date_parser(anchor: date):
    from datetime import datetime

    from dateparser.date import DateDataParser   # imported lazily: slow to import, rarely needed
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
        "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": []})


@functools.lru_cache(maxsize=PHRASE_CACHE)
def parse_with_dateparser(text: str, anchor: date | None) -> Resolved | None:
    """dateparser's reading of a phrase our rules do not know. Never invents a day: a day
    reading is kept only when the phrase names one (a number, a weekday, today...)."""
    if anchor is None:
        return None
    t = clean_phrase(text)
    if not t or not _CALENDAR_WORD.search(t):
        return None     # "eight" alone is no date, whatever dateparser makes of it
    try:
        data = _date_parser(anchor).get_date_data(t)
    except Exception:   # dateparser raises many kinds on odd input; an odd phrase is just no date
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    granularity = _PERIODS.get(data.period or "day", "day")
    if granularity == "day":
        return day_of(d) if _DAYISH.search(t) else None
    try:
        if granularity == "week":
            return week_of(d)
        if granularity == "month":
            return month_of(d.year, d.month)
        return year_of(d.year)
    except Unresolvable:
        return UNRESOLVED


def read_phrase(text: str, anchor: date | None, direction: int = NEUTRAL,
                extra: tuple[str, ...] = ()) -> Resolved | None:
    return normalize(text, anchor, direction, extra) or parse_with_dateparser(text, anchor)


def timex_value(text: str, dct: date | None, future: bool = False, sentence: str | None = None,
                extra: tuple[str, ...] = ()) -> str | None:
    """TIMEX3-style value of one phrase against the document creation time: "2025-04-17",
    "2025-04", "2024", "2025-W16", "2009-Q3", "PRESENT_REF", "P3Y"; None when not a time.

    ``sentence`` (the sentence the phrase was taken from) lets the sentence decide what the words
    alone cannot: the tense that points a bare weekday forward ("is set to begin on Wednesday"),
    the period "the same period last year" or "the year previous" refers to, the day of a clock
    time ("Tuesday ... at 18:00 UTC")."""
    if sentence:
        return timex_in_sentence(text, dct, sentence, future, extra)
    r = read_phrase(text, dct, FUTURE if future else NEUTRAL, extra)
    return r.timex if r else None


# --- a phrase read in its sentence ------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r"[,;:()\"\u201c\u201d]|\s--?\s|\bthat\b|\bwhich\b|\bwho\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|'[a-z]+", re.IGNORECASE)


def sentence_direction(before: str, extra: tuple[str, ...] = ()) -> int:
    """FUTURE, PAST or NEUTRAL from the clause that leads up to a time phrase ("The trial is set
    to begin on" -> FUTURE; "Russian markets to remain closed until" -> FUTURE; "Smith
    announced the move on" -> PAST). Reads the nearest cue, right to left, within the clause."""
    words = time_vocab(extra).tense
    clause = _CLAUSE_BREAK.split(before)[-1]
    tokens = [w.lower() for w in _WORD.findall(clause)]
    while tokens and tokens[-1] in ("on", "at", "in", "the", "this", "next", "coming"):
        tokens.pop()
    past_aux = words.get("past_aux", frozenset())
    if tokens and tokens[-1] in words.get("forward_prep", ()) and not past_aux.intersection(tokens):
        return FUTURE
    for i in range(len(tokens) - 1, -1, -1):
        w = tokens[i]
        prev = tokens[i - 1] if i else ""
        if w in words.get("future_aux", ()):
            return FUTURE
        if (w == "to" and prev in words.get("future_before_to", ())) or (w == "be" and prev == "to"):
            return FUTURE      # "is set to begin", "an event to be held on"
        if w in past_aux:
            return PAST
        if w.endswith("ed") and len(w) > 4 and prev not in words.get("not_past_before", ()):
            return PAST
    return NEUTRAL


_MENTION_MONTHS = "|".join(sorted((m for m in MONTHS if m != "may"), key=len, reverse=True))
_MENTION = re.compile(
    r"\b(?:(?:the )?(?:first|second|third|fourth|final|last) quarter(?: of (?:(?:1[5-9]|20)\d\d|"
    r"(?:this|last|next) year))?"
    r"|(?:the )?(?:financial|fiscal) year|fy ?(?:1[5-9]|20)\d\d|fiscal (?:1[5-9]|20)\d\d"
    r"|(?:last|this|next|previous) (?:year|month|quarter|week)"
    rf"|(?:{_MENTION_MONTHS}|may(?= \d))\.?(?: \d{{1,2}}(?:st|nd|rd|th)?)?(?:,? (?:1[5-9]|20)\d\d)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:{_MENTION_MONTHS}|may)(?:,? (?:1[5-9]|20)\d\d)?"
    r"|(?:1[5-9]|20)\d\d(?!s)"
    r"|today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE)
_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}

# "the same period last year", "the same month a year ago", "the same period of the last year"
_SAME_PERIOD_YEAR_BEFORE = re.compile(
    r"^(?:in |during |for |from |over )?the same (?:period|time|month|quarter|week|day|season)"
    r"(?: of)?(?: the)? (?:last year|a year (?:ago|earlier|before)|the (?:previous|prior) year|previous year|"
    r"prior year|one year (?:ago|earlier))$")
# "the year previous", "the previous year", "the year before": the year before the one just named
_YEAR_BEFORE = re.compile(r"^(?:the )?(?:(?:previous|prior|preceding) year|year (?:previous|before|earlier|prior))$")
_SHARED_UNIT_AFTER = re.compile(r"^\s*(?:and|to|or|-)\s*[\w.-]+\s+(?P<unit>second|minute|hour|day|week|month|year)s?\b",
                                re.IGNORECASE)
_STREAK_AFTER = re.compile(r"^\s*(?:in a row|running)\b", re.IGNORECASE)
_RELATIVE_YEAR_AFTER = re.compile(r"^,?\s*(of (?:the )?(?:next|last|this|following|previous) year)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def timex_in_sentence(text: str, dct: date | None, sentence: str, future: bool = False,
                      extra: tuple[str, ...] = ()) -> str | None:
    numbers = time_vocab(extra).numbers
    at = sentence.find(text)
    if at < 0:
        at = sentence.lower().find(text.lower())
    if at < 0:
        r = read_phrase(text, dct, FUTURE if future else NEUTRAL, extra)
        return r.timex if r else None
    before, after = sentence[:at], sentence[at + len(text):]
    direction = FUTURE if future else sentence_direction(before, extra)
    phrase = text
    if _STREAK_AFTER.match(after):
        phrase = f"{text} in a row"
    elif (tail := _RELATIVE_YEAR_AFTER.match(after)) and normalize(text, dct, direction, extra):
        phrase = f"{text} {tail.group(1)}"
    r = read_phrase(phrase, dct, direction, extra) or read_phrase(text, dct, direction, extra)
    if dct is None:
        return r.timex if r else None
    bare = _LEAD.sub("", clean_phrase(text))
    if _SAME_PERIOD_YEAR_BEFORE.match(bare):
        named = _named_period(sentence, at, at + len(text), dct, max_rank=4, extra=extra)
        if named is not None:
            return _shift_years(named.timex, -1) or (r.timex if r else None)
    elif _YEAR_BEFORE.match(bare):
        named = _named_period(sentence, at, at + len(text), dct, max_rank=4, before_only=True, extra=extra)
        if named is not None and named.earliest:
            return _year_timex(named, -1)
    elif r is not None and r.kind == "anaphoric":
        unit = "weekend" if (r.timex or "").endswith("-WE") else r.granularity
        named = _named_period(sentence, at, at + len(text), dct, max_rank=_RANK.get(r.granularity, 0), extra=extra)
        if named is not None and named.earliest:
            if unit == "year":
                return _year_timex(named, 0)
            # what follows the day: "TMO" of "2010-03-03TMO", "T18:00Z" of a clock time alone
            part_of_day = (r.timex or "")[10:] if unit == "day" else ""
            value = _unit_of(named.earliest, unit)
            return value + part_of_day if value else None
    elif r is None and (shared := _SHARED_UNIT_AFTER.match(after)) and _count(clean_phrase(text), numbers) is not None:
        # "between 60 and 90 days": the first number borrows the unit of the second
        try:
            return _duration_value(_count(clean_phrase(text), numbers), shared["unit"])
        except Unresolvable:
            return None
    return r.timex if r else None


def _named_period(sentence: str, start: int, end: int, dct: date, max_rank: int,
                  before_only: bool = False, extra: tuple[str, ...] = ()) -> Resolved | None:
    """The calendar period the sentence names nearest to [start, end) (before it first), at
    granularity no coarser than ``max_rank`` (0 day ... 4 year)."""
    best: tuple[int, Resolved] | None = None
    for m in _MENTION.finditer(sentence):
        if m.start() < end and start < m.end():
            continue
        if before_only and m.start() >= start:
            break
        r = normalize(m.group(0), dct, sentence_direction(sentence[:m.start()], extra), extra)
        if r is None or r.earliest is None or _RANK.get(r.granularity, 9) > max_rank:
            continue
        distance = start - m.end() if m.end() <= start else 1000 + m.start() - end
        if best is None or distance < best[0]:
            best = (distance, r)
    return best[1] if best else None


_LEADING_YEAR = re.compile(r"^(FY)?(\d{4})(.*)$")


def _shift_years(timex: str | None, years: int) -> str | None:
    """ "2010-02" -> "2009-02", "FY2007" -> "FY2006"; None for a value with no leading year."""
    m = _LEADING_YEAR.match(timex or "")
    if not m:
        return None
    year = int(m[2]) + years
    if not MINYEAR <= year <= MAXYEAR:
        return None
    shifted = f"{m[1] or ''}{year:04d}{m[3]}"
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", shifted)
    if day and _safe_date(int(day[1]), int(day[2]), int(day[3])) is None:
        return None      # 29 February in a common year
    return shifted


def _year_timex(named: Resolved, years: int) -> str | None:
    prefix = "FY" if (named.timex or "").startswith("FY") else ""
    year = named.earliest.year + years
    return f"{prefix}{year:04d}" if MINYEAR <= year <= MAXYEAR else None


def _unit_of(d: date, unit: str) -> str | None:
    r = {"day": lambda: day_of(d), "week": lambda: week_of(d), "weekend": lambda: week_of(d, weekend=True),
         "month": lambda: month_of(d.year, d.month)}.get(unit)
    try:
        return r().timex if r else None
    except Unresolvable:    # the weekend of the calendar's last week
        return None


# --- the pipeline stage -----------------------------------------------------------------------

@functools.lru_cache(maxsize=8)
def _scan_pattern(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Time phrases spaCy often misses; "N days ago" takes every count word of number_words.tsv."""
    counts = "|".join(re.escape(w) for w in sorted(time_vocab(extra).numbers.words("number"), key=len, reverse=True))
    return re.compile(_SCAN_TEMPLATE.replace("{counts}", counts), re.IGNORECASE)


_SCAN_TEMPLATE = (
    r"\b(?:(?:last|this|next|coming|past|previous|on)\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\b(?:(?:earlier|later|early|late|the end of|the start of|the beginning of)\s+)?(?:the\s+)?"
    r"(?:this|last|next|past|previous|coming|current)\s+(?:week|weekend|month|year|quarter)\b"
    r"|\b(?:(?:earlier|later)\s+)?(?:today|yesterday|tomorrow|tonight|last night)\b"
    r"|\b(?:\d+|{counts})\s+(?:day|week|month|year)s?\s+ago\b"
    r"|\b(?:in|since|during|until|by)\s+(?:(?:early|mid|late)-?\s*)?(?:1[89]|20)\d\d\b(?![\d,.%]|s\b)")
_TIME_LABELS = frozenset({"DATE", "TIME"})
_NOT_TIME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT",
                              "PRODUCT", "LAW", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})


_RULE_WORDS = frozenset("""day days week weeks weekend fortnight month months year years decade decades
quarter quarters ago hence back now last this next past previous coming following current same early
mid late earlier later the of end start beginning middle rest morning afternoon evening night today
tonight yesterday tomorrow fiscal financial calendar spring summer autumn fall winter first second
third fourth final half entire whole full""".split())


@functools.lru_cache(maxsize=4096)
def _is_stray_word(word: str, extra: tuple[str, ...] = ()) -> bool:
    """A word at the edge of an entity that is no part of the time phrase ("Updated")."""
    w = clean_phrase(word)
    if not w or any(c.isdigit() for c in w):
        return False
    vocab = time_vocab(extra)
    return not (w in _RULE_WORDS or w in MONTHS or w in WEEKDAYS or w in vocab.numbers
                or w in vocab.vague_words)


WARNINGS_KEY = "dateline.time.warnings"


def time_warnings(doc: Doc) -> list[str]:
    """What ``TimeResolver.find`` had to say about this Doc's time phrases: one line for each
    phrase it left unresolved ("99999 months ago" -> no month on the calendar)."""
    return list(doc.user_data.get(WARNINGS_KEY, ()))


def _shown(phrase: str, limit: int = 80) -> str:
    phrase = " ".join(phrase.split())
    return phrase if len(phrase) <= limit else phrase[:limit - 1] + "\u2026"


def to_timeref(r: Resolved, published: date | None, span: TextSpan | None = None) -> TimeRef:
    return TimeRef(value=r.value, granularity=r.granularity, source="text", earliest=r.earliest,
                   latest=r.latest, span=span, fallback=published)


class TimeResolver:
    """Finds every time expression in an article and resolves it against ``article.published``.

    ``kb`` (a ``Knowledge``) brings the user's knowledge dirs: their rows in the time and number
    tables count as much as the built-in ones. None: built-in tables only."""

    def __init__(self, kb=None) -> None:
        self.extra: tuple[str, ...] = tuple(str(p) for p in (getattr(kb, "extra_paths", ()) or ()))
        vocab = time_vocab(self.extra)
        self._aux, self._governors = vocab.future_aux, vocab.future_governors

    def find(self, doc: Doc, article: Article) -> list[TimeRef]:
        """Every time phrase of the Doc as a TimeRef. A phrase that names no day on the calendar
        ("99999 months ago"; "yesterday" on 0001-01-01) is kept unresolved (no value, granularity
        unknown) and reported in ``time_warnings(doc)``."""
        anchor = article.published
        text = doc_text(doc)
        found: list[TimeRef] = []
        warnings: list[str] = []
        doc.user_data[WARNINGS_KEY] = warnings
        for start, end in self._candidate_spans(doc):
            try:
                start, end, resolved = self._read_span(doc, start, end, anchor)
                why = "names no date between 0001-01-01 and 9999-12-31"
            except (OverflowError, ValueError) as exc:
                # the last line: a rule that still trips on odd input leaves its phrase
                # unresolved rather than failing the article (the calendar helpers should have
                # caught it: the warning names the error so it can be fixed there)
                resolved, why = UNRESOLVED, f"could not be read ({type(exc).__name__}: {exc})"
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
            if resolved is None or resolved.kind in NOT_A_POINT:
                continue
            if resolved.kind == "unresolved":
                warnings.append(f'time: "{_shown(text[start:end])}" {why} (published {anchor}); '
                                f"left unresolved")
            found.append(to_timeref(resolved, anchor, TextSpan(start, end, text[start:end])))
        return found

    def resolve(self, text: str, published: date | None, future: bool = False) -> TimeRef | None:
        r = read_phrase(text, published, FUTURE if future else NEUTRAL, self.extra)
        if r is None or r.kind in NOT_A_POINT:
            return None
        return to_timeref(r, published)

    def no_time(self, published: date | None) -> TimeRef:
        return TimeRef(value=None, granularity="unknown", source="none", fallback=published)

    # -- internals --

    def _candidate_spans(self, doc: Doc) -> list[tuple[int, int]]:
        """spaCy DATE/TIME entities plus our own pattern hits, overlapping ones merged."""
        spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _TIME_LABELS]
        blocked = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _NOT_TIME_LABELS]
        for m in _scan_pattern(self.extra).finditer(doc_text(doc)):
            s, e = m.span()
            if not any(bs < e and s < be for bs, be in blocked):
                spans.append((s, e))
        spans.sort()
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        return merged

    def _read_span(self, doc: Doc, start: int, end: int,
                   anchor: date | None) -> tuple[int, int, Resolved | None]:
        """Resolve a candidate and trim words at its edges that do not change the reading
        ("April 18, 2025 Updated" -> "April 18, 2025"), so the span is the time phrase itself."""
        text = doc_text(doc)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        direction = self._direction(doc, start, end)
        resolved = read_phrase(text[start:end], anchor, direction, self.extra)
        if resolved is None:
            return start, end, None
        changed = True
        while changed:
            changed = False
            cut = text.rfind(" ", start, end)
            if (cut > start and _is_stray_word(text[cut + 1:end], self.extra)
                    and normalize(text[start:cut], anchor, direction, self.extra) == resolved):
                end, changed = cut, True
                continue
            cut = text.find(" ", start, end)
            if (cut != -1 and _is_stray_word(text[start:cut], self.extra)
                    and normalize(text[cut + 1:end], anchor, direction, self.extra) == resolved):
                start, changed = cut + 1, True
        while end > start and text[end - 1] in " ,.;:\n":
            end -= 1
        return start, end, resolved

    def _direction(self, doc: Doc, start: int, end: int) -> int:
        """FUTURE when the verb the phrase hangs on is future ("will meet on Monday", "is due to
        visit"), PAST for a past-tense verb, NEUTRAL otherwise (weekdays then count back)."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return NEUTRAL
        verb = span.root
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return NEUTRAL
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in self._aux:
                return FUTURE
            if (child.dep_ == "aux" and child.lower_ == "to"
                    and verb.head.lemma_.lower() in self._governors):
                return FUTURE
        if verb.tag_ in ("VBD", "VBN"):
            return PAST
        return NEUTRAL
