"""Features of one candidate event: what the scorer sees when it decides how likely the candidate is
a real event of its type. Names are readable strings so that `explain` can show what moved a score."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from dateline.extractors import sentences
from dateline.knowledge.lexicon import FALLBACK_LEXICON_FILE
from dateline.model import Event

# Words that change what a trigger reports: conditions, cancellation, speculation, questions, quotes.
CUES = {
    "condition": {"if", "unless", "should", "whether", "provided", "otherwise"},
    "speculation": {"could", "might", "may", "would", "possible", "possibly", "likely", "potential", "risk"},
    "cancel": {"cancel", "cancelled", "canceled", "postpone", "postponed", "off", "scrap", "scrapped", "suspend",
               "suspended", "halt", "halted", "stop", "stopped", "freeze", "froze", "frozen", "cut", "end", "ended"},
    "negation": {"not", "no", "never", "n't", "without", "instead", "refused", "failed"},
    "report": {"said", "says", "told", "according", "announced", "reported", "statement"},
    "background": {"since", "ago", "history", "decades", "years", "former", "previously", "earlier", "once"},
    "generic": {"often", "usually", "rarely", "always", "typically", "remains", "tend", "analysts", "experts"},
}
_CUE_OF = {w: name for name, words in CUES.items() for w in words}


def trigger_token(doc: Doc, event: Event) -> Token | None:
    for mention in event.mentions:
        if mention.trigger is not None:
            span = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
            if span is not None and len(span):
                return span.root
    return None


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


# Features that need the story around the sentence (its place in the article, the headline, repeated
# mentions). Single written training sentences have no story, so these are left out when training on
# them (``context=False``) rather than taught that every sentence is a lead.
CONTEXT = ("sentence_index=", "type+lead=", "lead+time=", "where+time=", "mentions=", "has_title",
           "trigger_in_title", "actor_in_title", "dyad=", "type+dyad=")


def main_countries(events: list[Event]) -> frozenset[str]:
    """The article's two most-named countries among its candidates' actors and recipients (each named
    by at least two candidates): the relationship the story is about."""
    counts = Counter(c for e in events for c in {a.country for a in e.actors + e.recipients if a.country})
    # ties broken by code, never by set order (which changes with Python's hash seed between runs)
    top = [c for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2] if n >= 2]
    return frozenset(top) if len(top) == 2 else frozenset()


def _title_words(text: str | None) -> set[str]:
    return {w.strip(".,:;!?\"'\u201c\u201d\u2018\u2019()").lower() for w in (text or "").split()} - {""}


def candidate_features(doc: Doc, event: Event, title: str | None = None, context: bool = True,
                       main: frozenset[str] = frozenset()) -> list[str]:
    """Binary features of ``event`` (a rule candidate) in ``doc``; each name says what it tests.

    ``title`` is the article's headline, ``main`` its main pair of countries (``main_countries``);
    ``context=False`` leaves out the features of the story around the sentence (see CONTEXT)."""
    f = _sentence_features(doc, event) + _story_features(doc, event, title, main)
    if not context:
        f = [name for name in f if not name.startswith(CONTEXT)]
    return list(dict.fromkeys(f))


def _story_features(doc: Doc, event: Event, title: str | None, main: frozenset[str]) -> list[str]:
    f = []
    t = event.type
    if main:
        shared = len(main & {a.country for a in event.actors + event.recipients if a.country})
        dyad = ("none", "one", "both")[shared]
        f += [f"dyad={dyad}", f"type+dyad={t}+{dyad}"]
    if event.mentions:
        lead = event.mentions[0].sentence_index == 0
        granularity = event.time.granularity if event.time else "none"
        # a dated act deep in a story is background a coder keeps ("held in Moscow last year"); an
        # undated one there is more often analysis
        where = "lead" if lead else ("early" if event.mentions[0].sentence_index <= 5 else "late")
        f += [f"type+lead={t}+{lead}", f"lead+time={lead}+{granularity}", f"where+time={where}+{granularity}"]
    words = _title_words(title)
    if words:
        f.append("has_title")
        tok = trigger_token(doc, event)
        if tok is not None and (tok.lemma_.lower() in words or tok.lower_ in words):
            f.append("trigger_in_title")
        names = {w for a in event.actors + event.recipients for w in _title_words(a.name) if len(w) > 3}
        if names & words:
            f.append("actor_in_title")
    return f


def _sentence_features(doc: Doc, event: Event) -> list[str]:
    t = event.type
    lemma = event.trigger.split(" ")[0].lower() if event.trigger else ""
    f = ["bias", f"type={t}", f"cameo={event.cameo}", f"lemma={lemma}", f"type+lemma={t}+{lemma}",
         f"mode={event.mode}", f"quad={event.quad_class}"]
    f += [f"{name}" for name in ("negated", "future", "hypothetical", "historical") if getattr(event, name)]
    f.append(f"actors={_bucket(len(event.actors), (0, 1, 2))}")
    f.append(f"recipients={_bucket(len(event.recipients), (0, 1, 2))}")
    f += [f"actor_kind={a.kind}" for a in event.actors[:3]]
    f += [f"recipient_kind={a.kind}" for a in event.recipients[:3]]
    f.append(f"type+has_recipient={t}+{bool(event.recipients)}")
    f.append(f"actor_country={'yes' if any(a.country for a in event.actors) else 'no'}")
    f.append(f"rule_confidence={event.confidence:.1f}")
    if event.coded_by and event.coded_by.startswith(FALLBACK_LEXICON_FILE):
        f.append("fallback_lexicon")      # a PETRARCH2 pattern, converted without its noun-phrase structure
    f.append(f"mentions={_bucket(len(event.mentions), (1, 2))}")
    f.append(f"time={event.time.granularity if event.time else 'none'}")
    f.append(f"place={'yes' if event.place else 'no'}")
    if event.mentions:
        first = event.mentions[0]
        f.append(f"sentence_index={_bucket(first.sentence_index, (0, 2, 5, 10))}")
        words = first.sentence.lower()
        f.append(f"sentence_len={_bucket(len(words.split()), (12, 25, 40))}")
        if "?" in words:
            f.append("question")
        if any(q in words for q in ('"', "\u201c", "\u201d")):
            f.append("quote")
    tok = trigger_token(doc, event)
    if tok is not None:
        f += [f"pos={tok.pos_}", f"dep={tok.dep_}", f"type+pos={t}+{tok.pos_}", f"head_lemma={tok.head.lemma_.lower()}",
              f"type+dep={t}+{tok.dep_}"]
        children = {c.dep_ for c in tok.children}
        f += [f"child_dep={d}" for d in sorted(children & {"nsubj", "nsubjpass", "dobj", "aux", "auxpass", "neg", "prep",
                                                           "xcomp", "ccomp", "agent", "advcl", "mark"})]
        f += [f"aux={c.lower_}" for c in tok.children if c.dep_ in ("aux", "auxpass")]
        for c in tok.children:
            if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "with")):
                f.append(f"lemma+{c.dep_}={lemma}+{c.lemma_.lower() if c.dep_ != 'prep' else c.lower_}")
        sent = sentences(doc)[event.mentions[0].sentence_index] if event.mentions else tok.sent
        cues = {_CUE_OF[w.lower_] for w in sent if w.lower_ in _CUE_OF}
        f += [f"cue={c}" for c in sorted(cues)]
        window = doc[max(sent.start, tok.i - 3):min(sent.end, tok.i + 4)]
        f += [f"near={w.lemma_.lower()}" for w in window if w.i != tok.i and w.is_alpha]
        f += [f"near_cue={_CUE_OF[w.lower_]}" for w in window if w.lower_ in _CUE_OF]
        path, up = [], tok
        while up.head.i != up.i and len(path) < 3:
            path.append(up.dep_)
            up = up.head
        f.append("path=" + ">".join(path))
        f.append(f"root_lemma={up.lemma_.lower()}")
        f += _trigger_shape(doc, tok, sent)
    granularity = event.time.granularity if event.time else "none"
    f.append(f"type+time={t}+{granularity}")
    f.append("actor_kinds=" + "+".join(sorted({a.kind for a in event.actors}) or ["none"]))
    f.append(f"type+actor_country={t}+{any(a.country for a in event.actors)}")
    return f


def _trigger_shape(doc: Doc, tok: Token, sent) -> list[str]:
    """How the trigger sits in ``sent``, its sentence: inside a quotation, a noun's determiner and
    governor, the subject's part of speech and entity type, the verb's tense tag."""
    f = [f"pos+dep={tok.pos_}+{tok.dep_}", f"pos+headpos={tok.pos_}+{tok.head.pos_}", f"tense={tok.tag_}"]
    # the sentence's own text: Doc.text (and tok.sent) cost a pass over the whole Doc on every call
    before = sent.text[:tok.idx - sent.start_char]
    if before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d"):
        f.append("in_quote")
    if tok.pos_ == "NOUN":
        f.append(f"noun_head={tok.dep_}:{tok.head.lemma_.lower()}")
        f += [f"noun_det={c.lower_}" for c in tok.children if c.dep_ == "det"][:1]
        if any(c.dep_ == "poss" for c in tok.children):
            f.append("noun_poss")
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        f += [f"subj_pos={subject.pos_}", f"subj_ent={subject.ent_type_ or 'none'}"]
    return f
