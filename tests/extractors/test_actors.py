"""Actor resolution on small texts and on the reference article."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.extractors.actors import ActorResolver
from dateline.knowledge import load_knowledge
from dateline.model import Article, Caption, TextSpan
from shared_data import REFERENCE_ARTICLE, needs_shared

PUBLISHED = date(2025, 4, 18)


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(load_knowledge())


def resolve(nlp, resolver, text, *, country="PAK", published=PUBLISHED, outlet="Dawn"):
    article = Article(text=text, outlet=outlet, published=published, dateline_country=country)
    mentions = resolver.resolve(nlp(text), article)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    return mentions


def by_text(mentions):
    return {m.text: m for m in mentions}


def only(mention):
    assert len(mention.actors) == 1, mention
    return mention.actors[0]


# -- people, titles and roles -------------------------------------------------------------------

def test_possessive_country_and_chained_titles(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "Pakistan’s Deputy Prime Minister and Foreign Minister Ishaq Dar "
                                        "met Russia's Deputy Foreign Minister Sergei Ryabkov."))
    dar = only(ms["Pakistan’s Deputy Prime Minister and Foreign Minister Ishaq Dar"])
    assert (dar.id, dar.name, dar.kind, dar.country, dar.sector) == (
        "person:ishaq-dar", "Ishaq Dar", "person", "PAK", "GOV")
    assert dar.roles == ["Deputy Prime Minister", "Foreign Minister"]
    ryabkov = only(ms["Russia's Deputy Foreign Minister Sergei Ryabkov"])
    assert ryabkov.country == "RUS"
    assert ryabkov.roles == ["Deputy Foreign Minister"]
    # The countries are modifiers of the people, not separate actors of the sentence.
    assert "Pakistan" not in ms and "Russia" not in ms


def test_unknown_person_takes_country_from_the_text(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "High-level visits from Russia, including Prime Minister Ivan Petrovsky "
                                        "and Deputy Prime Minister Oleg Dunayev's trips, reinforced ties."))
    pm = only(ms["Prime Minister Ivan Petrovsky"])
    dpm = only(ms["Deputy Prime Minister Oleg Dunayev"])
    assert (pm.country, pm.roles, pm.sector) == ("RUS", ["Prime Minister"], "GOV")
    assert (dpm.country, dpm.roles) == ("RUS", ["Deputy Prime Minister"])


def test_demonym_before_title_and_appositive_title(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "Turkish Defence Minister Kemal Aydin spoke. "
                                        "Omar Farooq, Pakistan's ambassador, replied."))
    assert only(ms["Turkish Defence Minister Kemal Aydin"]).country == "TUR"
    farooq = only(ms["Omar Farooq"])
    assert (farooq.country, farooq.roles) == ("PAK", ["Ambassador"])


def test_known_actors_give_country_and_roles_of_the_day(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "Sergei Lavrov said Donald Trump called."))
    lavrov = only(ms["Sergei Lavrov"])
    assert (lavrov.country, lavrov.roles) == ("RUS", ["Foreign Minister"])
    trump_2019 = only(by_text(resolve(nlp, resolver, "Donald Trump called.", published=date(2022, 3, 1)))["Donald Trump"])
    assert (trump_2019.country, trump_2019.roles) == ("USA", [])     # not president in 2022


def test_the_author_is_not_an_actor(nlp, resolver):
    text = "Baqir Sajjad Syed reports. Ishaq Dar spoke."
    article = Article(text=text, outlet="Dawn", published=PUBLISHED, author="Baqir Sajjad Syed")
    names = {a.name for m in resolver.resolve(nlp(text), article) for a in m.actors}
    assert names == {"Ishaq Dar"}


# -- coreference --------------------------------------------------------------------------------

def test_surname_and_title_coreference(nlp, resolver):
    text = ("Foreign Minister Ishaq Dar met Russia's Deputy Foreign Minister Sergei Ryabkov. "
            "Pakistan's Deputy Prime Minister and Foreign Minister Ishaq Dar hosted him. "
            "The DPM reaffirmed ties. Ryabkov is visiting Islamabad. The minister left.")
    ms = resolve(nlp, resolver, text)
    t = by_text(ms)
    dar = only(t["Foreign Minister Ishaq Dar"])
    assert only(t["The DPM"]) is dar and t["The DPM"].via == "coref"
    assert only(t["Pakistan's Deputy Prime Minister and Foreign Minister Ishaq Dar"]) is dar
    assert dar.roles == ["Deputy Prime Minister", "Foreign Minister"]
    ryabkov = only(t["Ryabkov"])
    assert ryabkov.name == "Sergei Ryabkov" and ryabkov.id == "person:sergei-ryabkov"
    # "the minister": the last minister mentioned before it (Ryabkov, a deputy foreign minister).
    assert only(t["The minister"]) is ryabkov
    assert "DPM" not in t                       # the abbreviation alone is never an actor
    assert len({a.id for m in ms for a in m.actors if a.kind == "person"}) == 2


def test_surname_alone_means_the_same_person(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "Prime Minister Ahmed Qureshi met officials. Later, Qureshi said talks went well."))
    assert only(ms["Qureshi"]).id == only(ms["Prime Minister Ahmed Qureshi"]).id == "person:ahmed-qureshi"


@pytest.mark.parametrize("phrase", ["the two countries", "both countries", "the two sides", "both sides"])
def test_the_two_countries(nlp, resolver, phrase):
    text = f"Pakistan and Russia agreed to talk. Russia said it was ready. Pakistan agreed. China watched. Trade between {phrase} grew."
    ms = by_text(resolve(nlp, resolver, text))
    assert [a.id for a in ms[phrase].actors] == ["country:PAK", "country:RUS"]
    assert ms[phrase].via == "coref"


def test_role_without_name_is_the_office_holder_of_the_day(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "Russia's foreign minister said so.", published=date(2025, 1, 5)))
    assert only(ms["Russia's foreign minister"]).name == "Sergei Lavrov"
    ms = by_text(resolve(nlp, resolver, "Ruritania's foreign minister said so. Chad's interior minister agreed."))
    chad = only(ms["Chad's interior minister"])
    assert (chad.id, chad.country, chad.roles) == ("role:TCD:interior-minister", "TCD", ["Interior Minister"])


# -- countries: names, demonyms, capitals, codes, pairs -----------------------------------------

def test_capital_as_government_but_not_as_place(nlp, resolver):
    text = ("Moscow said it would respond. Islamabad rejected the claim. The envoy arrived in Islamabad, "
            "visiting Islamabad after trips to Moscow. Washington and Beijing agreed. Tehran's stance hardened.")
    ms = resolve(nlp, resolver, text)
    assert [(m.text, only(m).id) for m in ms if m.text == "it"] == [("it", "country:RUS")]   # the pronoun
    got = [(m.text, only(m).id, m.via) for m in ms if m.text != "it"]
    assert got == [("Moscow", "country:RUS", "capital"), ("Islamabad", "country:PAK", "capital"),
                   ("Washington", "country:USA", "capital"), ("Beijing", "country:CHN", "capital"),
                   ("Tehran", "country:IRN", "capital")]


def test_demonyms_name_a_countrys_government_or_sector(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "Russian officials met Pakistani troops and Indian students. "
                                        "The Russians agreed. The letter was in Russian. "
                                        "U.S. and Russian negotiators met. Afghan rebel leaders and Israel's high court spoke."))
    assert only(ms["Russian officials"]).id == "country:RUS"
    troops = only(ms["Pakistani troops"])
    assert (troops.id, troops.sector) == ("org:PAK:military", "MIL")
    students = only(ms["Indian students"])
    assert (students.id, students.kind, students.sector) == ("group:IND:EDU", "group", "EDU")
    assert only(ms["Russians"]).id == "country:RUS"
    assert "Russian" not in ms                    # "in Russian" is the language
    # coordinated: one group naming both countries, so the verb's subject carries both
    assert [a.id for a in ms["U.S. and Russian negotiators"].actors] == ["country:USA", "country:RUS"]
    rebels = only(ms["Afghan rebel leaders"])
    assert (rebels.id, rebels.sector) == ("group:AFG:REB", "REB")
    assert only(ms["Israel's high court"]).sector == "JUD"


def test_country_actor_and_iso3_and_pairs(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "RUS and PAK signed. Pakistan-Russia relations grew. The U.S. watched."))
    rus = only(ms["RUS"])
    assert (rus.id, rus.name, rus.kind, rus.country, rus.sector) == ("country:RUS", "Russia", "country", "RUS", "GOV")
    assert ms["RUS"].via == "iso3"
    assert [a.id for a in ms["Pakistan-Russia"].actors] == ["country:PAK", "country:RUS"]
    assert only(ms["U.S."]).id == "country:USA"
    shouted = resolve(nlp, resolver, "PAK AND RUS TALKS END")
    assert shouted == []


# -- governments, ministries, armed forces, IGOs ------------------------------------------------

def test_ministry_takes_the_dateline_country(nlp, resolver):
    text = "The DPM spoke, the Foreign Office said in a statement."
    fo = only(by_text(resolve(nlp, resolver, text, country="PAK"))["the Foreign Office"])
    assert (fo.id, fo.name, fo.kind, fo.country, fo.sector) == (
        "org:PAK:foreign-ministry", "Ministry of Foreign Affairs (Pakistan)", "government", "PAK", "GOV")
    fo_ru = only(by_text(resolve(nlp, resolver, text, country="RUS"))["the Foreign Office"])
    assert fo_ru.id == "org:RUS:foreign-ministry"


def test_ministries_and_forces_with_their_country(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "Russia's foreign ministry said the Pakistani military and the Pakistan Army "
                                        "were briefed. The Kremlin and the White House declined to comment."))
    assert only(ms["Russia's foreign ministry"]).id == "org:RUS:foreign-ministry"
    mil = only(ms["the Pakistani military"])
    assert (mil.id, mil.kind, mil.sector) == ("org:PAK:military", "military", "MIL")
    assert only(ms["the Pakistan Army"]).id == "org:PAK:army"
    kremlin = only(ms["The Kremlin"])
    assert (kremlin.country, kremlin.sector, kremlin.kind) == ("RUS", "GOV", "government")
    assert only(ms["the White House"]).country == "USA"


def test_adjectival_military_is_not_an_actor(nlp, resolver):
    assert resolve(nlp, resolver, "Military cooperation has also expanded.") == []


@pytest.mark.parametrize("name, key", [("UN", "un"), ("SCO", "sco"), ("NATO", "nato"), ("EU", "eu"),
                                       ("IMF", "imf"), ("BRICS", "brics"), ("IAEA", "iaea")])
def test_international_organisations(nlp, resolver, name, key):
    ms = by_text(resolve(nlp, resolver, f"Officials of the {name} met in Vienna."))
    igo = only(ms[f"the {name}"])
    assert (igo.id, igo.kind, igo.sector, igo.country) == (f"igo:{key}", "igo", "IGO", None)


# -- never actors -------------------------------------------------------------------------------

def test_never_actors(nlp, resolver):
    text = ("Dawn reported the DPM's remarks. LNG supplies and the Pakistan Stream Gas Pipeline project "
            "were discussed. Joint exercises such as Druzhba VII continued. — PID\n\nPublished in Dawn, April 18th, 2025")
    ms = resolve(nlp, resolver, text)
    texts = {m.text for m in ms}
    assert not texts & {"Dawn", "DPM", "LNG", "PID", "Pakistan", "Druzhba VII", "Druzhba"}, texts
    assert all(a.kind != "igo" and a.id != "country:PAK" for m in ms for a in m.actors)


def test_the_outlet_of_the_article_is_never_an_actor(nlp, resolver):
    text = "The Kremlin said it was wrong. Pakistan agreed."
    assert [m.text for m in resolve(nlp, resolver, text, outlet="Kremlin")] == ["Pakistan"]
    assert [m.text for m in resolve(nlp, resolver, text, outlet="Dawn")] == ["The Kremlin", "Pakistan"]


# -- user actors with validity dates ------------------------------------------------------------

def test_user_actors_apply_within_their_term(nlp, tmp_path):
    (tmp_path / "actors.tsv").write_text(
        "name\taliases\tcountry\tsector\tkind\troles\tvalid_from\tvalid_to\n"
        "Zara Qadir\t\tPAK\tGOV\tperson\tPrime Minister\t2030-01-01\t2034-12-31\n"
        "Tehreek-e-Taliban Pakistan\tTTP\tPAK\tREB\tgroup\t\t\t\n", encoding="utf-8")
    resolver = ActorResolver(load_knowledge((str(tmp_path),)))
    text = "Zara Qadir condemned the TTP. Pakistan's prime minister spoke later."
    in_term = by_text(resolve(nlp, resolver, text, published=date(2031, 2, 1)))
    zara = only(in_term["Zara Qadir"])
    assert (zara.country, zara.sector, zara.roles) == ("PAK", "GOV", ["Prime Minister"])
    assert only(in_term["Pakistan's prime minister"]) is zara
    ttp = only(in_term["the TTP"])
    assert (ttp.kind, ttp.sector, ttp.country) == ("group", "REB", "PAK")
    before = by_text(resolve(nlp, resolver, text, published=date(2029, 2, 1)))
    assert only(before["Zara Qadir"]).roles == []            # name and country hold; the role does not
    assert only(before["Pakistan's prime minister"]).name != "Zara Qadir"


# -- the reference article ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def reference(nlp, resolver):
    from dateline.ingest import InputError, read_inputs

    items = list(read_inputs([needs_shared(REFERENCE_ARTICLE)]))
    assert len(items) == 1 and not isinstance(items[0], InputError), items
    article = items[0]
    article.dateline_country = article.dateline_country or "PAK"   # the pipeline sets it from the dateline
    return article, resolver.resolve(nlp(article.text), article)


def actors_of(mentions):
    out = {}
    for m in mentions:
        for a in m.actors:
            out.setdefault(a.id, a)
    return out


def test_reference_people(reference):
    article, ms = reference
    actors = actors_of(ms)
    expected = {
        "person:ishaq-dar": ("Ishaq Dar", "PAK", ["Deputy Prime Minister", "Foreign Minister"]),
        "person:sergei-ryabkov": ("Sergei Ryabkov", "RUS", ["Deputy Foreign Minister"]),
        "person:mikhail-mishustin": ("Mikhail Mishustin", "RUS", ["Prime Minister"]),
        "person:alexei-overchuk": ("Alexei Overchuk", "RUS", ["Deputy Prime Minister"]),
    }
    people = {k: (a.name, a.country, a.roles) for k, a in actors.items() if a.kind == "person"}
    assert people == expected
    assert all(actors[k].sector == "GOV" for k in expected)


def test_reference_mentions(reference):
    article, ms = reference
    def ids(text):
        return [[a.id for a in m.actors] for m in ms if m.text == text]
    assert ids("Foreign Minister Ishaq Dar") == [["person:ishaq-dar"]]
    assert ids("Pakistan’s Deputy Prime Minister and Foreign Minister Ishaq Dar") == [["person:ishaq-dar"]]
    assert ids("The DPM") == [["person:ishaq-dar"]]
    assert ids("Ryabkov") == [["person:sergei-ryabkov"]]
    assert ids("Russia’s Deputy Foreign Minister Sergei Ryabkov") == [["person:sergei-ryabkov"]] * 2
    assert ids("the Foreign Office") == [["org:PAK:foreign-ministry"]]
    assert ids("the two countries") == [["country:PAK", "country:RUS"]] * 2
    assert ids("Pakistan-Russia") == [["country:PAK", "country:RUS"]] * 3


def test_reference_has_no_false_actors(reference):
    article, ms = reference
    texts = {m.text for m in ms}
    assert not texts & {"Dawn", "DPM", "LNG", "PID", "Islamabad", "Moscow", "Druzhba VII"}
    assert not any("Pipeline" in t for t in texts)
    assert set(actors_of(ms)) == {"person:ishaq-dar", "person:sergei-ryabkov", "person:mikhail-mishustin",
                                  "person:alexei-overchuk", "org:PAK:foreign-ministry",
                                  "country:PAK", "country:RUS"}
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    for m in ms:
        assert article.text[m.start:m.end] == m.text


def test_more_title_shapes(nlp, resolver):
    text = ("Kremlin spokesman Dmitry Peskov said Putin would attend. Prime Minister of Pakistan Shehbaz Sharif "
            "agreed. The foreign minister of Russia said so. Kazakh President Kassym-Jomart Tokayev spoke.")
    ms = by_text(resolve(nlp, resolver, text))
    assert only(ms["Kremlin spokesman Dmitry Peskov"]).country == "RUS"
    assert only(ms["Putin"]).id == "person:vladimir-putin"          # a known surname on its own
    sharif = only(ms["Prime Minister of Pakistan Shehbaz Sharif"])
    assert (sharif.country, sharif.roles) == ("PAK", ["Prime Minister"])
    assert only(ms["The foreign minister of Russia"]).name == "Sergei Lavrov"
    tokayev = only(ms["Kazakh President Kassym-Jomart Tokayev"])
    assert (tokayev.id, tokayev.country, tokayev.roles) == ("person:kassym-jomart-tokayev", "KAZ", ["President"])


def test_what_the_ner_mistakes_for_people(nlp, resolver):
    text = ("Troops withdrew behind the Rhine. Biden cancelled the Keystone XL Pipeline. "
            "China promoted the BRI with Ahmed Qureshi.")
    people = {a.name for m in resolve(nlp, resolver, text, country=None) for a in m.actors if a.kind == "person"}
    assert "Rhine" not in people and "Keystone XL Pipeline" not in people and "BRI" not in people
    assert "Ahmed Qureshi" in people


def test_body_of_a_country_named_after_it(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "The Government of India has agreed to set up a centre."))
    assert only(ms["The Government of India"]).id == "org:IND:government"
    assert "India" not in ms


def test_without_dateline_a_body_needs_one_country_in_its_sentence(nlp, resolver):
    text = "The U.S. and the European Union criticised Zimbabwe, where the police and the military cracked down."
    ms = by_text(resolve(nlp, resolver, text, country=None))
    # two countries named: no guess; the bodies are still actors, of unknown country (extractors.agents)
    assert [a.country for a in ms["the police"].actors] == [None]
    assert all(a.country is None for m in ms.values() if m.via == "agent" for a in m.actors)
    ms = by_text(resolve(nlp, resolver, "In Zimbabwe, the police cracked down.", country=None))
    assert only(ms["the police"]).id == "org:ZWE:police"


def test_resolver_travels_to_worker_processes(nlp, resolver):
    import pickle

    copy = pickle.loads(pickle.dumps(resolver))
    text = "Moscow said Pakistan agreed."
    assert [m.text for m in resolve(nlp, copy, text)] == ["Moscow", "Pakistan"]


# -- archive text: historical office holders, titles written around the name ---------------------

ARCHIVE_DAY = date(2000, 1, 1)


def test_historical_office_holders_have_their_country_and_dated_roles(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "Ousted President Askar Akayev has agreed to resign. "
                                        "Tom King spoke.", country=None, published=ARCHIVE_DAY))
    akayev = only(ms["Ousted President Askar Akayev"])
    assert (akayev.country, akayev.roles) == ("KGZ", ["President"])
    king = only(ms["Tom King"])
    assert (king.country, king.roles) == ("GBR", [])          # Defence Secretary only until 1992


def test_one_person_two_countries_follows_the_date(nlp, resolver):
    text = "Eduard Shevardnadze arrived."
    soviet = only(resolve(nlp, resolver, text, country=None, published=date(1988, 5, 1))[0])
    georgian = only(resolve(nlp, resolver, text, country=None, published=date(1999, 5, 1))[0])
    assert (soviet.country, georgian.country) == ("RUS", "GEO")


def test_shared_surname_gives_the_country(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "President Bush has threatened further action against Russia.",
                         country=None, published=ARCHIVE_DAY))
    bush = only(ms["President Bush"])
    assert bush.country == "USA" and bush.id == "person:bush"   # which Bush is not known; the country is


@pytest.mark.parametrize("text, mention, country", [
    ("British Defence Secretary Tom King has promised aid.", "British Defence Secretary Tom King", "GBR"),
    ("Syria offered its troops to Lebanon's new President Elias Hrawi.", "Lebanon's new President Elias Hrawi", "LBN"),
    ("Nigerian junior foreign minister Dubem Oniya complained.", "Nigerian junior foreign minister Dubem Oniya", "NGA"),
    ("French National Assembly president Laurent Fabius held talks.",
     "French National Assembly president Laurent Fabius", "FRA"),
    ("Quatar's emir launched a mediation effort.", "Quatar's emir", "QAT"),
])
def test_country_written_around_the_title(nlp, resolver, text, mention, country):
    ms = by_text(resolve(nlp, resolver, text, country=None, published=ARCHIVE_DAY))
    assert only(ms[mention]).country == country


def test_title_and_country_after_the_name(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "Jan Novak, president of Slovakia, met Ana Silva, Brazil's leading "
                                        "human rights activist, on Monday.", country=None))
    assert only(ms["Jan Novak"]).country == "SVK"
    assert only(ms["Ana Silva"]).country == "BRA"


def test_coordinated_demonyms_make_one_group_of_both_countries(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "Senior Hungarian and Romanian officials agreed on Wednesday. "
                                        "French and Egyptian warships launched war games.", country=None))
    assert [a.id for a in ms["Hungarian and Romanian officials"].actors] == ["country:HUN", "country:ROU"]
    assert [a.id for a in ms["French and Egyptian warships"].actors] == ["org:FRA:military", "org:EGY:military"]


def test_a_demonym_before_a_group_noun_is_no_language(nlp, resolver):
    ms = by_text(resolve(nlp, resolver, "Crimes were committed by Croat forces against civilians.", country=None))
    assert only(ms["Croat forces"]).id == "org:HRV:military"


def test_office_of_a_role_takes_the_country_of_its_holder(nlp, resolver):
    text = ("Prime Minister Shehbaz Sharif met Russian President Vladimir Putin in Astana. "
            "The two leaders talked, the Prime Minister's Office said.")
    ms = by_text(resolve(nlp, resolver, text, country="KAZ", published=date(2024, 7, 4)))
    assert only(ms["the Prime Minister's Office"]).id == "org:PAK:prime-minister-office"


# -- pronouns -------------------------------------------------------------------------------------

def test_subject_pronouns(nlp, resolver):
    text = ("Israeli President Moshe Katsav refused to meet Jordan's King Abdullah II, saying he would only "
            "welcome him in Jerusalem. Hungary said it will support the resolution. "
            "Ivory Coast rebels rejected the plan and said they opposed the force. It is expected to rain.")
    ms = resolve(nlp, resolver, text, country=None, published=ARCHIVE_DAY)
    pronouns = [(m.text, [a.id for a in m.actors], m.via) for m in ms if m.text.lower() in ("he", "it", "they", "him")]
    assert pronouns == [("he", ["person:moshe-katsav"], "coref"), ("him", ["person:abdullah-ii"], "coref"),
                        ("it", ["country:HUN"], "coref"), ("they", ["group:CIV:REB"], "coref")]


def test_object_pronouns_and_pronouns_resolved_before(nlp, resolver):
    text = ("Foreign Minister Ishaq Dar arrived in Moscow on Monday. Reporters waited outside. "
            "Russian officials told him the talks would go on. He said they had been useful.")
    ms = resolve(nlp, resolver, text, country=None, published=date(2025, 4, 17))
    pronouns = [(m.text, [a.id for a in m.actors]) for m in ms if m.text.lower() in ("he", "him")]
    assert pronouns == [("him", ["person:ishaq-dar"]), ("He", ["person:ishaq-dar"])]
    ms = resolve(nlp, resolver, "Her book was banned.", country=None)
    assert not [m for m in ms if m.text == "Her"]                       # a possessive is not read


def test_they_after_two_coordinated_countries(nlp, resolver):
    ms = resolve(nlp, resolver, "Pakistan and Russia met on Monday. They agreed to expand trade.")
    they = [m for m in ms if m.text == "They"]
    assert len(they) == 1 and {a.id for a in they[0].actors} == {"country:PAK", "country:RUS"}


def test_it_was_agreed_is_no_actor(nlp, resolver):
    ms = resolve(nlp, resolver, "Pakistan and Russia met. It was agreed to pursue a long-term partnership.")
    assert not [m for m in ms if m.text == "It"]


# -- never actors: the dateline's wire agency, photo credits, names of things ---------------------

def test_dateline_agency_and_photo_credit_are_not_actors(nlp, resolver):
    text = ("The tanker Pure Point berthed at Karachi port. — Photo: Indus Herald\n\n"
            "ASTANA, July 3 (Eurasia Wire) – Prime Minister Shehbaz Sharif met Eurasia Wire editors. "
            "The drill, named Friendship 2016, began.")
    cap_end = text.index("Herald") + len("Herald")
    start = text.index("ASTANA")
    credit = text.index("Indus Herald")
    article = Article(text=text, outlet="Capital Courier", published=date(2024, 7, 4),
                      dateline_span=TextSpan(start, start + 6, "ASTANA"), story_start=text.index("Prime Minister"),
                      agency="Eurasia Wire",
                      captions=[Caption(0, cap_end, text[:cap_end], TextSpan(credit, cap_end, "Indus Herald"))])
    ms = resolver.resolve(nlp(text), article)
    texts = {m.text for m in ms}
    assert "Prime Minister Shehbaz Sharif" in texts
    assert not any("Eurasia" in t or "Herald" in t or "Pure Point" in t or "Friendship" in t for t in texts), texts


def test_the_two_countries_skip_a_country_code_no_table_declares(nlp, resolver):
    # an actor whose data carries a code absent from the countries table (it used to raise KeyError
    # in the lookup of "the two countries") is left out of the pair, whatever its count
    from collections import Counter

    from dateline.extractors.actors import _Run
    from dateline.model import Actor

    text = "Pakistan and Russia agreed to talk. Trade between the two countries grew."
    run = _Run(resolver, nlp(text), Article(text=text, published=PUBLISHED))
    run.country_refs, run.first_ref = Counter({"PAK": 1, "RUS": 1, "ZZZ": 2}), {"PAK": 0, "RUS": 2, "ZZZ": 1}
    stray = Actor(id="person:someone", name="Someone", kind="person", country="QQQ")
    for i in (0, 2):
        run._add(i, i + 1, [stray], "name")
    run._pairs()
    pair = [m for m in run.mentions if m.via == "coref"]
    assert [a.id for a in pair[0].actors] == ["country:PAK", "country:RUS"]
