"""Bytes -> text: byte-order marks first, then strict UTF-8, then a careful guess for legacy files.

News files in the wild are UTF-8, UTF-8 with a BOM, UTF-16 (Windows "Unicode" exports) or
Windows-1252 (old Word/Notepad). UTF-8 is tried first because a guesser can mistake short UTF-8
text for something else; a guess is used only when UTF-8 fails. A UTF-8 file with a few pasted
Windows-1252 lines is decoded line by line, with a warning saying how many lines were cp1252.
"""
from __future__ import annotations

import codecs
from typing import NamedTuple

from dateline.ingest.errors import InputError

# (BOM, codec) - UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Leading bytes of common binary formats people drop into a folder of articles by mistake.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document; convert it to text first"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx); unpack or convert it to text first"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document; save it as text first"),
    (b"{\\rtf", "an RTF document; save it as plain text first"),
    (b"SQLite format 3", "an SQLite database"),
)

# Single-byte Western encodings a guesser may name for Windows-1252 text; 1252 is what they are in practice.
LATIN_FAMILY = frozenset({
    "ascii", "cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15", "cp1250", "iso8859_2",
    "cp1257", "iso8859_13", "iso8859_4", "iso8859_9", "cp1254", "mac_roman", "mac_latin2", "cp850", "cp437",
})

SNIFF = 8192


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text, or None when it may be text. BOM-marked UTF-16/32 is text."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            return f"binary file ({what})"
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    head = data[:SNIFF]
    if b"\x00" in head:
        if looks_like_bomless_utf16(head):
            return None
        return "binary file (contains NUL bytes), not text"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.05:
        return "binary file (many control bytes), not text"
    return None


def looks_like_bomless_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: every other byte is NUL for Latin text."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return False
    return odd.count(0) > 0.9 * len(odd) or even.count(0) > 0.9 * len(even)


def bomless_utf16_codec(head: bytes) -> str:
    return "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"


def detect_encoding(data: bytes) -> str:
    """The codec to read ``data`` with; raises InputError(kind="encoding") when none fits."""
    return unicode_encoding(data) or guess_legacy_encoding(data)


def unicode_encoding(data: bytes) -> str | None:
    """The Unicode codec ``data`` is certainly in (a BOM, UTF-16 without one, valid UTF-8), or None."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    head = data[:SNIFF]
    if b"\x00" in head and looks_like_bomless_utf16(head):
        return bomless_utf16_codec(head)
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return None


def guess_legacy_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes  # imported here: only legacy files pay for it

    best = from_bytes(data).best()
    if best is None:
        raise unknown_encoding()
    guess = best.encoding.lower()
    if guess in LATIN_FAMILY or mostly_ascii(data):
        # Mostly-English bytes: cp1252 reads curly quotes, dashes and accented letters correctly
        # where cp1250/mac_roman guesses would turn e.g. "ï" into "ď".
        for codec in ("cp1252", "latin_1"):
            try:
                data.decode(codec)
                return codec
            except UnicodeDecodeError:
                continue
    return guess


def mostly_ascii(data: bytes) -> bool:
    sample = data[:65536]
    return bool(sample) and sum(1 for b in sample if b < 128) / len(sample) > 0.9


def unknown_encoding() -> InputError:
    # The caller fills in the source; see decode_bytes.
    return InputError("", "unknown encoding: the bytes are not UTF-8 and no text encoding fits; "
                          "convert the file to UTF-8", kind="encoding")


class Decoded(NamedTuple):
    text: str
    codec: str
    warning: str | None = None   # e.g. how many lines of a mostly UTF-8 file were read as cp1252


def decode_mixed_lines(data: bytes) -> Decoded | None:
    """A file whose lines are partly UTF-8 (with non-ASCII characters) and partly cp1252, decoded line
    by line; None when it is not such a mix (all of one kind, or a line that is neither)."""
    parts: list[str] = []
    utf8_lines = cp1252_lines = 0
    for line in data.splitlines(keepends=True):
        try:
            parts.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            try:
                parts.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                return None
            cp1252_lines += 1
    if not (utf8_lines and cp1252_lines):
        return None
    lines = "line was" if cp1252_lines == 1 else "lines were"
    return Decoded("".join(parts), "utf-8+cp1252",
                   f"encoding: mixed UTF-8 and Windows-1252; {cp1252_lines} {lines} not UTF-8 and decoded as cp1252")


def decode(data: bytes, source: str) -> Decoded:
    """A whole file's bytes -> Decoded. Raises InputError with ``source`` filled in."""
    reason = binary_reason(data)
    if reason:
        raise InputError(source, reason, kind="binary")
    try:
        codec = unicode_encoding(data)
        if codec is None:
            mixed = decode_mixed_lines(data)
            if mixed is not None:
                return mixed
            codec = guess_legacy_encoding(data)
        return Decoded(data.decode(codec), codec)
    except InputError as exc:
        raise InputError(source, exc.message, kind=exc.kind) from None
    except (UnicodeDecodeError, LookupError):
        raise InputError(source, unknown_encoding().message, kind="encoding") from None


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """(text, codec) for a whole file's bytes; see ``decode``."""
    decoded = decode(data, source)
    return decoded.text, decoded.codec
