"""Corpora: JSON Lines, JSON arrays and CSV; a bad record fails alone, with its line number."""
from __future__ import annotations

import json
from datetime import date, datetime

from dateline.ingest import InputError
from dateline.model import Article

GOOD = {"title": "Talks in Moscow", "published": "2024-06-12", "url": "https://x.example/1",
        "outlet": "Frontier Gazette", "text": "MOSCOW: Pakistan and Russia held talks on Tuesday."}


def test_jsonl_good_and_bad_records(files):
    lines = [
        json.dumps(GOOD),
        "",                                                          # blank lines are skipped
        "{not json",
        json.dumps({"title": "No text here", "published": "2024-06-12"}),
        json.dumps({"body": "Russia and Turkey met in Sochi on Monday.", "date": "Sun, 03 Sep 2023 10:00:00 +0000",
                    "source": {"id": "ew", "name": "Eurasia Wire"}, "authors": ["A. One", "B. Two"]}),
        json.dumps({"text": "India and China agreed on patrols.", "published": "the day after tomorrow-ish"}),
        json.dumps({"content": "   "}),
        json.dumps(["a", "list"]),
    ]
    path = files.write("corpus.jsonl", "\n".join(lines) + "\n")
    items = files.read_all(path)
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "Article",
                                                 "InputError", "InputError", "InputError"]
    first, bad_json, no_text, second, bad_date, empty, not_object = items
    assert first.source == f"{path}:1"
    assert (first.title, first.published, first.url, first.outlet, first.dateline) == (
        "Talks in Moscow", date(2024, 6, 12), "https://x.example/1", "Frontier Gazette", "Moscow")
    assert first.text == GOOD["text"]
    assert bad_json.source == f"{path}:3" and bad_json.message.startswith("invalid JSON")
    assert no_text.source == f"{path}:4" and "no text field" in no_text.message and "title" in no_text.message
    assert second.source == f"{path}:5"
    assert (second.published, second.published_at) == (date(2023, 9, 3), datetime(2023, 9, 3, 10, 0))
    assert second.outlet == "Eurasia Wire" and second.author == "A. One, B. Two"
    assert bad_date.source == f"{path}:6" and bad_date.kind == "bad_date" and "unparseable published date" in bad_date.message
    assert empty.kind == "no_text"
    assert not_object.kind == "bad_record" and "got list" in not_object.message
    assert str(bad_json) == f"{path}:3: {bad_json.message}"


def test_record_title_repeated_in_text_is_not_body(files):
    record = dict(GOOD, text="Talks in Moscow\n\nMOSCOW: Pakistan and Russia held talks on Tuesday.")
    article = files.read_one(files.write("r.ndjson", json.dumps(record)))
    assert article.text == "MOSCOW: Pakistan and Russia held talks on Tuesday."
    assert article.title == "Talks in Moscow"


def test_record_overrides(files):
    article = files.read_one(files.write("r.jsonl", json.dumps(GOOD)), published=date(2024, 6, 13), outlet="Mine")
    assert (article.published, article.outlet) == (date(2024, 6, 13), "Mine")


def test_record_too_large(files):
    record = dict(GOOD, text="Pakistan and Russia talked. " * 100)
    error = files.read_error(files.write("big.jsonl", json.dumps(record)), max_bytes=1000)
    assert error.kind == "too_large" and "over the limit" in error.message


def test_json_array_with_line_numbers(files):
    text = ("[\n  " + json.dumps(GOOD) + ",\n  " + json.dumps({"title": "x"}) + ",\n\n  "
            + json.dumps(dict(GOOD, text="Second story about Russia and Pakistan.")) + "\n]\n")
    path = files.write("corpus.json", text)
    items = files.read_all(path)
    assert [i.source for i in items] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert [isinstance(i, Article) for i in items] == [True, False, True]


def test_json_single_object_and_container(files):
    single = files.read_one(files.write("one.json", json.dumps(GOOD)))
    assert single.source.endswith("one.json") and single.title == "Talks in Moscow"
    items = files.read_all(files.write("wrapped.json", json.dumps({"articles": [GOOD, GOOD]})))
    assert [i.source.rsplit(":", 1)[1] for i in items] == ["articles[1]", "articles[2]"]


def test_broken_json_file_keeps_the_records_before_the_break(files):
    first, error = files.read_all(files.write("broken.json", '[{"text": "ok text here"},\n {"text": ]'))
    assert first.text == "ok text here"
    assert error.kind == "bad_record" and error.source.endswith("broken.json:2")
    assert "rest of the file is not read" in error.message


def test_csv_rows(files):
    text = ('title,published,outlet,text,extra\n'
            '"Talks in Moscow",2024-06-12,Frontier Gazette,"MOSCOW: Pakistan and Russia held talks.\n\nThey agreed.",a\n'
            'No text,2024-06-12,Frontier Gazette,,b\n'
            'Bad date,not a date,Frontier Gazette,"Russia and Turkey met in Sochi.",c\n'
            'Good,"April 19, 2025",Gazette,"ISLAMABAD: Trade passed $1 billion.",d\n')
    path = files.write("corpus.csv", text)
    items = files.read_all(path)
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "Article"]
    assert [i.source for i in items] == [f"{path}:2", f"{path}:5", f"{path}:6", f"{path}:7"]
    assert items[0].text == "MOSCOW: Pakistan and Russia held talks.\n\nThey agreed."
    assert items[0].meta["fields"] == {"extra": "a"}
    assert items[1].kind == "no_text" and items[2].kind == "bad_date"
    assert items[3].published == date(2025, 4, 19)


def test_csv_without_text_column(files):
    error = files.read_error(files.write("nocol.csv", "title,date\nA,2024-01-01\n"))
    assert "no text column" in error.message and "title, date" in error.message


def test_csv_in_windows_1252(files):
    text = "title,text\nCaf\u00e9,\"\u201cTalks\u201d in Ankara went well, said the minister.\"\n"
    article = files.read_one(files.write("legacy.csv", text.encode("cp1252")))
    assert article.text == "\u201cTalks\u201d in Ankara went well, said the minister."


def test_errors_are_values_not_exceptions(files):
    items = files.read_all(files.write("bad.jsonl", "{oops\n"))
    assert isinstance(items[0], InputError) and isinstance(items[0], Exception)
