"""Each kind of bad input gives one clear InputError value, and the run goes on."""
from __future__ import annotations

import codecs

import pytest

from dateline.ingest import InputError
from dateline.model import Article


@pytest.mark.parametrize("name,content,kind,phrase", [
    ("empty.txt", b"", "empty", "empty file (0 bytes)"),
    ("blank.txt", b"  \n\n \t \r\n", "empty", "empty file (only whitespace)"),
    ("nul.txt", b"Pakistan\x00\x01\x02 and Russia\x00\x00", "binary", "binary file (contains NUL bytes)"),
    ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary", "PDF document"),
    ("zip.html", b"PK\x03\x04\x14\x00\x00\x00", "binary", "ZIP archive"),
    ("noise.txt", bytes(range(0x80, 0x100)) * 4, "encoding", "unknown encoding"),
    ("numbers.txt", b"12345 678 -- 2025 ... !!! 42", "no_text", "no sentences"),
    ("headline-only.txt", b"date 2025-04-18 E-Paper | April 18, 2025\n\nPublished in Dawn, April 18th, 2025\n",
     "no_text", "no sentences"),
    ("empty.jsonl", b"\n\n", "empty", "empty file"),
    ("empty.json", b"", "empty", "empty file"),
    ("empty.csv", b"", "empty", "empty file"),
])
def test_bad_file(files, name, content, kind, phrase):
    path = files.write(name, content)
    error = files.read_error(path)
    assert error.kind == kind
    assert phrase in error.message
    assert error.source == str(path)
    assert str(error) == f"{path}: {error.message}"
    assert "\n" not in str(error)


def test_utf16_with_bom_is_not_binary(files):
    article = files.read_one(files.write("u16.txt", codecs.BOM_UTF16_LE + "Pakistan and Russia met.".encode("utf-16-le")))
    assert article.text == "Pakistan and Russia met."


def test_file_over_the_size_limit(files):
    path = files.write("big.txt", "Pakistan and Russia held talks. " * 400)
    error = files.read_error(path, max_bytes=10_000)
    assert error.kind == "too_large"
    assert "12.8 kB (12,800 bytes)" in error.message and "10.0 kB (10,000 bytes)" in error.message
    assert error.message.endswith("; raise the limit with --max-size MB")
    assert isinstance(files.read_one(path, max_bytes=20_000), Article)


def test_missing_file(files):
    error = files.read_error(files.root / "nope.txt")
    assert (error.kind, error.message) == ("missing", "no such file or directory")


@pytest.mark.parametrize("url", ["https://www.dawn.com/news/1905000", "http://example.org/a.html",
                                 "ftp://example.org/corpus.jsonl"])
def test_a_web_address_is_not_fetched_and_says_so(url):
    from dateline.ingest import read_inputs

    [error] = list(read_inputs([url]))
    assert isinstance(error, InputError)
    assert (error.kind, error.source) == ("url", url)
    assert "never fetches from the network" in error.message and "save the page first" in error.message


def test_a_missing_path_that_only_mentions_a_scheme_is_missing(files):
    error = files.read_error(files.root / "notes-about-https:" / "x.txt")
    assert error.kind == "missing"


def test_bad_inputs_do_not_stop_the_run(files):
    good = files.write("good.txt", "ISLAMABAD: Pakistan and Russia agreed on Thursday to expand trade.")
    items = files.read_all(files.root / "missing.txt", files.write("e.txt", b""), good)
    assert [type(i) for i in items] == [InputError, InputError, Article]


def test_input_error_survives_pickling():
    import pickle
    error = InputError("a.jsonl:3", "invalid JSON: Expecting value at column 1", kind="bad_record")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.source, copy.message, copy.kind, str(copy)) == (error.source, error.message, error.kind, str(error))
