"""Facts: quantities reported about actors and dyads (dateline.extractors.facts)."""
from __future__ import annotations

from datetime import date

import pytest

from shared_data import REFERENCE_ARTICLE, needs_shared
from dateline.extractors import sentence_index_of
from dateline.extractors.facts import FactExtractor, parse_number
from dateline.extractors.time import TimeResolver
from dateline.model import Actor, ActorMention, Article

PUBLISHED = date(2025, 4, 18)
COUNTRIES = {"Pakistan": "PAK", "Russia": "RUS", "India": "IND", "Japan": "JPN", "China": "CHN"}


def country_mentions(doc) -> list[ActorMention]:
    """Hand-made actor mentions (country names only), standing in for the actor resolver."""
    out = []
    for ent in doc.ents:
        iso3 = COUNTRIES.get(ent.text)
        if ent.label_ == "GPE" and iso3:
            out.append(ActorMention([Actor(f"country:{iso3}", ent.text, "country", iso3)],
                                    ent.start_char, ent.end_char, ent.text,
                                    sentence_index_of(doc, ent.start), ent.start, ent.end))
    return out


@pytest.fixture(scope="module")
def extractor():
    from dateline.knowledge import load_knowledge
    return FactExtractor(load_knowledge())


def extract(nlp, extractor, text, published=PUBLISHED):
    doc = nlp(text)
    article = Article(text=text, published=published)
    return extractor.extract(doc, article, country_mentions(doc), TimeResolver().find(doc, article))


def summary(fact):
    return (fact.indicator, fact.value, fact.unit, fact.qualifier,
            fact.period.value if fact.period else None, sorted(a.country for a in fact.subjects))


@pytest.mark.parametrize("text, number, mult, value", [
    ("1,000", None, None, 1000), ("1.5", "bn", None, 1.5e9), ("eight", None, None, 8),
    ("a dozen", None, None, 12), ("twenty-five", None, None, 25), ("20", "billion", None, 2e10),
    ("two and a half", "million", None, 2.5e6), ("eight-twenty", None, None, None), ("hundred", None, None, None),
])
def test_parse_number(text, number, mult, value):
    assert parse_number(text, number) == value


def test_reference_article_facts(nlp, extractor):
    text = needs_shared(REFERENCE_ARTICLE).read_text(encoding="utf-8")
    facts = {f.indicator: f for f in extract(nlp, extractor, text)}
    assert set(facts) == {"trade_volume", "agreements_signed"}
    trade = facts["trade_volume"]
    assert summary(trade) == ("trade_volume", 1e9, "USD", "more_than", "2024", ["PAK", "RUS"])
    assert trade.period.granularity == "year"
    assert trade.evidence.trigger.text == "crossed the $1 billion"
    assert text[trade.evidence.trigger.start:trade.evidence.trigger.end] == trade.evidence.trigger.text
    assert trade.evidence.sentence.startswith("In 2024, bilateral trade")
    agreements = facts["agreements_signed"]
    assert summary(agreements) == ("agreements_signed", 8, "count", None, "2024", ["PAK", "RUS"])
    assert agreements.evidence.trigger.text == "eight agreements"
    assert agreements.period.span.text == "last year"


def test_fact_ids_are_stable(nlp, extractor):
    text = "In 2024, bilateral trade between Pakistan and Russia crossed the $1 billion mark."
    first = [f.id for f in extract(nlp, extractor, text)]
    assert first == [f.id for f in extract(nlp, extractor, text)] and first[0].startswith("fact-")


@pytest.mark.parametrize("text, expected", [
    ("Militants killed 12 people in Quetta on Monday.",
     [("casualties", 12, "people", None, "2025-04-14", [])]),
    ("The blast killed at least seven people and injured 30 others.",
     [("casualties", 7, "people", "at_least", None, []), ("injuries", 30, "people", None, None, [])]),
    ("Japan pledged $1.5bn in aid to Pakistan last year.",
     [("aid", 1.5e9, "USD", None, "2024", ["JPN", "PAK"])]),
    ("The IMF approved a loan of Rs 20 billion for Pakistan.",
     [("aid", 2e10, "PKR", None, None, ["PAK"])]),
    ("The EU gave over €3 million in humanitarian assistance.",
     [("aid", 3e6, "EUR", "more_than", None, [])]),
    ("Trade between India and China stood at about $2.5 billion in 2023.",
     [("trade_volume", 2.5e9, "USD", "about", "2023", ["CHN", "IND"])]),
    ("Pakistan and China signed a dozen MoUs on Tuesday.",
     [("agreements_signed", 12, "count", None, "2025-04-15", ["CHN", "PAK"])]),
    ("Bilateral trade is expected to reach nearly $5 billion next year.",
     [("trade_volume", 5e9, "USD", "less_than", "2026", [])]),
    ("The 15th round of talks on the 9th session was held in 2024.", []),
    ("Pakistan has 20 agreements with Russia.", []),       # no signing: not agreements_signed
])
def test_sentence_facts(nlp, extractor, text, expected):
    assert [summary(f) for f in extract(nlp, extractor, text)] == expected


