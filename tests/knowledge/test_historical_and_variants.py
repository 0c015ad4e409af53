"""The historical office-holder table, country variants, surnames and title abbreviations."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.knowledge import KnowledgeFileError, load_knowledge
from dateline.knowledge.loader import read_table


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def test_historical_rows_are_well_formed(kb):
    rows = read_table("actors_historical.tsv")
    assert len(rows) > 200
    sectors = {s.code for s in kb.sectors}
    for row in rows:
        if row["country"]:
            assert kb.countries.get(row["country"]) is not None, row
        assert row["sector"] in sectors, row
        for role in filter(None, row["roles"].split("|")):
            assert kb.titles.by_role(role) is not None, f"role {role!r} is in no titles.tsv row"
        if row["valid_from"] and row["valid_to"]:
            assert date.fromisoformat(row["valid_from"]) <= date.fromisoformat(row["valid_to"]), row


def test_historical_holder_answers_for_its_term_only(kb):
    assert kb.actors.holder("President", "FRA", date(1990, 6, 1)).name == "François Mitterrand"
    assert kb.actors.holder("President", "FRA", date(2000, 6, 1)).name == "Jacques Chirac"
    assert kb.actors.holder("Prime Minister", "GBR", date(1994, 1, 1)).name == "John Major"
    # actors.tsv rows come after the historical ones: the current holder still answers today
    assert kb.actors.holder("President", "RUS", date(2025, 4, 18)).name == "Vladimir Putin"
    assert kb.actors.lookup("Mitterrand").country == "FRA"


def test_lookup_on_picks_the_row_of_the_day(kb):
    assert kb.actors.lookup_on("Eduard Shevardnadze", date(1987, 1, 1)).country == "RUS"
    assert kb.actors.lookup_on("Eduard Shevardnadze", date(2000, 1, 1)).country == "GEO"
    assert kb.actors.lookup_on("Nobody Known", date(2000, 1, 1)) is None


def test_surnames(kb):
    assert kb.actors.by_surname("Akayev").name == "Askar Akayev"
    assert kb.actors.by_surname("Assad") is None                 # two Assads ...
    assert kb.actors.surname_country("Assad") == "SYR"           # ... of one country
    assert kb.actors.surname_country("Bush") == "USA"
    assert kb.actors.by_surname("Hussein") is None               # also a given name ("Hussein bin Talal")
    assert kb.actors.by_surname("II") is None                    # "Abdullah II": a numeral, no surname


@pytest.mark.parametrize("text, iso3", [("Quatar", "QAT"), ("Kampuchea", "KHM"), ("Kampuchean", "KHM"),
                                        ("Zaire", "COD"), ("Rhodesia", "ZWE"), ("Qatar", "QAT")])
def test_country_variants(kb, text, iso3):
    assert kb.countries.lookup(text).iso3 == iso3


def test_country_variant_for_an_unknown_code_is_an_error(tmp_path):
    (tmp_path / "country_variants.tsv").write_text("iso3\taliases\tdemonyms\nXXQ\tNowhere\t\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="unknown iso3 'XXQ'"):
        load_knowledge((str(tmp_path),))


def test_dotted_abbreviations_and_new_titles(kb):
    assert kb.titles.lookup("Lt. Gen.").role == "Lieutenant General"
    assert kb.titles.lookup("Defence Secretary").role == "Defence Minister"
    assert kb.titles.lookup("emir").role == "Emir"
    assert kb.titles.lookup("leader").sector == "GOV"


def test_office_bodies_name_their_holder(kb):
    assert kb.organizations.lookup("Prime Minister's Office").holder == "Prime Minister"
    assert kb.organizations.lookup("presidency").holder == "President"
    assert kb.organizations.lookup("Foreign Office").holder is None


def test_things_named_after_a_noun(kb):
    assert {"tanker", "vessel", "newspaper"} <= kb.non_actors.thing_nouns
