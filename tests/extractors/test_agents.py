"""Unnamed actors (extractors.agents): a sector noun standing alone is an actor, with the country the
text gives, so "police arrested ..." and "gunmen stormed ..." become events."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.extractors.actors import ActorResolver
from dateline.knowledge import KnowledgeFileError, load_knowledge
from dateline.knowledge.sectors import SectorTable
from dateline.model import Article

PUBLISHED = date(2025, 3, 14)


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(load_knowledge())


def agents(nlp, resolver, text, country=None):
    article = Article(text=text, published=PUBLISHED, dateline_country=country)
    return {m.text: m.actors[0] for m in resolver.resolve(nlp(text), article) if m.via == "agent"}


def test_police_takes_the_dateline_country_and_protesters_too(nlp, resolver):
    found = agents(nlp, resolver, "Police arrested five protesters on Monday.", country="PAK")
    assert found["Police"].id == "group:PAK:COP" and found["Police"].sector == "COP"
    assert found["five protesters"].id == "group:PAK:OPP"


def test_an_armed_group_takes_the_country_after_from_or_none(nlp, resolver):
    found = agents(nlp, resolver, "Militants from Afghanistan attacked a border post.", country="PAK")
    assert found["Militants"].country == "AFG" and found["Militants"].sector == "REB"
    found = agents(nlp, resolver, "Gunmen stormed a hotel on Friday.", country="SOM")
    assert found["Gunmen"].country is None and found["Gunmen"].id == "group:-:REB"
    assert found["Gunmen"].name == "Gunmen"


def test_multiword_sector_nouns(nlp, resolver):
    found = agents(nlp, resolver, "Rights groups condemned the arrest of the journalist.")
    assert next(iter(found.values())).sector == "NGO"


def test_nouns_that_only_modify_name_no_actor(nlp, resolver):
    assert agents(nlp, resolver, "Police reform is a priority for the new cabinet.", country="PAK") == {}
    assert agents(nlp, resolver, "The agenda includes economic, military, and energy collaboration.",
                  country="PAK") == {}
    assert agents(nlp, resolver, "Officials met the people of the valley.", country="PAK") == {}  # '-' rows


def test_a_country_word_before_the_noun_is_still_read_by_the_country_rules(nlp, resolver):
    text = "Pakistani troops killed three militants in North Waziristan on Sunday."
    article = Article(text=text, published=PUBLISHED, dateline_country="PAK")
    ms = {m.text: m for m in resolver.resolve(nlp(text), article)}
    assert ms["Pakistani troops"].via != "agent"
    assert ms["three militants"].actors[0].sector == "REB"


def test_events_are_coded_for_unnamed_actors(pipeline):
    from dateline.ingest import read_text
    ex = pipeline.extract(read_text("Gunmen stormed a hotel in the capital on Friday, police said.",
                                    published=PUBLISHED))
    assert [(e.type, e.actors[0].sector) for e in ex.events] == [("ASSAULT", "REB")]
    ex = pipeline.extract(read_text("The festival drew large crowds and the people loved it.", published=PUBLISHED))
    assert ex.events == []


def test_an_unknown_unnamed_policy_is_an_error_naming_the_file():
    with pytest.raises(KnowledgeFileError, match="sectors.tsv: XYZ: unnamed"):
        SectorTable(({"code": "XYZ", "label": "x", "nouns": "things", "unnamed": "sometimes"},))


def test_a_noun_may_carry_its_own_rule_for_standing_alone(nlp, resolver):
    # "authorities:home": the bare noun is the home government, where "officials" alone is nobody
    found = agents(nlp, resolver, "The authorities detained the editor on Monday.", country="CMR")
    assert found["The authorities"].id == "group:CMR:GOV"
    assert agents(nlp, resolver, "Officials detained the editor on Monday.", country="CMR") == {}
    # without a dateline, the one country its sentence names, by name, demonym or capital
    found = agents(nlp, resolver, "Police said a Cameroonian court would hear the case.")
    assert found["Police"].country == "CMR"
    table = SectorTable(({"code": "GOV", "label": "g", "nouns": "officials|authorities:home", "unnamed": "-"},))
    assert table.unnamed("GOV", "authorities") == "home" and table.unnamed("GOV", "officials") == "-"
    assert table.for_noun("authorities") == "GOV"
    with pytest.raises(KnowledgeFileError, match="after ':'"):
        SectorTable(({"code": "GOV", "label": "g", "nouns": "authorities:often", "unnamed": "-"},))


def test_a_titled_office_holder_in_no_table_takes_the_storys_country(nlp, resolver):
    text = ("Haiti's parliament met on Monday. Haitian senators debated the budget in Port-au-Prince. "
            "President Jovenel Moise spoke to Haiti's senate. Analyst Mark Smith said little would change.")
    article = Article(text=text, published=PUBLISHED)
    people = {m.actors[0].name: m.actors[0].country for m in resolver.resolve(nlp(text), article)
              if m.actors and m.actors[0].kind == "person"}
    assert people.get("Jovenel Moise") == "HTI"
    assert people.get("Mark Smith") is None          # an untitled (or non-office) name stays unknown
