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


def test_mixed_utf8_and_windows_1252_lines_are_decoded_per_line_with_a_warning(files):
    # a UTF-8 file with one paragraph pasted from an old Word document
    utf8 = "Ryabkov met Dar in Islamabad — “good talks”, said the ministry.\n\nThe café was full.\n\n"
    legacy = "He called it a “naïve” plan — Pakistan’s délégation disagreed.\n"
    path = files.write("mixed.txt", utf8.encode("utf-8") + legacy.encode("cp1252"))
    article = files.read_one(path)
    assert article.text == (utf8 + legacy).strip()
    assert article.meta["encoding"] == "utf-8+cp1252"
    assert article.meta["warnings"] == ["encoding: mixed UTF-8 and Windows-1252; "
                                        "1 line was not UTF-8 and decoded as cp1252"]


def test_a_pure_windows_1252_file_has_no_encoding_warning(files):
    text = "He said “hello” at the café — Pakistan’s naïve résumé was fine.\n\nSécond paragraph here."
    article = files.read_one(files.write("legacy.txt", text.encode("cp1252")))
    assert article.text == text
    assert article.meta["encoding"] == "cp1252"
    assert "warnings" not in article.meta


def test_mixed_lines_in_an_html_page_without_a_charset_are_decoded_per_line(files):
    page = ("<html><body><p>Ryabkov met Dar in Islamabad — “good talks”, said the ministry today.</p>\n"
            .encode("utf-8") + "<p>Pakistan’s délégation disagreed with the plan.</p></body></html>\n".encode("cp1252"))
    article = files.read_one(files.write("mixed.html", page))
    assert "Pakistan’s délégation" in article.text and "“good talks”" in article.text
    assert article.meta["warnings"] == ["encoding: mixed UTF-8 and Windows-1252; "
                                        "1 line was not UTF-8 and decoded as cp1252"]
