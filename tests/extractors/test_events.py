"""Event detection and coding: types, modes, roles, modality, time/place, merging, the reference article."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.extractors.events import merge_article_events
from extractors.event_helpers import (DAR, MISHUSTIN, OVERCHUK, PAK, RUS, RYABKOV, extract, ids,
                                   time_at)

# Two sentences of our own for each of the 16 PLOVER types: (sentence, type, actor, recipient)
TYPE_CASES = [
    ("Pakistan and Russia agreed to expand energy cooperation.", "AGREE", ["country:PAK", "country:RUS"], []),
    ("India pledged to help Ukraine rebuild its power grid.", "AGREE", ["country:IND"], []),
    ("Ishaq Dar met Sergei Ryabkov in Moscow.", "CONSULT", ["person:ishaq-dar"], ["person:sergei-ryabkov"]),
    ("China held talks with India on the border dispute.", "CONSULT", ["country:CHN"], ["country:IND"]),
    ("Russia praised Pakistan for its mediation.", "SUPPORT", ["country:RUS"], ["country:PAK"]),
    ("India and China signed a border agreement.", "SUPPORT", ["country:CHN", "country:IND"], []),
    ("Iran eased restrictions on Ukraine's diplomats.", "CONCEDE", ["country:IRN"], None),
    ("Israel pardoned Iran's detained sailors.", "CONCEDE", ["country:ISR"], ["country:IRN"]),
    ("India and Russia held joint military exercises in the Bay of Bengal.", "COOPERATE",
     ["country:IND", "country:RUS"], []),
    ("Pakistan extradited two suspects to China.", "COOPERATE", ["country:PAK"], ["country:CHN"]),
    ("The United States donated vaccines to Pakistan.", "AID", ["country:USA"], ["country:PAK"]),
    ("China provided emergency aid to Pakistan after the floods.", "AID", ["country:CHN"], ["country:PAK"]),
    ("Israel released 20 prisoners to Iran.", "RETREAT", ["country:ISR"], ["country:IRN"]),
    ("Russia withdrew its troops from Ukraine's border region.", "RETREAT", ["country:RUS"], ["country:UKR"]),
    ("India urged Pakistan to resume talks.", "REQUEST", ["country:IND"], ["country:PAK"]),
    ("China called on the United States to lift tariffs.", "REQUEST", ["country:CHN"], ["country:USA"]),
    ("Iran condemned Israel for the strike.", "ACCUSE", ["country:IRN"], ["country:ISR"]),
    ("Pakistan accused India of violating the treaty.", "ACCUSE", ["country:PAK"], ["country:IND"]),
    ("Russia rejected Ukraine's proposal.", "REJECT", ["country:RUS"], ["country:UKR"]),
    ("Iran refused to release the Israel-bound ship.", "REJECT", ["country:IRN"], None),
    ("Iran threatened to attack Israel.", "THREATEN", ["country:IRN"], ["country:ISR"]),
    ("The United States warned China against any blockade.", "THREATEN", ["country:USA"], ["country:CHN"]),
    ("Thousands of protesters demonstrated against the United States in Islamabad.", "PROTEST",
     ["group:PAK:protesters"], ["country:USA"]),
    ("Protesters protested against India's new laws in New Delhi.", "PROTEST", ["group:PAK:protesters"], None),
    ("The United States imposed sanctions on Iran.", "SANCTION", ["country:USA"], ["country:IRN"]),
    ("Pakistan expelled India's diplomats.", "SANCTION", ["country:PAK"], ["country:IND"]),
    ("Russia deployed troops near Ukraine's border.", "MOBILIZE", ["country:RUS"], None),
    ("China mobilized warships near Taiwan.", "MOBILIZE", ["country:CHN"], None),
    ("Police arrested 30 protesters in Islamabad.", "COERCE", ["org:PAK:police"], ["group:PAK:protesters"]),
    ("Iran detained two Israel-linked sailors.", "COERCE", ["country:IRN"], None),
    ("Israel attacked Iran's nuclear sites.", "ASSAULT", ["country:ISR"], ["country:IRN"]),
    ("Russia shelled Ukraine's eastern towns.", "ASSAULT", ["country:RUS"], ["country:UKR"]),
]


def test_type_cases_cover_all_16_types_twice():
    from dateline.ontology import EVENT_TYPES
    counts = {t: sum(1 for _, typ, _, _ in TYPE_CASES if typ == t) for t in EVENT_TYPES}
    assert all(n >= 2 for n in counts.values()), counts


@pytest.mark.parametrize("text,etype,actors,recipients", TYPE_CASES, ids=[c[0][:40] for c in TYPE_CASES])
def test_event_types(nlp, text, etype, actors, recipients):
    events = extract(nlp, text)
    assert [e.type for e in events] == [etype]
    ev = events[0]
    assert ids(ev.actors) == actors
    if recipients is not None:
        assert ids(ev.recipients) == recipients
    from dateline import ontology
    assert ev.quad_class == ontology.quad_class(etype)
    assert ev.plover_score == ontology.score(etype, ev.mode)
    assert ev.goldstein == ontology.goldstein(ev.cameo)


def test_coding_fields_and_evidence(nlp):
    text = "Israel released 20 prisoners to Iran."
    ev = extract(nlp, text)[0]
    assert (ev.mode, ev.cameo, ev.quad_class) == ("release", "0841", 2)
    assert ev.plover_score == 6.5 and ev.goldstein == 7.0
    m = ev.mentions[0]
    assert text[m.trigger.start:m.trigger.end] == "released"
    assert [text[s.start:s.end] for s in m.actors] == ["Israel"]
    assert [text[s.start:s.end] for s in m.recipients] == ["Iran"]
    assert ev.id.startswith("evt-") and ev.id == extract(nlp, text)[0].id   # deterministic


# ---- modes and roles

def test_visit_mode_visitor_acts_host_receives(nlp):
    ev = extract(nlp, "Sergei Ryabkov visited Islamabad for consultations.")[0]
    assert (ev.type, ev.mode, ev.cameo) == ("CONSULT", "visit", "042")
    assert ids(ev.actors) == ["person:sergei-ryabkov"] and ids(ev.recipients) == ["country:PAK"]


def test_hosting_swaps_roles(nlp):
    ev = extract(nlp, "China hosted Ishaq Dar in Beijing.")[0]
    assert (ev.type, ev.mode, ev.cameo) == ("CONSULT", "visit", "043")
    assert ids(ev.actors) == ["person:ishaq-dar"] and ids(ev.recipients) == ["country:CHN"]


def test_meeting_between_two_people_in_one_country_is_a_visit_by_the_other(nlp):
    ev = extract(nlp, "The understanding was reached during a meeting between Sergei Ryabkov and Ishaq Dar in Islamabad.")
    consult = [e for e in ev if e.type == "CONSULT"]
    assert len(consult) == 1
    assert ids(consult[0].actors) == ["person:sergei-ryabkov"] and ids(consult[0].recipients) == ["person:ishaq-dar"]
    assert consult[0].mode == "visit" and consult[0].place.name == "Islamabad"


def test_phone_mode(nlp):
    ev = extract(nlp, "Ishaq Dar telephoned Sergei Ryabkov on Monday.")[0]
    assert (ev.type, ev.mode, ev.cameo) == ("CONSULT", "phone", "041")


def test_compound_subject_is_reciprocal(nlp):
    ev = extract(nlp, "Pakistan and Russia agreed to expand energy cooperation.")[0]
    assert ids(ev.actors) == ["country:PAK", "country:RUS"] and ev.recipients == []


def test_two_visitors_two_events_in_one_sentence(nlp):
    text = ("High-level visits from Russia, including Prime Minister Mikhail Mishustin and Deputy Prime "
            "Minister Alexei Overchuk's trips to Islamabad in 2024, have reinforced ties.")
    events = extract(nlp, text, times=lambda d: [time_at(d, "2024", "2024", "year", date(2024, 1, 1),
                                                         date(2024, 12, 31))])
    assert [(e.type, e.mode, ids(e.actors), ids(e.recipients)) for e in events] == [
        ("CONSULT", "visit", ["person:mikhail-mishustin"], ["country:PAK"]),
        ("CONSULT", "visit", ["person:alexei-overchuk"], ["country:PAK"])]
    assert {e.time.value for e in events} == {"2024"}
    assert len({e.id for e in events}) == 2


def test_several_event_types_in_one_sentence(nlp):
    events = extract(nlp, "Iran condemned Israel and Russia rejected Ukraine's proposal.")
    assert sorted(e.type for e in events) == ["ACCUSE", "REJECT"]


def test_nominal_event_inherits_the_sentence_subject(nlp):
    text = "The Pakistan-Russia commission met in Moscow and resulted in the signing of eight agreements."
    events = extract(nlp, text)
    sign = next(e for e in events if e.type == "SUPPORT")
    assert sign.cameo == "057" and sign.quantity == 8
    assert ids(sign.actors) == ["country:PAK", "country:RUS"]


def test_embedded_verb_is_content_not_a_second_event(nlp):
    events = extract(nlp, "Pakistan and Russia agreed to pursue talks on energy.")
    assert [e.type for e in events] == ["AGREE"]


# ---- modality

def test_negation_is_kept_and_flagged(nlp):
    ev = extract(nlp, "Pakistan did not agree to the Indian proposal.")[0]
    assert ev.type == "AGREE" and ev.negated is True


def test_future_cooperation_is_coded_as_intent(nlp):
    ev = extract(nlp, "Ishaq Dar will visit Moscow next month.")[0]
    assert ev.future is True and ev.type == "AGREE" and ev.cameo == "036"
    ev = extract(nlp, "India is expected to condemn Pakistan.")[0]
    assert ev.future is True and ev.type == "ACCUSE"


def test_hypothetical_attack_is_a_threat(nlp):
    # PLOVER manual 2.3: "THREATEN could be ASSAULT + hypothetical" -> the single category
    ev = extract(nlp, "Iran could attack Israel if talks fail.")[0]
    assert (ev.type, ev.mode, ev.cameo, ev.hypothetical) == ("THREATEN", "violence", "138", True)
    assert ids(ev.actors) == ["country:IRN"] and ids(ev.recipients) == ["country:ISR"]


def test_announced_sanction_stays_a_sanction_and_a_hypothetical_one_is_a_threat(nlp):
    # an announced cut-off is the decision itself, flagged future (counted apart as announced);
    # only a conditional or speculative one is a threat
    ev = extract(nlp, "Pakistan will expel India's diplomats.")[0]
    assert (ev.type, ev.mode, ev.future) == ("SANCTION", "expel", True)
    ev = extract(nlp, "Pakistan said it would stop sending weapons to India.")[0]
    assert (ev.type, ev.cameo, ev.future, ev.hypothetical) == ("SANCTION", "162", True, False)
    ev = extract(nlp, "Pakistan could expel India's diplomats.")[0]
    assert (ev.type, ev.mode, ev.hypothetical) == ("THREATEN", "expel", True)
    ev = extract(nlp, "Pakistan expelled India's diplomats.")[0]
    assert (ev.type, ev.mode) == ("SANCTION", "expel")


def test_future_protest_is_a_threat(nlp):
    ev = extract(nlp, "Protesters said they would blockade the roads into Islamabad.")[0]
    assert (ev.type, ev.mode) == ("THREATEN", "restrict")


def test_historical_from_time(nlp):
    events = extract(nlp, "India attacked Pakistan in 1998.",
                     times=lambda d: [time_at(d, "1998", "1998", "year", date(1998, 1, 1), date(1998, 12, 31))])
    assert events[0].historical is True and events[0].time.value == "1998"


# ---- time and place

def test_present_tense_uses_publication_date_explicitly(nlp):
    ev = extract(nlp, "Sergei Ryabkov is visiting Islamabad.")[0]
    assert ev.time.source == "publication_date" and ev.time.value == "2025-04-18"


def test_perfect_tense_without_time_stays_undated(nlp):
    ev = extract(nlp, "India and Russia have held joint exercises.")[0]
    assert ev.type == "COOPERATE"
    assert ev.time.source == "none" and ev.time.value is None and ev.time.fallback == date(2025, 4, 18)
    assert ev.place is None


def test_time_in_sentence_wins_and_place_is_nearest(nlp):
    text = "Pakistan and Russia held talks in Moscow last year."
    events = extract(nlp, text, times=lambda d: [time_at(d, "last year", "2024", "year",
                                                         date(2024, 1, 1), date(2024, 12, 31))])
    assert events[0].time.value == "2024" and events[0].place.name == "Moscow"
    assert events[0].mentions[0].time.text == "last year"


# ---- no events

@pytest.mark.parametrize("text", [
    "Pakistan-Russia relations have seen significant growth in recent years.",
    "The bilateral agenda has expanded rapidly to include economic, military, and energy collaboration.",
    "Pakistan said on Monday that the weather was fine.",
    "The attack killed five people.",
    "Bilateral trade was supported by progress in energy cooperation.",
])
def test_no_event_statements(nlp, text):
    assert extract(nlp, text) == []


# ---- contexts, dimensions, merging

def test_dimensions_and_contexts(nlp):
    text = ("Pakistan and Russia agreed to pursue a partnership spanning trade, energy, security, culture, "
            "education and people-to-people exchanges.")
    ev = extract(nlp, text)[0]
    assert ev.dimensions == ["trade", "energy", "security", "culture", "education", "people-to-people"]
    assert "diplomatic" in ev.contexts and "economic" in ev.contexts


def test_caption_and_body_are_one_event(nlp):
    text = ("Ishaq Dar meets with Sergei Ryabkov in Islamabad, April 17, 2025.\n\n"
            "The understanding was reached during a meeting between Sergei Ryabkov and Ishaq Dar in Islamabad.")
    events = extract(nlp, text, times=lambda d: [time_at(d, "April 17, 2025", "2025-04-17", "day",
                                                         date(2025, 4, 17), date(2025, 4, 17))])
    consult = [e for e in events if e.type == "CONSULT"]
    assert len(consult) == 1 and len(consult[0].mentions) == 2
    assert consult[0].time.value == "2025-04-17"
    assert ids(consult[0].actors) == [RYABKOV.id] and ids(consult[0].recipients) == [DAR.id]


def test_merge_keeps_different_people_apart(nlp):
    text = "Mikhail Mishustin visited Islamabad. Alexei Overchuk visited Islamabad."
    events = extract(nlp, text)
    assert sorted(ids(e.actors)[0] for e in events) == sorted([MISHUSTIN.id, OVERCHUK.id])
    assert merge_article_events(events) == events


def test_reference_article_events(pipeline, needs_reference):
    from dateline.ingest import read_text
    article = read_text(needs_reference.read_text(encoding="utf-8"))
    events = pipeline.extract(article).events

    def find(etype, actor_ids, pred=lambda e: True):
        return [e for e in events if e.type == etype and set(actor_ids) <= {a.id for a in e.actors}
                and pred(e)]

    visit = find("CONSULT", [RYABKOV.id])
    assert visit and visit[0].mode == "visit" and visit[0].time.value == "2025-04-17"
    agree = find("AGREE", [PAK.id, RUS.id], lambda e: e.time.value == "2025-04-17")
    assert agree and {"trade", "energy", "people-to-people"} <= set(agree[0].dimensions)
    assert find("AGREE", [DAR.id], lambda e: RUS.id in {r.id for r in e.recipients})
    assert find("CONSULT", [PAK.id, RUS.id], lambda e: e.time.value == "2024" and e.cameo == "046")
    assert find("CONSULT", [PAK.id, RUS.id], lambda e: e.place is not None and e.place.name == "Moscow")
    sign = find("SUPPORT", [PAK.id, RUS.id], lambda e: e.cameo == "057")
    assert sign and sign[0].quantity == 8 and sign[0].time.value == "2024"
    assert find("CONSULT", [MISHUSTIN.id], lambda e: e.time.value == "2024")
    assert find("CONSULT", [OVERCHUK.id], lambda e: e.time.value == "2024")
    coop = find("COOPERATE", [PAK.id, RUS.id], lambda e: e.cameo == "062")
    assert coop and coop[0].time.value is None and "terrorism" in coop[0].contexts
    assert not [e for e in events if e.time and e.time.value == "2025-04-18" and e.time.source == "text"]
    assert len(events) <= 10


@pytest.fixture
def needs_reference():
    from shared_data import REFERENCE_ARTICLE, needs_shared
    return needs_shared(REFERENCE_ARTICLE)


# ---- lexicon growth: senses from general English, one sentence of our own each

LEXICON_CASES = [
    ("Police beat protesters in Islamabad.", "ASSAULT", "beat"),
    ("Police sexually abused protesters in custody.", "ASSAULT", "sexual"),
    ("Russia launched an offensive against Ukraine.", "ASSAULT", None),
    ("Russia launched missiles at Ukraine's capital.", "ASSAULT", "heavy-weapons"),
    ("Israel blew up Iran's radar station.", "ASSAULT", "explosives"),
    ("Protesters staged demonstrations against the United States.", "PROTEST", "demo"),
    ("Protesters blocked roads into Islamabad.", "PROTEST", "obstruct"),
    ("Iran vowed to punish Israel.", "THREATEN", "violence"),
    ("The United States pressed Pakistan to release the prisoners.", "REQUEST", None),
    ("India declared that Pakistan must end its support for militants.", "REQUEST", None),
    ("Iran declined to release the sailors.", "REJECT", None),
    ("Pakistan dismissed India's appeal.", "REJECT", None),
    ("Police relaxed the curfew in Islamabad.", "CONCEDE", None),
    ("Russia strengthened its forces near Ukraine's border.", "MOBILIZE", "troops"),
    ("Israel reimposed the blockade on Iran's ships.", "COERCE", "restrict"),
    ("Russia and Pakistan upgraded their ties.", "SUPPORT", None),
    ("China evacuated the wounded from Pakistan's flooded valleys.", "AID", None),
    ("India halted aid to Pakistan.", "SANCTION", "discontinue"),
]


@pytest.mark.parametrize("text,etype,mode", LEXICON_CASES, ids=[c[0][:40] for c in LEXICON_CASES])
def test_lexicon_senses(nlp, text, etype, mode):
    events = extract(nlp, text)
    assert [(e.type, e.mode) for e in events] == [(etype, mode)]


def test_calling_someone_something_is_no_phone_call(nlp):
    # "called X a threat / a liar" is an accusation (ACCUSE 111), never a phone call
    [ev] = extract(nlp, "Pakistan called India a threat to peace.")
    assert (ev.type, ev.cameo, ev.mode) == ("ACCUSE", "111", None)
    assert extract(nlp, "Pakistan called India a partner.") == []    # a label that accuses no one


def test_helped_by_participle_is_no_aid(nlp):
    assert extract(nlp, "Exports rose, helped by Russia's purchases.") == []


# ---- roles

def test_speaker_pronoun_takes_the_speaker(nlp):
    ev = extract(nlp, "India said it had expelled Pakistan's diplomats.")[0]
    assert ev.type == "SANCTION" and ids(ev.actors) == ["country:IND"] and ids(ev.recipients) == ["country:PAK"]


def test_willing_to_climbs_to_the_clause_subject(nlp):
    ev = extract(nlp, "Russia says it is willing to meet Ukraine.")[0]
    assert (ev.type, ev.future) == ("AGREE", True) and ids(ev.actors) == ["country:RUS"]


def test_second_subject_of_a_dateline_clause(nlp):
    # the parser hangs a dateline word and the real subject on one verb
    ev = extract(nlp, "ISLAMABAD, May 2 – Pakistan accused India on Tuesday of spying.")[0]
    assert ev.type == "ACCUSE" and ids(ev.actors) == ["country:PAK"] and ids(ev.recipients) == ["country:IND"]


def test_demand_that_clause_subject_is_the_recipient(nlp):
    ev = extract(nlp, "Pakistan demanded that India withdraw its troops.")[0]
    assert ev.type == "REQUEST" and ids(ev.recipients) == ["country:IND"]


def test_body_placed_in_a_country(nlp):
    ev = extract(nlp, "Opposition groups in Pakistan demanded new elections.")[0]
    assert ev.type == "REQUEST" and ids(ev.actors) == ["country:PAK"]


# ---- content, restatement and background

def test_event_noun_inside_a_speech_act_is_its_content(nlp):
    events = extract(nlp, "Pakistan rejected India's call for economic aid.")
    assert [e.type for e in events] == ["REJECT"]
    events = extract(nlp, "Iran accused Israel of sabotaging the negotiations.")
    assert [e.type for e in events] == ["ACCUSE"]


def test_noun_restating_the_verb_event(nlp):
    events = extract(nlp, "Ishaq Dar met Sergei Ryabkov in Moscow, their first meeting this year.")
    assert [e.type for e in events] == ["CONSULT"]


def test_purpose_and_consequence_clauses(nlp):
    events = extract(nlp, "Protesters began a hunger strike to protest the arrests.")
    assert [e.type for e in events] == ["PROTEST"]
    events = extract(nlp, "Russia shelled Ukraine's border towns, killing ten people.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_vow_to_fight_is_one_threat(nlp):
    events = extract(nlp, "Pakistan vowed to fight India until the end.")
    assert [(e.type, e.mode) for e in events] == [("THREATEN", "violence")]


def test_earlier_event_named_as_time_is_background(nlp):
    events = extract(nlp, "India and China agreed to a ceasefire after two days of fighting.")
    assert [e.type for e in events] == ["AGREE"]
    events = extract(nlp, "Russia offered to negotiate with Ukraine following the invasion.")
    assert [e.type for e in events] == ["AGREE"]


def test_noun_used_as_a_modifier_is_no_event(nlp):
    events = extract(nlp, "The United States withdrew its invasion forces from Iran.")
    assert [e.type for e in events] == ["RETREAT"]


def test_agentless_conference_as_a_setting_has_no_parties(nlp):
    events = extract(nlp, "Pakistan and Russia reached a deal on the second day of a conference.")
    assert [e.type for e in events] == ["AGREE"]


def test_time_of_a_since_clause_belongs_to_that_clause(nlp):
    text = "Ishaq Dar met Sergei Ryabkov, their first meeting since Pakistan won the vote in May."
    events = extract(nlp, text, times=lambda d: [time_at(d, "May", "2025-05", "month",
                                                         date(2025, 5, 1), date(2025, 5, 31))])
    assert events and all(e.time.value != "2025-05" for e in events)


def test_tell_to_is_a_request_tell_that_is_not(nlp):
    assert [e.type for e in extract(nlp, "India told Pakistan to withdraw its troops.")] == ["REQUEST"]
    assert extract(nlp, "India told Pakistan that trade had grown.") == []


def test_material_act_in_a_foreign_place_targets_that_country(nlp):
    ev = extract(nlp, "Pakistan evacuated the wounded from a hospital in Beijing.")[0]
    assert ev.type == "AID" and ids(ev.recipients) == ["country:CHN"]
    # at home: no self-directed recipient
    ev = extract(nlp, "Pakistan evacuated the wounded from a hospital in Islamabad.")[0]
    assert ev.recipients == []


def test_recipient_nested_in_a_prepositional_object(nlp):
    ev = extract(nlp, "China called for sanctions against Israel.")[0]
    assert ev.type == "REQUEST" and ids(ev.recipients) == ["country:ISR"]


def test_recipient_of_a_demand_noun_with_a_that_clause(nlp):
    ev = extract(nlp, "Pakistan repeated its demand that India withdraw its troops.")[0]
    assert ev.type == "REQUEST" and ids(ev.recipients) == ["country:IND"]


def test_context_only_keywords_tag_contexts_not_sectors(nlp):
    ev = extract(nlp, "Police arrested the opposition candidate before the election.")[0]
    assert {"election", "political_institutions"} <= set(ev.contexts)
    assert "election" not in ev.dimensions and ev.dimensions == []


# Places and recipients through the full pipeline (real actor resolver and gazetteer).
def _events(pipeline, text):
    from dateline.model import Article
    return pipeline.extract(Article(text=text, published=date(2000, 1, 7))).events


def _one(pipeline, text, etype):
    found = [e for e in _events(pipeline, text) if e.type == etype]
    assert len(found) == 1, [(e.type, e.trigger) for e in _events(pipeline, text)]
    return found[0]


def _countries(actors):
    return sorted(a.country for a in actors)


@pytest.mark.parametrize("text, etype, place, recipients", [
    # a country named after "in" is the place; an act done there with no named target aims at it
    ("Serbia lifted a night curfew in Montenegro.", "CONCEDE", "MNE", ["MNE"]),
    # a city resolves through the gazetteer; a domestic curfew is aimed at the country itself
    ("President Abdelaziz Bouteflika threatened to impose a curfew in Algiers.", "THREATEN", "DZA", ["DZA"]),
    # "in the capital city of X", "the Bosnian town of X"
    ("Algerian students blocked roads in the capital city of Algiers.", "PROTEST", "DZA", None),
    ("United Nations helicopters evacuated the wounded from the Bosnian town of Gorazde.", "AID", "BIH", ["BIH"]),
    # the place in the trigger's own clause, not the nearer one in another clause
    ("Serbia eased emergency measures in Montenegro as authorities in Croatia cracked down on rebels.",
     "CONCEDE", "MNE", ["MNE"]),
])
def test_event_place_and_place_as_target(pipeline, text, etype, place, recipients):
    ev = _one(pipeline, text, etype)
    assert ev.place is not None and ev.place.country == place
    if recipients is not None:
        assert _countries(ev.recipients) == recipients


def test_party_named_after_in_is_also_the_place(pipeline):
    ev = _one(pipeline, "Security forces in Guinea have tortured scores of refugees.", "ASSAULT")
    assert _countries(ev.actors) == ["GIN"] and ev.place.country == "GIN"


def test_visit_place_is_the_destination(pipeline):
    ev = _one(pipeline, "Pakistan's prime minister visited Moscow on Tuesday.", "CONSULT")
    assert ev.place.country == "RUS" and _countries(ev.recipients) == ["RUS"]


@pytest.mark.parametrize("text, etype, actors, recipients", [
    ("Germany accused Poland of breaking the agreement.", "ACCUSE", ["DEU"], ["POL"]),
    ("France urged Italy to reopen the border.", "REQUEST", ["FRA"], ["ITA"]),
    ("Japan warned North Korea over its missile tests.", "THREATEN", ["JPN"], ["PRK"]),
    ("Britain criticised Iran for the arrests.", "ACCUSE", ["GBR"], ["IRN"]),
    ("Egypt demanded that Israel withdraw its troops.", "REQUEST", ["EGY"], ["ISR"]),
    ("Turkey called on Greece to resume talks.", "REQUEST", ["TUR"], ["GRC"]),
    ("Chile protested against Argentina's decision.", "PROTEST", ["CHL"], ["ARG"]),
    ("Norway gave Sweden a loan.", "AID", ["NOR"], ["SWE"]),                          # indirect object
    ("A Kenyan village was attacked by Somali militants.", "ASSAULT", ["SOM"], ["KEN"]),  # passive agent
    # the owner of an object that names no party itself
    ("A camp for Congolese refugees was attacked by Burundian militiamen.", "ASSAULT", ["BDI"], ["COD"]),
    ("Germany rejected calls by Belarus for economic aid.", "REJECT", ["DEU"], ["BLR"]),
    # parties inside a noun trigger's object, and through "part of ... for"
    ("Italy announced a suspension of air links with Serbia.", "SANCTION", ["ITA"], ["SRB"]),
    ("The United States suspended part of a military aid program for Bosnia.", "SANCTION", ["USA"], ["BIH"]),
    # a threat's condition names its target
    ("Russia threatened to stop negotiations if the United States deploys new missiles.", "THREATEN",
     ["RUS"], ["USA"]),
    ("Syria threatened to close the border unless Jordan expels the rebels.", "THREATEN", ["SYR"], ["JOR"]),
])
def test_recipient_patterns(pipeline, text, etype, actors, recipients):
    ev = _one(pipeline, text, etype)
    assert _countries(ev.actors) == actors
    assert _countries(ev.recipients) == recipients


def test_time_in_the_triggers_own_clause_beats_a_nearer_one_in_a_coordinated_clause(pipeline):
    from dateline.model import Article

    text = ("Turkey had brokered the grain agreement with the United Nations in 2022, "
            "and Russia pulled out of it in July.")
    result = pipeline.extract(Article(text=text, published=date(2023, 9, 4)))
    [retreat] = [e for e in result.events if e.type == "RETREAT"]
    assert (retreat.time.value, retreat.time.granularity) == ("2023-07", "month")


def test_speaker_of_a_report_is_not_a_party_of_the_meeting_it_mentions(pipeline):
    text = ("Foreign Minister Ishaq Dar met Chinese Foreign Minister Wang Yi in Beijing on Monday. "
            "The two ministers talked about trade, energy and transport, the Pakistani foreign ministry "
            "said in a statement after the meeting.")
    events = _events(pipeline, text)
    assert [e.type for e in events] == ["CONSULT"]
    assert all(a.kind != "government" for e in events for a in e.actors), [e.actors for e in events]


def test_speech_act_takes_the_dateline_place_not_its_topic(pipeline):
    from dateline.model import Article

    text = "BEIJING, May 3 (Eurasia Wire) – China accused Japan on Tuesday of interfering in Taiwan's internal affairs."
    result = pipeline.extract(Article(text=text, published=date(2025, 5, 6), dateline="Beijing"))
    [accuse] = [e for e in result.events if e.type == "ACCUSE"]
    assert accuse.place is not None and accuse.place.country == "CHN", accuse.place


def test_organisation_naming_only_the_setting_is_not_the_party(pipeline):
    text = ("Foreign Minister Ishaq Dar met Chinese Foreign Minister Wang Yi in Beijing on Monday. "
            "The ministers last met in Tashkent in March 2021, also at an SCO summit.")
    events = _events(pipeline, text)
    assert events and all(a.kind not in ("igo", "organization") for e in events
                          for a in [*e.actors, *e.recipients]), [(e.type, e.actors, e.recipients) for e in events]


def test_person_spoken_to_is_the_recipient_of_the_reported_act(pipeline):
    from dateline.model import Article

    text = ("Sharif told Putin that Pakistan wanted to expand energy cooperation with Russia "
            "and welcomed plans for more direct flights.")
    events = pipeline.extract(Article(text=text, published=date(2024, 7, 4))).events
    welcomed = [e for e in events if e.trigger.startswith("welcome")]
    assert welcomed, [(e.type, e.trigger) for e in events]
    assert "Vladimir Putin" in {a.name for a in welcomed[0].recipients}
