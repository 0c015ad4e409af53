"""Folders are walked (sorted, hidden entries skipped); the shipped sample corpus reads cleanly."""
from __future__ import annotations

from pathlib import Path

from dateline.ingest import InputError, read_inputs, read_text, sample_paths
from dateline.model import Article

STORY = "ISLAMABAD: Pakistan and Russia agreed on Thursday to expand trade."


def test_folder_recursion(files):
    files.write("b.txt", STORY)
    files.write("sub/a.html", f"<html><body><p>{STORY}</p><p>They will meet again next month.</p></body></html>")
    files.write("sub/deeper/c.jsonl", '{"text": "Russia and Turkey met in Sochi on Monday."}\n')
    files.write("sub/notes.md", "# not an article")
    files.write(".hidden.txt", STORY)
    files.write(".git/d.txt", STORY)
    items = files.read_all(files.root)
    assert all(isinstance(i, Article) for i in items), items
    sources = [Path(i.source.split(":")[0]).relative_to(files.root).as_posix() for i in items]
    assert sources == ["b.txt", "sub/a.html", "sub/deeper/c.jsonl"]


def test_folder_without_articles(files):
    files.write("notes.md", "nothing to read")
    error = files.read_error(files.root)
    assert error.kind == "no_inputs" and ".txt" in error.message


def test_explicit_file_with_other_suffix_is_read_as_text(files):
    article = files.read_one(files.write("story.md", STORY))
    assert article.text == STORY


def test_read_text():
    article = read_text("Talks end\n\nMOSCOW: Russia and Pakistan ended talks on Friday.", outlet="Wire")
    assert isinstance(article, Article)
    assert (article.title, article.outlet, article.dateline, article.source) == ("Talks end", "Wire", "Moscow", "<text>")
    assert isinstance(read_text("  "), InputError)


def test_same_text_same_id(files):
    a = files.read_one(files.write("one.txt", STORY))
    b = files.read_one(files.write("two.txt", STORY + "\n"))
    assert a.id == b.id and a.content_hash == b.content_hash


def test_samples_read_cleanly():
    paths = sample_paths()
    assert len(paths) >= 5 and not any(p.name == "README.md" for p in paths)
    suffixes = {p.suffix for p in paths}
    assert {".txt", ".html", ".jsonl"} <= suffixes
    items = list(read_inputs(paths))
    errors = [i for i in items if isinstance(i, InputError)]
    assert not errors, errors
    assert 6 <= len(items) <= 9
    for article in items:
        assert article.published is not None, article.source
        assert article.outlet and article.title and article.dateline, article.source
        assert article.title not in article.text
        for gone in ("Published in", "E-Paper", "Print Edition", "<script", "window.analytics"):
            assert gone not in article.text, (article.source, gone)
    by_name = {Path(a.source.split(":")[0]).name + (":" + a.source.rsplit(":", 1)[1] if ".jsonl:" in a.source else ""): a
               for a in items}
    crude = by_name["indus-herald-2023-06-12-russian-crude-karachi.txt"]
    assert crude.dateline == "Karachi" and crude.author == "Sana Mirza"
    assert [d["kind"] for d in crude.meta["dropped"]].count("caption_duplicate") == 1
    assert crude.text.count("The tanker Pure Point berthed") == 1
