"""Evidence of register rows: an event's sentences as Sources, ids kept in first-seen order."""
from __future__ import annotations

from collections.abc import Iterable

from dateline.analysis.registers.records import Source
from dateline.model import Event

SentenceKey = tuple[str, int]      # (article id, sentence index)


def event_sources(ev: Event) -> list[Source]:
    return [Source(m.article_id, m.sentence_index, m.sentence, event_id=ev.id) for m in ev.mentions]


def add_unique(target: list, items: Iterable) -> None:
    for item in items:
        if item not in target:
            target.append(item)


def add_sources(target: list[Source], items: Iterable[Source]) -> None:
    seen = {(s.article_id, s.sentence_index, s.event_id, s.fact_id) for s in target}
    for s in items:
        key = (s.article_id, s.sentence_index, s.event_id, s.fact_id)
        if key not in seen:
            seen.add(key)
            target.append(s)


def articles_of(ev: Event) -> list[str]:
    return list(dict.fromkeys([m.article_id for m in ev.mentions] or [ev.article_id]))


def sentences_of(ev: Event) -> list[SentenceKey]:
    return [(m.article_id, m.sentence_index) for m in ev.mentions]
