"""`dateline knowledge explain` and `dateline knowledge stats`."""
from __future__ import annotations

from click.testing import CliRunner

from dateline.cli import cli


def run(*args):
    result = CliRunner().invoke(cli, ["knowledge", *args], obj={})
    assert result.exit_code == 0, result.output
    return result.output


def test_explain_a_dictionary_name_by_date_and_country():
    out = run("explain", "Mario Draghi", "--date", "2007-05-02")
    assert "actors_dictionary.tsv:" in out and "ITAGOVBUS: ITA, GOV, economy/business" in out
    assert "=> person:mario-draghi, country ITA, sector GOV" in out and "holds on 2007-05-02" in out
    out = run("explain", "Mario Draghi", "--date", "2007-05-02", "--country", "PAK")
    assert "=> no table entry: the article places the name in PAK" in out


def test_explain_a_hand_kept_name_picks_the_term_of_the_date():
    out = run("explain", "Eduard Shevardnadze", "--date", "1999-01-01")
    assert "=> person:eduard-shevardnadze, country GEO" in out and "dictionary is not consulted" in out


def test_explain_an_unknown_name():
    out = run("explain", "Zorblax Quibbleton", "--date", "2025-03-14")
    assert "no table entry" in out


def test_stats_counts_tables_by_source(tmp_path):
    (tmp_path / "actors.tsv").write_text("name\tcountry\nZara Qadir\tPAK\nOmar Farid\tEGY\n", encoding="utf-8")
    out = run("stats", "--knowledge", str(tmp_path))
    lines = out.splitlines()
    assert any(ln.startswith("actors.tsv") and ln.rstrip().endswith(str(tmp_path / "actors.tsv"))
               and " 2 " in ln for ln in lines)
    dictionary = next(ln for ln in lines if ln.startswith("dictionary actors:"))
    assert int(dictionary.split(", ")[2].split()[0].replace(",", "")) >= 15000     # dated people
