"""Features of one candidate event: what the scorer sees when it decides how likely the candidate is
a real event of its type. Names are readable strings so that `explain` can show what moved a score."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.extractors import sentences
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


def candidate_features(doc: Doc, event: Event) -> list[str]:
    """Binary features of ``event`` (a rule candidate) in ``doc``; each name says what it tests."""
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
    return list(dict.fromkeys(f))
