"""Event detection and coding: trigger words -> PLOVER/CAMEO events with actors, time, place.

Per sentence: find triggers through the lexicon (a lemma index, constraints checked on the parse),
drop the ones that are only the content of another trigger ("agreed to *pursue*", "urged X to
*withdraw*"), read roles off the parse (``roles.py``), then code type, mode, CAMEO, quad class,
scores, modality, contexts and dimensions, and pick time and place. Finally the same event told
twice in one article is merged (``merge_article_events``).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from dateline import ontology
from dateline.extractors import evidence_for, sentences
from dateline.extractors.places import place_cues
from dateline.extractors.modality import ModalityDetector, is_historical, tense
from dateline.extractors.roles import CLAUSE_RECIPIENT_TYPES, MentionIndex, Roles, noun_roles, verb_roles
from dateline.knowledge.lexicon import ANY, TriggerSense, load_dimensions, load_lexicon
from dateline.knowledge.numbers import NumberWords, number_words
from dateline.model import (Actor, ActorMention, Article, Event, Evidence, Place, TextSpan, TimeRef,
                            stable_id)

RECENT = timedelta(days=7)          # a time this close to publication is "the story's own" time
DISCOURSE_WINDOW = 4                # past-tense sentences inherit a day named up to 4 sentences back
_VERB_POS = frozenset({"VERB"})
_NOUN_POS = frozenset({"NOUN"})
# Non-material types whose act is still aimed at the place it happens in when no party is named:
# "threatened to impose a curfew in Algiers", "lifted the curfew in Montenegro".
PLACE_TARGET_TYPES = frozenset({"THREATEN", "CONCEDE"})
# Speech acts happen where they are said: a place in their content ("accused X of meddling in Y")
# is the topic, so when the article has a dateline and their own clause names no place, they
# take the dateline place.
SETTING_ONLY_KINDS = frozenset({"igo", "organization"})
SPEECH_ACT_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "throughout", "across", "around"})
# words between a locative preposition and a place name ("in southeastern Serbia"): place_cues.tsv
_LOCATIVE_SKIP = place_cues(kind="direction") | place_cues(kind="filler")
_EMBEDDED = frozenset({"xcomp", "ccomp", "pcomp"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "obj"})
_REASON_PREPS = frozenset({"for", "over", "about", "of", "against"})
# Speech acts and attitudes: what they are about is their content, not a second event.
_VERBAL_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT",
                           "THREATEN"})
_PROTEST_TOPICS = frozenset({"REQUEST", "PROTEST", "ACCUSE"})
# An event named after these is earlier or ongoing background ("after two days of fighting");
# "during a meeting" is the same moment and stays an event.
_EARLIER_PREPS = frozenset({"after", "following", "since", "before", "prior", "amid", "until"})
_SEQUENCE_MARKS = frozenset({"after", "before", "since", "until", "till", "once"})
_PHRASE_LINKS = frozenset({"dobj", "pobj", "prep", "compound", "amod", "nmod", "appos", "npadvmod",
                           "conj", "attr", "nsubjpass", "poss", "oprd", "dative", "acomp", "obj"})
_CLAUSE_LINKS = frozenset({"xcomp", "pcomp", "ccomp", "acl"})
_BACKGROUND_PREPS = frozenset({"after", "before", "since", "during", "following", "amid", "despite",
                               "until", "ahead", "prior"})
# An agentless meeting noun after these prepositions is the setting of another act ("on the second
# day of a conference", "at a summit"), not an event of the article's main dyad.
_SETTING_PREPS = frozenset({"on", "at", "during", "after", "before", "since", "following", "ahead",
                            "amid", "until", "in"})
# A time inside one of these clauses dates that clause's event ("since Erdogan won ... in May").
_OTHER_EVENT_MARKS = frozenset({"since", "after", "before", "until", "till", "once", "because",
                                "although", "though", "unless", "if", "while"})
_TIME_STRENGTH = {"text": 2, "publication_date": 1, "none": 0}
_GRAIN_RANK = {"day": 5, "week": 4, "month": 3, "quarter": 2, "season": 2, "year": 1, "decade": 0}


class EventExtractionError(RuntimeError):
    pass


@dataclass(slots=True)
class Trigger:
    token: Token
    sense: TriggerSense
    matched: str | None        # the constraint word that selected this sense ("agreement")


# ---------------------------------------------------------------- trigger lookup

def _child_lemmas(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in deps:
            out.append(c)
            out.extend(c.conjuncts)
    return out


def _constraint_values(tok: Token, key: str) -> list[str]:
    if key == "form":
        return [tok.lower_]
    if key == "prt" or key == "prep":   # a time ("called Putin on Tuesday") is no argument's preposition
        return [c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent") and not _temporal(c)]
    if key == "pobj":   # the object of an attached preposition: "met with opposition", "came under attack"
        return [p.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "agent") and not _temporal(c)
                for p in c.children if p.dep_ == "pobj"]
    if key == "mod":   # "joint exercise", "sexually abused"
        return [c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "advmod")]
    if key == "xcomp":   # also "sworn to fight", parsed as an infinitival adverbial clause
        return [c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "ccomp") or _is_to_clause(c)]
    if key == "has":   # a dependent of this kind is present: "called X a Y" has an oprd
        return [c.dep_ for c in tok.children]
    if key == "oprd":   # what X is called: "called the minister a liar"
        return [c.lemma_.lower() for c in tok.children if c.dep_ == "oprd"]
    if key == "clause_aux":   # "said China must drop ...": the modal of an embedded clause
        return [a.lower_ for c in tok.children if c.dep_ == "ccomp"
                for a in c.children if a.dep_ in ("aux", "auxpass")]
    # obj: a verb's object or passive subject (and its name modifiers: "the ceasefire agreement");
    # a noun's "of" object or name modifier
    if tok.pos_ in _VERB_POS:
        objs = _child_lemmas(tok, {"dobj", "nsubjpass", "obj", "attr"})
        objs += [c for o in list(objs) for c in o.children if c.dep_ == "compound"]
    else:
        objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj"]
        objs += [c for c in tok.children if c.dep_ == "compound"]
        objs += [c for o in list(objs) for c in o.conjuncts]
    return [o.lemma_.lower() for o in objs] + [o.lower_ for o in objs]


_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day",
                         "week", "month", "year", "morning", "evening", "night", "afternoon", "weekend"})


def _temporal(prep: Token) -> bool:
    """ "on Tuesday", "in March", "on the same day": a preposition whose object is a time."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") or o.lower_ in _TIME_WORDS for o in objs)


