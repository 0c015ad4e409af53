"""`dateline extract --min-confidence` and ``dateline.extract(min_confidence=)``: every candidate at or
above the threshold, flagged ones included; 0 keeps all (dateline.store.selection)."""
from __future__ import annotations

import json

from click.testing import CliRunner

import dateline
from dateline.cli import cli

TEXT = ("ISLAMABAD: Pakistan and Russia on Thursday agreed to expand trade, officials said. "
        "Russia did not sign the energy accord. Putin will visit Islamabad next month.\n")


def test_threshold_on_the_command_and_the_function(tmp_path, monkeypatch):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")

    def events(*extra):
        res = CliRunner().invoke(cli, ["extract", str(path), "--published", "2025-04-18", "--format", "json", *extra],
                                 obj={"debug": False})
        assert res.exit_code == 0, res.output
        return json.loads(res.stdout)[0]["events"]

    every = events("--min-confidence", "0")
    assert len(every) >= 2 and any(e["negated"] or e["future"] for e in every)   # flagged ones are returned
    confidences = sorted(e["confidence"] for e in every)
    cut = confidences[len(confidences) // 2]
    kept = events("--min-confidence", str(cut))
    assert [e["confidence"] >= cut for e in kept] == [True] * len(kept)
    assert len(kept) == sum(c >= cut for c in confidences) < len(every)   # (the lowest is below the cut)
    assert events("--min-confidence", "1") == [e for e in every if e["confidence"] >= 1]

    monkeypatch.setenv("DATELINE_MIN_CONFIDENCE", str(cut))   # the default threshold
    assert len(events()) == len(kept)
    assert len(dateline.extract(TEXT, published="2025-04-18").events) == len(kept)
    assert len(dateline.extract(TEXT, published="2025-04-18", min_confidence=0).events) == len(every)
