"""Synthetic Extractions for benchmarks and tests: deterministic, realistic in shape, no NLP needed."""
from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta

from dateline.model import Actor, Article, Event, Evidence, Extraction, Fact, Place, TextSpan, TimeRef, stable_id

COUNTRIES = ["PAK", "RUS", "CHN", "IND", "USA", "IRN", "AFG", "TUR", "SAU", "ARE", "GBR", "FRA", "DEU", "JPN",
             "KOR", "BRA", "ZAF", "EGY", "QAT", "KAZ", "UZB", "BGD", "LKA", "NPL", "IDN", "MYS", "THA", "VNM",
             "UKR", "POL", "ITA", "ESP", "CAN", "MEX", "ARG", "NGA", "KEN", "ETH", "ISR", "JOR"]
# (type, cameo, quad class, goldstein, plover score)
TYPES = [("CONSULT", "042", 1, 1.9, 2.0), ("AGREE", "057", 1, 8.0, 6.0), ("COOPERATE", "061", 2, 6.4, 5.0),
         ("AID", "071", 2, 7.4, 6.0), ("REQUEST", "020", 1, 3.0, 1.0), ("ACCUSE", "112", 3, -2.0, -3.0),
         ("REJECT", "120", 3, -4.0, -4.0), ("THREATEN", "130", 3, -4.4, -6.0), ("SANCTION", "163", 4, -8.0, -7.0),
         ("ASSAULT", "190", 4, -10.0, -9.0)]


def country_actor(code: str) -> Actor:
    return Actor(id=f"country:{code}", name=code, kind="country", country=code, sector="GOV")


def make_extraction(i: int, events_per_article: int = 8, start: date = date(2020, 1, 1), days: int = 2000,
                    version: str = "synthetic-1", seed: int = 7) -> Extraction:
    """Article number ``i`` with ``events_per_article`` events between random country pairs."""
    rng = random.Random(seed * 1_000_003 + i)
    published = start + timedelta(days=rng.randrange(days))
    sentences = []
    evs = []
    offset = 0
    article_id = stable_id("art", "synthetic", seed, i)
    for k in range(events_per_article):
        a, b = rng.sample(COUNTRIES[:12] if rng.random() < 0.7 else COUNTRIES, 2)
        etype, cameo, quad, goldstein, score = TYPES[rng.randrange(len(TYPES))]
        when = published - timedelta(days=rng.randrange(3))
        sentence = f"Officials of {a} and {b} reported a {etype.lower()} event number {i}-{k}."
        ev_start = offset
        offset += len(sentence) + 1
        sentences.append(sentence)
        evidence = Evidence(article_id=article_id, sentence_index=k, sentence=sentence,
                            sentence_start=ev_start, sentence_end=ev_start + len(sentence),
                            trigger=TextSpan(ev_start + sentence.index(etype.lower()),
                                             ev_start + sentence.index(etype.lower()) + len(etype), etype.lower()),
                            actors=[TextSpan(ev_start + 13, ev_start + 16, a)],
                            recipients=[TextSpan(ev_start + 21, ev_start + 24, b)])
        evs.append(Event(
            id=stable_id("evt", article_id, k), article_id=article_id, type=etype, cameo=cameo, quad_class=quad,
            goldstein=goldstein, plover_score=score, actors=[country_actor(a)], recipients=[country_actor(b)],
            time=TimeRef(value=when.isoformat(), granularity="day", source="text", earliest=when, latest=when),
            place=Place(name=f"capital of {a}", country=a, feature="city") if rng.random() < 0.5 else None,
            dimensions=["trade"] if rng.random() < 0.3 else [], trigger=etype.lower(), confidence=0.8,
            mentions=[evidence]))
    text = "\n".join(sentences)
    article = Article(text=text, title=f"Synthetic report {i}", outlet="Synthetic Times", published=published,
                      source=f"synthetic:{seed}:{i}", id=article_id)
    facts = []
    if evs:
        first = evs[0]
        facts.append(Fact(id=stable_id("fact", article_id, 0), article_id=article_id, indicator="trade_volume",
                          subjects=first.actors + first.recipients, value=float(rng.randrange(1, 100)) * 1e8,
                          unit="USD", period=TimeRef(value=str(published.year), granularity="year", source="text",
                                                     earliest=date(published.year, 1, 1),
                                                     latest=date(published.year, 12, 31)),
                          evidence=first.mentions[0]))
    actors = {a.id: a for e in evs for a in e.actors + e.recipients}
    return Extraction(article=article, actors=list(actors.values()), events=evs, facts=facts, version=version)


CONTEXTS = ["diplomatic", "economic", "military", "terrorism"]  # PLOVER contexts only
DIMENSIONS = ["trade", "energy", "security", "education"]


def _official(code: str, n: int) -> Actor:
    return Actor(id=f"person:official-{code.lower()}-{n}", name=f"Official {n} of {code}", kind="person",
                 country=code, sector="GOV")


def _coarser_time(rng: random.Random, t: TimeRef) -> TimeRef:
    """The day, or the same moment known only to its week (one across New Year), month or year, or no time."""
    d = t.earliest
    roll = rng.random()
    if roll < 0.15:
        last = date(d.year + (d.month == 12), d.month % 12 + 1, 1) - timedelta(days=1)
        return TimeRef(value=d.strftime("%Y-%m"), granularity="month", source="text", earliest=d.replace(day=1),
                       latest=last)
    if roll < 0.25:
        return TimeRef(value=str(d.year), granularity="year", source="text", earliest=date(d.year, 1, 1),
                       latest=date(d.year, 12, 31))
    if roll < 0.30:
        return TimeRef(value=None, granularity="unknown", source="none")
    if roll < 0.34:
        monday = date(d.year, 12, 29)
        return TimeRef(value=f"{d.year + 1}-W01", granularity="week", source="text", earliest=monday,
                       latest=monday + timedelta(days=6))
    return t


def make_mixed_extraction(i: int, events_per_article: int = 6, start: date = date(2024, 1, 1), days: int = 40,
                          version: str = "synthetic-1", seed: int = 5) -> Extraction:
    """Like make_extraction, with what real articles add: events dated to a week, month or year or not
    at all, contexts and dimensions, named officials beside the countries (sometimes on both sides),
    events without scores. Deterministic; a short ``days`` span makes articles report the same events."""
    ex = make_extraction(i, events_per_article, start=start, days=days, version=version, seed=seed)
    rng = random.Random(seed * 7_000_003 + i)
    evs = []
    for ev in ex.events:
        a, b = ev.actors[0].country, ev.recipients[0].country
        actors, recipients = list(ev.actors), list(ev.recipients)
        if rng.random() < 0.5:
            actors.append(_official(a, rng.randrange(3)))
        if rng.random() < 0.3:
            recipients.append(_official(b, rng.randrange(3)))
        if rng.random() < 0.1:
            recipients.append(actors[-1])          # the same person named on both sides
        no_score = rng.random() < 0.1
        evs.append(dataclasses.replace(
            ev, actors=actors, recipients=recipients, time=_coarser_time(rng, ev.time),
            contexts=rng.sample(CONTEXTS, k=rng.randrange(3)), dimensions=rng.sample(DIMENSIONS, k=rng.randrange(3)),
            plover_score=None if no_score else ev.plover_score, goldstein=None if no_score else ev.goldstein))
    people = {x.id: x for e in evs for x in e.actors + e.recipients}
    return dataclasses.replace(ex, events=evs, actors=list(people.values()))
