"""Precedence between the article and the tables (issue 9): evidence in the text beats the
dictionary, dated dictionary rows hold only inside their terms, and a surname alone never reaches
a person of another country named in full elsewhere. Sentences written here."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.extractors.actors import ActorResolver
from dateline.knowledge import load_knowledge
from dateline.model import Article


def people(nlp, kb, text, published, country=None):
    article = Article(text=text, published=published, dateline_country=country)
    out = {}
    for m in ActorResolver(kb).resolve(nlp(text), article):
        for a in m.actors:
            if a.kind == "person":
                out.setdefault(a.id, (a.country, a.sector))
    return out


@pytest.fixture(scope="module")
def builtin():
    return load_knowledge()


def test_the_bundled_dictionary_places_a_named_official(nlp, builtin):
    # Mario Draghi is in no hand-kept table; the bundled PETRARCH row ITAGOVBUS from 2006-02-01
    text = "Mario Draghi met bankers on Monday and said rates would stay where they are."
    assert people(nlp, builtin, text, date(2007, 5, 2)) == {"person:mario-draghi": ("ITA", "GOV")}


def test_the_article_country_beats_the_dictionary(nlp, builtin):
    text = "Pakistani Finance Minister Mario Draghi met bankers on Monday."
    got = people(nlp, builtin, text, date(2007, 5, 2))
    assert got["person:mario-draghi"][0] == "PAK"


def test_a_title_in_the_article_beats_the_dictionary_sector(nlp, builtin):
    text = "General Mario Draghi inspected the troops on Monday."
    assert people(nlp, builtin, text, date(2007, 5, 2))["person:mario-draghi"] == ("ITA", "MIL")


def test_a_dictionary_sector_holds_only_inside_its_term(nlp, builtin):
    text = "Mario Draghi met bankers on Monday and said rates would stay where they are."
    # before the 2006 term: the name keeps its country, not the government sector
    assert people(nlp, builtin, text, date(1999, 5, 3)) == {"person:mario-draghi": ("ITA", None)}


def _user(tmp_path: Path, *rows: str) -> Path:
    (tmp_path / "actors.tsv").write_text(
        "name\taliases\tcountry\tsector\tkind\troles\tvalid_from\tvalid_to\n" + "\n".join(rows) + "\n",
        encoding="utf-8")
    return tmp_path


def test_a_surname_does_not_give_a_full_name_another_persons_country(nlp, tmp_path):
    kb = load_knowledge((str(_user(tmp_path, "Karim Haddad\t\tLBN\tGOV\tperson\tPrime Minister\t1990-01-01\t1995-12-31")),))
    text = "General Selim Haddad met the commanders on Monday. Haddad said the talks had gone well."
    got = people(nlp, kb, text, date(2025, 3, 14))
    assert got == {"person:selim-haddad": (None, "MIL")}      # not LBN: that is another Haddad


def test_a_bare_surname_needs_a_person_in_office_on_the_date(nlp, tmp_path):
    kb = load_knowledge((str(_user(tmp_path, "Karim Haddad\t\tLBN\tGOV\tperson\tPrime Minister\t1990-01-01\t1995-12-31")),))
    text = "Haddad said on Monday that the talks had gone well."
    assert "person:karim-haddad" in people(nlp, kb, text, date(1993, 3, 1))
    assert "person:karim-haddad" not in people(nlp, kb, text, date(2025, 3, 14))


def test_a_name_in_two_countries_is_decided_by_the_article_or_left_open(tmp_path):
    (tmp_path / "actors_dictionary.tsv").write_text(
        "name\taliases\tcountry\tsector\tkind\troles\tvalid_from\tvalid_to\tcode\tsource\n"
        "Omar Farid\t\tEGY\tGOV\tperson\t\t2001-01-01\t2004-12-31\tEGYGOV\tt:1\n"
        "Omar Farid\t\tJOR\tMIL\tperson\t\t2010-01-01\t2012-12-31\tJORMIL\tt:2\n", encoding="utf-8")
    actors = load_knowledge((str(tmp_path),)).actors
    assert actors.lookup_on("Omar Farid", date(2003, 1, 1)).country == "EGY"       # the date decides
    assert actors.lookup_on("Omar Farid", date(2011, 1, 1)).country == "JOR"
    assert actors.lookup_on("Omar Farid", date(2020, 1, 1)) is None                # neither: open
    assert actors.lookup_on("Omar Farid", date(2020, 1, 1), country="JOR").country == "JOR"
