"""Recognise the printed layout of a news text and keep only the story.

An e-paper or copied web article carries more than the story: a banner with the edition date,
the headline, a byline with published/updated times, photo captions (often printed twice) and a
footer such as "Published in Dawn, April 18th, 2025". This module reads those parts as metadata,
drops them from the body (recording what it dropped and where), keeps the first copy of a caption
as its own paragraph, and finds the dateline ("ISLAMABAD:") without removing it.

Nothing here is specific to one outlet: each part is recognised by its shape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from dateline.ingest.datelines import Dateline, find_dateline
from dateline.ingest.dates import find_dates, parse_printed
from dateline.ingest.textclean import clean_line, same_text_key, word_count
from dateline.model import Caption, TextSpan

HEADER_LINES = 12      # the banner/headline/byline/caption zone is at most this many lines
FOOTER_LINES = 3       # footers are among the last few lines

# "<author> Published April 18, 2025 Updated April 18, 2025 10:21am", "Published: 18 April 2025 | Updated ..."
BYLINE_PUBLISHED = re.compile(
    r"^(?:(?:By|BY):?\s+)?(?P<author>.{0,100}?)\s*[|•·,–—-]?\s*"
    r"\b(?:(?i:published|posted|first published))(?:\s+on)?\s*:?\s+(?P<rest>.+)$")
UPDATED_SPLIT = re.compile(r"\s*[|•·,]?\s*\b(?i:(?:last\s+)?(?:updated|modified))(?:\s+on)?\s*:?\s*")
# "By Baqir Sajjad Syed", "By Staff Reporter | June 12, 2023"
BYLINE_BY = re.compile(r"^(?:By|BY):?\s+(?P<author>[^|•·\d]{2,80}?)(?:\s*[|•·–—]\s*(?P<rest>.+))?$")
NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’\-]*|and|&|de|da|del|van|von|bin|ibn|al|el|ul|ur)$")
# "Published in Dawn, April 18th, 2025", "Printed in The Express Tribune, June 12th, 2023"
FOOTER_PUBLISHED_IN = re.compile(
    r"^(?:Published|Printed|Appeared|First published|This article (?:first |originally )?appeared)"
    r"\s+in\s+(?P<outlet>[^,]{2,60}?)(?:\s*(?:,|\bon\b)\s*(?P<rest>.*?))?\s*\.?\s*$")
COPYRIGHT = re.compile(r"^(?:©|\([cC]\)\s|Copyright\b|All rights reserved)")
# "© 2025 The Indus Herald. All rights reserved." -> "The Indus Herald"
COPYRIGHT_OWNER = re.compile(r"^(?:Copyright\s*)?(?:©|\([cC]\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
                             r"(?P<owner>[A-Z][^.,©]{1,60}?)\.?(?:\s*All rights reserved\.?)?$")
# A crawler's date stamp in front of the first line: "date 2023-06-11 Pakistan: First Russian cargo ..."
DATE_STAMP = re.compile(r"^date (\d{4}-\d{2}-\d{2})\s+(?=\S)")
BANNER_WORDS = re.compile(r"(?i)\b(?:e-?paper|print edition|today'?s paper|edition|date|issue)\b")
BANNER_PUNCT = re.compile(r"[|•·,\-–—:/]")
# A caption ends with a photo credit ("— PID", "- Reuters/File") or says it is a photo.
TRAILING_YEAR = re.compile(r"\s+\d{4}$")
CAPTION_CREDIT = re.compile(r"(?:\s?[—–]|\s-\s|\()\s*"
                            r"(?:(?:Photo(?:graph)?s?|Image|File photo)(?:\s*:|\s+by|\s+courtesy(?:\s+of)?)?\s*)?"
                            r"(?P<credit>[A-Z][\w.&'’-]*(?:[ /][A-Z][\w.&'’-]*){0,3})\)?\s*$")
CAPTION_START = re.compile(r"^(?:Photo|PHOTO|File photo|FILE PHOTO|Picture|Image)\b")
BULLET = re.compile(r"^(?:[-•*▪●]\s|\d{1,2}[.)]\s)")
SENTENCE_END = re.compile(r"[.:;,][\"”’')]*$")   # a headline never ends like a sentence
TERMINAL = re.compile(r"[.!?:;\"'”’)\]…]$")


@dataclass(slots=True)
class Line:
    text: str          # cleaned
    raw_start: int     # offset of the line in the newline-normalised input
    block: int         # lines in one block have no blank line between them


@dataclass(slots=True)
class Byline:
    author: str | None
    published: date | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(slots=True)
class Layout:
    """The story text and what the layout said about it. Offsets point into ``text``."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None
    published_from: str | None = None        # byline | footer | banner
    dateline: Dateline | None = None         # offsets already shifted into ``text``
    captions: list[Caption] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)
    source_map: list[list[int]] = field(default_factory=list)   # [text_start, raw_start, length]
    parts: set[str] = field(default_factory=set)                # layout parts seen: banner, byline, footer ...
    edition: str | None = None


