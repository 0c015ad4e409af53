"""The knowledge tables: countries, titles, organisations, known actors with dated terms."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.knowledge import KnowledgeFileError, load_knowledge
from dateline.knowledge.loader import read_table


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def test_country_table_covers_iso3166(kb):
    assert len(kb.countries) >= 249
    pak = kb.countries.by_iso3("PAK")
    assert (pak.iso2, pak.name, pak.capital) == ("PK", "Pakistan", "Islamabad")
    assert "Pakistani" in pak.demonyms
    with pytest.raises(KeyError, match="unknown ISO3"):
        kb.countries.by_iso3("XXX")


@pytest.mark.parametrize("text, iso3", [
    ("Russia", "RUS"), ("Russian Federation", "RUS"), ("Russian", "RUS"), ("RUS", "RUS"),
    ("U.S.", "USA"), ("USA", "USA"), ("America", "USA"), ("UK", "GBR"), ("Britain", "GBR"),
    ("Pakistani", "PAK"), ("Pakistan’s", "PAK"), ("the Netherlands", "NLD"), ("Türkiye", "TUR"),
    ("Chinese", "CHN"), ("Emirati", "ARE"),
])
def test_country_lookup(kb, text, iso3):
    assert kb.countries.lookup(text).iso3 == iso3


def test_country_lookup_is_not_fooled(kb):
    assert kb.countries.lookup("us") is None          # the pronoun is not the United States
    assert kb.countries.lookup("Islamabad") is None   # a capital is a place, not a name
    assert kb.countries.by_capital("Islamabad").iso3 == "PAK"
    assert kb.countries.by_capital("Moscow").iso3 == "RUS"
    assert kb.countries.by_capital("Oranjestad") is None   # a territory's capital never speaks


def test_titles_have_roles_sectors_and_abbreviations(kb):
    dpm = kb.titles.lookup("DPM")
    assert (dpm.role, dpm.sector) == ("Deputy Prime Minister", "GOV")
    assert kb.titles.lookup("deputy foreign minister").role == "Deputy Foreign Minister"
    assert kb.titles.lookup("Minister of Foreign Affairs").role == "Foreign Minister"
    assert kb.titles.lookup("Chief of Army Staff").sector == "MIL"
    assert kb.titles.lookup("dpm") is None             # abbreviations are case-sensitive


def test_organisations(kb):
    orgs = kb.organizations
    fo = orgs.lookup("the Foreign Office")
    assert fo.needs_country
    actor = orgs.actor(fo, "PAK", "Pakistan")
    assert (actor.id, actor.name, actor.kind, actor.sector) == (
        "org:PAK:foreign-ministry", "Ministry of Foreign Affairs (Pakistan)", "government", "GOV")
    kremlin = orgs.actor(orgs.lookup("Kremlin"), None)
    assert (kremlin.id, kremlin.country) == ("org:RUS:presidency", "RUS")
    un = orgs.actor(orgs.lookup("UN"), None)
    assert (un.id, un.kind, un.country, un.sector) == ("igo:un", "igo", None, "IGO")
    with pytest.raises(ValueError, match="needs a country"):
        orgs.actor(fo, None)


def test_known_actor_terms(kb):
    table = kb.actors
    assert table.holder("Foreign Minister", "RUS", date(2025, 4, 18)).name == "Sergei Lavrov"
    assert table.holder("President", "USA", date(2023, 6, 1)).name == "Joe Biden"
    assert table.holder("President", "USA", date(2025, 6, 1)).name == "Donald Trump"
    assert table.holder("Prime Minister", "PAK", date(2020, 1, 1)).name == "Imran Khan"
    assert table.roles_on("Imran Khan", date(2024, 1, 1)) == []
    assert set(table.roles_on("Ishaq Dar", date(2025, 4, 18))) == {"Foreign Minister", "Deputy Prime Minister"}
    assert table.roles_on("Ishaq Dar", date(2024, 4, 1)) == ["Foreign Minister"]


def test_user_actors_extend_and_win(tmp_path):
    (tmp_path / "actors.tsv").write_text(
        "name\taliases\tcountry\tsector\tkind\troles\tvalid_from\tvalid_to\n"
        "Zara Qadir\tZ. Qadir\tPAK\tGOV\tperson\tPrime Minister\t2030-01-01\t2034-12-31\n"
        "Tehreek-e-Taliban Pakistan\tTTP\tPAK\tREB\tgroup\t\t\t\n", encoding="utf-8")
    kb = load_knowledge((str(tmp_path),))
    assert kb.actors.holder("Prime Minister", "PAK", date(2031, 5, 1)).name == "Zara Qadir"
    assert kb.actors.holder("Prime Minister", "PAK", date(2029, 12, 31)).name != "Zara Qadir"
    ttp = kb.actors.lookup("TTP")
    assert (ttp.id, ttp.kind, ttp.sector) == ("org:PAK:tehreek-e-taliban-pakistan", "group", "REB")
    assert kb.actors.lookup("Sergei Ryabkov").country == "RUS"     # built-in rows are still there


def test_bad_user_file_says_what_is_wrong(tmp_path):
    (tmp_path / "actors.tsv").write_text(
        "name\taliases\tcountry\tsector\tkind\troles\tvalid_from\tvalid_to\n"
        "Someone\t\tPAK\tGOV\tperson\tMinister\tlast year\t\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="not an ISO date"):
        load_knowledge((str(tmp_path),))


def test_every_builtin_table_has_a_header_comment():
    from dateline.knowledge.loader import DATA_DIR
    for name in ("countries.tsv", "titles.tsv", "organizations.tsv", "actors.tsv", "sectors.tsv", "non_actors.tsv"):
        assert (DATA_DIR / name).read_text(encoding="utf-8").startswith("#"), name
        assert read_table(name), name


def test_load_knowledge_is_cached_and_takes_lists(tmp_path):
    assert load_knowledge() is load_knowledge(())
    assert load_knowledge([str(tmp_path)]) is load_knowledge((str(tmp_path),))
