"""Who did it and to whom: actor and recipient mentions of a trigger, read off the dependency parse.

Verbs: the subject acts; the object and "with/to/against/on ..." objects receive; a passive's
"by" object acts and its subject receives; a verb without a subject takes the subject of the verb
it hangs from ("agreed to X and signed Y", "who met Y").
Nouns: a possessive ("Mishustin's trip"), "by"/"from" objects and name modifiers ("Pakistan-Russia
talks") act; "between A and B" are all actors; "with/to/on/against" objects receive; a noun with no
party of its own takes the subject of the verb it hangs from ("the session ... resulted in the
signing of eight agreements").
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Token

from dateline.knowledge.loader import read_table
from dateline.model import ActorMention

SPEECH_VERBS_FILE = "speech_verbs.tsv"

RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "upon", "toward", "towards", "from",
                             "into", "at", "over", "for"})
NOUN_RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "upon", "toward", "towards", "into",
                                  "at", "for"})
NOUN_ACTOR_PREPS = frozenset({"by", "from"})
# Prepositions inside an object that name whom the act is aimed at: "ties with Russia",
# "sanctions against Nigeria", "aid program for Bosnia".
NESTED_RECIPIENT_PREPS = frozenset({"to", "with", "against", "toward", "towards", "on", "upon", "for"})
LOCATIVE_VIA = frozenset({"capital", "dateline"})   # a capital after "in/at" is a place, not a party
_SUBJ = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJ = frozenset({"nsubjpass", "csubjpass"})
_OBJ = frozenset({"dobj", "dative", "obj", "iobj"})
_INHERIT_SUBJ = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp"})
# A subject pronoun of a reported clause refers to the speaker: "Japan said it had halted aid".
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
_REPORTED = frozenset({"ccomp", "conj", "advcl", "xcomp", "acomp"})
_NAME_MODS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# The "of" object of these event nouns is the agent ("session of the Commission", "visit of the
# President"); for the others it is the one acted upon ("release of prisoners").
OF_IS_AGENT = frozenset({"CONSULT", "COOPERATE", "PROTEST", "MOBILIZE"})
# Prepositions that name the owner of an object with no party of its own ("calls by Belarus").
OWNER_PREPS = frozenset({"by", "from", "for"})
CONDITION_MARKS = frozenset({"if", "unless"})
# Types whose "that" clause names whom the act is aimed at: "demanded that Israel withdraw".
CLAUSE_RECIPIENT_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE"})


@dataclass(slots=True)
class Roles:
    actors: list[ActorMention] = field(default_factory=list)
    recipients: list[ActorMention] = field(default_factory=list)
    inherited: bool = False            # parties came from a governing verb, not the trigger itself
    destination: Token | None = None   # "to Islamabad", "visiting Islamabad": where a visit goes


@functools.cache
def speech_verbs() -> dict[str, bool]:
    """Lemma of a verb that reports speech -> whether its direct object is the one spoken to."""
    return {row["lemma"].lower(): row["addressee"].lower() == "yes" for row in read_table(SPEECH_VERBS_FILE)}


def reporting_verb(verb: Token) -> Token | None:
    """The speech verb a clause is reported by ("told Wang that Pakistan wanted ... and thanked
    Beijing"): climbs through reported-clause links, at most three steps."""
    tok = verb
    for _ in range(3):
        if tok.dep_ not in _REPORTED or tok.head is tok:
            return None
        tok = tok.head
        if tok.lemma_.lower() in speech_verbs():
            return tok
    return None


def addressee_parties(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """Whom the words of a reported clause are aimed at: the object of "told/assured/informed X"."""
    speech = reporting_verb(verb)
    if speech is None or not speech_verbs()[speech.lemma_.lower()]:
        return []
    out: list[ActorMention] = []
    for c in speech.children:
        if c.dep_ in _OBJ and not (c.dep_ == "dative" and c.pos_ == "ADP"):
            out.extend(m for m in phrase_parties(c, index) if m not in out)
    return out


def reported_subject_parties(speech: Token, index: MentionIndex) -> list[ActorMention]:
    """Parties of what a speech verb reports: the subject of its reported clause, never its speaker
    ("the leaders talked about trade, the ministry said" -> the leaders)."""
    for c in speech.children:
        if c.dep_ == "ccomp":
            found, _ = subject_parties(c, index)
            if found:
                return found
    return []


class MentionIndex:
    """Token index -> the actor mention covering it."""

    def __init__(self, mentions: list[ActorMention], n_tokens: int) -> None:
        self.by_token: list[ActorMention | None] = [None] * n_tokens
        for m in mentions:
            if not m.actors:
                continue
            for i in range(max(m.token_start, 0), min(m.token_end, n_tokens)):
                self.by_token[i] = m

    def at(self, i: int) -> ActorMention | None:
        return self.by_token[i] if 0 <= i < len(self.by_token) else None


def _add(out: list[ActorMention], m: ActorMention | None) -> None:
    if m is not None and all(m is not o for o in out):
        out.append(m)


def phrase_parties(tok: Token, index: MentionIndex, depth: int = 0) -> list[ActorMention]:
    """Mentions a noun phrase refers to: its head and conjuncts, else names inside it."""
    out: list[ActorMention] = []
    heads = [tok, *tok.conjuncts]
    for h in heads:
        _add(out, index.at(h.i))
        for c in h.children:
            if c.dep_ == "appos":
                _add(out, index.at(c.i))
    if out or depth >= 2:
        return out
    for h in heads:
        for c in h.children:
            if c.dep_ in _NAME_MODS or c.dep_ == "poss":
                # "Pakistan-Russia commission": Pakistan hangs off Russia, both name the body
                for part in [c, *c.conjuncts, *(g for g in c.children if g.dep_ == "compound")]:
                    _add(out, index.at(part.i))
    if out:
        return out
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(m for m in phrase_parties(p, index, depth + 1) if m not in out)
    if out:
        return out
    # "Opposition groups in Zimbabwe", "security forces in Guinea": a body placed in a country
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "from"):
                for p in _pobjs(c):
                    m = index.at(p.i)
                    if m is not None and m.via not in LOCATIVE_VIA and all(a.kind == "country" for a in m.actors):
                        _add(out, m)
    return out


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _not_locative(m: ActorMention, prep: str) -> bool:
    return not (m.via in LOCATIVE_VIA and prep in ("in", "at", "during", "near"))


def subject_parties(verb: Token, index: MentionIndex) -> tuple[list[ActorMention], bool]:
    """Acting parties of a verb: its subject, or its passive agent; climbs to a governing verb
    when the verb has neither. Returns (mentions, inherited)."""
    tok, inherited = verb, False
    for _ in range(4):
        # a raising verb's passive subject acts: "India is expected to condemn ..."
        subjects = [c for c in tok.children
                    if c.dep_ in _SUBJ or (inherited and c.dep_ in _PASSIVE_SUBJ)]
        if subjects:
            # "MOSCOW, April 5 – Russia accused ...": the parser may give a clause two subjects
            for c in subjects:
                found = phrase_parties(c, index)
                if found:
                    return found, inherited
            if any(c.lower_ in SPEAKER_PRONOUNS for c in subjects):
                found = speaker_of(tok, index)
                return found, inherited or bool(found)
            return [], inherited
        for c in tok.children:
            if c.dep_ == "agent":
                out: list[ActorMention] = []
                for p in _pobjs(c):
                    out.extend(phrase_parties(p, index))
                return out, inherited
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return phrase_parties(tok.head, index), True
        if tok.dep_ in _INHERIT_SUBJ and tok.head is not tok:
            tok, inherited = tok.head, True
            continue
        break
    return [], inherited


def speaker_of(clause_verb: Token, index: MentionIndex) -> list[ActorMention]:
    """The party a subject pronoun stands for when the actor resolver left it unresolved: the
    subject of the verb the pronoun's clause is reported by ("Syria says it is willing to ...")."""
    tok = clause_verb
    for _ in range(3):
        if tok.dep_ not in _REPORTED or tok.head is tok:
            return []
        tok = tok.head
        for c in tok.children:
            if c.dep_ in _SUBJ:
                found = phrase_parties(c, index)
                if found:
                    return found
    return []


def nested_recipients(obj: Token, index: MentionIndex, depth: int = 0) -> list[ActorMention]:
    """Parties named inside an object through "to/with/against" ("commitment to its ties with
    Russia" -> Russia), up to three prepositions deep."""
    out: list[ActorMention] = []
    if depth >= 3:
        return out
    for c in obj.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ in NESTED_RECIPIENT_PREPS:
            for p in _pobjs(c):
                out.extend(m for m in phrase_parties(p, index) if m not in out)
                out.extend(m for m in nested_recipients(p, index, depth + 1) if m not in out)
        elif c.lower_ == "of":
            # "part of a military aid program for Bosnia": look through the "of" phrase
            for p in _pobjs(c):
                out.extend(m for m in nested_recipients(p, index, depth + 1) if m not in out)
    return out


def owner_parties(obj: Token, index: MentionIndex) -> list[ActorMention]:
    """Whose thing an object is when it names no party itself: "rejected calls by Belarus",
    "dismissed an appeal from the president", "attacked a camp for Congolese refugees"."""
    out: list[ActorMention] = []
    for c in obj.children:
        if c.dep_ == "prep" and c.lower_ in OWNER_PREPS:
            for p in _pobjs(c):
                out.extend(m for m in phrase_parties(p, index) if m not in out)
    return out


def conditional_recipients(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """Whom a threat is aimed at when it names only a condition: the subject of its "if/unless"
    clause ("threatened to strike unless Israel rescinded the law")."""
    out: list[ActorMention] = []
    scopes = [verb]
    for tok in scopes:
        for c in tok.children:
            if c.dep_ == "xcomp" and len(scopes) < 4:
                scopes.append(c)
            elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
                for s in c.children:
                    if s.dep_ in _SUBJ or s.dep_ in _PASSIVE_SUBJ:
                        out.extend(m for m in phrase_parties(s, index) if m not in out)
    return out


def verb_recipients(verb: Token, index: MentionIndex) -> tuple[list[ActorMention], Token | None]:
    out: list[ActorMention] = []
    destination = None
    scopes = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
    for scope in scopes:
        for c in scope.children:
            is_prep = c.dep_ in ("prep", "prt") or (c.dep_ == "dative" and c.pos_ == "ADP")
            if not is_prep and (c.dep_ in _OBJ or (c.dep_ in _PASSIVE_SUBJ and scope is verb)):
                out.extend(m for m in phrase_parties(c, index) or owner_parties(c, index) if m not in out)
                out.extend(m for m in nested_recipients(c, index) if m not in out)
                if c.dep_ in _OBJ and destination is None:
                    destination = c
            elif is_prep and c.lower_ in RECIPIENT_PREPS:
                for p in _pobjs(c):
                    out.extend(m for m in phrase_parties(p, index)
                               if m not in out and _not_locative(m, c.lower_))
                    # "called for sanctions against Nigeria"
                    out.extend(m for m in nested_recipients(p, index) if m not in out)
                    if c.lower_ == "to" and destination is None:
                        destination = p
    return out, destination


def clause_subject_recipients(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """Who a demand, warning or accusation is about when it comes as a clause: "demanded that
    Israel withdraw", "said China must drop barriers", "alleged that the army had fired"."""
    out: list[ActorMention] = []
    for c in verb.children:
        if c.dep_ == "ccomp":
            for s in c.children:
                if s.dep_ in _SUBJ or s.dep_ in _PASSIVE_SUBJ:
                    out.extend(m for m in phrase_parties(s, index) if m not in out)
    return out


def verb_roles(verb: Token, index: MentionIndex, swap: bool, clause_recipients: bool = False,
               condition_recipients: bool = False) -> Roles:
    actors, inherited = subject_parties(verb, index)
    recipients, destination = verb_recipients(verb, index)
    if clause_recipients and not recipients:
        recipients = clause_subject_recipients(verb, index)
    if condition_recipients and not recipients:
        recipients = [m for m in conditional_recipients(verb, index) if m not in actors]
    if not recipients:
        recipients = addressee_parties(verb, index)
    recipients = [m for m in recipients if m not in actors]
    if swap:
        actors, recipients = recipients, actors
    return Roles(actors, recipients, inherited, destination)


def noun_roles(noun: Token, index: MentionIndex, event_type: str) -> Roles:
    roles = Roles()
    possessors: list[Token] = []
    for c in noun.children:
        if c.dep_ == "poss":
            possessors += [c, *c.conjuncts]
    # "A and B's trips" is often parsed with A as the head and "trips" as its conjunct.
    if possessors and noun.dep_ == "conj" and index.at(noun.head.i) is not None:
        possessors.append(noun.head)
    for p in possessors:
        _add(roles.actors, index.at(p.i))
    for c in noun.children:
        if c.dep_ in _NAME_MODS:
            _add(roles.actors, index.at(c.i))
        elif c.dep_ == "prep":
            prep = c.lower_
            for p in _pobjs(c):
                parties = phrase_parties(p, index)
                if prep == "between" or prep in NOUN_ACTOR_PREPS or (prep == "of" and event_type in OF_IS_AGENT):
                    for m in parties:
                        _add(roles.actors, m)
                elif prep in NOUN_RECIPIENT_PREPS or prep == "of":
                    for m in parties:
                        if _not_locative(m, prep):
                            _add(roles.recipients, m)
                    if not parties:
                        # "a suspension of air links with Serbia"
                        for m in nested_recipients(p, index):
                            _add(roles.recipients, m)
                if prep == "to" and roles.destination is None:
                    roles.destination = p
    if not roles.actors:
        verb = _governing_verb(noun)
        if verb is not None and _undergone(noun):
            # "a convoy came under attack", "the city is under siege": the subject is attacked, not
            # attacking; the attacker is unnamed
            subjects, _ = subject_parties(verb, index)
            for m in subjects:
                _add(roles.recipients, m)
        elif verb is not None and verb.lemma_.lower() in speech_verbs() and _via_prep(noun, verb):
            # a meeting named around a report ("said after the meeting") is not the speaker's
            roles.actors = reported_subject_parties(verb, index)
            roles.inherited = bool(roles.actors)
        elif verb is not None:
            roles.actors, _ = subject_parties(verb, index)
            roles.inherited = bool(roles.actors)
            if (roles.actors or (noun.dep_ == "nsubj" and noun.head.i == verb.i)) and not roles.recipients:
                # also "the bombing killed 20 police officers": the event is the subject, the verb's
                # object is whom it struck
                recipients, _ = verb_recipients(verb, index)
                roles.recipients = [m for m in recipients if m not in roles.actors]
    if not roles.recipients and event_type in CLAUSE_RECIPIENT_TYPES:
        # "its demand that Israel ease restrictions": the clause's subject is asked
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                            for m in c.children):
                for sub in c.children:
                    if sub.dep_ in _SUBJ or sub.dep_ in _PASSIVE_SUBJ:
                        for m in phrase_parties(sub, index):
                            _add(roles.recipients, m)
    roles.recipients = [m for m in roles.recipients if m not in roles.actors]
    return roles


def _undergone(noun: Token) -> bool:
    """The noun is what its clause's subject undergoes: the object of "under" ("came under attack",
    "was under fire", "remains under siege")."""
    tok = noun
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "under"


def _via_prep(noun: Token, verb: Token) -> bool:
    """Whether a noun hangs from a verb through a preposition ("said ... after the meeting"), not
    as its object ("announced sanctions")."""
    tok = noun
    for _ in range(8):
        if tok.head.i == verb.i or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok.head.i == verb.i and tok.dep_ == "prep"


def _governing_verb(noun: Token) -> Token | None:
    """The nearest verb above a noun that has a subject or passive agent, within six steps."""
    tok = noun
    for _ in range(6):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJ or c.dep_ == "agent" for c in tok.children):
            return tok
    return None
