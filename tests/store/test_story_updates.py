"""An edited story (same URL, new text) replaces its old version instead of becoming a second source."""
from __future__ import annotations

import json

from dateline.ingest import read_inputs
from dateline.store import EventQuery
from dateline.store.selection import Selection

# These tests follow one event through an update, whatever the scorer thinks of it.
EVERY = Selection(min_confidence=0.0)


def read_one(path):
    [article] = list(read_inputs([path]))
    return article


def test_same_url_new_text_replaces_the_old_version(tmp_path, store, pipeline):
    url = "https://news.example/pak-rus-talks"
    first = tmp_path / "v1.jsonl"
    first.write_text(json.dumps({"url": url, "published": "2025-04-18", "outlet": "Wire",
                                 "text": "Pakistan and Russia on Thursday agreed to expand trade."}) + "\n")
    second = tmp_path / "v2.jsonl"
    second.write_text(json.dumps({"url": url, "published": "2025-04-18", "outlet": "Wire",
                                  "text": "Pakistan and Russia on Thursday agreed to expand trade and energy "
                                          "cooperation, officials said."}) + "\n")
    a1, a2 = read_one(first), read_one(second)
    assert a1.id == a2.id and a1.content_hash != a2.content_hash
    store.add(pipeline.extract(a1))
    store.add(pipeline.extract(a2))
    found = store.query_events(EventQuery(dyad=("PAK", "RUS"), selection=EVERY))
    assert len(found) == 1
    assert found[0].source_count == 1
    assert all("energy" in m.sentence for m in found[0].mentions)


def test_articles_without_url_are_identified_by_content(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"published": "2025-04-18", "text": "Pakistan and Russia agreed."}) + "\n")
    article = read_one(p)
    assert article.id == "art-" + article.content_hash[:16]


def write_record(path, **fields):
    path.write_text(json.dumps({"url": "https://news.example/pak-rus-talks", "published": "2025-04-18",
                                "outlet": "Wire", "title": "Pakistan and Russia agree",
                                "text": "Pakistan and Russia on Thursday agreed to expand trade."} | fields) + "\n")
    return read_one(path)


def test_a_corrected_publication_date_updates_the_article_and_re_resolves_its_times(tmp_path, store, pipeline):
    wrong = write_record(tmp_path / "v1.jsonl", published="2025-04-18")
    assert store.add(pipeline.extract(wrong)).status == "added"
    [before] = store.query_events(EventQuery(dyad=("PAK", "RUS"), selection=EVERY))
    assert before.time.earliest.isoformat() == "2025-04-17"       # the Thursday before 18 April
    fixed = write_record(tmp_path / "v1.jsonl", published="2025-04-25")
    assert (fixed.id, fixed.content_hash) == (wrong.id, wrong.content_hash)
    assert not store.is_current(fixed, pipeline.extract(fixed).version)
    result = store.add(pipeline.extract(fixed))
    assert result.status == "updated"
    assert store.get_article(fixed.id).published.isoformat() == "2025-04-25"
    [after] = store.query_events(EventQuery(dyad=("PAK", "RUS"), selection=EVERY))
    assert after.time.earliest.isoformat() == "2025-04-24"       # the Thursday before 25 April
    assert after.source_count == 1 and store.status().articles == 1
    assert store.add(pipeline.extract(fixed)).status == "unchanged"


def test_a_corrected_title_or_outlet_updates_the_stored_row(tmp_path, store, pipeline):
    store.add(pipeline.extract(write_record(tmp_path / "a.jsonl")))
    fixed = write_record(tmp_path / "a.jsonl", title="Pakistan, Russia agree to expand trade", outlet="Dawn")
    assert store.add(pipeline.extract(fixed)).status == "updated"
    stored = store.get_article(fixed.id)
    assert (stored.title, stored.outlet) == ("Pakistan, Russia agree to expand trade", "Dawn")


def test_another_copy_of_the_same_text_leaves_the_stored_one(tmp_path, store, pipeline):
    # a syndicated story at another URL with another outlet and date: the first copy stays, so a corpus
    # holding both copies is still idempotent to re-ingest
    first = write_record(tmp_path / "a.jsonl")
    store.add(pipeline.extract(first))
    copy = write_record(tmp_path / "b.jsonl", url="https://other.example/story", outlet="Other",
                        published="2025-04-19")
    assert store.is_current(copy, pipeline.extract(copy).version)
    assert store.add(pipeline.extract(copy)).status == "unchanged"
    assert store.get_article(first.id).outlet == "Wire"