def _any_to_clause(tok: Token) -> list[str]:
    """'xcomp=*': any embedded to-infinitive ("told X to leave", not "told X that ...")."""
    return [c.lemma_.lower() for c in tok.children
            if c.dep_ in ("xcomp", "ccomp", "advcl") and _has_to(c)]


def _has_to(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _is_to_clause(tok: Token) -> bool:
    return tok.dep_ == "advcl" and _has_to(tok)


def match_sense(tok: Token, senses: tuple[TriggerSense, ...]) -> tuple[TriggerSense, str | None] | None:
    """The most specific sense whose constraints all hold for ``tok``."""
    for sense in senses:
        matched = None
        for key, allowed in sense.requires:
            values = _any_to_clause(tok) if key == "xcomp" and ANY in allowed else \
                _constraint_values(tok, key)
            hit = next((v for v in values if v in allowed or ANY in allowed), None)
            if hit is None:
                break
            if key == "obj":
                matched = hit
        else:
            return (sense, matched) if sense.shape != "none" else None
    return None


def find_triggers(sent: Span, lexicon) -> list[Trigger]:
    found: dict[int, Trigger] = {}
    for tok in sent:
        if tok.pos_ in _VERB_POS:
            pos = "verb"
        elif tok.pos_ in _NOUN_POS:
            pos = "noun"
        else:
            continue
        senses = lexicon.senses(tok.lemma_.lower(), pos)
        if not senses and pos == "noun" and tok.lower_ != tok.lemma_.lower():
            senses = lexicon.senses(tok.lower_, pos)   # "signing" lemmatised as "sign"
        if senses:
            hit = match_sense(tok, senses)
            if hit:
                found[tok.i] = Trigger(tok, hit[0], hit[1])
    # A fallback (PETRARCH) trigger never hides one of dateline's own ("is expected to condemn"), and
    # gives way when one of dateline's own triggers depends on it ("began a hunger strike": the strike).
    own = {i: t for i, t in found.items() if not t.sense.fallback}
    found = {i: t for i, t in found.items() if not t.sense.fallback or not any(c.i in own for c in t.token.children)}
    kept = [t for t in found.values() if not _is_content_of_other(t, found if t.sense.fallback else own)]
    # "a suicide bombing killed 20": the verb tells what the attack named as its subject did; one event
    by_index = {t.token.i: t for t in kept}
    kept = [t for t in kept if not (t.token.pos_ in _VERB_POS and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i in by_index and by_index[c.i].sense.type == t.sense.type
        and by_index[c.i].token.pos_ in _NOUN_POS for c in t.token.children))]
    if len(kept) > 1:
        # "agreed to a ceasefire after two days of fighting", "following the invasion of X": an
        # event named only as the time of the sentence's own event is background, not news
        foreground = [t for t in kept if not _is_background(t.token)]
        if foreground:
            kept = foreground
    return kept


def _is_background(tok: Token) -> bool:
    if tok.pos_ not in _NOUN_POS:
        return False
    cur = tok
    for _ in range(6):
        if cur.dep_ not in _PHRASE_LINKS or cur.head is cur:
            return False
        if cur.dep_ == "prep" and cur.lower_ in _EARLIER_PREPS:
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ == "eve":
            return True
        cur = cur.head
    return False


