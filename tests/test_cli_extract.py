"""`dateline extract` as a user runs it: formats, metadata overrides, and bad inputs in one run."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from shared_data import REFERENCE_ARTICLE, needs_shared

GOOD = ("ISLAMABAD: Pakistan and Russia on Thursday agreed to expand trade and energy cooperation, "
        "officials said.\n")


def run(*args):
    return CliRunner().invoke(cli, list(args), obj={"debug": False})


@pytest.fixture()
def good_file(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


def test_jsonl_one_record_per_article_with_overrides(good_file):
    res = run("extract", str(good_file), "--format", "jsonl", "--published", "2025-04-18", "--outlet", "Wire")
    assert res.exit_code == 0, res.output
    lines = [json.loads(ln) for ln in res.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1
    rec = lines[0]
    assert rec["article"]["outlet"] == "Wire" and rec["article"]["published"] == "2025-04-18"
    agree = [e for e in rec["events"] if e["type"] == "AGREE"]
    assert agree and agree[0]["time"]["value"] == "2025-04-17"


def test_table_output_names_the_events(good_file):
    res = run("extract", str(good_file), "--published", "2025-04-18")
    assert res.exit_code == 0, res.output
    assert "AGREE" in res.stdout


def test_bad_inputs_are_reported_and_the_good_one_still_processed(tmp_path, good_file):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    huge = tmp_path / "huge.txt"
    huge.write_text("Pakistan and Russia agreed to talk. " * 600_000)  # ~21 MB
    nosent = tmp_path / "numbers.txt"
    nosent.write_text("12 34 56 -- ... 789\n")
    undated = tmp_path / "undated.txt"
    undated.write_text("Pakistan and Russia agreed to expand trade.\n")
    dated = tmp_path / "dated.jsonl"
    dated.write_text(json.dumps({"text": GOOD, "published": "2025-04-18", "outlet": "Wire"}) + "\n")
    res = run("extract", str(empty), str(binary), str(huge), str(nosent), str(undated), str(dated),
              "--format", "json")
    assert res.exit_code == 1
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    for bad in (empty, binary, huge, nosent, undated):
        assert sum(bad.name in ln for ln in errors) == 1, (bad.name, res.stderr)
    assert "Traceback" not in res.stderr
    records = json.loads(res.stdout)
    assert len(records) == 1 and records[0]["article"]["source"].startswith(str(dated))
    assert any(e["type"] == "AGREE" for e in records[0]["events"])


def test_published_given_for_all_inputs_makes_undated_text_usable(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("Pakistan and Russia agreed to expand trade last year.\n")
    res = run("extract", str(undated), "--published", "2025-04-18", "--format", "json")
    assert res.exit_code == 0, res.stderr
    years = {e["time"]["value"] for e in json.loads(res.stdout)[0]["events"]}
    assert "2024" in years


def test_missing_input_and_bad_date_are_clear(tmp_path):
    res = run("extract", str(tmp_path / "nope.txt"))
    assert res.exit_code != 0 and "nope.txt" in res.stderr
    res = run("extract", "x.txt", "--published", "18/04/2025")
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_reference_article_from_the_command_line():
    path = needs_shared(REFERENCE_ARTICLE)
    proc = subprocess.run([sys.executable, "-m", "dateline.cli", "extract", str(path), "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    [rec] = json.loads(proc.stdout)
    assert rec["article"]["outlet"] == "Dawn"
    assert len(rec["events"]) >= 9


def test_sample_corpus_runs():
    res = run("extract", "--sample", "--format", "jsonl")
    assert res.exit_code == 0, res.stderr
    records = [json.loads(ln) for ln in res.stdout.splitlines() if ln.strip()]
    assert len(records) >= 6
    assert sum(len(r["events"]) for r in records) >= 10
