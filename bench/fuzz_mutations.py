"""Mutated news texts for fuzzing ``dateline.extract``: short windows (one to three sentences) of
the shipped sample articles with number, date, unicode, control-character and length mutations,
and publication dates that include the ends of the calendar (0001-01-01, 9999-12-31).

Used by ``bench/fuzz_extract.py`` (the report) and ``tests/test_fuzz_extract.py`` (the bounded
test). Deterministic: the same seed gives the same inputs, and the first n inputs of a run are
the same whatever n is.

    from fuzz_mutations import fuzz_inputs
    for item in fuzz_inputs(2000, seed=8):
        item.text, item.published, item.mutations
"""
from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

SEED = 8     # issue 8


@dataclass(frozen=True, slots=True)
class FuzzInput:
    text: str
    published: date | None
    mutations: tuple[str, ...]      # the names of the mutations applied, in order


# --- base material ----------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"(])|\n\s*\n")


def base_windows(max_sentences: int = 3) -> list[tuple[str, date | None]]:
    """Windows of one to ``max_sentences`` consecutive sentences of each shipped sample article
    (read with the ingest readers, so HTML and JSON Lines samples count too), with the article's
    publication date. In a fixed order."""
    from dateline.ingest import InputError, read_inputs, sample_paths

    windows: list[tuple[str, date | None]] = []
    for article in read_inputs(sorted(sample_paths())):
        if isinstance(article, InputError):
            continue
        sentences = [s.strip() for s in _SENTENCE_END.split(article.text) if s and s.strip()]
        for i in range(len(sentences)):
            for k in range(1, max_sentences + 1):
                if i + k <= len(sentences):
                    windows.append((" ".join(sentences[i:i + k]), article.published))
    if not windows:
        raise RuntimeError("no sample articles found (dateline.ingest.sample_paths())")
    return windows


# --- mutations --------------------------------------------------------------------------------

HUGE_NUMBERS = ["0", "00", "-1", "10000", "99999", "999999", "99999999999", "1" * 40, "9" * 400,
                "1e309", "1,000,000,000,000", "4294967296", "18446744073709551616", "2147483648",
                "\uff11\uff12\uff13",             # fullwidth digits
                "\u0662\u0660\u0662\u0664",       # Arabic-Indic digits (str.isdigit, \d)
                "\u0967\u0966\u0966\u0966\u0966"]  # Devanagari digits
UNITS = ["day", "days", "week", "weeks", "fortnight", "month", "months", "year", "years",
         "decade", "decades", "quarter", "quarters"]
TIME_PHRASES = [
    "{n} {unit} ago", "{n} {unit} from now", "{n} {unit} back", "in Q{n} 2025", "Q{n} {y}",
    "the past {n} {unit}", "every {n} {unit}", "between {n} and 90 days", "{n} {unit} in a row",
    "a {n}-{unit} history", "the {n}th week of March", "on {unit}",
]
ODD_DATES = [
    "on Thursday", "on Monday morning", "last Friday", "next Sunday", "this Saturday", "yesterday",
    "tomorrow", "the day after tomorrow", "last night", "last year", "next year", "this week",
    "next week", "last week", "this weekend", "next month", "last month", "last quarter",
    "the next decade", "the last decade", "the 1990s", "the '90s", "last winter", "next winter",
    "winter 9999", "spring 0000", "Q4 9999", "Q1 0000", "the fourth quarter", "in 0000",
    "in 9999", "February 30, 2024", "February 29, 2023", "February 29, 2024", "31/02/2023",
    "00/00/0000", "13/13/13", "0000-00-00", "9999-12-31", "0001-01-01", "2024-02-30",
    "December 32, 2024", "April 0, 2025", "October of next year", "the financial year",
    "next financial year", "the same period last year", "the year before", "the previous year",
    "earlier this week", "later this month", "the rest of the year", "the last week of December",
    "the first week of January", "mid-9999", "early 0000", "FY9999", "fiscal 2099",
    "12:00 UTC Monday", "25:61 p.m.", "at 0800 GMT", "99:99", "from 2009 to 2011", "2011 to 2009",
    "a second consecutive day", "the 10th straight year",
]
ODD_YEARS = ["0000", "0001", "9999", "10000", "1500", "2099"]
UNICODE_BITS = ["\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\ufeff", "\u00a0", "\u2009",
                "\u0301", "\u0308\u0308\u0308", "\U0001f600", "\U0001f1f5\U0001f1f0", "\u4e2d\u6587",
                "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u0939\u093f\u0928\u094d\u0926\u0940",
                "\u2019", "\u201c", "\u201d", "\u2013", "\u2014", "\ufffd", "\ufffe", "\uffff",
                "\U0010ffff", "\u2160\u2161", "\u00bd", "\u2153", "\ufb01", "\u0130", "\u1e9e",
                "\u0391\u03b8\u03ae\u03bd\u03b1", "\u041c\u043e\u0441\u043a\u0432\u0430"]