def test_bilateral_uses_the_two_main_countries(nlp, extractor):
    text = ("Pakistan and Russia held talks. Russia offered support to Pakistan. "
            "Bilateral trade crossed $1 billion last year.")
    (fact,) = extract(nlp, extractor, text)
    assert sorted(a.id for a in fact.subjects) == ["country:PAK", "country:RUS"]
    assert fact.evidence.sentence_index == 2 and fact.period.value == "2024"


def test_subjects_name_each_actor_and_country_once(nlp, extractor):
    text = "Indian troops and Chinese troops clashed near the border, and India and China said 20 soldiers were killed."
    doc = nlp(text)
    army = {"IND": Actor("org:IND:military", "Indian Army", "organization", "IND"),
            "CHN": Actor("org:CHN:military", "Chinese army", "organization", "CHN")}
    mentions = country_mentions(doc)
    for word, iso3 in (("Indian troops", "IND"), ("Chinese troops", "CHN")):
        start = text.index(word)
        span = doc.char_span(start, start + len(word))
        # each army mentioned twice, as the resolver may do for a repeated name
        mentions += [ActorMention([army[iso3], army[iso3]], start, start + len(word), word,
                                  sentence_index_of(doc, span.start), span.start, span.end)]
    mentions.sort(key=lambda m: m.start)
    facts = extractor.extract(doc, Article(text=text, published=PUBLISHED), mentions,
                              TimeResolver().find(doc, Article(text=text, published=PUBLISHED)))
    (fact,) = [f for f in facts if f.indicator == "casualties"]
    assert [a.id for a in fact.subjects] == ["org:IND:military", "org:CHN:military"]
    assert len({a.country for a in fact.subjects}) == len(fact.subjects)


# -- targets are not measured values --

def test_a_goal_is_a_target_not_a_trade_volume(nlp, extractor):
    facts = extract(nlp, extractor, "Trade between Russia and China stands at about $62 billion a year, and the "
                                    "leaders repeated their goal of raising it to $100 billion.")
    by_value = {f.value: f for f in facts}
    assert by_value[62e9].indicator == "trade_volume"
    assert by_value[62e9].qualifier == "about"
    assert by_value[100e9].indicator == "trade_volume_target"
    assert "trade_volume" not in {f.indicator for f in facts if f.value == 100e9}


@pytest.mark.parametrize("text", [
    "Pakistan and Russia aim to raise bilateral trade to $5 billion by 2030.",
    "Pakistan and Russia set a target of $5 billion in bilateral trade.",
    "Pakistan and Russia plan to boost trade to $5 billion.",
])
def test_target_phrases(nlp, extractor, text):
    [fact] = [f for f in extract(nlp, extractor, text) if f.value == 5e9]
    assert fact.indicator == "trade_volume_target"


def test_an_actual_figure_stays_actual(nlp, extractor):
    [fact] = extract(nlp, extractor, "In 2024, bilateral trade between Pakistan and Russia crossed the $1 billion mark.")
    assert (fact.indicator, fact.qualifier) == ("trade_volume", "more_than")


def test_users_add_goal_phrases(nlp, tmp_path):
    from dataclasses import replace

    from dateline.knowledge import load_knowledge
    text = "Pakistan and Russia dream of bilateral trade of $5 billion."
    kb = load_knowledge()
    [before] = FactExtractor(kb).extract(*_parts(nlp, text))
    assert before.indicator == "trade_volume"
    (tmp_path / "fact_targets.tsv").write_text("phrase\ndream of\n", encoding="utf-8")
    [after] = FactExtractor(replace(kb, extra_paths=(str(tmp_path),))).extract(*_parts(nlp, text))
    assert after.indicator == "trade_volume_target"


def _parts(nlp, text):
    doc = nlp(text)
    article = Article(text=text, published=PUBLISHED)
    return doc, article, country_mentions(doc), TimeResolver().find(doc, article)
