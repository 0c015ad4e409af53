"""gzip-compressed inputs (.jsonl.gz, .txt.gz, .xml.gz, ...; also gzip bytes under any name).

Whole-file formats are decompressed up to the size limit and no further, so a small "gzip bomb"
cannot fill memory; JSON Lines and CSV corpora are decompressed as they are streamed. Corrupt or
truncated gzip data becomes an InputError (kind "bad_compression").
"""
from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import BinaryIO

from dateline.ingest.errors import RAISE_LIMIT, InputError

GZIP_MAGIC = b"\x1f\x8b"
GZIP_SUFFIX = ".gz"
GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


def starts_with_gzip_magic(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == GZIP_MAGIC


def inner_suffix(path: Path) -> str:
    """The suffix that says the format: "a.jsonl.gz" -> ".jsonl", "a.xml" -> ".xml"."""
    suffix = path.suffix.lower()
    return Path(path.stem).suffix.lower() if suffix == GZIP_SUFFIX else suffix


def bad_gzip(label: str, exc: BaseException) -> InputError:
    detail = str(exc) or type(exc).__name__
    return InputError(label, f"corrupt or truncated gzip data: {detail}", kind="bad_compression")


def over_limit(label: str, max_bytes: int) -> InputError:
    return InputError(label, f"decompressed content is over the limit of {max_bytes:,} bytes; {RAISE_LIMIT}",
                       kind="too_large")


def gunzip_limited(stream: BinaryIO, label: str, max_bytes: int) -> bytes:
    """All of the decompressed content, or InputError when it is over ``max_bytes`` or corrupt."""
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as reader:
            data = reader.read(max_bytes + 1)
    except GZIP_ERRORS as exc:
        raise bad_gzip(label, exc) from None
    if len(data) > max_bytes:
        raise over_limit(label, max_bytes)
    return data


def gunzip_bytes(data: bytes, label: str, max_bytes: int) -> bytes:
    return gunzip_limited(io.BytesIO(data), label, max_bytes)


def gunzip_file(path: Path, label: str, max_bytes: int) -> bytes:
    with path.open("rb") as handle:
        return gunzip_limited(handle, label, max_bytes)


class GuardedGzip(io.RawIOBase):
    """A gzip file as a raw stream whose decompression errors are InputErrors (streamed corpora)."""

    def __init__(self, path: Path, label: str) -> None:
        super().__init__()
        self.label = label
        self.inner = gzip.open(path, "rb")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            return self.inner.readinto(buffer)
        except GZIP_ERRORS as exc:
            raise bad_gzip(self.label, exc) from None

    def close(self) -> None:
        if not self.closed:
            self.inner.close()
        super().close()


def gzip_opener(path: Path, label: str):
    """A zero-argument callable that opens the decompressed stream (for the corpus readers)."""
    return lambda: io.BufferedReader(GuardedGzip(path, label))