def _is_content_of_other(trig: Trigger, found: dict[int, Trigger]) -> bool:
    tok = trig.token
    head = tok.head
    if tok.pos_ in _NOUN_POS and tok.dep_ in ("compound", "amod", "oprd"):
        # "invasion forces", "attack helicopters": a noun describing another;
        # "called India a threat": a label, not an act
        return True
    if (tok.pos_ in _NOUN_POS or tok.dep_ == "acl") and _is_restated_or_content(trig, found):
        return True
    outer_trig = found.get(head.i) or next(   # "began a hunger strike to protest": the strike
        (found[c.i] for c in head.children if c.dep_ in _OBJECT_DEPS and c.i in found), None)
    if tok.pos_ in _VERB_POS and tok.dep_ in ("advcl", "acl", "relcl") and outer_trig is not None:
        outer = outer_trig.sense.type
        # "began a hunger strike to protest ...", "a meeting to discuss ...": the purpose restates
        # the act; "vowed to fight": the promise or threat is the event
        if _has_to(tok) and (outer == trig.sense.type or outer in _VERBAL_TYPES):
            return True
        # "blocked roads demanding that ...": a protest's topic is no event of its own
        if outer == "PROTEST" and trig.sense.type in _PROTEST_TOPICS:
            return True
        # "shelled the city, killing 20", "... when they blew themselves up": one act told twice
        if tok.dep_ == "advcl" and outer == trig.sense.type and not any(
                c.dep_ == "mark" and c.lower_ in _SEQUENCE_MARKS for c in tok.children):
            return True
    # "agreed to pursue", "urged them to withdraw", "accused X of attacking": content, not an event
    if tok.dep_ in _EMBEDDED and (head.i in found or (tok.dep_ == "pcomp" and head.head.i in found)):
        return True
    # "held talks", "signed the agreement": the noun is the verb's object, the verb carries it
    if tok.pos_ in _NOUN_POS and tok.dep_ in _OBJECT_DEPS and head.i in found:
        return True
    if tok.pos_ in _NOUN_POS and tok.dep_ == "pobj" and head.head.i in found and (
            found[head.head.i].sense.type == trig.sense.type or head.lower_ in _REASON_PREPS):
        return True   # "praised X for its mediation", "condemned X over the strike": the reason
    # an umbrella noun whose own subtree names the same kind of event ("visits ..., including X's trip")
    if tok.pos_ in _NOUN_POS:
        for other in found.values():
            if other is not trig and other.sense.type == trig.sense.type \
                    and tok.left_edge.i <= other.token.i <= tok.right_edge.i:
                return True
    # a trigger embedded under a verb that is itself content of a trigger ("agreed to hold talks")
    if tok.pos_ in _NOUN_POS and head.dep_ in _EMBEDDED and head.head.i in found:
        return True
    return False


def _is_restated_or_content(trig: Trigger, found: dict[int, Trigger]) -> bool:
    """A noun trigger that only names again an event coded above it in the same phrase ("met
    in Sochi, their first meeting"), or that is what a speech act is about ("accused X of
    restoring blackmail in the negotiations", "rejected calls for economic aid")."""
    cur, crossed_clause, background = trig.token, False, False
    for _ in range(10):
        dep, up = cur.dep_, cur.head
        if up is cur:
            return False
        if dep in _CLAUSE_LINKS:
            crossed_clause = True
        elif dep not in _PHRASE_LINKS or cur.pos_ in ("VERB", "AUX"):
            return False      # "met ... and resulted in the signing": a clause of its own
        if up.dep_ == "prep" and up.lower_ in _BACKGROUND_PREPS:
            background = True          # "after two days of fighting": another event, told as time
        other = found.get(up.i)
        if other is not None:
            if other.sense.type == trig.sense.type and not crossed_clause:
                # a noun under a noun of its type is the umbrella rule's case, kept here
                return other.token.pos_ in _VERB_POS
            return other.sense.type in _VERBAL_TYPES and not background
        cur = up
    return False


# ---------------------------------------------------------------- the extractor