def split_lines(raw: str) -> list[Line]:
    lines: list[Line] = []
    block, pos, blank_run = 0, 0, False
    for piece in raw.split("\n"):
        text = clean_line(piece)
        if text:
            if blank_run and lines:
                block += 1
            lead = len(piece) - len(piece.lstrip())
            lines.append(Line(text, pos + lead, block))
            blank_run = False
        else:
            blank_run = True
        pos += len(piece) + 1
    return lines


def parse_byline(text: str) -> Byline | None:
    m = BYLINE_PUBLISHED.match(text)
    if m:
        pub_text, *upd = UPDATED_SPLIT.split(m.group("rest"), maxsplit=1)
        pub_day, pub_at = parse_printed(pub_text)
        if pub_day is None:
            return None
        upd_day, upd_at = parse_printed(upd[0]) if upd else (None, None)
        if upd and upd_day is None:
            return None
        author = author_name(m.group("author"))
        if m.group("author").strip(" |•·,–—-") and author is None:
            return None
        updated = upd_at or (datetime.combine(upd_day, datetime.min.time()) if upd_day else None)
        return Byline(author, pub_day, pub_at, updated)
    m = BYLINE_BY.match(text)
    if m:
        author = author_name(m.group("author"))
        if author is None:
            return None
        rest = m.group("rest")
        day, at = parse_printed(rest) if rest else (None, None)
        return Byline(author, day, at)
    return None


def author_name(text: str) -> str | None:
    """A plausible person/desk name, or None: at most 8 words, each capitalised or a name particle."""
    name = text.strip(" |•·,–—-")
    if name.startswith(("By ", "BY ")):
        name = name[3:].strip()
    words = name.replace(",", " ").split()
    if not words or len(words) > 8 or not all(NAME_WORD.match(w) for w in words):
        return None
    return name


def is_banner(text: str) -> bool:
    """A short line made of dates and edition words: " date 2025-04-18 E-Paper | April 18, 2025"."""
    if len(text) > 120:
        return False
    dates = find_dates(text)
    if not dates:
        return False
    rest = text
    for m, _ in reversed(dates):
        rest = rest[:m.start()] + " " + rest[m.end():]
    has_banner_word = bool(BANNER_WORDS.search(rest))
    words = BANNER_PUNCT.sub(" ", BANNER_WORDS.sub(" ", rest)).split()
    return not words or (has_banner_word and len(words) <= 2) or (len(dates) >= 2 and len(words) <= 1)


def parse_footer(text: str) -> tuple[str, str | None, date | None] | None:
    """("Dawn", edition or None, date or None) for "Published in Dawn, April 18th, 2025"."""
    m = FOOTER_PUBLISHED_IN.match(text)
    if not m:
        return None
    rest = m.group("rest") or ""
    dates = find_dates(rest)
    day = dates[-1][1] if dates else None
    edition = (rest[:dates[-1][0].start()] if dates else rest).strip(" ,") or None
    if rest and not dates:
        return None  # "Published in Dawn, which ..." is a sentence, not a footer
    return m.group("outlet").strip(), edition, day


