"""An edited story (same URL, new text) replaces its old version instead of becoming a second source."""
from __future__ import annotations

import json

from dateline.ingest import read_inputs
from dateline.store import EventQuery


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
    found = store.query_events(EventQuery(dyad=("PAK", "RUS")))
    assert len(found) == 1
    assert found[0].source_count == 1
    assert all("energy" in m.sentence for m in found[0].mentions)


def test_articles_without_url_are_identified_by_content(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"published": "2025-04-18", "text": "Pakistan and Russia agreed."}) + "\n")
    article = read_one(p)
    assert article.id == "art-" + article.content_hash[:16]
