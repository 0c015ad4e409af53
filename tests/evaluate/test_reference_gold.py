"""The reference article's gold file (gold/reference-article.jsonl) through the real pipeline."""
from __future__ import annotations

from pathlib import Path

import pytest

from shared_data import REFERENCE_ARTICLE, REPO, needs_shared

from dateline.evaluate.gold import read_gold
from dateline.evaluate.run import evaluate

GOLD = REPO / "gold" / "reference-article.jsonl"


def test_gold_file_follows_expected_md():
    (record,) = read_gold(GOLD)
    assert Path(record.resolved_path()).resolve() == REFERENCE_ARTICLE.resolve()
    required = [e for e in record.events if not e.optional]
    assert len(required) == 10                                  # the ten rows of expected.md
    assert [e.type for e in required].count("CONSULT") == 6
    assert {f.indicator for f in record.facts} == {"trade_volume", "agreements_signed"}
    undated = [e for e in required if e.dates == [None]]
    assert [e.type for e in undated] == ["COOPERATE"]           # no date may be invented for the exercises


@pytest.mark.slow
def test_every_expected_event_is_matched(pipeline):
    needs_shared(REFERENCE_ARTICLE)
    result = evaluate(read_gold(GOLD), gold_path=str(GOLD), pipeline=pipeline)
    missed = [m for m in result.events.mismatches if m.kind == "missed"]
    assert not missed, "\n".join(f"{m.gold_id}: {m.expected} | found: {m.found}" for m in missed)
    assert result.events.detection.recall == 1.0


def test_min_confidence_scores_only_the_events_above_it(pipeline):
    needs_shared(REFERENCE_ARTICLE)
    every = evaluate(read_gold(GOLD), gold_path=str(GOLD), pipeline=pipeline)
    some = evaluate(read_gold(GOLD), gold_path=str(GOLD), pipeline=pipeline, min_confidence=0.5)
    none = evaluate(read_gold(GOLD), gold_path=str(GOLD), pipeline=pipeline, min_confidence=1.0)
    assert none.events.detection.recall == 0.0
    assert 0.0 < some.events.detection.recall < every.events.detection.recall == 1.0
