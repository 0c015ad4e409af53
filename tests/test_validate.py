"""dateline.commands.validate: filter values checked against the ontology, dimensions and country table,
and the CLI options built on it (events/export/timeline usage errors, period bounds)."""
from __future__ import annotations

from datetime import date

import click
import pytest
from click.testing import CliRunner

from dateline import ontology
from dateline.commands import validate
from dateline.commands.options import date_option, period_end_option, period_start_option
from dateline.commands.validate import InvalidFilter
from dateline.knowledge import load_knowledge
from dateline.knowledge.lexicon import load_dimensions


def _message(check, value) -> str:
    with pytest.raises(InvalidFilter) as info:
        check(value)
    return str(info.value)


# -- accepted values ------------------------------------------------------------------------------
def test_every_plover_type_and_context_is_accepted_in_any_case():
    types = list(ontology.event_types())
    assert validate.event_types([t.lower() for t in types]) == types
    assert validate.event_types("consult, Agree") == ["CONSULT", "AGREE"]
    contexts = list(ontology.contexts())
    assert validate.contexts([c.upper() for c in contexts]) == contexts


def test_every_dimension_of_the_table_is_accepted():
    table = {kw.dimension for kws in load_dimensions().values() for kw in kws if kw.dimension}
    assert table >= {"trade", "energy", "people-to-people"}
    assert validate.dimensions(sorted(table)) == sorted(table)
    assert validate.dimensions("Trade,ENERGY") == ["trade", "energy"]


def test_every_country_of_the_table_is_accepted():
    codes = [c.iso3 for c in load_knowledge().countries]
    assert len(codes) > 200
    assert [validate.country(c.lower()) for c in codes] == codes


def test_quad_classes_and_empty_filters():
    assert validate.quad_classes("1, 4") == [1, 4]
    assert validate.quad_classes(["2", "3"]) == [2, 3]
    for check in (validate.event_types, validate.contexts, validate.dimensions, validate.quad_classes):
        assert check(None) is None and check("") is None and check([" , "]) is None


@pytest.mark.parametrize("text", ["PAK-RUS", "pak,rus", "PAK:RUS", "PAK RUS", " pak - rus "])
def test_dyad_forms(text):
    assert validate.dyad(text) == ("PAK", "RUS")


# -- refused values -------------------------------------------------------------------------------
@pytest.mark.parametrize("check, value, wanted", [
    (validate.event_types, "CONSLT", "'CONSLT' is not a PLOVER event type; did you mean CONSULT?"),
    (validate.event_types, "AGRE", "'AGRE' is not a PLOVER event type; did you mean AGREE?"),
    (validate.contexts, "militray", "'militray' is not a PLOVER context; did you mean military?"),
    (validate.dimensions, "energey", "'energey' is not a partnership dimension; did you mean energy?"),
    (validate.country, "PAKK", "'PAKK' is not an ISO3 country code dateline knows; did you mean PAK?"),
    (validate.country, "Pakistan", "'Pakistan' is not an ISO3 country code dateline knows; "
                                   "did you mean PAK (Pakistan)?"),
    (validate.country, "PK", "'PK' is not an ISO3 country code dateline knows; did you mean PAK (Pakistan)?"),
])
def test_a_typo_gets_a_suggestion(check, value, wanted):
    assert _message(check, value) == wanted


def test_without_a_close_match_the_accepted_values_are_listed():
    msg = _message(validate.event_types, "FOO")
    assert msg.startswith("'FOO' is not a PLOVER event type; expected one of AGREE, CONSULT")
    assert all(t in msg for t in ontology.event_types())
    msg = _message(validate.dimensions, "zzzz")
    assert "expected one of" in msg and "trade" in msg and "people-to-people" in msg
    assert _message(validate.quad_classes, "9").startswith("'9' is not a quad class; expected 1 (verbal cooperation)")
    assert _message(validate.country, "QQQ") == ("'QQQ' is not an ISO3 country code dateline knows; "
                                                  "use a code such as PAK or RUS")


