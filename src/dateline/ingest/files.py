"""Paths -> readers: folders are walked (sorted, hidden entries skipped), each file goes to the
reader for its format, and every failure becomes an InputError value."""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.ingest.build import Overrides
from dateline.ingest.errors import RAISE_LIMIT, InputError
from dateline.model import Article

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
PLAIN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + (".csv", ".json") + FEED_SUFFIXES
# Every format may also come gzip-compressed: "corpus.jsonl.gz", "feed.xml.gz".
SUPPORTED_SUFFIXES = PLAIN_SUFFIXES + tuple(s + ".gz" for s in PLAIN_SUFFIXES)
# "https://...", "ftp://...": an address, not a path (dateline reads files only).
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")  # two letters at least: "C://" is a drive


def human_size(n: int) -> str:
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"


def too_large(source: str, size: int, max_bytes: int) -> InputError:
    return InputError(source, f"file is {human_size(size)} ({size:,} bytes), over the limit of "
                              f"{human_size(max_bytes)} ({max_bytes:,} bytes); {RAISE_LIMIT}", kind="too_large")


def walk(folder: Path) -> list[Path]:
    """Supported files under ``folder``, sorted, skipping hidden files and folders."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(SUPPORTED_SUFFIXES):
                found.append(Path(root) / name)
    return found


def iter_inputs(paths: Iterable[str | Path], overrides: Overrides, max_bytes: int) -> Iterator[Article | InputError]:
    for given in paths:
        if str(given) == "-":
            yield from read_stdin(overrides, max_bytes)
            continue
        path = Path(given)
        label = str(given)
        if path.is_dir():
            files = walk(path)
            if not files:
                yield InputError(label, f"no readable files ({', '.join(PLAIN_SUFFIXES)}, or any of these "
                                        f"gzip-compressed as .gz) in this folder", kind="no_inputs")
            for file in files:
                yield from read_file(file, str(file), overrides, max_bytes)
        elif path.exists():
            yield from read_file(path, label, overrides, max_bytes)
        elif _URL.match(label):
            yield InputError(label, "is a web address: dateline never fetches from the network; save the page "
                                    "first (e.g. as page.html) and give that file", kind="url")
        else:
            yield InputError(label, "no such file or directory", kind="missing")


def read_file(path: Path, label: str, overrides: Overrides, max_bytes: int) -> Iterator[Article | InputError]:
    try:
        yield from dispatch(path, label, overrides, max_bytes)
    except InputError as exc:
        yield exc
    except PermissionError:
        yield InputError(label, "cannot read the file: permission denied", kind="unreadable")
    except IsADirectoryError:
        yield InputError(label, "is a directory", kind="unreadable")
    except OSError as exc:
        yield InputError(label, f"cannot read the file: {exc.strerror or exc}", kind="unreadable")


def dispatch(path: Path, label: str, overrides: Overrides, max_bytes: int) -> Iterator[Article | InputError]:
    from dateline.ingest import compressed

    # The format comes from the name ("a.jsonl.gz" is JSON Lines); gzip from the bytes, whatever the name.
    suffix = compressed.inner_suffix(path)
    gzipped = compressed.starts_with_gzip_magic(path)
    opener = compressed.gzip_opener(path, label) if gzipped else None
    if suffix in JSONL_SUFFIXES:
        from dateline.ingest.records import read_jsonl
        yield from read_jsonl(path, label, overrides, max_bytes, opener)
        return
    if suffix == ".csv":
        from dateline.ingest.records import read_csv
        yield from read_csv(path, label, overrides, max_bytes, opener)
        return
    if gzipped:
        yield from read_whole(compressed.gunzip_file(path, label, max_bytes), suffix, label, overrides, max_bytes)
        return
    size = path.stat().st_size
    if size > max_bytes:
        raise too_large(label, size, max_bytes)
    data = path.read_bytes()
    yield from read_whole(data, suffix, label, overrides, max_bytes)


def read_whole(data: bytes, suffix: str, label: str, overrides: Overrides, max_bytes: int) -> Iterator[Article | InputError]:
    if suffix == ".json":
        from dateline.ingest.decode import decode_bytes
        from dateline.ingest.records import read_json
        if not data:
            raise InputError(label, "empty file (0 bytes)", kind="empty")
        text, _ = decode_bytes(data, label)
        yield from read_json(text, label, overrides, max_bytes)
    elif suffix in HTML_SUFFIXES:
        from dateline.ingest.webpage import read_html_bytes
        yield read_html_bytes(data, label, overrides)
    elif suffix in FEED_SUFFIXES:
        from dateline.ingest.feeds import read_feed_bytes
        yield from read_feed_bytes(data, label, overrides)
    else:  # .txt, and any file named explicitly whatever its suffix: read as text (HTML, feeds, gzip sniffed)
        from dateline.ingest import compressed, feeds
        if data.startswith(compressed.GZIP_MAGIC):
            data = compressed.gunzip_bytes(data, label, max_bytes)
        if feeds.looks_like_feed(data):
            yield from feeds.read_feed_bytes(data, label, overrides)
            return
        from dateline.ingest.text import read_text_bytes
        yield read_text_bytes(data, label, overrides)


def read_stdin(overrides: Overrides, max_bytes: int) -> Iterator[Article | InputError]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield InputError("<stdin>", f"input is over the limit of {human_size(max_bytes)} ({max_bytes:,} bytes); "
                                    f"{RAISE_LIMIT}", kind="too_large")
        return
    try:
        yield from read_whole(data, ".txt", "<stdin>", overrides, max_bytes)
    except InputError as exc:
        yield exc
