"""A small, hand-made store content for the analytics, API and dashboard tests.

Articles are built sentence by sentence; every span is found in its sentence, so offsets are real.
The expected numbers in the tests are counted by hand from the tables below.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateline.model import (Actor, Article, Event, Evidence, Extraction, Fact, Place, TextSpan, TimeRef,
                            stable_id)


def country(code: str, name: str) -> Actor:
    return Actor(id=f"country:{code}", name=name, kind="country", country=code, sector="GOV")


PAK, RUS = country("PAK", "Pakistan"), country("RUS", "Russia")
CHN, IND = country("CHN", "China"), country("IND", "India")
DAR = Actor("person:ishaq-dar", "Ishaq Dar", "person", "PAK", "GOV", ["Foreign Minister"])
RYABKOV = Actor("person:sergei-ryabkov", "Sergei Ryabkov", "person", "RUS", "GOV", ["Deputy Foreign Minister"])
MISHUSTIN = Actor("person:mikhail-mishustin", "Mikhail Mishustin", "person", "RUS", "GOV", ["Prime Minister"])
ZAKHAROVA = Actor("person:maria-zakharova", "Maria Zakharova", "person", "RUS", "GOV", ["spokeswoman"])
ISLAMABAD = Place(name="Islamabad", country="PAK")
MOSCOW = Place(name="Moscow", country="RUS")

# type -> (cameo, quad class, plover score, goldstein)
CODES = {"CONSULT": ("042", 1, 2.0, 1.9), "AGREE": ("030", 1, 6.0, 4.0), "SUPPORT": ("057", 1, 5.0, 8.0),
         "COOPERATE": ("062", 2, 7.0, 6.4), "ACCUSE": ("112", 3, -3.0, -2.0), "THREATEN": ("138", 3, -6.0, -7.0),
         "ASSAULT": ("190", 4, -9.0, -10.0)}


def day(d: str) -> TimeRef:
    x = date.fromisoformat(d)
    return TimeRef(value=d, granularity="day", source="text", earliest=x, latest=x)


def month(m: str) -> TimeRef:
    y, mm = map(int, m.split("-"))
    last = date(y + (mm == 12), mm % 12 + 1, 1).toordinal() - 1
    return TimeRef(value=m, granularity="month", source="text", earliest=date(y, mm, 1),
                   latest=date.fromordinal(last))


def year(y: int) -> TimeRef:
    return TimeRef(value=str(y), granularity="year", source="text", earliest=date(y, 1, 1), latest=date(y, 12, 31))


UNDATED = TimeRef(value=None, granularity="unknown", source="none")


@dataclass
class Ev:
    """One event to put in an article: which sentence, and the words of its parts in that sentence."""

    sentence: int
    type: str
    trigger: str
    actors: list[Actor]
    recipients: list[Actor]
    time: TimeRef
    actor_words: list[str] = field(default_factory=list)
    recipient_words: list[str] = field(default_factory=list)
    time_words: str | None = None
    place: Place | None = None
    place_words: str | None = None
    contexts: list[str] = field(default_factory=list)
    dimensions: list[str] = field(default_factory=list)


@dataclass
class Fc:
    sentence: int
    indicator: str
    value: float
    unit: str
    period: TimeRef
    subjects: list[Actor]
    qualifier: str | None = None


def _span(sentence: str, base: int, words: str | None) -> TextSpan | None:
    if not words:
        return None
    at = sentence.index(words)
    return TextSpan(base + at, base + at + len(words), words)


def build(sentences: list[str], events: list[Ev], facts: list[Fc] = (), *, title: str, outlet: str,
          published: str, url: str | None = None) -> Extraction:
    text = "\n\n".join(sentences)
    starts, at = [], 0
    for s in sentences:
        starts.append(at)
        at += len(s) + 2
    article = Article(text=text, title=title, outlet=outlet, published=date.fromisoformat(published), url=url,
                      source=f"{outlet.lower().replace(' ', '-')}.txt")

    def evidence(i: int, e: Ev | None = None) -> Evidence:
        s, base = sentences[i], starts[i]
        ev = Evidence(article_id=article.id, sentence_index=i, sentence=s, sentence_start=base,
                      sentence_end=base + len(s))
        if e is not None:
            ev.trigger = _span(s, base, e.trigger)
            ev.actors = [_span(s, base, w) for w in e.actor_words]
            ev.recipients = [_span(s, base, w) for w in e.recipient_words]
            ev.time = _span(s, base, e.time_words)
            ev.place = _span(s, base, e.place_words)
        return ev

    out_events = []
    for k, e in enumerate(events):
        cameo, quad, score, goldstein = CODES[e.type]
        out_events.append(Event(
            id=stable_id("evt", article.id, k), article_id=article.id, type=e.type, contexts=list(e.contexts),
            dimensions=list(e.dimensions), cameo=cameo, quad_class=quad, plover_score=score, goldstein=goldstein,
            actors=list(e.actors), recipients=list(e.recipients), time=e.time, place=e.place, trigger=e.trigger,
            confidence=0.9, mentions=[evidence(e.sentence, e)]))
    out_facts = [Fact(id=stable_id("fact", article.id, k), article_id=article.id, indicator=f.indicator,
                      subjects=list(f.subjects), value=f.value, unit=f.unit, qualifier=f.qualifier, period=f.period,
                      evidence=evidence(f.sentence)) for k, f in enumerate(facts)]
    actors = {a.id: a for e in out_events for a in e.actors + e.recipients}
    return Extraction(article=article, actors=list(actors.values()), events=out_events, facts=out_facts,
                      version="test-views")


def pak_rus_visit() -> Extraction:
    sentences = [
        "Pakistan and Russia on Thursday agreed to advance their partnership in trade, energy and security.",
        "Russia's Deputy Foreign Minister Sergei Ryabkov met Foreign Minister Ishaq Dar in Islamabad on Thursday.",
        "Last year the two countries signed agreements on education, healthcare and trade in Moscow.",
        "In 2024, bilateral trade crossed the $1 billion mark.",
        "The militaries hold joint exercises focusing on counterterrorism.",
    ]
    events = [
        Ev(0, "AGREE", "agreed", [DAR, RYABKOV], [], day("2025-04-17"), ["Pakistan", "Russia"],
           time_words="on Thursday", contexts=["diplomatic"], dimensions=["trade", "energy", "security"]),
        Ev(1, "CONSULT", "met", [RYABKOV], [DAR], day("2025-04-17"), ["Sergei Ryabkov"], ["Ishaq Dar"],
           "on Thursday", ISLAMABAD, "Islamabad", contexts=["diplomatic"]),
        Ev(2, "SUPPORT", "signed", [PAK, RUS], [], year(2024), ["the two countries"], time_words="Last year",
           place=MOSCOW, place_words="Moscow", contexts=["economic"], dimensions=["education", "healthcare", "trade"]),
        Ev(4, "COOPERATE", "joint exercises", [PAK, RUS], [], UNDATED, ["The militaries"],
           contexts=["military"], dimensions=["security"]),
    ]
    facts = [Fc(3, "trade_volume", 1e9, "USD", year(2024), [PAK, RUS], "more_than"),
             Fc(2, "agreements_signed", 8, "count", year(2024), [PAK, RUS])]
    return build(sentences, events, facts, title="Pakistan, Russia agree to advance partnership", outlet="Daily Test",
                 published="2025-04-18", url="https://news.example/pak-rus")


def pak_rus_earlier() -> Extraction:
    sentences = [
        "In June 2023 Russian spokeswoman Maria Zakharova accused Pakistan of delaying the pipeline.",
        "Prime Minister Mikhail Mishustin visited Islamabad on 20 November 2024.",
    ]
    events = [
        Ev(0, "ACCUSE", "accused", [ZAKHAROVA], [PAK], month("2023-06"), ["Maria Zakharova"], ["Pakistan"],
           "In June 2023", contexts=["diplomatic"], dimensions=["energy"]),
        Ev(1, "CONSULT", "visited", [MISHUSTIN], [PAK], day("2024-11-20"), ["Mikhail Mishustin"], [],
           "on 20 November 2024", ISLAMABAD, "Islamabad", contexts=["diplomatic"]),
    ]
    return build(sentences, events, title="Moscow and Islamabad: a look back", outlet="Second Paper",
                 published="2024-11-21")


def pak_rus_same_agreement() -> Extraction:
    """A second outlet reporting the 17 April agreement: merges into the same event (one more source)."""
    sentences = ["Pakistan and Russia agreed on Thursday to advance their partnership, officials said."]
    events = [Ev(0, "AGREE", "agreed", [DAR, RYABKOV], [], day("2025-04-17"), ["Pakistan", "Russia"],
                 time_words="on Thursday", contexts=["diplomatic"], dimensions=["trade", "energy", "security"])]
    return build(sentences, events, title="Pakistan and Russia agree", outlet="Wire Service", published="2025-04-18")


def pakistan_neighbours() -> Extraction:
    sentences = [
        "Pakistan and China agreed on 3 February 2025 to widen the economic corridor.",
        "India threatened Pakistan on 7 May 2025 after the attack.",
        "Indian forces struck targets in Pakistan on 7 May 2025.",
    ]
    events = [
        Ev(0, "AGREE", "agreed", [PAK], [CHN], day("2025-02-03"), ["Pakistan"], ["China"], "on 3 February 2025",
           contexts=["economic"], dimensions=["trade"]),
        Ev(1, "THREATEN", "threatened", [IND], [PAK], day("2025-05-07"), ["India"], ["Pakistan"], "on 7 May 2025",
           contexts=["military"]),
        Ev(2, "ASSAULT", "struck", [IND], [PAK], day("2025-05-07"), ["Indian forces"], ["Pakistan"], "on 7 May 2025",
           contexts=["military"]),
    ]
    return build(sentences, events, title="A tense spring", outlet="Region Today", published="2025-05-08")


XSS_MARKUP = '<script>window.__xss = 1</script><b>bold claim</b><img src="x" onerror="window.__xss = 2">'


def hostile_markup() -> Extraction:
    """An article whose text carries HTML and script: it must show as text, never run."""
    sentences = [f"Pakistan and Russia signed a memorandum {XSS_MARKUP} on 10 March 2025."]
    events = [Ev(0, "SUPPORT", "signed", [PAK, RUS], [], day("2025-03-10"), ["Pakistan", "Russia"],
                 time_words="on 10 March 2025", contexts=["diplomatic"])]
    return build(sentences, events, title="<i>Markup</i> in a <script>alert(1)</script> title", outlet="Odd <Outlet>",
                 published="2025-03-11", url="javascript:window.__xss=3")


def core_extractions() -> list[Extraction]:
    """PAK-RUS: 6 distinct events (one reported twice), plus PAK-CHN 1 and IND-PAK 2."""
    return [pak_rus_visit(), pak_rus_earlier(), pak_rus_same_agreement(), pakistan_neighbours()]


def fill(store, extractions: list[Extraction]) -> None:
    for ex in extractions:
        store.add(ex)
