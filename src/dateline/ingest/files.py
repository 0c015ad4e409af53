"""Paths -> readers: folders are walked (sorted, hidden entries skipped), each file goes to the
reader for its format, and every failure becomes an InputError value.

Only regular files are opened: a FIFO, device or socket (named on the command line or found in a
folder) is one InputError (kind "special") and never opened, since opening a FIFO blocks until
someone writes to it and a device such as /dev/zero never ends. Whole files are read with a hard cap
of ``max_bytes + 1`` bytes, whatever size the file system reports (/proc files report 0).
"""
from __future__ import annotations

import os
import re
import stat
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


def too_large_read(source: str, max_bytes: int) -> InputError:
    return InputError(source, f"file is over the limit of {human_size(max_bytes)} ({max_bytes:,} bytes); "
                              f"{RAISE_LIMIT}", kind="too_large")


# What a path is when it is not a regular file or a folder, as the error names it.
_SPECIAL_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def not_a_regular_file(source: str, mode: int) -> InputError:
    what = next((name for test, name in _SPECIAL_KINDS if test(mode)), "a special file")
    return InputError(source, f"is {what}, not a regular file: skipped, never opened (dateline reads regular "
                              f"files; give '-' to read standard input)", kind="special")


def os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def walk(folder: Path) -> list[Path | InputError]:
    """Supported files under ``folder``, sorted, skipping hidden files and folders; a subfolder that
    cannot be listed is an InputError in its place (os.walk would skip it silently)."""
    found: list[Path | InputError] = []

    def unreadable(exc: OSError) -> None:
        where = os.fsdecode(exc.filename) if exc.filename is not None else str(folder)
        found.append(InputError(where, f"cannot read the folder: {os_reason(exc)}", kind="unreadable"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
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
        try:
            mode = os.stat(path).st_mode
        except (FileNotFoundError, NotADirectoryError):
            mode = None
        except OSError as exc:  # e.g. a folder on the way that may not be searched
            yield InputError(label, f"cannot read the file: {os_reason(exc)}", kind="unreadable")
            continue
        except ValueError:  # a NUL byte in the name
            yield InputError(label, "no such file or directory (the name holds a NUL byte)", kind="missing")
            continue
        if mode is not None and stat.S_ISDIR(mode):
            files = walk(path)
            if not files:
                yield InputError(label, f"no readable files ({', '.join(PLAIN_SUFFIXES)}, or any of these "
                                        f"gzip-compressed as .gz) in this folder", kind="no_inputs")
            for file in files:
                if isinstance(file, InputError):
                    yield file
                else:
                    yield from read_file(file, str(file), overrides, max_bytes)
        elif mode is not None:
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
    except IsADirectoryError:
        yield InputError(label, "is a directory", kind="unreadable")
    except OSError as exc:
        yield InputError(label, f"cannot read the file: {os_reason(exc)}", kind="unreadable")


def dispatch(path: Path, label: str, overrides: Overrides, max_bytes: int) -> Iterator[Article | InputError]:
    from dateline.ingest import compressed

    # stat, never open, first: opening a FIFO blocks and a device never ends.
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise not_a_regular_file(label, info.st_mode)
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
    if info.st_size > max_bytes:
        raise too_large(label, info.st_size, max_bytes)
    with path.open("rb") as handle:  # the reported size may be wrong (/proc) or the file still growing
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large_read(label, max_bytes)
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
