"""`dateline file`, `dateline brief` and GET /api/dyads/A/B/file on the reference article's store."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from dateline.cli import cli


# The register tests read every candidate (--min-confidence 0); the default threshold is tested below.
EVERY = ("--min-confidence", "0")


def run(*args):
    return CliRunner().invoke(cli, list(args), obj={"debug": False})


def test_file_in_the_terminal(reference_store_url):
    r = run("file", "PAK", "RUS", "--db", reference_store_url, *EVERY)
    assert r.exit_code == 0, r.output
    out = r.output
    for text in ("Consultative Group on Strategic Stability", "15th round", "Inter-Governmental Commission",
                 "9th session", "8 agreements signed", "Sergei Ryabkov", "Mikhail Mishustin", "Alexei Overchuk",
                 "2025-04-17", "Moscow, RUS", "not reported: 1–14", "more than 1 billion USD"):
        assert text in out, text
    assert "events, 1 article cited)" in out          # one article: no "1 articles"


def test_file_json_is_the_api_answer(reference_store_url):
    from fastapi.testclient import TestClient

    from dateline.web.app import create_app

    r = run("file", "PAK", "RUS", "--db", reference_store_url, "--json", *EVERY)
    assert r.exit_code == 0, r.output
    cli_json = json.loads(r.output)
    with TestClient(create_app(reference_store_url, token="")) as client:
        answer = client.get("/api/dyads/PAK/RUS/file", params={"min_confidence": 0})
        assert answer.status_code == 200
        api_json = answer.json()
        assert client.get("/api/dyads/PAK/XXX/file").status_code == 422
        bad = client.get("/api/dyads/PAK/RUS/file", params={"start": "2025", "end": "2023"})
        assert bad.status_code == 422
    assert api_json == cli_json
    assert set(api_json) >= {"visits", "agreements", "mechanisms", "figures"}
    [igc] = [m for m in api_json["mechanisms"] if m["name"] == "Inter-Governmental Commission"]
    assert [(s["ordinal"], s["when"]["value"], s["venue"]) for s in igc["sessions"]] == [(9, "2024", "Moscow")]
    assert all(v["event_ids"] and v["article_ids"] for v in api_json["visits"])


def test_the_threshold_leaves_low_confidence_rows_out_and_says_so(reference_store_url, monkeypatch):
    rows = lambda answer: sum(len(json.loads(answer.output)[k]) for k in ("visits", "agreements", "mechanisms"))  # noqa: E731
    every = run("file", "PAK", "RUS", "--db", reference_store_url, "--json", *EVERY)
    strict = run("file", "PAK", "RUS", "--db", reference_store_url, "--json", "--min-confidence", "0.6")
    assert every.exit_code == strict.exit_code == 0, strict.output
    assert 0 < rows(strict) < rows(every)
    # with no option the threshold is $DATELINE_MIN_CONFIDENCE (else the shipped default), and the file says so
    monkeypatch.setenv("DATELINE_MIN_CONFIDENCE", "0.6")
    default = run("file", "PAK", "RUS", "--db", reference_store_url, "--json")
    assert rows(default) == rows(strict)
    assert "confidence ≥ 0.6" in run("file", "PAK", "RUS", "--db", reference_store_url).output


def test_the_reference_registers_at_the_shipped_threshold(reference_store_url):
    """The acceptance of the registers: the reference article alone, at the default threshold."""
    from dateline.config import DEFAULT_MIN_CONFIDENCE

    out = run("file", "PAK", "RUS", "--db", reference_store_url).output
    assert f"confidence ≥ {DEFAULT_MIN_CONFIDENCE:g}" in out
    for text in ("Consultative Group on Strategic Stability", "15th round", "Inter-Governmental Commission",
                 "9th session", "8 agreements signed", "Sergei Ryabkov", "Mikhail Mishustin", "Alexei Overchuk"):
        assert text in out, text


@pytest.mark.parametrize("args, message", [
    (["PAK", "XXX"], "'XXX' is not an ISO3 country code"),
    (["PAK", "PAK"], "two different countries"),
    (["PAK", "RUS", "--from", "2025", "--to", "2023"], "ends (2023-12-31) before it starts (2025-01-01)"),
    (["PAK", "RUS", "--from", "April"], "'April' is not a date"),
])
def test_bad_input_is_a_usage_error(reference_store_url, args, message):
    for command in (["file"], ["brief", "--out", "unused.html"]):
        r = run(*command, *args, "--db", reference_store_url)
        assert r.exit_code == 2, r.output
        assert message in r.output


def test_a_missing_store_is_one_clear_error(tmp_path):
    r = run("file", "PAK", "RUS", "--db", str(tmp_path / "none.db"))
    assert r.exit_code == 1 and "Traceback" not in r.output


def test_brief_html_is_self_contained(reference_store_url, tmp_path):
    out = tmp_path / "brief.html"
    r = run("brief", "PAK", "RUS", "--db", reference_store_url, *EVERY, "--out", str(out))
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 2
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", page)     # nothing fetched
    assert "<link" not in page and "<script" not in page and "@import" not in page
    assert "@page{size:A4" in page
    assert "15th round" in page and "9th session" in page and "Sergei Ryabkov" in page
    # every register row has a footnote, and every footnote names the sentence and the article
    refs = set(re.findall(r'href="#n(\d+)"', page))
    notes = set(re.findall(r'<li id="n(\d+)"', page))
    assert refs and refs == notes
    assert "Ryabkov is visiting Islamabad to lead Russia’s delegation" in page
    assert "art-" in page and "evt-" in page
    assert re.search(r"Between 2024 and 2025, the store holds \d+ events between Pakistan and Russia", page)


def test_brief_markdown(reference_store_url, tmp_path):
    out = tmp_path / "brief.md"
    r = run("brief", "PAK", "RUS", "--db", reference_store_url, *EVERY, "--out", str(out), "--format", "md")
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Pakistan – Russia: relationship brief")
    assert "| 9th session | 2024 | Moscow, RUS | 8 agreements signed |" in text
    assert re.search(r"^\[\^1\]: “", text, re.MULTILINE)


def test_brief_period(reference_store_url, tmp_path):
    out = tmp_path / "brief.md"
    r = run("brief", "PAK", "RUS", "--db", reference_store_url, *EVERY, "--out", str(out), "--format", "md",
            "--from", "2025-01", "--to", "2025-12")
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "15th round" in text and "9th session" not in text and "Mishustin" not in text
