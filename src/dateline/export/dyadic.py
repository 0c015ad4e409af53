"""Dyadic rows: one row per (actor, recipient) pair of each event, scalar columns only.

Compound sides are expanded (India + China -> Russia is two rows). Actors on the actor side from
different countries (or without a country) are also paired with each other, both ways, with
``joint`` true ("Pakistan and Russia held talks" -> PAK->RUS and RUS->PAK). A person and the
country he acts for (Ishaq Dar + Pakistan) are one party, not a joint pair. An event with no pair
at all still has one row per actor (or per recipient), the other side empty, so no event is lost.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dateline.export.batching import with_articles
from dateline.export.scalar import event_values, side_values
from dateline.model import Actor, Event

Pair = tuple[Actor | None, Actor | None, bool]


def _partners(a: Actor, b: Actor) -> bool:
    return a.id != b.id and (a.country is None or b.country is None or a.country != b.country)


def pairs(event: Event) -> list[Pair]:
    out: list[Pair] = [(a, r, False) for a in event.actors for r in event.recipients if a.id != r.id]
    acts = event.actors
    for i, a in enumerate(acts):
        for b in acts[i + 1:]:
            if _partners(a, b):
                out += [(a, b, True), (b, a, True)]
    if out:
        return out
    if event.actors:
        return [(a, None, False) for a in event.actors]
    return [(None, r, False) for r in event.recipients] or [(None, None, False)]


def dyadic_rows(events: Iterable[Event], lookup, fallback: str = "none") -> Iterator[dict[str, Any]]:
    for event, articles in with_articles(events, lookup):
        values = event_values(event, articles, fallback)
        for actor, recipient, joint in pairs(event):
            yield {**values, **side_values("actor", actor), **side_values("recipient", recipient), "joint": joint}