class _ArticleScope:
    """Per-article lookups shared by all sentences."""

    def __init__(self, doc: Doc, article: Article, mentions: list[ActorMention], times: list[TimeRef],
                 places: list[Place], kb) -> None:
        self.doc, self.article, self.kb = doc, article, kb
        self.index = MentionIndex(mentions, len(doc))
        self.sents = sentences(doc)
        self.times = [t for t in times if t.span is not None and t.value is not None]
        self.places = [p for p in places if p.span is not None and p.source != "dateline"]
        self.dateline_place = next((p for p in places if p.source == "dateline"), None)
        self.mentions = mentions
        self._dyad: list[Actor] | None = None

    # the article's main dyad: the two countries its actors belong to most often
    def main_dyad(self) -> list[Actor]:
        if self._dyad is None:
            counts: dict[str, int] = {}
            country_actor: dict[str, Actor] = {}
            for m in self.mentions:
                if m.via == "dateline":
                    continue
                for a in m.actors:
                    if a.country:
                        counts[a.country] = counts.get(a.country, 0) + 1
                    if a.kind == "country" and a.country:
                        country_actor.setdefault(a.country, a)
            top = sorted(counts, key=lambda c: (-counts[c], c))[:2]
            self._dyad = [country_actor.get(c) or self.country_actor(c) for c in top] if len(top) == 2 else []
        return self._dyad

    def country_actor(self, iso3: str) -> Actor:
        for m in self.mentions:
            for a in m.actors:
                if a.kind == "country" and a.country == iso3:
                    return a
        name = iso3
        countries = getattr(self.kb, "countries", None)
        if countries is not None:
            c = countries.get(iso3)
            if c is not None:
                name = c.name
        return Actor(id=f"country:{iso3}", name=name, kind="country", country=iso3, source="countries.tsv")

    def times_in(self, sent: Span) -> list[TimeRef]:
        return [t for t in self.times if sent.start_char <= t.span.start < sent.end_char]

    def places_in(self, sent: Span) -> list[Place]:
        return [p for p in self.places if sent.start_char <= p.span.start < sent.end_char]

    def get_dateline_place(self) -> Place | None:
        if self.dateline_place is None and self.article.dateline:
            try:
                from dateline.extractors.places import PlaceResolver
                self.dateline_place = PlaceResolver(self.kb).dateline_place(self.article)
            except ImportError:
                return None
        return self.dateline_place


