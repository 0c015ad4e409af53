"""Unnamed actors: "police arrested five protesters", "gunmen stormed a hotel", "militants in
Balochistan attacked ...". A sector noun that stands alone (no country word before it, which
extractors.actors already reads as "Pakistani troops") is an actor of that sector when sectors.tsv
says so (its `unnamed` column), with the country the text gives:

- home: the dateline's country, else the one country its sentence names ("police" in a Lahore story);
- place: a country or known place after "in"/"from" ("militants in Balochistan" -> PAK), else none
  (an unnamed armed group of unknown country is still the actor of its attack).

Only nouns that are arguments (subject, object, agent of a passive, conjunct) count: "police
reform" or "militant groups' funding" name no actor.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from dateline.model import Actor

ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "attr"})
LOCATIVE_PREPS = frozenset({"in", "from"})
SPAN_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "quantmod"})


def _is_argument(tok: Token) -> bool:
    """A noun phrase of its own: "economic, military and energy collaboration" lists modifiers."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.dep_ in ARGUMENT_DEPS and first.dep_ != "conj" and first.pos_ in ("NOUN", "PROPN", "PRON")


def _sector_of(tok: Token, sectors) -> tuple[str, int, str] | None:
    """(sector code, first token, the table's noun) for a sector noun ending at ``tok``: "gunmen",
    "rights groups"."""
    nouns = [(f"{tok.doc[tok.i - 1].lower_} {tok.lower_}", tok.i - 1)] if tok.i > 0 else []
    for noun, first in [*nouns, (tok.lower_, tok.i), (tok.lemma_.lower(), tok.i)]:
        if code := sectors.for_noun(noun):
            return code, first, noun
    return None


def _place_country(tok: Token, country_at: Callable[[int], str | None],
                   place_country: Callable[[str], str | None]) -> str | None:
    """The country of "in X" / "from X" attached to the noun."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                iso3 = country_at(obj.i)
                if iso3:
                    return iso3
                name = tok.doc[obj.left_edge.i:obj.i + 1]
                words = [t for t in name if t.dep_ != "det"]
                if words and all(t.is_title for t in words):
                    return place_country(" ".join(t.text for t in words))
    return None


def unnamed_actors(doc: Doc, free: Callable[[int, int], bool], sectors, home: str | None,
                   country_at: Callable[[int], str | None], sole_country: Callable[[int], str | None],
                   place_country: Callable[[str], str | None], country_name: Callable[[str], str]
                   ) -> list[tuple[int, int, Actor]]:
    """(token start, token end, actor) for each unnamed sector noun in ``doc``."""
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or not _is_argument(tok):
            continue
        found = _sector_of(tok, sectors)
        if found is None:
            continue
        code, first, noun = found
        sector = sectors.get(code)
        unnamed = sectors.unnamed(code, noun)
        if sector is None or unnamed == "-":
            continue
        start = min([first] + [c.i for c in tok.children if c.dep_ in SPAN_MODIFIERS and c.i < first])
        if not free(start, tok.i + 1) or any(c.dep_ == "poss" for c in tok.children):
            continue     # "Pakistan's police" and "the country's army" are read by the country rules
        iso3 = _place_country(tok, country_at, place_country)
        if iso3 is None and unnamed == "home":
            iso3 = home or sole_country(tok.i)
        if iso3:
            actor = Actor(id=f"group:{iso3}:{code}", name=f"{sector.label} ({country_name(iso3)})", kind="group",
                          country=iso3, sector=code, source="sectors.tsv")
        else:   # "Gunmen", "Rights groups": the text's own words name a group of unknown country
            words = doc[first:tok.i + 1].text
            actor = Actor(id=f"group:-:{code}", name=words[:1].upper() + words[1:], kind="group", country=None,
                          sector=code, source="sectors.tsv")
        out.append((start, tok.i + 1, actor))
    return out