CONTROL_BITS = ["\x00", "\x01", "\x07", "\x08", "\t", "\x0b", "\x0c", "\r", "\r\n", "\x1b", "\x1b[31m",
                "\x7f", "\x85", "\u2028", "\u2029", "\n\n\n", "\x9b", "\x00\x00\x00"]

_DIGITS = re.compile(r"\d+")
_YEARS = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_WORDS = re.compile(r"\S+")


def _positions(text: str, rng: random.Random) -> int:
    """A position at a word boundary (or anywhere, one time in four)."""
    if not text or rng.random() < 0.25:
        return rng.randint(0, len(text))
    spaces = [m.start() for m in re.finditer(r"\s", text)] or [len(text)]
    return rng.choice(spaces)


def _insert(text: str, bit: str, rng: random.Random) -> str:
    at = _positions(text, rng)
    return text[:at] + bit + text[at:]


def _replace_random(pattern: re.Pattern[str], text: str, make, rng: random.Random) -> str | None:
    hits = list(pattern.finditer(text))
    if not hits:
        return None
    m = rng.choice(hits)
    return text[:m.start()] + make() + text[m.end():]


def _number(text: str, rng: random.Random) -> str:
    n = rng.choice(HUGE_NUMBERS) if rng.random() < 0.7 else str(rng.randint(0, 10 ** rng.randint(1, 30)))
    if rng.random() < 0.5:
        replaced = _replace_random(_DIGITS, text, lambda: n, rng)
        if replaced is not None:
            return replaced
    phrase = rng.choice(TIME_PHRASES).format(n=n, unit=rng.choice(UNITS), y=rng.choice(["2025", "0000", "9999"]))
    return _insert(text, f" {phrase} ", rng)


def _date(text: str, rng: random.Random) -> str:
    if rng.random() < 0.4:
        replaced = _replace_random(_YEARS, text, lambda: rng.choice(ODD_YEARS), rng)
        if replaced is not None:
            return replaced
    return _insert(text, f" {rng.choice(ODD_DATES)} ", rng)


def _unicode(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        text = _insert(text, rng.choice(UNICODE_BITS), rng)
    return text


def _control(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        text = _insert(text, rng.choice(CONTROL_BITS), rng)
    return text


def _length(text: str, rng: random.Random, scale: float = 1.0) -> str:
    kind = rng.randrange(6)
    if kind == 0:                                   # cut anywhere, mid-word too
        return text[:rng.randint(0, len(text))]
    if kind == 1:                                   # the window a few times over
        return " ".join([text] * rng.randint(2, max(2, round(4 * scale))))
    if kind == 2:                                   # one very long "word" (a run of commas is many tokens)
        return _insert(text, " " + rng.choice("a9-.,'") * rng.randint(50, round(5000 * scale)) + " ", rng)
    if kind == 3:                                   # one word repeated
        words = _WORDS.findall(text) or ["Thursday"]
        return _insert(text, " " + " ".join([rng.choice(words)] * rng.randint(5, round(200 * scale))) + " ", rng)
    if kind == 4:                                   # nothing, or nothing but space
        return rng.choice(["", " ", "\n", "\t\n  ", ".", "\u200b"])
    return text.upper() if rng.random() < 0.5 else text.lower()


MUTATIONS = {"number": _number, "date": _date, "unicode": _unicode, "control": _control, "length": _length}
_NAMES = sorted(MUTATIONS)

EDGE_DATES = [date(1, 1, 1), date(9999, 12, 31), date(1, 1, 2), date(9999, 12, 30), date(2024, 2, 29),
              date(1, 12, 31), date(9999, 1, 1)]


def _published(original: date | None, rng: random.Random) -> date | None:
    r = rng.random()
    if r < 0.45:
        return original
    if r < 0.85:
        return rng.choice(EDGE_DATES)
    if r < 0.95:
        return date.fromordinal(rng.randint(1, date.max.toordinal()))
    return None


def fuzz_inputs(n: int, seed: int = SEED, windows: list[tuple[str, date | None]] | None = None,
                length_scale: float = 1.0) -> Iterator[FuzzInput]:
    """``n`` mutated texts: each a sample window with one to three mutations, and a publication
    date that is the article's own, one at an end of the calendar, a random one, or none.
    ``length_scale`` (0.1 to 1) shortens what the length mutations add, for a quick run."""
    windows = windows if windows is not None else base_windows()
    rng = random.Random(seed)
    for _ in range(n):
        text, original = rng.choice(windows)
        names = tuple(rng.choice(_NAMES) for _ in range(rng.randint(1, 3)))
        for name in names:
            text = _length(text, rng, length_scale) if name == "length" else MUTATIONS[name](text, rng)
        yield FuzzInput(text=text, published=_published(original, rng), mutations=names)
