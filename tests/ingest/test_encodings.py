"""Text in the encodings news files come in: UTF-8, UTF-8 with BOM, UTF-16 with BOM, Windows-1252."""
from __future__ import annotations

import codecs

import pytest

BODY = ("ISLAMABAD: The minister said the “café diplomacy” talks in Islamabad were ‘productive’ — "
        "and that Pakistan’s délégation would return next month.\n\nA second paragraph follows here.")


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_unicode_encodings_give_the_same_text(files, encoding, prefix):
    path = files.write("a.txt", prefix + BODY.encode(encoding))
    article = files.read_one(path)
    assert article.text == BODY
    assert not article.text.startswith("\ufeff")


def test_windows_1252_with_curly_quotes_and_accents(files):
    text = "He said “hello” at the café — Pakistan’s naïve résumé was fine.\n\nSecond paragraph here."
    path = files.write("legacy.txt", text.encode("cp1252"))
    article = files.read_one(path)
    assert article.text == text
    assert article.meta["encoding"] == "cp1252"


def test_latin1_accents(files):
    text = "Le ministre a visité Moscou. Les négociations étaient très détaillées, dit-il."
    article = files.read_one(files.write("latin.txt", text.encode("latin-1")))
    assert article.text == text


def test_utf8_is_preferred_when_it_decodes(files):
    # Valid UTF-8 that a guesser could read as something else: it must stay UTF-8.
    text = "Ryabkov met Dar in Islamabad — “good talks”, said the ministry. Café au lait."
    article = files.read_one(files.write("u.txt", text.encode("utf-8")))
    assert article.text == text
    assert article.meta["encoding"] == "utf-8"


def test_windows_newlines_become_unix(files):
    article = files.read_one(files.write("crlf.txt", b"First paragraph is here.\r\n\r\nSecond paragraph is here.\r\n"))
    assert article.text == "First paragraph is here.\n\nSecond paragraph is here."


def test_undecodable_bytes_are_an_unknown_encoding(files):
    error = files.read_error(files.write("noise.txt", bytes(range(0x80, 0x100)) * 4))
    assert error.kind == "encoding"
    assert "unknown encoding" in error.message
