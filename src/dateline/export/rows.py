"""One row per event for CSV and Parquet: the scalar columns (``columns.EVENTS``) both carry, and
for Parquet the lists that have no scalar form (``columns.EVENT_LISTS``)."""
from __future__ import annotations

from typing import Any

from dateline.export.columns import EVENT_LISTS, EVENTS, names
from dateline.export.scalar import event_values, side_values
from dateline.model import Article, Event

COLUMNS = names(EVENTS)                       # CSV
PARQUET_COLUMNS = COLUMNS + names(EVENT_LISTS)


def mention_dicts(event: Event) -> list[dict[str, Any]]:
    return [{"article_id": m.article_id, "sentence_index": m.sentence_index, "sentence": m.sentence,
             "sentence_start": m.sentence_start, "sentence_end": m.sentence_end,
             "trigger_start": m.trigger.start if m.trigger else None,
             "trigger_end": m.trigger.end if m.trigger else None,
             "trigger_text": m.trigger.text if m.trigger else None} for m in event.mentions]


def event_row(event: Event, articles: dict[str, Article], fallback: str = "none") -> dict[str, Any]:
    """The scalar columns: the first actor and recipient stand for their side (n_actors/n_recipients
    say how many there are; dyadic exports have every pair)."""
    return {**event_values(event, articles, fallback),
            **side_values("actor", event.actors[0] if event.actors else None), "n_actors": len(event.actors),
            **side_values("recipient", event.recipients[0] if event.recipients else None),
            "n_recipients": len(event.recipients)}


def list_values(event: Event) -> dict[str, Any]:
    return {
        "actor_ids": [a.id for a in event.actors], "actor_names": [a.name for a in event.actors],
        "actor_countries": [a.country or "" for a in event.actors],
        "recipient_ids": [a.id for a in event.recipients], "recipient_names": [a.name for a in event.recipients],
        "recipient_countries": [a.country or "" for a in event.recipients],
        "contexts": list(event.contexts), "dimensions": list(event.dimensions),
        "article_ids": list(dict.fromkeys(m.article_id for m in event.mentions)) or [event.article_id],
        "mentions": mention_dicts(event),
    }