def is_headline(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 30 and len(text) <= 250 and not SENTENCE_END.search(text)
            and not text[0].islower() and word_count(text) > 0 and find_dateline(text) is None)


def is_caption_like(text: str) -> bool:
    return bool(CAPTION_START.match(text) or CAPTION_CREDIT.search(text)) and word_count(text) >= 3


def recognise(raw: str, *, guess_title: bool = True, known_title: str | None = None) -> Layout:
    """Split newline-normalised text into layout parts and the story. See the module docstring."""
    lines = split_lines(raw)
    role = ["body"] * len(lines)
    out = Layout(text="")
    title_key = same_text_key(known_title) if known_title else None

    def drop(i: int, kind: str) -> None:
        role[i] = kind
        out.dropped.append({"kind": kind, "text": lines[i].text, "raw_start": lines[i].raw_start})

    header_end = scan_header(lines, role, out, drop, guess_title, title_key)
    scan_footer(lines, role, out, drop, header_end)
    drop_repeats(lines, role, drop)
    assemble(lines, role, out)
    out.dropped.sort(key=lambda d: d["raw_start"])
    return out


def scan_header(lines, role, out: Layout, drop, guess_title: bool, title_key: str | None) -> int:
    """Classify the top lines; returns the index of the first story line."""
    limit = min(len(lines), HEADER_LINES)
    banner_dates: list[date] = []
    byline_seen = False
    i = 0
    while i < limit:
        line, nxt = lines[i], (lines[i + 1] if i + 1 < len(lines) else None)
        stamp = DATE_STAMP.match(line.text) if i == 0 else None
        if stamp and not is_banner(line.text):
            # Split the stamp off as a banner and read the rest of the line as a line of its own.
            out.dropped.append({"kind": "banner", "text": stamp.group(0).strip(), "raw_start": line.raw_start})
            out.parts.add("banner")
            banner_dates.extend(d for _, d in find_dates(stamp.group(1)))
            lines[i] = Line(line.text[stamp.end():], line.raw_start + stamp.end(), line.block)
            continue
        if i < 3 and out.title is None and not byline_seen and is_banner(line.text):
            drop(i, "banner")
            out.parts.add("banner")
            banner_dates.extend(d for _, d in find_dates(line.text))
        elif (byline := parse_byline(line.text)) is not None:
            drop(i, "byline")
            out.parts.add("byline")
            byline_seen = True
            out.author = out.author or byline.author
            if byline.published and out.published is None:
                out.published, out.published_at, out.published_from = byline.published, byline.published_at, "byline"
            out.updated_at = out.updated_at or byline.updated_at
        elif out.title is None and not byline_seen and i < 4 and title_key and same_text_key(line.text) == title_key:
            drop(i, "headline")
            out.title = line.text
        elif (out.title is None and not byline_seen and guess_title and title_key is None and i < 4
              and nxt is not None and is_headline(line.text)
              and ("banner" in out.parts or parse_byline(nxt.text) is not None
                   or (nxt.block != line.block and (i == 0 or lines[i - 1].block != line.block)))):
            drop(i, "headline")
            out.title = line.text
        elif (out.title or byline_seen or "banner" in out.parts) and (
                is_caption_like(line.text) or (nxt is not None and same_text_key(nxt.text) == same_text_key(line.text)
                                               and word_count(line.text) >= 3)):
            role[i] = "caption"
        else:
            break
        i += 1
    if out.published is None and banner_dates:
        out.published, out.published_from = banner_dates[0], "banner"
    return i


