"""`dateline evaluate` on tiny gold files: a stand-in pipeline for events, the real normaliser for times."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.model import Actor, Evidence, Event, Extraction, TimeRef

SENTENCE = "Pakistan and Russia agreed on Thursday to expand trade."


class StandInPipeline:
    """Answers every article with one AGREE by PAK and RUS dated 2025-04-17 (what a correct system says)."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def extract_many(self, articles):
        for article in articles:
            event = Event(id="ev-1", article_id=article.id, type="AGREE", cameo="030",
                          actors=[Actor("country:PAK", "Pakistan", "country", "PAK"),
                                  Actor("country:RUS", "Russia", "country", "RUS")],
                          time=TimeRef(value="2025-04-17", granularity="day", source="text"),
                          mentions=[Evidence(article.id, 0, article.text, 0, len(article.text))])
            yield Extraction(article=article, events=[event])


@pytest.fixture
def stand_in(monkeypatch):
    import dateline.pipeline
    monkeypatch.setattr(dateline.pipeline, "Pipeline", StandInPipeline)


def gold_file(tmp_path, events):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "s1", "text": SENTENCE, "published": "2025-04-18", "events": events}) + "\n",
                    encoding="utf-8")
    return path


def test_all_right(tmp_path, stand_in):
    path = gold_file(tmp_path, [{"type": "AGREE", "actors": ["PAK", "RUS"], "symmetric": True,
                                 "date": "2025-04-17", "granularity": "day", "cameo": "03"}])
    report = tmp_path / "report.md"
    result = CliRunner().invoke(cli, ["evaluate", str(path), "--report", str(report), "--by", "type"], obj={})
    assert result.exit_code == 0, result.output
    assert "event detection recall" in result.output and "1.00" in result.output
    text = report.read_text(encoding="utf-8")
    assert "| event detection F1 | 1.00 |" in text
    assert "| date, exact at gold granularity | 1.00 | 1/1 matched events |" in text
    assert "## By type" in text and "| AGREE | 1 | 1.00 | 1.00 |" in text


def test_mismatches_are_listed_with_the_sentence(tmp_path, stand_in):
    path = gold_file(tmp_path, [{"type": "REQUEST", "actors": ["PAK"], "recipients": ["RUS"], "date": "2025-04-18",
                                 "granularity": "day"},
                                {"type": "PROTEST", "actors": ["FRA"]}])
    report = tmp_path / "report.md"
    result = CliRunner().invoke(cli, ["evaluate", str(path), "--report", str(report)], obj={})
    assert result.exit_code == 0, result.output
    text = report.read_text(encoding="utf-8")
    assert "| event detection recall | 0.50 | 1 of 2 gold events |" in text
    assert f"| s1 | type | REQUEST | AGREE | {SENTENCE} |" in text
    assert "| s1 | date | 2025-04-18 | 2025-04-17 |" in text
    assert "| s1 | missed | PROTEST" in text
    assert "| REQUEST | 1 |" in text         # confusion row: REQUEST coded as AGREE


def test_time_values_only(tmp_path):
    path = tmp_path / "times.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": "Talks ended on Thursday, a year after they began.",
                                "published": "2025-04-18", "exhaustive": False,
                                "timexes": [{"text": "Thursday", "value": "2025-04-17"},
                                            {"text": "a year", "value": "P1Y", "type": "DURATION"}]}) + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(path)], obj={})
    assert result.exit_code == 0, result.output
    assert "TIMEX3 value accuracy, DATE" in result.output
    assert "1/1 expressions" in result.output        # Thursday before a Friday DCT


def test_convert_plover_gold_and_limit(tmp_path, stand_in):
    from shared_data import SHARED, needs_shared
    plover = needs_shared(SHARED / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt")
    out = tmp_path / "plover.jsonl"
    result = CliRunner().invoke(cli, ["evaluate", str(plover), "--limit", "3", "--write-gold", str(out)], obj={})
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and json.loads(lines[0])["events"][0]["type"] == "AGREE"
    assert "3 gold records" in result.output


def test_bad_gold_is_one_clear_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(path)], obj={})
    assert result.exit_code == 1
    assert "needs 'text' or 'path'" in result.output
