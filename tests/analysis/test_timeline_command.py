"""`dateline timeline A B` on a store file: the summary, the chart, and clear errors."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import dyad_data
from dateline.cli import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from dateline.store import open_store

    path = tmp_path_factory.mktemp("timeline") / "store.db"
    store = open_store(str(path))
    dyad_data.fill(store, dyad_data.core_extractions() + [dyad_data.hostile_markup()])
    store.close()
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, ["timeline", *args], obj={"debug": True}, env={"COLUMNS": "140"})


def test_summary_in_the_terminal(db):
    result = run("PAK", "RUS", "--db", db)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Pakistan – Russia" in out
    assert "7 events from 8 article reports" in out
    assert "2025-04" in out and "2023-06" in out
    assert "Sergei Ryabkov 2" in out and "Ishaq Dar 2" in out
    assert "trade volume" in out and "more than 1,000,000,000 USD" in out
    # article text is printed as text: markup in it neither styles nor disappears
    flat = "".join(out.split())   # table cells wrap; compare without whitespace
    assert "<script>window.__xss=1</script><b>boldclaim</b>" in flat


def test_period_and_yearly_chart(db):
    result = run("rus", "pak", "--db", db, "--from", "2024", "--to", "2024", "--by", "year", "--events", "0")
    assert result.exit_code == 0, result.output
    assert "2 events from 2 article reports" in result.output
    assert "by year" in result.output and "latest events" not in result.output


def test_json_output_is_the_summary(db):
    result = run("PAK", "RUS", "--db", db, "--json")
    data = json.loads(result.output)
    assert data["dyad"] == ["PAK", "RUS"] and data["totals"]["events"] == 7
    assert [m["period"] for m in data["months"]] == ["2023-06", "2024-11", "2025-03", "2025-04"]


@pytest.mark.parametrize("args,message", [
    (("PAK", "PAK"), "two different countries"),
    (("PAKI", "RUS"), "not an ISO3 country code"),
    (("PAK", "RUS", "--from", "2024-13"), "not a valid date"),
    (("PAK", "RUS", "--from", "2025", "--to", "2024"), "before it starts"),
])
def test_bad_arguments_fail_with_a_clear_message(db, args, message):
    result = run(*args, "--db", db)
    assert result.exit_code == 2
    assert message in result.output
