"""Facts: quantities an article reports about an actor or a dyad.

"In 2024, bilateral trade crossed the $1 billion mark" -> trade_volume, 1e9 USD, more_than, 2024.
Per sentence: find amounts of money and counted nouns with regular expressions built from
knowledge files (currencies.tsv, number_words.tsv, fact_qualifiers.tsv), give each the indicator
whose cue word stands nearest (facts_indicators.tsv), take the period from the nearest resolved
time expression in the same sentence (never the publication date), and the subjects from the
actors named in the sentence or, for dyadic indicators ("bilateral trade"), the article's two
most-mentioned countries. A figure that a goal phrase of fact_targets.tsv stands before ("their
goal of raising it to $100 billion") is a target: its indicator gets the suffix "_target"
(trade_volume_target), so it never counts as a measured trade volume.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.extractors import doc_text, evidence_for, sentences
from dateline.knowledge.loader import KnowledgeFileError, read_table, split_list
from dateline.knowledge.numbers import NumberWords, number_words
from dateline.model import Actor, ActorMention, Article, Fact, TextSpan, TimeRef, stable_id


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    kind: str                  # money | count | people
    nouns: frozenset[str]
    cues: tuple[str, ...]
    dyadic: bool


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int                 # offsets into the sentence text
    end: int
    value: float
    unit: str                  # ISO currency or "count"/"people" (set later)
    qualifier: str | None
    noun: str | None           # the counted noun, for counts
    money: bool


@dataclass(frozen=True, slots=True)
class FactPatterns:
    indicators: tuple[Indicator, ...]
    money: tuple[re.Pattern[str], re.Pattern[str]]
    count: re.Pattern[str]
    currency_before: dict[str, str]
    currency_after: dict[str, str]
    qualifiers: dict[str, str]
    dyad_words: re.Pattern[str]
    numbers: NumberWords       # number_words.tsv with the same user dirs as the patterns
    targets: re.Pattern[str] | None = None   # goal phrases (fact_targets.tsv)


TARGET_SUFFIX = "_target"
TARGET_REACH = 60              # a goal phrase counts this many characters before the number at most


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def fact_patterns(extra: tuple[str, ...] = ()) -> FactPatterns:
    indicators = []
    for row in read_table("facts_indicators.tsv", extra):
        if row.get("kind") not in ("money", "count", "people"):
            raise KnowledgeFileError(f"facts_indicators.tsv: {row.get('indicator')!r} has kind "
                                     f"{row.get('kind')!r}; use money, count or people")
        indicators.append(Indicator(row["indicator"], row["kind"],
                                    frozenset(n.lower() for n in split_list(row.get("nouns", ""))),
                                    tuple(c.lower() for c in split_list(row.get("cues", ""))),
                                    row.get("dyadic", "0") == "1"))
    before = {r["token"].lower(): r["code"] for r in read_table("currencies.tsv", extra) if r["position"] == "before"}
    after = {r["token"].lower(): r["code"] for r in read_table("currencies.tsv", extra) if r["position"] == "after"}
    qualifiers = {r["phrase"].lower(): r["qualifier"] for r in read_table("fact_qualifiers.tsv", extra)}
    numbers = number_words(extra)
    mult = _alternation(numbers.words("multiplier"))
    words = _alternation([w for w in numbers.words("number") if len(w) > 2])
    qual = rf"(?:(?P<qual>{_alternation(list(qualifiers))})\s+(?:the\s+)?)?"
    number = rf"(?P<num>\d[\d,]*(?:\.\d+)?|(?:a\s+)?(?:{words})(?:-(?:{words}))?(?:\s+and\s+a\s+half)?)"
    # "$1.5bn", "Rs 20 billion" (symbol or code first) and "20 billion rupees" (word after)
    money = (re.compile(rf"{qual}(?<![A-Za-z])(?P<pre>{_alternation(list(before))})\s?{number}"
                        rf"(?:\s?(?P<mult>{mult})\b)?(?:\s+(?P<post>{_alternation(list(after))})\b)?",
                        re.IGNORECASE),
             re.compile(rf"{qual}\b{number}(?:\s?(?P<mult>{mult})\b)?\s+(?P<post>{_alternation(list(after))})\b",
                        re.IGNORECASE))
    # the counted noun is the first or second word after the number ("eight agreements",
    # "12 more people"); the code picks whichever an indicator lists
    count = re.compile(rf"{qual}\b{number}(?:\s+(?P<mult>{mult}))?\s+(?:of\s+)?"
                       rf"(?P<w1>[a-z][a-z-]*)(?:\s+(?P<w2>[a-z]+))?", re.IGNORECASE)
    dyad = re.compile(r"\b(?:bilateral|two-way|both countries|both sides|the two countries|"
                      r"the two nations|the two sides|between the two)\b", re.IGNORECASE)
    goals = [r["phrase"] for r in read_table("fact_targets.tsv", extra) if r.get("phrase")]
    targets = re.compile(rf"\b(?:{_alternation([' '.join(g.lower().split()) for g in goals])})\b",
                         re.IGNORECASE) if goals else None
    return FactPatterns(tuple(indicators), money, count, before, after, qualifiers, dyad, numbers, targets)


def parse_number(text: str, multiplier: str | None = None, numbers: NumberWords | None = None) -> float | None:
    """'1,000' -> 1000; '1.5' + 'bn' -> 1.5e9; 'eight' -> 8; 'twenty-five' -> 25; 'a dozen' -> 12.
    ``numbers`` is the table the pattern was built from (built-in words only when None)."""
    return (numbers or number_words()).parse(text, multiplier)


_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


class FactExtractor:
    def __init__(self, kb=None) -> None:
        self.kb = kb
        self.patterns = fact_patterns(tuple(str(p) for p in (getattr(kb, "extra_paths", ()) or ())))
        self.nouns: frozenset[str] = frozenset().union(*(i.nouns for i in self.patterns.indicators))
        self.number_words = frozenset(w for w in self.patterns.numbers.table if len(w) > 2)

    def _may_hold_number(self, text: str) -> bool:
        """Cheap gate before the quantity patterns: a digit or a number word must be present."""
        return _DIGIT.search(text) is not None or not self.number_words.isdisjoint(_WORD.findall(text.lower()))

    def extract(self, doc: Doc, article: Article, mentions: list[ActorMention],
                times: list[TimeRef]) -> list[Fact]:
        facts: list[Fact] = []
        dyad = self._main_dyad(mentions)
        for index, sent in enumerate(sentences(doc)):
            text = sent.text
            if not self._may_hold_number(text):
                continue
            quantities = self._quantities(text)
            for q in quantities:
                indicator = self._indicator(text, q)
                if indicator is None:
                    continue
                name = indicator.name + (TARGET_SUFFIX if self._is_target(text, q, quantities) else "")
                start, end = sent.start_char + q.start, sent.start_char + q.end
                subjects = self._subjects(text, index, mentions, indicator, dyad)
                period = self._period(times, sent.start_char, sent.end_char, start)
                evidence = evidence_for(doc, article.id, index)
                evidence.trigger = TextSpan(start, end, doc_text(doc)[start:end])
                evidence.time = period.span if period else None
                evidence.actors = [TextSpan(m.start, m.end, m.text) for m in mentions
                                   if m.sentence_index == index]
                unit = q.unit if q.money else ("people" if indicator.kind == "people" else "count")
                facts.append(Fact(
                    id=stable_id("fact", article.id, name, start, end),
                    article_id=article.id, indicator=name, subjects=subjects,
                    value=q.value, unit=unit, qualifier=q.qualifier, period=period, evidence=evidence))
        return facts

    # -- finding numbers --

    def _quantities(self, text: str) -> list[Quantity]:
        p = self.patterns
        found: list[Quantity] = []
        taken: list[tuple[int, int]] = []
        matches = [m for pattern in p.money for m in pattern.finditer(text)]
        for m in sorted(matches, key=lambda m: (m.start(), -m.end())):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            pre = m.groupdict().get("pre")
            currency = p.currency_before.get(pre.lower()) if pre else p.currency_after.get((m["post"] or "").lower())
            value = parse_number(m["num"], m["mult"], p.numbers)
            if value is None or currency is None:
                continue
            found.append(Quantity(m.start(), m.end(), value, currency, self._qualifier(m), None, True))
            taken.append(m.span())
        for m in p.count.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = parse_number(m["num"], m["mult"], p.numbers)
            if value is None:
                continue
            noun, noun_end = self._counted_noun(m)
            if noun is None:
                continue
            found.append(Quantity(m.start(), noun_end, value, "", self._qualifier(m), noun, False))
        return found

    def _counted_noun(self, m: re.Match[str]) -> tuple[str | None, int]:
        nouns = self.nouns
        for group in ("w1", "w2"):
            word = (m[group] or "").lower()
            if word in nouns:
                return word, m.end(group)
        return None, m.end()

    def _qualifier(self, m: re.Match[str]) -> str | None:
        qual = m["qual"]
        return self.patterns.qualifiers.get(" ".join(qual.lower().split())) if qual else None

    # -- deciding what the number measures --

    def _is_target(self, text: str, q: Quantity, quantities: list[Quantity]) -> bool:
        """A goal phrase between the previous number of the sentence and this one (60 characters
        back at most): "... stands at about $62 billion, and they repeated their goal of raising it
        to $100 billion" makes the second figure a target and leaves the first a measured value."""
        if self.patterns.targets is None:
            return False
        before = [p.end for p in quantities if p.end <= q.start]
        start = max([q.start - TARGET_REACH, *before, 0])
        return self.patterns.targets.search(text, start, q.start) is not None

    def _indicator(self, text: str, q: Quantity) -> Indicator | None:
        lowered = text.lower()
        best: tuple[int, int, Indicator] | None = None
        for order, ind in enumerate(self.patterns.indicators):
            if q.money != (ind.kind == "money"):
                continue
            if not q.money and q.noun not in ind.nouns:
                continue
            distance = self._cue_distance(lowered, ind.cues, q.start, q.end)
            if distance is None:
                continue
            if best is None or (distance, order) < best[:2]:
                best = (distance, order, ind)
        return best[2] if best else None

    @staticmethod
    def _cue_distance(lowered: str, cues: tuple[str, ...], start: int, end: int) -> int | None:
        best = None
        for cue in cues:
            for m in re.finditer(rf"\b{re.escape(cue)}\b", lowered):
                d = start - m.end() if m.end() <= start else m.start() - end if m.start() >= end else 0
                if best is None or d < best:
                    best = d
        return best

    # -- who and when --

    def _main_dyad(self, mentions: list[ActorMention]) -> list[Actor]:
        """The article's two most-mentioned countries, as country actors."""
        counts: Counter[str] = Counter()
        for m in mentions:
            for a in m.actors:
                if a.country:
                    counts[a.country] += 1
        return [self._country_actor(iso3, mentions) for iso3, _ in counts.most_common(2)]

    def _country_actor(self, iso3: str, mentions: list[ActorMention]) -> Actor:
        for m in mentions:
            for a in m.actors:
                if a.kind == "country" and a.country == iso3:
                    return a
        name = iso3
        if self.kb is not None:
            country = self.kb.countries.get(iso3)
            name = country.name if country else iso3
        return Actor(id=f"country:{iso3}", name=name, kind="country", country=iso3, source="countries.tsv")

    def _subjects(self, text: str, index: int, mentions: list[ActorMention], indicator: Indicator,
                  dyad: list[Actor]) -> list[Actor]:
        """Who the figure is about: distinct actors, at most one per country (the first named in the
        sentence), so "Indian troops ... India" gives IND once, not the army and the country both."""
        if indicator.dyadic and len(dyad) == 2 and self.patterns.dyad_words.search(text):
            return _distinct(dyad)
        here: dict[str, Actor] = {}
        for m in mentions:
            if m.sentence_index == index:
                for a in m.actors:
                    here.setdefault(a.id, a)
        if indicator.dyadic and len(dyad) == 2:
            # "the Pakistan-Russia commission ... signed eight agreements": a dyadic figure whose
            # sentence names only the main dyad's countries is about that dyad
            dyad_countries = {a.country for a in dyad}
            if {a.country for a in here.values()} <= dyad_countries:
                return _distinct(dyad)
        return _distinct(list(here.values()))

    @staticmethod
    def _period(times: list[TimeRef], sent_start: int, sent_end: int, at: int) -> TimeRef | None:
        """The resolved time expression nearest the number in the same sentence."""
        candidates = [t for t in times if t.span and t.value and sent_start <= t.span.start < sent_end]
        if not candidates:
            return None
        return min(candidates, key=lambda t: abs(t.span.start - at))


def _distinct(actors: list[Actor]) -> list[Actor]:
    """Actors in order, each id once and each country once; actors without a country by id only."""
    ids: set[str] = set()
    countries: set[str] = set()
    out: list[Actor] = []
    for a in actors:
        if a.id in ids or (a.country and a.country in countries):
            continue
        ids.add(a.id)
        if a.country:
            countries.add(a.country)
        out.append(a)
    return out