class EventExtractor:
    """Doc + actor mentions + times + places -> coded events, merged within the article."""

    def __init__(self, kb=None) -> None:
        self.kb = kb
        extra = tuple(str(p) for p in (getattr(kb, "extra_paths", ()) or ()))
        self.lexicon = load_lexicon(extra)
        self.dimensions = load_dimensions(extra)
        self.modality = ModalityDetector(extra)
        self.numbers = number_words(extra)

    def extract(self, doc: Doc, article: Article, mentions: list[ActorMention], times: list[TimeRef],
                places: list[Place]) -> list[Event]:
        scope = _ArticleScope(doc, article, mentions, times, places, self.kb)
        events: list[Event] = []
        for si, sent in enumerate(scope.sents):
            for trig in find_triggers(sent, self.lexicon):
                events.extend(self._code(trig, si, sent, scope))
        return merge_article_events(events)

    # -- one trigger -> zero or more events

    def _code(self, trig: Trigger, si: int, sent: Span, scope: _ArticleScope) -> list[Event]:
        tok, sense = trig.token, trig.sense
        is_noun = tok.pos_ in _NOUN_POS
        roles = noun_roles(tok, scope.index, sense.type) if is_noun else \
            verb_roles(tok, scope.index, swap=sense.shape == "swap",
                       clause_recipients=sense.type in CLAUSE_RECIPIENT_TYPES,
                       condition_recipients=sense.type == "THREATEN")
        if is_noun and sense.shape == "swap" and not roles.inherited:
            roles.actors, roles.recipients = roles.recipients, roles.actors
        actors = _actors_of(roles.actors)
        recipients = _actors_of(roles.recipients)
        confidence = 0.9 if roles.inherited else 1.0
        if not actors and sense.shape == "reciprocal" and not (is_noun and _only_a_setting(tok)):
            actors = self._implicit_parties(tok, scope)
            confidence = 0.6
            # the body hosting the setting ("at an SCO summit") is not whom the parties met
            recipients = [r for r in recipients if r.kind not in SETTING_ONLY_KINDS]
        if not actors:
            if sense.type != "ASSAULT" or not self._unknown_hand(tok, sent, scope, roles, recipients):
                return []                               # no resolvable actor: no event
            confidence = 0.5    # an attack by an unknown hand ("came under attack", "were killed in a blast")
        actors = _drop_shadowed(actors)
        recipients = [r for r in _drop_shadowed(recipients) if r.id not in {a.id for a in actors}
                      and not (r.kind == "country" and r.country in {a.country for a in actors})]

        event_type, mode, cameo = sense.type, sense.mode, sense.cameo
        coded = (event_type, mode, cameo)
        if event_type == "MOBILIZE" and is_noun and tok.lemma_.lower() in _EXERCISES and _with_partner(tok, actors):
            event_type, mode, cameo = "COOPERATE", None, "062"    # one country's drill is a show of force; two drill together
        modality = self.modality.of(tok)
        place = self._place(tok, sent, scope, roles, event_type)
        if event_type == "CONSULT" and mode in (None, "visit"):
            if mode == "visit" and not recipients and roles.destination is not None:
                recipients = self._destination_country(roles.destination, sent, scope, actors)
            actors, recipients, mode, cameo = _host_and_visitor(actors, recipients, mode, cameo, place)
        if not recipients and sense.shape == "directed" and (
                mode == "visit" or event_type in PLACE_TARGET_TYPES
                or ontology.quad_class(event_type) in (2, 4)):
            recipients = self._place_country(place, actors, scope, domestic_ok=mode != "visit")
        # a future meeting is an intention (AGREE); a future or hypothetical attack is a threat
        recoded = ontology.recode_irrealis(event_type, mode, modality.future, modality.hypothetical)
        if recoded is not None:
            event_type, mode, cameo = recoded.type, recoded.mode, recoded.cameo
        time = self._time(tok, si, sent, scope, modality.future or modality.hypothetical)
        if place is not None and place.source == "dateline" and not _is_recent(time, scope.article.published):
            place = None
        dims, ctx = self._dimensions(tok, is_noun)
        contexts = list(dict.fromkeys([*sense.contexts, *ctx]))
        quantity = _quantity(tok, is_noun, self.numbers)
        coded_by = sense.origin + _recoding(coded, (event_type, mode, cameo))

        # one event per visitor when several people each made their own trip ("X and Y's trips")
        if mode == "visit" and len(actors) > 1:
            first_seen = {a.id: min((m.start for m in roles.actors if a in m.actors), default=0) for a in actors}
            actors.sort(key=lambda a: first_seen[a.id])
        groups = [[a] for a in actors] if (mode == "visit" and tok.tag_ == "NNS" and len(actors) > 1
                                           and all(a.kind != "country" for a in actors)) else [actors]
        out = []
        for group in groups:
            group_ids = {a.id for a in group}
            mention_spans = [m for m in roles.actors if any(a.id in group_ids for a in m.actors)]
            ev = Event(
                id=stable_id("evt", scope.article.id, si, tok.idx, event_type,
                             ",".join(sorted(a.id for a in group))),
                article_id=scope.article.id, type=event_type, mode=mode, contexts=contexts,
                dimensions=dims, cameo=cameo, quad_class=ontology.quad_class(event_type),
                plover_score=ontology.score(event_type, mode), goldstein=ontology.goldstein(cameo),
                actors=list(group), recipients=list(recipients), time=time, place=place,
                negated=modality.negated, future=modality.future, hypothetical=modality.hypothetical,
                historical=is_historical(time, scope.article.published),
                trigger=f"{sense.lemma} {trig.matched}" if trig.matched else sense.lemma,
                confidence=confidence, quantity=quantity, coded_by=coded_by)
            ev.mentions.append(self._evidence(scope, si, tok, mention_spans or roles.actors,
                                              roles.recipients, time, place, sent))
            out.append(ev)
        return out

    def _unknown_hand(self, tok: Token, sent: Span, scope: _ArticleScope, roles, recipients: list[Actor]) -> bool:
        """An attack the text reports without its perpetrator is coded with no actor (as event data
        codes an unknown perpetrator) when it names whom or where it struck: a victim among the
        recipients, or a place in the sentence. "Attacks have increased" names neither and is dropped."""
        if recipients:
            return True
        place = self._place(tok, sent, scope, roles, "ASSAULT")
        return place is not None and place.source != "dateline"

    def _implicit_parties(self, tok: Token, scope: _ArticleScope) -> list[Actor]:
        """Parties of an agentless reciprocal event: a meeting named in the same clause
        ("reached during a meeting between A and B"), else the article's main dyad."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("during", "at", "after", "in"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        roles = noun_roles(p, scope.index, "CONSULT")
                        # "met ... at an SCO summit": a body that names the setting does not meet
                        found = [a for a in _actors_of(roles.actors) if a.kind not in SETTING_ONLY_KINDS]
                        if found:
                            return found
        return list(scope.main_dyad())

    def _place_country(self, place: Place | None, actors: list[Actor],
                       scope: _ArticleScope, domestic_ok: bool = True) -> list[Actor]:
        """A material act (or a threat or concession of one) done in a place with no named target
        is aimed at the place's country ("sent 21 observers to Bosnia", "evacuated the wounded
        from Gorazde", "imposed a curfew in Algiers", "lifted a curfew in Montenegro"); with
        ``domestic_ok`` False only when the place is abroad for the actors (a visit)."""
        if place is None or place.source == "dateline" or not place.country:
            return []
        target = scope.country_actor(place.country)
        if target.id in {a.id for a in actors}:
            return []                       # "Algeria imposed a curfew in Algeria": no second party
        if domestic_ok or place.country not in {a.country for a in actors}:
            # a curfew in Algiers imposed by Algeria's president is aimed at Algeria
            return [target]
        return []

    def _destination_country(self, dest: Token, sent: Span, scope: _ArticleScope,
                             actors: list[Actor]) -> list[Actor]:
        m = scope.index.at(dest.i)
        if m is not None:
            return _actors_of([m])
        for p in scope.places_in(sent):
            if p.span.start <= dest.idx < p.span.end and p.country:
                if p.country in {a.country for a in actors}:
                    return []
                return [scope.country_actor(p.country)]
        return []

    # -- time, place, dimensions, evidence

    def _time(self, tok: Token, si: int, sent: Span, scope: _ArticleScope, irrealis: bool) -> TimeRef:
        published = scope.article.published
        here = [t for t in scope.times_in(sent) if not _in_other_clause(t, tok)]
        if here:
            # a time in the trigger's own clause beats a nearer one in a coordinated clause
            # ("brokered the deal in 2022, and Russia pulled out of it in July" -> July)
            own = _clause_verb(tok)
            own_i = own.i if own is not None else -1
            return copy.copy(min(here, key=lambda t: (_clause_verb_index(scope.doc, t) != own_i,
                                                      abs(t.span.start - tok.idx))))
        clause_tense = tense(tok)
        if not irrealis and clause_tense == "present" and published is not None:
            return TimeRef(value=published.isoformat(), granularity="day", source="publication_date",
                           earliest=published, latest=published, fallback=published)
        if not irrealis and clause_tense == "past":
            # a past-tense report continuing the story of a day named just before ("on Thursday")
            for back in range(si - 1, max(si - 1 - DISCOURSE_WINDOW, -1), -1):
                prev = scope.times_in(scope.sents[back])
                if prev:
                    t = prev[-1]
                    if t.granularity in ("day", "week") and _is_recent(t, published):
                        return copy.copy(t)
                    break
        return TimeRef(value=None, granularity="unknown", source="none", fallback=published)

    def _place(self, tok: Token, sent: Span, scope: _ArticleScope, roles: Roles,
               event_type: str = "") -> Place | None:
        role_spans = [(m.start, m.end) for m in [*roles.actors, *roles.recipients] if m.via not in ("capital",)]
        # a party named after "in/at/near" is also where it happens ("the Red Cross operating in Iraq")
        candidates = [p for p in scope.places_in(sent)
                      if _after_locative(scope.doc, p) or not any(s <= p.span.start < e for s, e in role_spans)]
        if event_type in SPEECH_ACT_TYPES and scope.get_dateline_place() is not None:
            candidates = [p for p in candidates if _in_clause_of(scope.doc, p, tok) and _after_locative(scope.doc, p)]
        if candidates:
            # a place in the trigger's own clause beats a nearer one in another clause
            # ("eased measures in Montenegro as authorities in Croatia cracked down")
            return min(candidates, key=lambda p: (not _in_clause_of(scope.doc, p, tok), abs(p.span.start - tok.idx)))
        return scope.get_dateline_place()

    def _dimensions(self, tok: Token, is_noun: bool) -> tuple[list[str], list[str]]:
        words = [t.lemma_.lower() for t in tok.subtree]
        lowers = [t.lower_ for t in tok.subtree]
        dims: dict[str, None] = {}
        ctx: dict[str, None] = {}
        i = 0
        while i < len(words):
            hit = None
            for key in {words[i], lowers[i]}:
                for kw in self.dimensions.get(key, ()):
                    n = len(kw.lemmas)
                    seq = [w for w in words[i:i + n * 2] if w not in ("-",)][:n]
                    seq_l = [w for w in lowers[i:i + n * 2] if w not in ("-",)][:n]
                    if tuple(seq) == kw.lemmas or tuple(seq_l) == kw.lemmas:
                        hit = kw
                        break
                if hit:
                    break
            if hit:
                if hit.dimension:
                    dims[hit.dimension] = None
                if hit.context:
                    ctx[hit.context] = None
            i += 1
        return list(dims), list(ctx)

    def _evidence(self, scope: _ArticleScope, si: int, tok: Token, actor_mentions: list[ActorMention],
                  recipient_mentions: list[ActorMention], time: TimeRef, place: Place | None,
                  sent: Span) -> Evidence:
        ev = evidence_for(scope.doc, scope.article.id, si)
        ev.trigger = TextSpan(tok.idx, tok.idx + len(tok.text), tok.text)
        ev.actors = [TextSpan(m.start, m.end, m.text) for m in actor_mentions]
        ev.recipients = [TextSpan(m.start, m.end, m.text) for m in recipient_mentions]
        if time.span is not None and sent.start_char <= time.span.start < sent.end_char:
            ev.time = time.span
        if place is not None and place.span is not None and sent.start_char <= place.span.start < sent.end_char:
            ev.place = place.span
        return ev


# ---------------------------------------------------------------- helpers

def _actors_of(mentions: list[ActorMention]) -> list[Actor]:
    out: dict[str, Actor] = {}
    for m in mentions:
        for a in m.actors:
            out.setdefault(a.id, a)
    return list(out.values())


def _drop_shadowed(actors: list[Actor]) -> list[Actor]:
    """'Pakistan's Foreign Minister Ishaq Dar': the person stands for the side; drop the country."""
    people_countries = {a.country for a in actors if a.kind != "country" and a.country}
    return [a for a in actors if not (a.kind == "country" and a.country in people_countries)]


