"""Places: the gazetteer, place mentions in sentences and the dateline (dateline.extractors.places)."""
from __future__ import annotations

from datetime import date

import pytest

from shared_data import REFERENCE_ARTICLE, needs_shared
from dateline.extractors.places import PlaceResolver
from dateline.knowledge.gazetteer import load_gazetteer
from dateline.knowledge.loader import DATA_DIR
from dateline.model import Article


@pytest.fixture(scope="module")
def places():
    from dateline.knowledge import load_knowledge
    return PlaceResolver(load_knowledge())


@pytest.fixture(scope="module")
def gazetteer_only():
    return PlaceResolver(None)


def test_gazetteer_file_is_small_and_attributed():
    path = DATA_DIR / "gazetteer.tsv"
    assert path.stat().st_size < 4_000_000
    head = path.read_text(encoding="utf-8")[:1000]
    assert "GeoNames" in head and "CC BY 4.0" in head and "geonames.org" in head


def test_gazetteer_lookup_ranked_by_population():
    g = load_gazetteer()
    moscows = g.lookup("moscow")
    assert [p.country for p in moscows[:2]] == ["RUS", "USA"]
    islamabad = g.lookup("Islamabad")[0]
    assert (islamabad.country, round(islamabad.lat, 1), round(islamabad.lon, 1)) == ("PAK", 33.7, 73.0)
    assert g.lookup("Kiev")[0].name == "Kyiv"           # hand-kept English alias
    assert g.lookup("Sao Paulo")[0].name == "São Paulo"  # accents do not matter
    assert g.lookup("Dawn") == []
    assert g.country("PAK").feature == "country"


@pytest.mark.parametrize("resolver_name", ["places", "gazetteer_only"])
def test_resolve_name(resolver_name, request):
    resolver = request.getfixturevalue(resolver_name)
    islamabad = resolver.resolve_name("Islamabad")
    assert (islamabad.country, islamabad.feature) == ("PAK", "city")
    assert islamabad.lat == pytest.approx(33.72, abs=0.05) and islamabad.lon == pytest.approx(73.04, abs=0.05)
    assert resolver.resolve_name("Moscow").country == "RUS"
    russia = resolver.resolve_name("Russia")
    assert (russia.country, russia.feature) == ("RUS", "country") and russia.lat is not None
    assert resolver.resolve_name("Dawn") is None
    assert resolver.resolve_name("Russian") is None


def test_ambiguous_names_prefer_the_hint(places):
    assert places.resolve_name("Hyderabad").country == "IND"
    assert places.resolve_name("Hyderabad", country_hint="PAK").country == "PAK"


def test_find_needs_a_place_cue(nlp, places):
    text = "Russia and Pakistan held talks in Moscow. The 9th session, held in Moscow last year, ended."
    found = places.find(nlp(text), Article(text=text, published=date(2025, 4, 18)))
    assert [(p.name, p.country, p.source) for p in found] == [("Moscow", "RUS", "sentence")] * 2
    for p in found:
        assert text[p.span.start:p.span.end] == "Moscow"


def test_ambiguous_city_goes_to_the_dateline_country(nlp, places):
    text = "Officials met in Hyderabad on Monday."
    article = Article(text=text, published=date(2025, 4, 18), dateline="Karachi", dateline_country="PAK")
    assert [p.country for p in places.find(nlp(text), article)] == ["PAK"]


def test_dateline_place(places):
    article = Article(text="ISLAMABAD: Pakistan and Russia on Thursday agreed...", dateline="Islamabad")
    place = places.dateline_place(article)
    assert (place.name, place.country, place.source) == ("Islamabad", "PAK", "dateline")
    assert place.span.text == "ISLAMABAD" and place.span.start == 0
    assert places.dateline_place(Article(text="No dateline here.")) is None


def test_reference_article_places(nlp, places):
    text = needs_shared(REFERENCE_ARTICLE).read_text(encoding="utf-8")
    found = places.find(nlp(text), Article(text=text, published=date(2025, 4, 18), dateline="Islamabad"))
    names = {(p.name, p.country) for p in found}
    assert ("Islamabad", "PAK") in names and ("Moscow", "RUS") in names
    assert not any(p.span.text == "Dawn" for p in found)
    moscow = next(p for p in found if p.name == "Moscow")
    assert text[moscow.span.start - 8:moscow.span.end] == "held in Moscow"


# Cues beyond the word right before the name: direction words, kinds of place, demonym hints.
@pytest.mark.parametrize("text, expected", [
    ("Fighting broke out again in southeastern Serbia.", "SRB"),          # direction word after the cue
    ("Rebels shelled positions in south Lebanon.", "LBN"),
    ("Bombs exploded in the capital Kabul.", "AFG"),                       # kind of place before the name
    ("Police blocked roads in the capital city of Algiers.", "DZA"),       # "city of" + name
    ("Troops withdrew from the besieged Bosnian town of Gorazde.", "BIH"),
    ("Egyptian police closed the crossing near the town of Rafah.", "EGY"),  # demonym picks the Rafah
    ("Gunmen fired on a patrol in Basra.", "IRQ"),                         # hand-kept alias
    ("Soldiers raided a refugee camp in the West Bank.", "PSE"),
    ("Serbia eased emergency measures in Montenegro province.", "MNE"),    # name + kind of place
])
def test_find_with_direction_kind_and_demonym_cues(nlp, places, text, expected):
    found = places.find(nlp(text), Article(text=text, published=date(2025, 4, 18)))
    assert [p.country for p in found] == [expected]


def test_kind_of_place_is_no_cue_for_a_party(nlp, places):
    text = "Serbia and Croatia signed a trade deal."
    assert places.find(nlp(text), Article(text=text, published=date(2025, 4, 18))) == []
