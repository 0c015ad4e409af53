"""PLOVER JSON: a JSON array of event records with PLOVER's field names (event, mode, context,
source/src_actor/src_agent, target/tgt_actor/tgt_agent, geolocation, text and citation)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from dateline.export.batching import with_articles
from dateline.model import Actor, Article, Event, to_jsonable

PLOVER_VERSION = "2.0"


def _side(actors: list[Actor]) -> tuple[str | None, str | None, str | None, list[str]]:
    """(country code, actor name, agent/sector, all actor ids) of one side."""
    if not actors:
        return None, None, None, []
    first = actors[0]
    country = next((a.country for a in actors if a.country), None)
    return country, first.name, first.sector, [a.id for a in actors]


def plover_record(event: Event, articles: dict[str, Article]) -> dict[str, Any]:
    t, p = event.time, event.place
    src, src_actor, src_agent, src_ids = _side(event.actors)
    tgt, tgt_actor, tgt_agent, tgt_ids = _side(event.recipients)
    first = event.mentions[0] if event.mentions else None
    article = articles.get(first.article_id if first else event.article_id)
    citation = None
    if article is not None:
        bits = [article.outlet, article.title, article.published.isoformat() if article.published else None]
        citation = ", ".join(b for b in bits if b) or None
    return {
        "id": event.id,
        "date": t.value if t else None,
        "date_granularity": t.granularity if t else "unknown",
        "date_earliest": t.earliest.isoformat() if t and t.earliest else None,
        "date_latest": (t.latest or t.earliest).isoformat() if t and t.earliest else None,
        "event": event.type,
        "mode": event.mode,
        "context": list(event.contexts),
        "source": src, "src_actor": src_actor, "src_agent": src_agent, "src_ids": src_ids,
        "target": tgt, "tgt_actor": tgt_actor, "tgt_agent": tgt_agent, "tgt_ids": tgt_ids,
        "cameo": event.cameo, "quad_class": event.quad_class, "plover_score": event.plover_score,
        "goldstein": event.goldstein,
        "geoname": p.name if p else None, "country": p.country if p else None,
        "lat": p.lat if p else None, "long": p.lon if p else None, "geonames_id": p.geonames_id if p else None,
        "negated": event.negated, "future": event.future, "hypothetical": event.hypothetical,
        "text": first.sentence if first else None,
        "citation": citation,
        "url": article.url if article else None,
        "source_count": event.source_count,
        "mentions": to_jsonable(event.mentions),
        "version": PLOVER_VERSION,
    }


def write_plover_json(events: Iterable[Event], stream: IO[str], lookup) -> int:
    """Streams the array element by element, so large exports never sit in memory."""
    n = 0
    stream.write("[")
    for event, articles in with_articles(events, lookup):
        stream.write(",\n" if n else "\n")
        stream.write(json.dumps(plover_record(event, articles), ensure_ascii=False))
        n += 1
    stream.write("\n]\n" if n else "]\n")
    return n