def _in_clause_of(doc: Doc, place: Place, trigger: Token) -> bool:
    """Whether the place name hangs from the trigger without passing through another verb."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(12):
        if tok is trigger:
            return True
        if tok.head is tok or (tok.pos_ in _VERB_POS and tok is not span.root):
            return False
        tok = tok.head
    return False


def _after_locative(doc: Doc, place: Place) -> bool:
    """Whether a place name follows a locative preposition ("in southern Lebanon", "at Basra")."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in _LOCATIVE_SKIP:
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE_PREPS


def _host_and_visitor(actors: list[Actor], recipients: list[Actor], mode: str | None, cameo: str,
                      place: Place | None) -> tuple[list[Actor], list[Actor], str | None, str]:
    """A meeting in one side's country is a visit by the other side: visitor acts, host receives."""
    if place is None or place.source == "dateline" or not place.country:
        return actors, recipients, mode, cameo
    if all(a.kind == "country" for a in actors + recipients):
        return actors, recipients, mode, cameo     # a commission session in Moscow: both sides meet
    parties = actors + recipients
    hosts = [a for a in parties if a.country == place.country]
    visitors = [a for a in parties if a.country and a.country != place.country]
    if not hosts or not visitors or len(hosts) + len(visitors) != len(parties):
        return actors, recipients, mode, cameo
    return visitors, hosts, "visit", "042" if cameo != "043" else cameo


