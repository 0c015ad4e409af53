"""The knowledge tables compiled into spaCy matchers, once per vocabulary.

Match keys are strings "<type>|<value>", so one pass of each matcher finds every kind of name:
  C|ISO3 country name or alias   D|ISO3 demonym   K|ISO3 capital   I|ISO3 code
  O|<n> organisation alias (index into OrganizationTable.entries)    P|<name> known actor
  T|<title> title words (case-insensitive)   A|<abbr> title abbreviation   N|<phrase> never an actor
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.knowledge import Knowledge

# "the two countries", "both sides": references to the pair of countries an article is about.
PAIR_NOUNS = ["countries", "sides", "nations", "states", "governments", "neighbours", "neighbors", "capitals"]


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Language:
    # The blank English tokenizer splits text exactly as the trained English pipelines do.
    return spacy.blank("en")


def _variants(alias: str) -> set[str]:
    """Multi-word names also match in lower case and title case ("foreign office", "Foreign Office")."""
    out = {alias}
    if " " in alias:
        out |= {alias.lower(), alias.title() if alias.islower() else alias}
    return out


@dataclass(slots=True)
class CompiledMatchers:
    exact: PhraseMatcher        # ORTH: names, codes, abbreviations, organisations, never-actors
    folded: PhraseMatcher       # LOWER: titles
    pairs: Matcher              # "the two countries"

    def keyed(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = doc.vocab.strings
        found = [(strings[k], s, e) for k, s, e in self.exact(doc)]
        found += [(strings[k], s, e) for k, s, e in self.folded(doc)]
        return found


def compile_matchers(kb: Knowledge, vocab: Vocab) -> CompiledMatchers:
    make = _tokenizer().make_doc
    exact = PhraseMatcher(vocab, attr="ORTH")
    folded = PhraseMatcher(vocab, attr="LOWER")
    blocked = kb.non_actors.iso3_words

    def add(matcher: PhraseMatcher, key: str, texts: set[str]) -> None:
        docs = [make(t) for t in sorted(texts) if t.strip()]
        if docs:
            matcher.add(key, docs)

    for c in kb.countries:
        add(exact, f"C|{c.iso3}", {c.name, *c.aliases})
        if c.demonyms:
            add(exact, f"D|{c.iso3}", set(c.demonyms))
        if c.sovereign and c.capitals:
            add(exact, f"K|{c.iso3}", set(c.capitals))
        if c.iso3 not in blocked:
            add(exact, f"I|{c.iso3}", {c.iso3})
    for i, org in enumerate(kb.organizations.entries):
        texts: set[str] = set()
        for alias in org.aliases:
            texts |= _variants(alias)
        add(exact, f"O|{i}", texts)
    for name in kb.actors.names():
        add(exact, f"P|{name}", {name})
    for t in kb.titles:
        add(folded, f"T|{t.title.lower()}", {t.title})
    for abbr in kb.titles.abbreviations():
        # "Lt Gen" is also written "Lt. Gen." and "Gen" "Gen."
        dotted = " ".join(w if w.endswith(".") else w + "." for w in abbr.split())
        add(exact, f"A|{abbr}", {abbr, dotted} if abbr[-1].islower() else {abbr})
    for phrase in kb.non_actors.phrases:
        add(exact, f"N|{phrase}", {phrase})

    pairs = Matcher(vocab)
    pairs.add("PAIR", [
        [{"LOWER": "the"}, {"LOWER": "two"}, {"LOWER": {"IN": PAIR_NOUNS}}],
        [{"LOWER": "both"}, {"LOWER": {"IN": PAIR_NOUNS}}],
        [{"LOWER": "the"}, {"LOWER": "two"}, {"LOWER": "sides"}],
    ])
    return CompiledMatchers(exact=exact, folded=folded, pairs=pairs)
