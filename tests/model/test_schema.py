"""The JSON output round-trips through the documented schema and keeps its values."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pydantic import TypeAdapter

from dateline.model import (Actor, Article, Event, Evidence, Extraction, Fact, TextSpan, TimeRef,
                            stable_id, to_jsonable)

REPO = Path(__file__).resolve().parents[2]


def sample_extraction() -> Extraction:
    text = "Pakistan and Russia on Thursday agreed to advance partnership."
    article = Article(text=text, published=date(2025, 4, 18), outlet="Dawn")
    pak = Actor("country:PAK", "Pakistan", "country", "PAK", "GOV")
    rus = Actor("country:RUS", "Russia", "country", "RUS", "GOV")
    when = TimeRef("2025-04-17", "day", "text", date(2025, 4, 17), date(2025, 4, 17), TextSpan(20, 31, "on Thursday"))
    ev = Evidence(article.id, 0, text, 0, len(text), trigger=TextSpan(32, 38, "agreed"))
    event = Event(stable_id("evt", article.id, 0, 32), article.id, "AGREE", cameo="030", quad_class=1,
                  actors=[pak, rus], time=when, mentions=[ev])
    fact = Fact("fact-1", article.id, "agreements_signed", [pak, rus], 8.0, "count", evidence=ev)
    return Extraction(article=article, actors=[pak, rus], events=[event], facts=[fact], version="test")


def test_json_round_trip_keeps_values():
    original = sample_extraction()
    payload = json.loads(json.dumps(to_jsonable(original)))
    assert payload["events"][0]["source_count"] == 1
    assert payload["events"][0]["time"]["earliest"] == "2025-04-17"
    payload["events"][0].pop("source_count")
    back = TypeAdapter(Extraction).validate_python(payload)
    assert back.events[0].time.earliest == date(2025, 4, 17)
    assert back.events[0].actors[1].country == "RUS"
    assert back.article.id == original.article.id


def test_published_schema_is_current():
    from importlib.util import module_from_spec, spec_from_file_location

    spec = spec_from_file_location("gen_schema", REPO / "scripts" / "gen_schema.py")
    mod = module_from_spec(spec)
    spec.loader.exec_module(mod)
    published = json.loads((REPO / "docs" / "extraction.schema.json").read_text())
    assert published == mod.extraction_schema(), "run python scripts/gen_schema.py"


def test_ids_are_deterministic_and_content_based():
    a = Article(text="Same text.")
    b = Article(text="Same text.")
    c = Article(text="Other text.")
    assert a.id == b.id != c.id
    assert stable_id("evt", 1, "x") == stable_id("evt", 1, "x") != stable_id("evt", 2, "x")
