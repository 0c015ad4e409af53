"""How many articles (or input errors) a run will read, counted before it starts, so that progress
can show a total and the time left.

The count is cheap and approximate: one per text or HTML file, one per non-blank line of a JSON Lines
corpus, one per CSV row, one per feed item, one per bad path. It never parses what it counts, so a
malformed record still counts once (it becomes one InputError in the run). Standard input cannot be
counted twice, and counting gives up after ``budget_s`` seconds: the answer is then None (no total,
the run still shows its rate)."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from dateline.ingest import compressed
from dateline.ingest.files import FEED_SUFFIXES, JSONL_SUFFIXES, walk

_FEED_ITEM = re.compile(rb"<(?:\w+:)?(?:item|entry)[\s>/]")
_CHUNK = 1 << 20


class _OutOfTime(Exception):
    pass


def count_articles(paths: Iterable[str | Path], budget_s: float = 2.0) -> int | None:
    """Articles plus input errors that reading ``paths`` will yield, or None when it cannot be known
    in ``budget_s`` seconds (standard input, a huge corpus on a slow disk)."""
    deadline = time.monotonic() + budget_s
    total = 0
    try:
        for given in paths:
            if str(given) == "-":
                return None
            path = Path(given)
            try:
                mode = os.stat(path).st_mode
            except (OSError, ValueError):
                total += 1  # missing or unreadable: one InputError
                continue
            if stat.S_ISDIR(mode):
                files = walk(path)
                total += max(1, sum(1 if not isinstance(f, Path) else _count_file(f, deadline) for f in files))
            else:
                total += _count_file(path, deadline)
    except _OutOfTime:
        return None
    return total


def _count_file(path: Path, deadline: float) -> int:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return 1
        # the format from the name, gzip from the bytes: as the readers decide (ingest.files.dispatch)
        suffix = compressed.inner_suffix(path)
        if suffix not in JSONL_SUFFIXES + FEED_SUFFIXES + (".csv", ".json"):
            return 1
        opener = gzip.open if compressed.starts_with_gzip_magic(path) else open
        with opener(path, "rb") as handle:
            if suffix in JSONL_SUFFIXES:
                return max(1, _count_lines(handle, deadline))
            if suffix == ".csv":
                text = io.TextIOWrapper(handle, encoding="utf-8", errors="replace", newline="")
                return max(1, _count_lines(csv.reader(text), deadline) - 1)  # the header
            data = _read_all(handle, deadline)
        if suffix == ".json":
            value = json.loads(data)
            return max(1, len(value)) if isinstance(value, list) else 1
        return max(1, len(_FEED_ITEM.findall(data)))
    except (OSError, ValueError, EOFError, gzip.BadGzipFile, csv.Error):
        return 1  # the run reports this file as one InputError


def _count_lines(lines, deadline: float) -> int:
    """Non-blank lines (bytes) or rows (CSV lists; DictReader skips empty ones too)."""
    n = 0
    for i, line in enumerate(lines, 1):
        if line.strip() if isinstance(line, bytes) else line:
            n += 1
        if i % 10_000 == 0 and time.monotonic() > deadline:
            raise _OutOfTime
    return n


def _read_all(handle, deadline: float) -> bytes:
    parts = []
    while chunk := handle.read(_CHUNK):
        parts.append(chunk)
        if time.monotonic() > deadline:
            raise _OutOfTime
    return b"".join(parts)
