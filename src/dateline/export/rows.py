"""One flat row per event, shared by CSV and Parquet, so both formats carry the same columns."""
from __future__ import annotations

from typing import Any

from dateline.model import Event, to_jsonable

COLUMNS = ["event_id", "type", "mode", "cameo", "quad_class", "plover_score", "goldstein",
           "date", "granularity", "time_source", "earliest", "latest",
           "actor_ids", "actor_names", "actor_countries", "recipient_ids", "recipient_names", "recipient_countries",
           "place_name", "place_country", "place_lat", "place_lon", "contexts", "dimensions",
           "negated", "future", "hypothetical", "historical", "trigger", "confidence", "quantity",
           "source_count", "mention_count", "article_ids", "mentions"]
LIST_COLUMNS = {"actor_ids", "actor_names", "actor_countries", "recipient_ids", "recipient_names",
                "recipient_countries", "contexts", "dimensions", "article_ids"}


def mention_dicts(event: Event) -> list[dict[str, Any]]:
    return [{"article_id": m.article_id, "sentence_index": m.sentence_index, "sentence": m.sentence,
             "sentence_start": m.sentence_start, "sentence_end": m.sentence_end,
             "trigger_start": m.trigger.start if m.trigger else None,
             "trigger_end": m.trigger.end if m.trigger else None,
             "trigger_text": m.trigger.text if m.trigger else None} for m in event.mentions]


def event_row(event: Event) -> dict[str, Any]:
    t, p = event.time, event.place
    return {
        "event_id": event.id, "type": event.type, "mode": event.mode, "cameo": event.cameo,
        "quad_class": event.quad_class, "plover_score": event.plover_score, "goldstein": event.goldstein,
        "date": t.value if t else None, "granularity": t.granularity if t else "unknown",
        "time_source": t.source if t else "none",
        "earliest": t.earliest if t else None, "latest": (t.latest or t.earliest) if t else None,
        "actor_ids": [a.id for a in event.actors], "actor_names": [a.name for a in event.actors],
        "actor_countries": [a.country or "" for a in event.actors],
        "recipient_ids": [a.id for a in event.recipients], "recipient_names": [a.name for a in event.recipients],
        "recipient_countries": [a.country or "" for a in event.recipients],
        "place_name": p.name if p else None, "place_country": p.country if p else None,
        "place_lat": p.lat if p else None, "place_lon": p.lon if p else None,
        "contexts": list(event.contexts), "dimensions": list(event.dimensions),
        "negated": event.negated, "future": event.future, "hypothetical": event.hypothetical,
        "historical": event.historical, "trigger": event.trigger, "confidence": event.confidence,
        "quantity": event.quantity, "source_count": event.source_count, "mention_count": len(event.mentions),
        "article_ids": list(dict.fromkeys(m.article_id for m in event.mentions)) or [event.article_id],
        "mentions": mention_dicts(event),
    }


def jsonable_row(event: Event) -> dict[str, Any]:
    return to_jsonable(event_row(event))
