"""Modality of an event trigger: negated, future, hypothetical (from the parse), historical (from
the resolved time), and the tense of its clause (which decides whether the publication date may
stand in for a missing time).

    "did not agree"      -> negated      "will visit" / "is expected to sign" -> future
    "could attack" / "if they strike" -> hypothetical      "in 1998" (article of 2025) -> historical
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Token

from dateline.knowledge.lexicon import load_modality_cues
from dateline.model import TimeRef

HISTORICAL_AFTER = timedelta(days=365)   # an event ending over a year before publication
_AUX_DEPS = frozenset({"aux", "auxpass"})
_CLIMB_DEPS = frozenset({"xcomp", "acomp"})   # "plans to visit", "is due to visit"
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False


def clause_verb(token: Token) -> Token | None:
    """The verb whose clause holds ``token``: itself for a verb, else the nearest verb above it."""
    seen = 0
    while seen < 8:
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
        seen += 1
    return None


def tense(token: Token) -> str:
    """past | present | perfect | future | none, for the clause of a trigger (verb or noun)."""
    verb = clause_verb(token)
    if verb is None:
        return "none"
    auxes = [c for c in verb.children if c.dep_ in _AUX_DEPS]
    lemmas = {a.lower_ for a in auxes}
    if lemmas & {"will", "shall", "'ll"}:
        return "future"
    if any(a.lemma_ == "have" for a in auxes):
        return "perfect"
    finite = [a for a in auxes if a.tag_ in ("VBZ", "VBP", "VBD", "MD")]
    head_tag = finite[0].tag_ if finite else verb.tag_
    if head_tag == "VBD":
        return "past"
    if head_tag in _PRESENT_TAGS:
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):   # "the session, held in Moscow"
        return "past"
    return "none"


def _reported_would(verb: Token, aux: Token) -> bool:
    """ "said it would stop sending weapons": "would" in reported speech is the future seen from the
    past (the announcement of an act), not a hypothetical; "said it would ... if ..." stays one."""
    if aux.lower_ not in ("would", "'d") or verb.dep_ != "ccomp":
        return False
    from dateline.extractors.roles import speech_verbs

    conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                      for c in verb.children)
    return verb.head.lemma_.lower() in speech_verbs() and not conditional


class ModalityDetector:
    def __init__(self, extra_dirs: tuple[str, ...] = ()) -> None:
        self.cues = load_modality_cues(extra_dirs)

    def _conditioned(self, verb: Token) -> bool:
        """A condition attached to the trigger's own clause: an adverbial clause headed by a
        hypothetical mark ("if", "unless") makes the main act conditional."""
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and self._cue("mark", m.lower_) == "hypothetical"
                                             for m in c.children) for c in verb.children)

    def _cue(self, role: str, word: str) -> str | None:
        return self.cues.get((role, word.lower()))

    def of(self, trigger: Token) -> Modality:
        flags = {"negated": False, "future": False, "hypothetical": False}
        if trigger.pos_ in ("NOUN", "PROPN"):
            for child in trigger.children:
                if child.dep_ in ("det", "amod", "neg", "compound", "nummod"):
                    kind = self._cue("det", child.lower_) or self._cue("det", child.lemma_)
                    if kind:
                        flags[kind] = True
        verb = clause_verb(trigger)
        steps = 0
        while verb is not None and steps < 4:
            for child in verb.children:
                if child.dep_ in _AUX_DEPS:
                    kind = self._cue("aux", child.lower_)
                    if kind == "hypothetical" and _reported_would(verb, child):
                        kind = "future"
                elif child.dep_ == "neg":
                    kind = self._cue("neg", child.lower_)
                elif child.dep_ == "mark":
                    kind = self._cue("mark", child.lower_)
                else:
                    kind = None
                if kind:
                    flags[kind] = True
            if steps == 0 and self._conditioned(verb):
                flags["hypothetical"] = True       # "unless a deal is reached, X will impose tariffs"
            if steps > 0:                          # a verb the trigger depends on
                kind = self._cue("governor", verb.lemma_) or self._cue("governor", verb.lower_)
                if kind:
                    flags[kind] = True
            if verb.dep_ not in _CLIMB_DEPS or verb.head is verb:
                break
            verb = verb.head
            steps += 1
        return Modality(**flags)


def is_historical(time: TimeRef | None, published: date | None) -> bool:
    """The event ended more than a year before the article was published ("in 1998")."""
    if time is None or published is None or time.source != "text" or time.latest is None:
        return False
    # compare the gap: published - HISTORICAL_AFTER leaves the calendar for 0001-01-01
    return published - time.latest > HISTORICAL_AFTER