def _only_a_setting(noun: Token) -> bool:
    tok = noun
    for _ in range(6):
        if tok.dep_ not in ("pobj", "prep", "compound", "conj", "appos") or tok.head is tok:
            return False
        if tok.dep_ == "prep" and tok.lower_ in _SETTING_PREPS:
            return True
        tok = tok.head
    return False


def _clause_verb(tok: Token) -> Token | None:
    """The nearest verb at or above a token: the clause it belongs to."""
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _clause_verb_index(doc: Doc, time: TimeRef) -> int:
    """Token index of the clause verb a time expression hangs on (-2 when there is none).
    Indices, not Token objects: spaCy makes a new Token object on every access."""
    span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    verb = _clause_verb(span.root) if span is not None and len(span) else None
    return verb.i if verb is not None else -2


def _in_other_clause(time: TimeRef, trigger: Token) -> bool:
    """The time sits in a subordinate clause that tells another event ("their first meeting since
    Erdogan won re-election in May") or in a relative clause on another word."""
    span = trigger.doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(8):
        if tok.head is tok:
            return False
        if tok.pos_ in ("VERB", "AUX") and tok is not trigger and not (
                tok.left_edge.i <= trigger.i <= tok.right_edge.i):
            if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _OTHER_EVENT_MARKS
                                           for c in tok.children):
                return True
            if tok.dep_ == "relcl" and tok.head is not trigger:
                return True
        tok = tok.head
    return False


def _is_recent(time: TimeRef | None, published: date | None) -> bool:
    if time is None or published is None:
        return False
    if time.source == "publication_date":
        return True
    if time.source != "text" or time.latest is None:
        return False
    # compare the distance, not published -/+ RECENT: that overflows at 0001-01-01 and 9999-12-31
    return abs(time.latest - published) <= RECENT


_EXERCISES = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "wargame"})


def _with_partner(noun: Token, actors: list[Actor]) -> bool:
    """An exercise held by two countries ("Pakistan and Russia held naval drills") or with a partner
    ("drills with the Chinese navy", "held drills with China")."""
    if len({a.country for a in actors if a.country}) >= 2:
        return True
    holders = [noun] + ([noun.head] if noun.dep_ in ("dobj", "nsubjpass", "pobj") else [])
    return any(c.dep_ == "prep" and c.lower_ == "with" for t in holders for c in t.children)


def _recoding(before: tuple[str, str | None, str], after: tuple[str, str | None, str]) -> str:
    """The trace's note when a rule changed the row's coding (a visit's host and visitor, an
    announced act recoded as intent): "; recoded AGREE 036 (was CONSULT/visit 042)"."""
    if before == after:
        return ""
    shown = lambda t, m, c: f"{t}{'/' + m if m else ''} {c}"  # noqa: E731
    return f"; recoded {shown(*after)} (was {shown(*before)})"


def _quantity(tok: Token, is_noun: bool, numbers: NumberWords) -> float | None:
    """'the signing of eight agreements' -> 8; 'signed three deals' -> 3."""
    if is_noun:
        objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj"]
    else:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    for o in objs:
        for c in o.children:
            if c.dep_ == "nummod":
                return numbers.parse(c.text)
    return None