def test_one_bad_item_in_a_list_is_named():
    assert _message(validate.event_types, "CONSULT,FOO").startswith("'FOO' is not a PLOVER event type")
    assert _message(validate.quad_classes, ["1", "5"]).startswith("'5' is not a quad class")


@pytest.mark.parametrize("text, wanted", [
    ("PAKRUS", "'PAKRUS' is not a country pair; write two ISO3 codes such as PAK-RUS"),
    ("PAK", "'PAK' is not a country pair; write two ISO3 codes such as PAK-RUS"),
    ("PAK-RUS-CHN", "not a country pair"),
    ("PAK-XXX", "'XXX' is not an ISO3 country code dateline knows"),
    ("PAK-pak", "a country pair needs two different countries, got PAK twice"),
])
def test_bad_dyads(text, wanted):
    assert wanted in _message(validate.dyad, text)


def test_user_knowledge_dimensions_are_accepted(tmp_path, monkeypatch):
    (tmp_path / "dimensions.tsv").write_text("# test dimension\nkeyword\tdimension\tcontext\n"
                                            "satellite\tspace\ttechnology\n", encoding="utf-8")
    with pytest.raises(InvalidFilter):
        validate.dimensions("space")
    monkeypatch.setenv("DATELINE_KNOWLEDGE", str(tmp_path))
    assert validate.dimensions("space") == ["space"]


# -- click options --------------------------------------------------------------------------------
@click.command()
@click.option("--from", "start", callback=period_start_option)
@click.option("--to", "end", callback=period_end_option)
@click.option("--published", callback=date_option)
def _show(start, end, published):
    click.echo(f"{start} {end} {published}")


@pytest.mark.parametrize("args, shown", [
    (["--from", "2024", "--to", "2024"], "2024-01-01 2024-12-31 None"),
    (["--from", "2024-02", "--to", "2024-02"], "2024-02-01 2024-02-29 None"),
    (["--from", "2024-02-10", "--to", "2025-03-04"], "2024-02-10 2025-03-04 None"),
    (["--published", "2025-04-18"], "None None 2025-04-18"),
])
def test_period_options_take_a_year_a_month_or_a_day(args, shown):
    result = CliRunner().invoke(_show, args)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == shown


@pytest.mark.parametrize("args, option, wanted", [
    (["--from", "last year"], "'--from'", "'last year' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
    (["--to", "2024-13"], "'--to'", "'2024-13' is not a valid date"),
    (["--published", "2025"], "'--published'", "'2025' is not a date in YYYY-MM-DD form"),
])
def test_bad_dates_are_usage_errors_naming_the_option(args, option, wanted):
    result = CliRunner().invoke(_show, args)
    assert result.exit_code == 2
    assert option in result.output and wanted in result.output


def test_timeline_refuses_unknown_countries_before_opening_the_store(tmp_path):
    from dateline.analysis.commands import timeline

    missing = tmp_path / "none.db"
    result = CliRunner().invoke(timeline, ["PAK", "XXX", "--db", str(missing)])
    assert result.exit_code == 2
    assert "Invalid value for 'B': 'XXX' is not an ISO3 country code dateline knows" in result.output
    assert not missing.exists()
    ok_codes = CliRunner().invoke(timeline, ["pak", "rus", "--from", "2024", "--db", str(missing)])
    assert ok_codes.exit_code == 1 and "Invalid value" not in ok_codes.output   # fails on the missing store only


def test_period_start_and_end_agree_with_the_api_bounds():
    from dateline.analysis.period import parse_bound

    ctx = click.Context(_show)
    for text in ("2023", "2023-11", "2023-11-05"):
        assert period_start_option(ctx, None, text) == parse_bound(text)
        assert period_end_option(ctx, None, text) == parse_bound(text, end=True)
    assert period_end_option(ctx, None, "2023-11") == date(2023, 11, 30)
