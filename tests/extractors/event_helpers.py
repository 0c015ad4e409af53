"""A tiny stand-in for the actor resolver, for event tests: exact names -> fixed actors."""
from __future__ import annotations

from datetime import date

from dateline.extractors import sentence_index_of
from dateline.extractors.events import EventExtractor
from dateline.model import Actor, ActorMention, Article, Place, TextSpan, TimeRef

PUBLISHED = date(2025, 4, 18)


def country(iso3: str, name: str) -> Actor:
    return Actor(id=f"country:{iso3}", name=name, kind="country", country=iso3)


def person(slug: str, name: str, iso3: str) -> Actor:
    return Actor(id=f"person:{slug}", name=name, kind="person", country=iso3)


PAK, RUS, IND, CHN = country("PAK", "Pakistan"), country("RUS", "Russia"), country("IND", "India"), country("CHN", "China")
USA, ISR, IRN, UKR = country("USA", "United States"), country("ISR", "Israel"), country("IRN", "Iran"), country("UKR", "Ukraine")
DAR = person("ishaq-dar", "Ishaq Dar", "PAK")
RYABKOV = person("sergei-ryabkov", "Sergei Ryabkov", "RUS")
MISHUSTIN = person("mikhail-mishustin", "Mikhail Mishustin", "RUS")
OVERCHUK = person("alexei-overchuk", "Alexei Overchuk", "RUS")
POLICE = Actor(id="org:PAK:police", name="Police", kind="government", country="PAK", sector="COP")
PROTESTERS = Actor(id="group:PAK:protesters", name="protesters", kind="group", country="PAK", sector="CVL")

NAMES: dict[str, Actor] = {
    "Pakistan": PAK, "Russia": RUS, "India": IND, "China": CHN, "the United States": USA,
    "The United States": USA,
    "Washington": USA, "Israel": ISR, "Iran": IRN, "Ukraine": UKR, "Moscow": RUS,
    "Ishaq Dar": DAR, "Sergei Ryabkov": RYABKOV, "Mikhail Mishustin": MISHUSTIN,
    "Alexei Overchuk": OVERCHUK, "Police": POLICE, "police": POLICE, "protesters": PROTESTERS, "Protesters": PROTESTERS,
    "Islamabad": PAK, "Beijing": CHN, "New Delhi": IND,
}
CAPITALS = {"Islamabad": "PAK", "Moscow": "RUS", "Beijing": "CHN", "New Delhi": "IND", "Washington": "USA"}


def mentions_for(doc, names: dict[str, Actor] = NAMES):
    """Every occurrence of every name, longest names first, never overlapping."""
    taken: list[tuple[int, int]] = []
    out = []
    for name in sorted(names, key=len, reverse=True):
        start = 0
        while (i := doc.text.find(name, start)) >= 0:
            start = i + len(name)
            if any(s < i + len(name) and i < e for s, e in taken):
                continue
            span = doc.char_span(i, i + len(name), alignment_mode="expand")
            if span is None:
                continue
            taken.append((i, i + len(name)))
            via = "capital" if name in CAPITALS else "name"
            out.append(ActorMention([names[name]], span.start_char, span.end_char, span.text,
                                    sentence_index_of(doc, span.start), span.start, span.end, via=via))
    return sorted(out, key=lambda m: m.start)


def places_for(doc) -> list[Place]:
    out = []
    for name, iso in CAPITALS.items():
        start = 0
        while (i := doc.text.find(name, start)) >= 0:
            start = i + len(name)
            out.append(Place(name=name, country=iso, source="sentence",
                             span=TextSpan(i, i + len(name), name)))
    return out


def time_at(doc, phrase: str, value: str, granularity: str, earliest: date, latest: date) -> TimeRef:
    i = doc.text.index(phrase)
    return TimeRef(value=value, granularity=granularity, source="text", earliest=earliest,
                   latest=latest, span=TextSpan(i, i + len(phrase), phrase))


def extract(nlp, text: str, times: list[TimeRef] | None = None, places: list[Place] | None = None,
            published: date | None = PUBLISHED, dateline: str | None = None):
    doc = nlp(text)
    article = Article(text=text, published=published, dateline=dateline)
    extractor = EventExtractor(None)
    if callable(times):
        times = times(doc)
    return extractor.extract(doc, article, mentions_for(doc), times or [],
                             places if places is not None else places_for(doc))


def ids(actors: list[Actor]) -> list[str]:
    return sorted(a.id for a in actors)