def scan_footer(lines, role, out: Layout, drop, header_end: int) -> None:
    j, seen = len(lines) - 1, 0
    while j >= header_end and seen < FOOTER_LINES:
        text = lines[j].text
        footer = parse_footer(text)
        if footer:
            drop(j, "footer")
            out.parts.add("footer")
            outlet, edition, day = footer
            out.outlet = out.outlet or outlet
            out.edition = out.edition or edition
            if day and (out.published is None or out.published_from == "banner"):
                out.published, out.published_from = day, "footer"
        elif COPYRIGHT.match(text) and len(text) <= 200:
            drop(j, "copyright")
            owner = COPYRIGHT_OWNER.match(text)
            if owner and out.outlet is None and not owner.group("owner").startswith("All rights"):
                out.outlet = TRAILING_YEAR.sub("", owner.group("owner")).strip()
                out.parts.add("copyright")
        else:
            break
        j -= 1
        seen += 1


def drop_repeats(lines, role, drop) -> None:
    """Drop the second copy of a caption, and a line printed twice in a row; keep the first copy."""
    first_seen: dict[str, int] = {}
    previous: int | None = None
    for i, line in enumerate(lines):
        if role[i] not in ("body", "caption"):
            continue
        key = same_text_key(line.text)
        earlier = first_seen.get(key)
        if earlier is not None and word_count(line.text) >= 3:
            if role[earlier] == "caption" or is_caption_like(lines[earlier].text):
                role[earlier] = "caption"
                drop(i, "caption_duplicate")
                continue
            if earlier == previous:
                drop(i, "duplicate_line")
                continue
        first_seen.setdefault(key, i)
        previous = i


def is_wrapped(run: list[Line]) -> bool:
    """Hard-wrapped prose: most line ends fall mid-sentence. Bullet lists are never joined."""
    if len(run) < 2 or any(BULLET.match(ln.text) for ln in run[1:]):
        return False
    soft = sum(1 for a, b in zip(run, run[1:]) if not TERMINAL.search(a.text) or b.text[0].islower())
    return soft * 2 >= len(run) - 1


def paragraphs(lines, role) -> list[tuple[list[Line], bool]]:
    """(lines, is_caption) per paragraph: a caption is always its own paragraph."""
    out: list[tuple[list[Line], bool]] = []
    run: list[Line] = []

    def flush() -> None:
        if not run:
            return
        if is_wrapped(run):
            out.append((list(run), False))
        else:
            out.extend(([ln], False) for ln in run)
        run.clear()

    for i, line in enumerate(lines):
        if role[i] == "caption":
            flush()
            out.append(([line], True))
        elif role[i] == "body":
            if run and run[-1].block != line.block:
                flush()
            run.append(line)
        else:
            flush()  # a dropped line between two body lines still separates them
    flush()
    return out


def caption_at(start: int, end: int, text: str) -> Caption:
    """A caption at ``start`` in the body text, with the span of the photo credit closing it, if any."""
    found = CAPTION_CREDIT.search(text)
    credit = None
    if found is not None:
        s, e = found.span("credit")
        credit = TextSpan(start + s, start + e, text[s:e])
    return Caption(start, end, text, credit)


def assemble(lines, role, out: Layout) -> None:
    pieces: list[str] = []
    pos = 0
    first_story: tuple[int, str] | None = None
    for para, is_caption in paragraphs(lines, role):
        if pieces:
            pieces.append("\n\n")
            pos += 2
        start = pos
        for k, line in enumerate(para):
            if k:
                pieces.append(" ")
                pos += 1
            out.source_map.append([pos, line.raw_start, len(line.text)])
            pieces.append(line.text)
            pos += len(line.text)
        text = " ".join(line.text for line in para)
        if is_caption:
            out.captions.append(caption_at(start, pos, text))
        elif first_story is None:
            first_story = (start, text)
    out.text = "".join(pieces)
    if first_story is not None:
        found = find_dateline(first_story[1])
        if found is not None:
            shift = first_story[0]
            out.dateline = Dateline(found.city, found.printed, found.start + shift, found.end + shift,
                                    found.prefix_end + shift, found.date_text, found.agency, found.region)
