"""Places: where things happen, from place names in sentences and from the article's dateline.

A GPE/LOC/FAC entity counts as a place mention when a place cue stands before it ("held in
Moscow", "trips to Islamabad", "visiting Beijing", "in southeastern Serbia") or a word naming a
kind of place does ("the capital Kabul", "the town of Rafah"); the words are in place_cues.tsv.
So the actor reading of "Russia agreed" never becomes a place. Names resolve through the country
table (when the knowledge base is given) and the offline gazetteer; an ambiguous city name goes to
the dateline country, then to the countries the sentence's article names (countries and demonyms,
"the Bosnian town of Gorazde"), most named first, then to the biggest place.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from dateline.knowledge.gazetteer import GazetteerEntry, load_gazetteer, name_key
from dateline.knowledge.loader import read_table
from dateline.model import Article, Place, TextSpan

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# the small English model often tags a city after "in" as ORG ("met in Hyderabad"); such an ORG
# counts when it is one word naming a city at least this big
ORG_AS_CITY_MIN_POPULATION = 100_000
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@functools.lru_cache(maxsize=4)
def place_cues(extra: tuple[str, ...] = (), kind: str = "cue") -> frozenset[str]:
    """Words of one kind from place_cues.tsv: cue, settlement, direction or filler."""
    return frozenset(r["word"].lower() for r in read_table("place_cues.tsv", extra)
                     if (r.get("kind") or "cue") == kind)


@functools.lru_cache(maxsize=4)
def non_places(extra: tuple[str, ...] = ()) -> frozenset[str]:
    return frozenset(name_key(r["phrase"]) for r in read_table("non_places.tsv", extra))


def clean_name(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.;:-")
    text = _POSSESSIVE.sub("", text)
    return text[4:] if text.lower().startswith("the ") else text


class PlaceResolver:
    def __init__(self, kb=None) -> None:
        self.kb = kb
        extra = tuple(getattr(kb, "extra_paths", ()) or ())
        self.gazetteer = load_gazetteer(extra)
        self.cues = place_cues(extra)
        self.settlements = place_cues(extra, "settlement")
        self.skippable = place_cues(extra, "direction") | place_cues(extra, "filler")
        never = set(non_places(extra))
        if kb is not None:
            never.update(name_key(p) for p in kb.non_actors.by_kind.get("outlet", ()))
        self.never = frozenset(never)

    # -- public interface --

    def find(self, doc: Doc, article: Article) -> list[Place]:
        """Place mentions in the sentences (cue + GPE/LOC/FAC entity), each with its span."""
        preferred = self._context_countries(doc, article)
        found: list[Place] = []
        for ent in doc.ents:
            is_place = ent.label_ in PLACE_LABELS or (ent.label_ == "ORG" and self._org_is_city(ent.text))
            if not is_place or not self.is_cued(doc, ent.start):
                continue
            place = self._resolve(ent.text, preferred)
            if place is None:
                continue
            place.source = "sentence"
            place.span = TextSpan(ent.start_char, ent.end_char, ent.text)
            found.append(place)
        return found

    def resolve_name(self, name: str, country_hint: str | None = None) -> Place | None:
        """One place name -> a Place (country or city); None when unknown or never a place."""
        return self._resolve(name, (country_hint,) if country_hint else ())

    def dateline_place(self, article: Article) -> Place | None:
        """The dateline city ("ISLAMABAD: ..."), with its span when the body text starts with it."""
        if not article.dateline:
            return None
        place = self.resolve_name(article.dateline, article.dateline_country)
        if place is None:
            return None
        place.source = "dateline"
        m = re.search(rf"(?m)^\s*({re.escape(article.dateline.strip())})\b", article.text, re.IGNORECASE)
        if m:
            place.span = TextSpan(m.start(1), m.end(1), m.group(1))
        return place

    def is_cued(self, doc: Doc, start: int) -> bool:
        """Whether the words before token ``start`` mark a place: a cue, possibly followed by
        direction words ("in southeastern Serbia"), or a kind of place ("capital Kabul",
        "town of Rafah")."""
        i = start - 1
        if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in self.settlements:
            return True
        if i >= 0 and doc[i].lower_ in self.settlements:
            return True
        while i >= 0 and doc[i].lower_ in self.skippable:
            i -= 1
        if i < 0:
            return False
        return doc[i].lower_ in self.cues or doc[i].lemma_.lower() in self.cues

    # -- internals --

    def _org_is_city(self, text: str) -> bool:
        if " " in text.strip():
            return False
        return any(e.feature != "country" and e.population >= ORG_AS_CITY_MIN_POPULATION
                   for e in self.gazetteer.entries(text))

    def _resolve(self, name: str, preferred: Iterable[str]) -> Place | None:
        cleaned = clean_name(name)
        key = name_key(cleaned)
        if not key or key in self.never:
            return None
        country = self._country(cleaned)
        if country:
            return country
        entries = self.gazetteer.entries(cleaned)
        if not entries:
            # "Montenegro province", "Herat city": the name without its kind-of-place word
            head, _, last = cleaned.rpartition(" ")
            if head and last.lower() in self.settlements:
                return self._resolve(head, preferred)
            return None
        return self._choose(entries, tuple(p for p in preferred if p)).to_place()

    def _country(self, name: str) -> Place | None:
        iso3 = None
        if self.kb is not None:
            c = self.kb.countries.by_name(name) or (
                self.kb.countries.lookup(name) if not self.kb.countries.by_demonym(name) else None)
            iso3 = c.iso3 if c else None
            label = c.name if c else None
        if iso3 is None:
            entry = next((e for e in self.gazetteer.entries(name) if e.feature == "country"), None)
            if entry is None:
                return None
            iso3, label = entry.country, entry.name
        row = self.gazetteer.country(iso3)
        return Place(name=label, country=iso3, lat=row.lat if row else None, lon=row.lon if row else None,
                     geonames_id=row.geonames_id if row else None, feature="country")

    @staticmethod
    def _choose(entries: list[GazetteerEntry], preferred: tuple[str, ...]) -> GazetteerEntry:
        for iso3 in preferred:
            for e in entries:
                if e.country == iso3:
                    return e
        return entries[0]

    def _context_countries(self, doc: Doc, article: Article) -> tuple[str, ...]:
        """The dateline country first, then the countries the article names, most named first."""
        counts: Counter[str] = Counter()
        demonyms = self.kb.countries if self.kb is not None else None
        for ent in doc.ents:
            if ent.label_ == "GPE":
                place = self._country(clean_name(ent.text))
                if place and place.country:
                    counts[place.country] += 1
            elif ent.label_ == "NORP" and demonyms is not None:
                # "the Bosnian town of Gorazde": a demonym names the country too
                c = demonyms.by_demonym(clean_name(ent.text))
                if c is not None:
                    counts[c.iso3] += 1
        ordered = [article.dateline_country] if article.dateline_country else []
        if not ordered and article.dateline:
            guess = self.gazetteer.entries(article.dateline)
            if guess:
                ordered.append(guess[0].country)
        ordered += [c for c, _ in counts.most_common() if c not in ordered]
        return tuple(ordered)
