"""Reading PETRARCH actor dictionaries: a primary phrase, '+' synonyms, tab-indented dated codes.

    MOHAMMAD_ZAHIR_SHAH_  ; CountryInfo.txt
    +ZAHIR_SHAH_
        [AFGELI 320101-331108]
        [AFGGOV 331108-730717]
        [AFGELI]

A code on the primary line or an undated ``[CODE]`` is the default; ``<date``, ``>date`` and
``date-date`` restrict a code to a period (limits included). Dates are YYMMDD or YYYYMMDD.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.knowledge.petrarch.text import Problems, numbered_lines, phrase_words, strip_comment

_BRACKET = re.compile(r"\[([^\]]*)\]")
# Two-digit years: 30-99 are 19xx, 00-29 are 20xx (the dictionaries run from 1930 to 2015).
_CENTURY_CUT = 30


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    start: date | None
    end: date | None


@dataclass(slots=True)
class ActorEntry:
    words: list[str]
    aliases: list[list[str]] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    path: str = ""
    line: int = 0


def parse_date(text: str) -> date | None:
    """ "030701" -> 2003-07-01, "18970101" -> 1897-01-01; None when it is no date."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        text = ("19" if yy >= _CENTURY_CUT else "20") + text
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def parse_term(body: str) -> Term | None:
    """ "ARMGOV 900804-980203" -> Term; None when the restriction cannot be read."""
    parts = body.split()
    if len(parts) == 3 and parts[1] in ("<", ">"):          # "[EGYGOV > 140608]"
        parts = [parts[0], parts[1] + parts[2]]
    if not parts or len(parts) > 2:
        return None
    code = parts[0]
    if len(parts) == 1:
        return Term(code, None, None)
    r = parts[1]
    if r[0] in "<>":
        d = parse_date(r[1:])
        if d is None:
            return None
        return Term(code, None, d) if r[0] == "<" else Term(code, d, None)
    a, dash, b = r.partition("-")
    start, end = parse_date(a), parse_date(b)
    if not dash or start is None or end is None:
        return None
    return Term(code, start, end) if start <= end else Term(code, end, start)


def _terms(text: str, path: str, n: int, problems: Problems) -> list[Term]:
    out = []
    for body in _BRACKET.findall(text):
        term = parse_term(body)
        if term is None:
            problems.add(path, n, f"unreadable code or date restriction [{body.strip()}]")
        else:
            out.append(term)
    return out


def read_actors(path: Path, problems: Problems) -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    current: ActorEntry | None = None
    where = str(path)
    for n, raw in numbered_lines(path):
        if raw.lstrip().startswith("<!--"):
            continue
        line = strip_comment(raw)
        if not line.strip():
            continue
        if line[0] in " \t":                      # a date restriction under the current entry
            if current is None or not line.strip().startswith("["):
                problems.add(where, n, "indented line that is not a [code] under an entry")
                continue
            current.terms += _terms(line, where, n, problems)
        elif line[0] == "+":                      # a synonym of the current entry
            if current is None:
                problems.add(where, n, "synonym before any entry")
                continue
            for part in line[1:].split("+"):         # a stray '+' joins two synonyms
                words = phrase_words(_BRACKET.sub(" ", part))
                if words:
                    current.aliases.append(words)
            current.terms += _terms(line, where, n, problems)
        else:
            words = phrase_words(_BRACKET.sub(" ", line))
            if not words or any(c in "[]{}" for c in _BRACKET.sub(" ", line)):
                problems.add(where, n, "unreadable entry line")
                current = None
                continue
            current = ActorEntry(words, path=where, line=n)
            current.terms += _terms(line, where, n, problems)
            entries.append(current)
    return entries
