"""The agreements register: what the pair signed, agreed or plans to sign.

From the pair's events: signings (CAMEO 057 "sign formal agreement", or a sign/ink trigger) are
"signed", or "planned" when the text puts them in the future or a condition; other AGREE events
whose trigger is an agreement ("agreed to ...") are "agreed". The number comes from the event's
quantity or an agreements_signed fact of the same sentence; the session from a mechanism the same
sentence names.
"""
from __future__ import annotations

import re

from dateline.analysis.registers.dates import sort_key, when_of
from dateline.analysis.registers.records import Agreement
from dateline.analysis.registers.sources import SentenceKey, articles_of, event_sources
from dateline.model import Event, Fact

SIGNING_CAMEO = "057"
_SIGN = re.compile(r"\b(?:sign|signs|signed|signing|ink|inks|inked|inking)\b", re.IGNORECASE)
_AGREE = re.compile(r"\bagree", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:]|,\s+(?:which|who|while|as|but|and the|the)\b|\s+—")
_AGREED_CLAUSE = re.compile(r"\b(?:that|to|on)\s")
MAX_WORDS = 14


def agreements_register(events: list[Event], facts: list[Fact], pair: tuple[str, str],
                        sessions: dict[SentenceKey, str] | None = None) -> list[Agreement]:
    sessions = sessions or {}
    counts = _count_facts(facts)
    rows = []
    for ev in events:
        if ev.negated:
            continue
        signing = ev.cameo == SIGNING_CAMEO or bool(_SIGN.search(ev.trigger or ""))
        agreed = ev.type == "AGREE" and bool(_AGREE.search(ev.trigger or ""))
        if not (signing or agreed):
            continue
        status = "planned" if ev.future or ev.hypothetical else ("signed" if signing else "agreed")
        keys = [(m.article_id, m.sentence_index) for m in ev.mentions]
        fact_ids = [f.id for k in keys for f in counts.get(k, [])]
        number = int(ev.quantity) if ev.quantity else next(
            (int(f.value) for k in keys for f in counts.get(k, [])), None)
        parties = sorted({a.country for a in ev.actors + ev.recipients if a.country in pair})
        rows.append(Agreement(
            what=_what(ev, agreed=not signing), status=status, number=number, parties=parties, sectors=list(ev.dimensions),
            when=when_of(ev.time), venue=ev.place.name if ev.place else None,
            venue_country=ev.place.country if ev.place else None,
            session=next((sessions[k] for k in keys if k in sessions), None),
            event_ids=[ev.id], fact_ids=list(dict.fromkeys(fact_ids)), article_ids=articles_of(ev),
            sources=event_sources(ev)))
    order = {"signed": 0, "planned": 1, "agreed": 2}
    return sorted(rows, key=lambda r: (sort_key(r.when), order[r.status], r.what))


def _count_facts(facts: list[Fact]) -> dict[SentenceKey, list[Fact]]:
    out: dict[SentenceKey, list[Fact]] = {}
    for f in facts:
        if f.indicator == "agreements_signed" and f.evidence is not None:
            out.setdefault((f.article_id, f.evidence.sentence_index), []).append(f)
    return out


def _what(ev: Event, agreed: bool = False) -> str:
    """The words after the trigger in its first sentence, to the end of the clause (at most 14 words):
    "the signing of eight agreements across sectors such as education, healthcare" -> "eight agreements
    across sectors such as education, healthcare, trade, and industrial development". For an
    agreement reached ("agreed in January, at a session ..., that Russia would supply crude oil"),
    the "that"/"to" clause: "Russia would supply crude oil ..."."""
    for m in ev.mentions:
        if m.trigger is None:
            continue
        at = m.trigger.end - m.sentence_start
        rest = m.sentence[at:] if 0 <= at <= len(m.sentence) else ""
        if agreed:
            clause = _AGREED_CLAUSE.search(rest)
            rest = rest[clause.start():] if clause else rest
        rest = re.sub(r"^\s*(?:of|on|upon|that)\s+", "", rest).lstrip()   # "agreed to ..." keeps its "to"
        cut = _CLAUSE_END.search(rest)
        words = (rest[:cut.start()] if cut else rest).split()
        if words:
            text = " ".join(words[:MAX_WORDS])
            return text + ("…" if len(words) > MAX_WORDS else "")
    return ev.trigger or ev.type.lower()