# ---------------------------------------------------------------- intra-article merge

def _countries(actors: list[Actor]) -> frozenset[str]:
    return frozenset(a.country for a in actors if a.country)


def _countries_only(ev: Event) -> bool:
    return all(a.kind == "country" for a in [*ev.actors, *ev.recipients])


def _same_parties(a: Event, b: Event) -> bool:
    if not a.actors and not b.actors:
        # two reports of an attack by an unknown hand in one article: one attack when the victims
        # agree (or neither names any); time and place are checked apart
        ra, rb = {x.id for x in a.recipients}, {x.id for x in b.recipients}
        return bool(ra & rb) or (not ra and not rb) or _countries(a.recipients) == _countries(b.recipients)
    if not a.actors or not b.actors:
        return False
    if bool(a.recipients) != bool(b.recipients):
        return False
    if (_countries_only(a) or _countries_only(b)) and not (_pinned(a.time) and _pinned(b.time)):
        # countries alone identify an event only on a named day: two 2024 Pakistan-Russia
        # meetings are not one meeting
        return False
    a_ids, b_ids = {x.id for x in a.actors}, {x.id for x in b.actors}
    if a_ids & b_ids:
        if not a.recipients:
            return True
        ra, rb = {x.id for x in a.recipients}, {x.id for x in b.recipients}
        return bool(ra & rb) or _countries(a.recipients) == _countries(b.recipients)
    if _countries_only(a) or _countries_only(b):
        return (_countries(a.actors) == _countries(b.actors) and bool(_countries(a.actors))
                and _countries(a.recipients) == _countries(b.recipients))
    return False


def _pinned(t: TimeRef | None) -> bool:
    return t is None or t.source != "text" or t.granularity in ("day", "week")


def _times_compatible(a: TimeRef | None, b: TimeRef | None) -> bool:
    if a is None or b is None or a.source == "none" or b.source == "none":
        return True
    if a.source == "text" and b.source == "text":
        if a.earliest and b.earliest and a.latest and b.latest:
            return a.earliest <= b.latest and b.earliest <= a.latest
        return a.value == b.value
    # a present-tense report ("is visiting") against a day named in the text: within a week
    da = a.latest or a.earliest
    db = b.latest or b.earliest
    return da is not None and db is not None and abs((da - db).days) <= RECENT.days


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or a.source == "dateline" or b.source == "dateline":
        return True
    return (a.country or a.name) == (b.country or b.name)


def _time_rank(t: TimeRef | None) -> tuple[int, int]:
    if t is None:
        return (-1, -1)
    return (_TIME_STRENGTH.get(t.source, 0), _GRAIN_RANK.get(t.granularity, -1))


def _place_rank(p: Place | None) -> int:
    return -1 if p is None else (0 if p.source == "dateline" else 1)


def same_event(a: Event, b: Event) -> bool:
    """Two codings of one happening: same type and polarity, the same parties (by id, or by
    country when one side is named only as countries), compatible time and place, and not two
    different triggers of one sentence."""
    if a.type != b.type or a.negated != b.negated or a.future != b.future:
        return False
    a_keys = {(m.sentence, m.trigger.start if m.trigger else -1) for m in a.mentions}
    b_keys = {(m.sentence, m.trigger.start if m.trigger else -1) for m in b.mentions}
    a_sents = {m.sentence_index for m in a.mentions}
    if any(m.sentence_index in a_sents for m in b.mentions) and not (a_keys & b_keys):
        return False
    return _same_parties(a, b) and _times_compatible(a.time, b.time) and _places_compatible(a.place, b.place)


def merge_article_events(events: list[Event]) -> list[Event]:
    """One event per happening: later codings of the same event become extra mentions of the first.
    The kept event takes the most precise time and place among them; ids stay those of the first."""
    merged: list[Event] = []
    for ev in events:
        target = next((m for m in merged if same_event(m, ev)), None)
        if target is None:
            merged.append(ev)
            continue
        target.mentions.extend(ev.mentions)
        if _time_rank(ev.time) > _time_rank(target.time):
            target.time = ev.time
            target.historical = ev.historical
        if _place_rank(ev.place) > _place_rank(target.place):
            target.place = ev.place
        if target.mode is None and ev.mode is not None:
            target.mode, target.cameo = ev.mode, ev.cameo
            target.plover_score, target.goldstein = ev.plover_score, ev.goldstein
        target.contexts = list(dict.fromkeys([*target.contexts, *ev.contexts]))
        target.dimensions = list(dict.fromkeys([*target.dimensions, *ev.dimensions]))
        if target.quantity is None:
            target.quantity = ev.quantity
        target.confidence = max(target.confidence, ev.confidence)
    return merged
