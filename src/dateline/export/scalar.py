"""The scalar values of one event that every research export shares: dates (optionally dated by
publication, flagged), coding, modality, place, source counts, the first report's citation and
the version stamps. Column names and labels are in ``dateline.export.columns``."""
from __future__ import annotations

from datetime import date
from typing import Any

from dateline.export.stamps import dateline_version, knowledge_version
from dateline.model import Actor, Article, Event, Evidence

DATE_FALLBACKS = ("none", "publication")   # --date-fallback: leave undated events undated, or date them


def http_url(url: str | None) -> str | None:
    """The URL when it is http(s); a local path or any other scheme is no citation."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def first_report(event: Event, articles: dict[str, Article]) -> tuple[Article | None, Evidence | None]:
    """The article that first reported the event (its canonical article) and its first evidence sentence."""
    mention = next((m for m in event.mentions if m.article_id == event.article_id),
                   event.mentions[0] if event.mentions else None)
    article = articles.get(event.article_id) or (articles.get(mention.article_id) if mention else None)
    return article, mention


def event_dates(event: Event, published: date | None, fallback: str = "none") -> dict[str, Any]:
    """date_start/date_end (the interval the time covers), granularity and source; with
    ``fallback="publication"`` an undated event takes its publication day, with ``date_fallback`` true."""
    t = event.time
    if t is not None and t.earliest is not None:
        return {"date_start": t.earliest, "date_end": t.latest or t.earliest, "date_granularity": t.granularity,
                "date_source": t.source, "date_fallback": False}
    day = (t.fallback if t is not None else None) or published
    if fallback == "publication" and day is not None:
        return {"date_start": day, "date_end": day, "date_granularity": "day",
                "date_source": "publication_fallback", "date_fallback": True}
    return {"date_start": None, "date_end": None, "date_granularity": "unknown", "date_source": "none",
            "date_fallback": False}


def side_values(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {f"{prefix}_name": actor.name if actor else None, f"{prefix}_country": actor.country if actor else None,
            f"{prefix}_sector": actor.sector if actor else None, f"{prefix}_kind": actor.kind if actor else None}


def event_values(event: Event, articles: dict[str, Article], fallback: str = "none") -> dict[str, Any]:
    """Every event-level scalar column (all but the actor sides)."""
    article, mention = first_report(event, articles)
    published = article.published if article else None
    p = event.place
    return {
        "event_id": event.id, **event_dates(event, published, fallback), "published": published,
        "plover_type": event.type, "mode": event.mode, "cameo": event.cameo, "quad_class": event.quad_class,
        "goldstein": event.goldstein, "plover_score": event.plover_score, "confidence": event.confidence,
        "negated": event.negated, "future": event.future, "hypothetical": event.hypothetical,
        "historical": event.historical, "trigger": event.trigger or None, "quantity": event.quantity,
        "place_name": p.name if p else None, "place_country": p.country if p else None,
        "place_lat": p.lat if p else None, "place_lon": p.lon if p else None,
        "n_sources": event.source_count, "n_mentions": len(event.mentions),
        "article_id": article.id if article else (mention.article_id if mention else event.article_id),
        "outlet": article.outlet if article else None, "url": http_url(article.url) if article else None,
        "headline": article.title if article else None, "sentence": mention.sentence if mention else None,
        "dateline_version": dateline_version(), "knowledge_version": knowledge_version(),
    }
