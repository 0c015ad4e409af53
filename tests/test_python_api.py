"""The Python entry points give what the command line gives."""
from __future__ import annotations

import pytest

import dateline
from dateline.ingest import InputError, read_inputs
from shared_data import REFERENCE_ARTICLE, needs_shared


def test_extract_on_raw_epaper_text_cleans_it_like_the_reader(pipeline):
    path = needs_shared(REFERENCE_ARTICLE)
    raw = path.read_text(encoding="utf-8")
    from_text = dateline.extract(raw, min_confidence=0)     # every candidate, as the pipeline gives them
    [article] = list(read_inputs([path]))
    from_reader = pipeline.extract(article)
    assert from_text.article.outlet == "Dawn" and str(from_text.article.published) == "2025-04-18"
    assert [e.id for e in from_text.events] == [e.id for e in from_reader.events]


def test_extract_arguments_win_over_what_the_text_says():
    result = dateline.extract("Pakistan and Russia on Thursday agreed to expand trade.", published="2025-04-18",
                              outlet="Wire", title="Trade deal", url="https://news.example/a", min_confidence=0)
    a = result.article
    assert (a.outlet, a.title, a.url) == ("Wire", "Trade deal", "https://news.example/a")
    assert [(e.type, e.time.value) for e in result.events] == [("AGREE", "2025-04-17")]


def test_extract_file_reads_corpora_and_raises_on_bad_input(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "India and China agreed on Monday to resume patrols.", "published": "2024-10-22"}\n'
                      '{"text": "Turkey and Russia held talks in Ankara last month.", "published": "2024-10-22"}\n')
    results = dateline.extract_file(corpus, min_confidence=0)
    assert len(results) == 2 and all(r.events for r in results)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        dateline.extract_file(empty)
    with pytest.raises(InputError):
        dateline.extract("   ")


def test_an_unresolved_time_phrase_is_a_warning_of_the_extraction(tmp_path):
    from dateline.store import open_store

    result = dateline.extract("Pakistan and Russia agreed 99999999999 days ago to hold talks, officials said.",
                              published="2025-04-18", min_confidence=0)
    assert len(result.warnings) == 1 and '"99999999999 days ago"' in result.warnings[0]
    assert dateline.extract("Pakistan and Russia agreed on Thursday to hold talks.", published="2025-04-18").warnings == []
    store = open_store(str(tmp_path / "w.db"))      # and the store keeps it with the article
    store.add(result)
    [(stored,)] = store.engine.connect().exec_driver_sql("SELECT warnings FROM articles").fetchall()
    store.close()
    assert "99999999999 days ago" in stored
