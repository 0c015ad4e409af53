"""The gold format: reading, alternatives, errors, and a write/read round trip."""
from __future__ import annotations

import json
from datetime import date

import pytest

from dateline.evaluate.gold import GoldFormatError, read_gold, write_gold


def write_lines(path, *objs):
    path.write_text("# a comment line\n\n" + "\n".join(json.dumps(o) for o in objs) + "\n", encoding="utf-8")
    return path


def test_reads_alternatives_and_defaults(tmp_path):
    path = write_lines(tmp_path / "g.jsonl", {
        "id": "s1", "text": "Pakistan and Russia agreed on Thursday.", "published": "2025-04-18",
        "events": [{"type": ["agree", "SUPPORT"], "actors": ["pak", "RUS"], "symmetric": True,
                    "date": ["2025-04-17"], "granularity": "day", "cameo": "03"},
                   {"type": "COOPERATE", "date": None, "granularity": "unknown"}],
        "facts": [{"indicator": "agreements_signed", "value": "8"}]})
    (rec,) = read_gold(path)
    assert rec.published == date(2025, 4, 18) and rec.exhaustive is True
    e1, e2 = rec.events
    assert e1.types == ["AGREE", "SUPPORT"] and e1.type == "AGREE"
    assert e1.actors == ["PAK", "RUS"] and e1.countries == {"PAK", "RUS"} and e1.symmetric
    assert e1.dates == ["2025-04-17"] and e1.cameo == ["03"] and e1.mode == []
    assert e2.dates == [None]                 # "no date in the text" is scored, not skipped
    assert rec.facts[0].value == 8.0
    assert rec.base_dir == tmp_path


def test_date_left_out_is_not_scored(tmp_path):
    (rec,) = read_gold(write_lines(tmp_path / "g.jsonl", {"id": "s", "text": "x", "events": [{"type": "AGREE"}]}))
    assert rec.events[0].dates is None


@pytest.mark.parametrize("obj, message", [
    ({"text": "x"}, "needs an 'id'"),
    ({"id": "a"}, "needs 'text' or 'path'"),
    ({"id": "a", "text": "x", "published": "18 April"}, "published must be an ISO date"),
    ({"id": "a", "text": "x", "events": [{"actors": ["PAK"]}]}, "needs a 'type'"),
    ({"id": "a", "text": "x", "events": [{"type": "AGREE", "granularity": "hour"}]}, "granularity must be one of"),
    ({"id": "a", "text": "x", "events": [{"type": "AGREE", "actors": [3]}]}, "country codes"),
    ({"id": "a", "text": "x", "facts": [{"indicator": "aid", "value": "lots"}]}, "must be a number"),
])
def test_errors_name_the_line_and_the_problem(tmp_path, obj, message):
    path = write_lines(tmp_path / "bad.jsonl", obj)
    with pytest.raises(GoldFormatError, match=message) as info:
        read_gold(path)
    assert "bad.jsonl:3" in str(info.value)


def test_invalid_json_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n{"id": \n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"bad.jsonl:2: not valid JSON"):
        read_gold(path)


def test_round_trip(tmp_path):
    original = write_lines(tmp_path / "g.jsonl", {
        "id": "s1", "path": "article.txt", "published": "2025-04-18", "exhaustive": False,
        "events": [{"id": "e1", "type": ["AGREE", "SUPPORT"], "mode": "visit", "actors": ["PAK"], "recipients": ["RUS"],
                    "date": ["2025-04-17", "2025-04-18"], "granularity": "day", "place": "PAK",
                    "evidence": ["agreed"], "optional": True, "may_merge_with": "e2", "actor_names": ["Ishaq Dar"]}],
        "facts": [{"indicator": "trade_volume", "value": 1e9, "unit": "USD", "period": "2024"}],
        "timexes": [{"text": "Thursday", "value": "2025-04-17", "type": "DATE", "start": 3, "end": 11}]})
    first = read_gold(original)
    copy = tmp_path / "copy.jsonl"
    assert write_gold(first, copy) == 1
    second = read_gold(copy)
    assert [(r.events, r.facts, r.timexes, r.exhaustive, r.path, r.published) for r in second] == \
           [(r.events, r.facts, r.timexes, r.exhaustive, r.path, r.published) for r in first]
