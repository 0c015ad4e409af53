"""Reader: MEANTIME (NewsReader) CAT XML documents -> gold records with TIMEX3 annotations.

A CAT document is a list of tokens (with sentence numbers) followed by markables that point at
tokens. We rebuild the text (one line per sentence, tokens joined the way they were printed),
take the document creation time (the TIMEX3 with functionInDocument="CREATION_TIME") as the
publication date, and keep every other TIMEX3 that covers text: its words, type and gold value.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateline.evaluate.gold import GoldFormatError, GoldRecord, GoldTimex
from dateline.evaluate.plover import ReadResult

# tokens printed without a space before them / after them (Penn-style tokenisation undone)
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "''", "'s", "'re", "'ve", "'ll",
                             "'d", "'m", "n't", "'", "...", "”", "’"})
NO_SPACE_AFTER = frozenset({"(", "[", "$", "``", "£", "#", "“", "‘"})
QUOTES = {"``": '"', "''": '"', "&quot;": '"'}
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DAY_FIRST_DATE = re.compile(r"^(\d{2})-(\d{2})-(\d{4})$")   # one DCT is written "03-02-2009"


@dataclass(slots=True)
class _Token:
    tid: str
    sentence: int
    text: str
    start: int = 0
    end: int = 0


def _tokens(root: ET.Element) -> list[_Token]:
    return [_Token(t.get("t_id", ""), int(t.get("sentence", "0")), QUOTES.get(t.text or "", t.text or ""))
            for t in root.iter("token")]


def _layout(tokens: list[_Token]) -> str:
    """Join tokens into text (one line per sentence) and record each token's offsets."""
    parts: list[str] = []
    length = 0
    previous: _Token | None = None
    for tok in tokens:
        if previous is not None:
            if tok.sentence != previous.sentence:
                sep = "\n"
            elif tok.text in NO_SPACE_BEFORE or previous.text in NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            length += len(sep)
        tok.start, tok.end = length, length + len(tok.text)
        parts.append(tok.text)
        length = tok.end
        previous = tok
    return "".join(parts)


def _anchored(timex: ET.Element, by_id: dict[str, _Token]) -> list[_Token]:
    return [by_id[a.get("t_id", "")] for a in timex.findall("token_anchor") if a.get("t_id", "") in by_id]


def _creation_date(timexes: list[ET.Element], by_id: dict[str, _Token]) -> date | None:
    for t in timexes:
        if t.get("functionInDocument") != "CREATION_TIME":
            continue
        value = t.get("value", "")
        if FULL_DATE.match(value[:10]):
            return date.fromisoformat(value[:10])
        day_first = DAY_FIRST_DATE.match(value)
        if day_first:
            day, month, year = day_first.groups()
            return date(int(year), int(month), int(day))
    # two documents lack the marker; their dateline (sentence 1) carries the same full date
    for t in timexes:
        toks = _anchored(t, by_id)
        if toks and toks[0].sentence == 1 and FULL_DATE.match(t.get("value", "")):
            return date.fromisoformat(t.get("value", ""))
    return None


def read_meantime_file(path: Path, result: ReadResult) -> GoldRecord | None:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldFormatError(f"{path}: not a CAT XML document ({exc})") from None
    tokens = _tokens(root)
    text = _layout(tokens)
    by_id = {t.tid: t for t in tokens}
    sentence_text: dict[int, str] = {}
    for tok in tokens:
        sentence_text[tok.sentence] = text[min(t.start for t in tokens if t.sentence == tok.sentence):tok.end]
    timex_elements = list(root.iter("TIMEX3"))
    dct = _creation_date(timex_elements, by_id)
    doc_id = root.get("doc_id") or path.stem
    if dct is None:
        result.skipped.append(f"{path.name}: no document creation time; its time expressions cannot be resolved")
        return None
    timexes = []
    for t in timex_elements:
        toks = _anchored(t, by_id)
        if t.get("functionInDocument") == "CREATION_TIME" or not toks:
            continue        # the DCT is the anchor, not a test item; unanchored timexes have no words
        start, end = toks[0].start, toks[-1].end
        timexes.append(GoldTimex(text=text[start:end], value=t.get("value", ""), type=t.get("type", "DATE"),
                                 start=start, end=end, sentence=sentence_text.get(toks[0].sentence, "")))
    timexes.sort(key=lambda x: (x.start or 0))
    title = sentence_text.get(0)
    return GoldRecord(id=f"meantime-{doc_id}", text=text, published=dct, title=title,
                      exhaustive=False, timexes=timexes, source=f"{path.parent.name}/{path.name}")


def read_meantime(path: str | Path) -> ReadResult:
    """All CAT XML files under ``path`` (a folder, searched recursively, or one file), sorted by name."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(path.rglob("*.xml"))
    if not files:
        raise GoldFormatError(f"{path}: no MEANTIME CAT XML files found")
    result = ReadResult(records=[])
    for file in files:
        record = read_meantime_file(file, result)
        if record is not None:
            result.records.append(record)
    return result
