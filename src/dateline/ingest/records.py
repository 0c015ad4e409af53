"""Corpora: JSON Lines, JSON arrays and CSV. One Article per record, source "path:line"; a bad
record becomes an InputError for that record only and the rest of the file is still read.

JSON Lines and CSV are streamed, so a corpus of millions of records never sits in memory;
``max_bytes`` then limits each record's text, not the file.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dateline.ingest.build import Given, Overrides, build_article
from dateline.ingest.dates import UnparseableDate, from_epoch, parse_field
from dateline.ingest.decode import detect_encoding
from dateline.ingest.errors import RAISE_LIMIT, InputError
from dateline.ingest.layout import recognise
from dateline.ingest.textclean import normalise_newlines
from dateline.model import Article

# Field names, first match wins; compared case-insensitively.
TEXT_FIELDS = ("text", "body", "content", "article", "full_text", "maintext")
TITLE_FIELDS = ("title", "headline")
PUBLISHED_FIELDS = ("published", "date", "published_at", "publishedat", "pubdate", "date_publish",
                    "datepublished", "publish_date", "publication_date")
UPDATED_FIELDS = ("updated", "updated_at", "modified", "date_modify", "datemodified")
URL_FIELDS = ("url", "link", "source_url")
OUTLET_FIELDS = ("outlet", "source", "sitename", "site_name", "publisher", "source_domain", "site")
AUTHOR_FIELDS = ("author", "authors", "byline")
KNOWN_FIELDS = frozenset(TEXT_FIELDS + TITLE_FIELDS + PUBLISHED_FIELDS + UPDATED_FIELDS + URL_FIELDS
                         + OUTLET_FIELDS + AUTHOR_FIELDS + ("dateline", "language", "lang", "id"))
CONTAINER_KEYS = ("articles", "records", "items", "data", "documents")


def first(record: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        value = record.get(name)
        if value not in (None, "", []):
            return name, value
    return None, None


def as_text(value: Any) -> str | None:
    """Strings as they are; a list of names joined; {"name": ...} objects (NewsAPI "source") by name."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        parts = [as_text(v) for v in value]
        return ", ".join(p for p in parts if p) or None
    if isinstance(value, dict):
        return as_text(value.get("name"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def record_date(record: dict[str, Any], names: tuple[str, ...], source: str, label: str):
    name, value = first(record, names)
    if name is None:
        return None, None
    try:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return from_epoch(value / 1000 if value > 10**11 else value)  # seconds or milliseconds
        if not isinstance(value, str):
            raise UnparseableDate(repr(value))
        return parse_field(value)
    except (UnparseableDate, OverflowError, OSError, ValueError):
        raise InputError(source, f"unparseable {label} date in field '{name}': {str(value)[:60]!r}",
                         kind="bad_date") from None


def article_from_record(raw_record: Any, source: str, overrides: Overrides, max_bytes: int, fmt: str) -> Article:
    if not isinstance(raw_record, dict):
        raise InputError(source, f"expected an object with a text field, got {type(raw_record).__name__}",
                         kind="bad_record")
    record = {str(k).strip().lower(): v for k, v in raw_record.items()}
    name, text = first(record, TEXT_FIELDS)
    if name is None:
        present = [f for f in TEXT_FIELDS if f in record]
        if present:
            raise InputError(source, f"empty text in field '{present[0]}'", kind="no_text")
        fields = ", ".join(sorted(record)) or "none"
        raise InputError(source, f"no text field (expected one of: text, body, content); fields: {fields}",
                         kind="bad_record")
    if not isinstance(text, str):
        raise InputError(source, f"field '{name}' is {type(text).__name__}, not text", kind="bad_record")
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise InputError(source, f"record text is {size:,} bytes, over the limit of {max_bytes:,} bytes "
                                 f"({RAISE_LIMIT})", kind="too_large")
    given = Given(title=as_text(first(record, TITLE_FIELDS)[1]), author=as_text(first(record, AUTHOR_FIELDS)[1]),
                  outlet=as_text(first(record, OUTLET_FIELDS)[1]), url=as_text(first(record, URL_FIELDS)[1]),
                  dateline=as_text(record.get("dateline")),
                  language=as_text(record.get("language") or record.get("lang")))
    given.published, given.published_at = record_date(record, PUBLISHED_FIELDS, source, "published")
    updated_day, updated_at = record_date(record, UPDATED_FIELDS, source, "updated")
    given.updated_at = updated_at
    if record.get("id") not in (None, ""):
        given.meta["record_id"] = record["id"]
    extra = {k: v for k, v in record.items() if k not in KNOWN_FIELDS
             and isinstance(v, (str, int, float, bool)) and len(str(v)) <= 500}
    if extra:
        given.meta["fields"] = extra
    layout = recognise(normalise_newlines(text), guess_title=False, known_title=given.title)
    return build_article(layout, given, overrides, source=source, fmt=fmt)


def guarded(raw_record: Any, source: str, overrides: Overrides, max_bytes: int, fmt: str) -> Article | InputError:
    try:
        return article_from_record(raw_record, source, overrides, max_bytes, fmt)
    except InputError as exc:
        return exc


def read_jsonl(path: Path, label: str, overrides: Overrides, max_bytes: int,
               opener: Callable[[], BinaryIO] | None = None) -> Iterator[Article | InputError]:
    """``opener`` gives the bytes when they are not the file's own (a gzip-compressed corpus)."""
    seen_any = False
    with opener() if opener else path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            source = f"{label}:{lineno}"
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            seen_any = True
            if len(raw) > max_bytes + 4096:
                yield InputError(source, f"record is {len(raw):,} bytes, over the limit of {max_bytes:,} bytes "
                                         f"({RAISE_LIMIT})", kind="too_large")
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield InputError(source, f"not UTF-8 text at byte {exc.start} (JSON Lines must be UTF-8)",
                                 kind="encoding")
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(source, f"invalid JSON: {exc.msg} at column {exc.colno}", kind="bad_record")
                continue
            yield guarded(value, source, overrides, max_bytes, "jsonl")
    if not seen_any:
        yield InputError(label, "empty file (no records)", kind="empty")


def read_json(text: str, label: str, overrides: Overrides, max_bytes: int) -> Iterator[Article | InputError]:
    """A JSON array of records (source "path:line" of each record), an object holding such an array
    under "articles"/"records"/"items"/"data", or one article object (source "path")."""
    decoder = json.JSONDecoder()
    pos = skip_space(text, 0)
    if pos >= len(text):
        yield InputError(label, "empty file (only whitespace)", kind="empty")
        return
    if text[pos] != "[":
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputError(f"{label}:{exc.lineno}", f"invalid JSON: {exc.msg} at column {exc.colno}",
                             kind="bad_record")
            return
        if isinstance(value, dict):
            lowered = {str(k).lower(): v for k, v in value.items()}
            for key in CONTAINER_KEYS:
                if isinstance(lowered.get(key), list):
                    for i, item in enumerate(lowered[key], start=1):
                        yield guarded(item, f"{label}:{key}[{i}]", overrides, max_bytes, "json")
                    return
        yield guarded(value, label, overrides, max_bytes, "json")
        return
    # An array: decode element by element so each record knows its line number.
    pos, line, line_pos = skip_space(text, pos + 1), 1, 0
    while pos < len(text) and text[pos] != "]":
        line += text.count("\n", line_pos, pos)
        line_pos = pos
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield InputError(f"{label}:{exc.lineno}", f"invalid JSON: {exc.msg} at column {exc.colno} "
                                                      f"(the rest of the file is not read)", kind="bad_record")
            return
        yield guarded(value, f"{label}:{line}", overrides, max_bytes, "json")
        pos = skip_space(text, end)
        if pos < len(text) and text[pos] == ",":
            pos = skip_space(text, pos + 1)
        elif pos < len(text) and text[pos] != "]":
            line += text.count("\n", line_pos, pos)
            yield InputError(f"{label}:{line}", "invalid JSON: expected ',' or ']' between records "
                                                "(the rest of the file is not read)", kind="bad_record")
            return


def skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


def read_csv(path: Path, label: str, overrides: Overrides, max_bytes: int,
             opener: Callable[[], BinaryIO] | None = None) -> Iterator[Article | InputError]:
    """``opener`` gives the bytes when they are not the file's own (a gzip-compressed corpus)."""
    open_binary = opener or (lambda: path.open("rb"))
    with open_binary() as handle:
        head = handle.read(65536)
    if not head.strip():
        yield InputError(label, "empty file (no header row)", kind="empty")
        return
    try:
        codec = detect_encoding(head if len(head) < 65536 else trim_partial_utf8(head))
    except InputError as exc:
        yield InputError(label, exc.message, kind=exc.kind)
        return
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes + 1))
    with open_binary() as binary:
        stream = io.TextIOWrapper(binary, encoding=codec, newline="")
        reader = csv.DictReader(stream)
        try:
            header = reader.fieldnames
        except (UnicodeDecodeError, csv.Error) as exc:
            yield InputError(label, f"cannot read the header row: {exc}", kind="bad_record")
            return
        if not header or not any((h or "").strip().lower() in TEXT_FIELDS for h in header):
            found = ", ".join(h for h in (header or []) if h) or "none"
            yield InputError(label, f"no text column (expected one of: text, body, content); columns: {found}",
                             kind="bad_record")
            return
        line = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                yield InputError(f"{label}:{line}", f"not {codec} text from here on (the rest of the file "
                                                    f"is not read); convert the file to UTF-8", kind="encoding")
                return
            except csv.Error as exc:
                yield InputError(f"{label}:{line}", f"bad CSV row: {exc}", kind="bad_record")
                line = reader.line_num + 1
                continue
            source = f"{label}:{line}"
            line = reader.line_num + 1
            if None in row:
                yield InputError(source, "row has more cells than the header", kind="bad_record")
                continue
            yield guarded(row, source, overrides, max_bytes, "csv")


def trim_partial_utf8(head: bytes) -> bytes:
    """A 64 KiB sample may end inside a multi-byte character; cut back to the last whole line."""
    cut = head.rfind(b"\n")
    return head[:cut] if cut > 0 else head
