"""The typed layout facts on Article survive the store's JSON meta column."""
from __future__ import annotations

import json

from dateline.model import Article, Caption, TextSpan
from dateline.store.records import LAYOUT_KEY, article_layout_from, article_meta_json


def test_layout_facts_round_trip_through_the_meta_column():
    text = "Leaders meet. — PID\n\nISLAMABAD: Pakistan and Russia agreed."
    cap_end = text.index("PID") + 3
    city = text.index("ISLAMABAD")
    article = Article(text=text, meta={"format": "epaper"},
                      dateline_span=TextSpan(city, city + 9, "ISLAMABAD"), story_start=text.index("Pakistan"),
                      agency="APP", captions=[Caption(0, cap_end, text[:cap_end],
                                                      TextSpan(cap_end - 3, cap_end, "PID"))])
    meta = json.loads(article_meta_json(article))
    assert meta["format"] == "epaper" and LAYOUT_KEY in meta
    layout = article_layout_from(meta)
    assert meta == {"format": "epaper"}                 # the key is taken out again
    assert layout == {"dateline_span": article.dateline_span, "story_start": article.story_start,
                      "agency": "APP", "captions": article.captions}


def test_article_without_layout_facts_keeps_meta_as_it_was():
    article = Article(text="Pakistan and Russia agreed.", meta={"n": 1})
    assert json.loads(article_meta_json(article)) == {"n": 1}
    assert article_layout_from({"n": 1}) == {"dateline_span": None, "story_start": None, "agency": None,
                                              "captions": []}
