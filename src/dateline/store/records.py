"""Records <-> stored JSON. Dataclasses are rebuilt field by field so dates come back as dates."""
from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

from dateline.model import Actor, Article, Caption, Event, Evidence, Fact, Place, TextSpan, TimeRef, to_jsonable


def dumps(obj: Any) -> str:
    return json.dumps(to_jsonable(obj), ensure_ascii=False, separators=(",", ":"))


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def span_from(d: dict | None) -> TextSpan | None:
    return TextSpan(d["start"], d["end"], d["text"]) if d else None


# The articles table has no columns for the layout facts; they ride in its JSON "meta" column under this key.
LAYOUT_KEY = "_layout"


def article_meta_json(a: Article) -> str:
    """``Article.meta`` plus the typed layout facts (dateline span, story start, agency, captions)."""
    meta = dict(a.meta or {})
    if a.dateline_span is not None or a.story_start is not None or a.agency or a.captions:
        meta[LAYOUT_KEY] = {"dateline_span": a.dateline_span, "story_start": a.story_start,
                            "agency": a.agency, "captions": a.captions}
    return dumps(meta)


def article_layout_from(meta: dict) -> dict[str, Any]:
    """Pop the layout facts out of a stored meta dict, as Article keyword arguments."""
    d = meta.pop(LAYOUT_KEY, None) or {}
    return {"dateline_span": span_from(d.get("dateline_span")), "story_start": d.get("story_start"),
            "agency": d.get("agency"),
            "captions": [Caption(c["start"], c["end"], c["text"], span_from(c.get("credit")))
                         for c in d.get("captions") or ()]}


def actor_from(d: dict) -> Actor:
    return Actor(id=d["id"], name=d["name"], kind=d["kind"], country=d.get("country"),
                 sector=d.get("sector"), roles=list(d.get("roles") or []), source=d.get("source"))


def time_from(d: dict | None) -> TimeRef | None:
    if not d:
        return None
    return TimeRef(value=d.get("value"), granularity=d.get("granularity", "unknown"), source=d.get("source", "none"),
                   earliest=_date(d.get("earliest")), latest=_date(d.get("latest")),
                   span=span_from(d.get("span")), fallback=_date(d.get("fallback")))


def place_from(d: dict | None) -> Place | None:
    if not d:
        return None
    return Place(name=d["name"], country=d.get("country"), lat=d.get("lat"), lon=d.get("lon"),
                 geonames_id=d.get("geonames_id"), feature=d.get("feature", "city"),
                 source=d.get("source", "sentence"), span=span_from(d.get("span")))


def evidence_from(d: dict | None) -> Evidence | None:
    if not d:
        return None
    return Evidence(article_id=d["article_id"], sentence_index=d["sentence_index"], sentence=d["sentence"],
                    sentence_start=d["sentence_start"], sentence_end=d["sentence_end"],
                    trigger=span_from(d.get("trigger")),
                    actors=[span_from(s) for s in d.get("actors") or []],
                    recipients=[span_from(s) for s in d.get("recipients") or []],
                    time=span_from(d.get("time")), place=span_from(d.get("place")))


def event_json(event: Event) -> str:
    """The event without its mentions (those live in event_mentions)."""
    data = to_jsonable(event)
    data.pop("mentions", None)
    data.pop("source_count", None)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# An article's event stored as this record is its canonical event's record under the article event's
# own id: what an article event is until another report merges into it (most are never merged), so
# the record is not stored twice. The store writes the article's own record out before the
# canonical event changes (Store._keep_own_records).
SAME_AS_CANONICAL = ""


def own_record(ev: Event, canonical_id: str, canonical_record: str | None) -> str:
    """The article_events record of ``ev``, merged into the canonical event ``canonical_id`` whose
    record is ``canonical_record`` (None: not known to be ev's own)."""
    mine = event_json(ev)
    if canonical_record is None:
        return mine
    as_canonical = mine if ev.id == canonical_id else event_json(dataclasses.replace(ev, id=canonical_id))
    return SAME_AS_CANONICAL if as_canonical == canonical_record else mine


def member_from(article_event_id: str, record: str, canonical_record: str) -> Event:
    """An article's own event from its article_events record (and its canonical event's)."""
    if record == SAME_AS_CANONICAL:
        return dataclasses.replace(event_from(canonical_record), id=article_event_id)
    return event_from(record)


def event_from(text: str) -> Event:
    d = json.loads(text)
    return Event(
        id=d["id"], article_id=d["article_id"], type=d["type"], mode=d.get("mode"),
        contexts=list(d.get("contexts") or []), dimensions=list(d.get("dimensions") or []),
        cameo=d.get("cameo"), quad_class=d.get("quad_class"), plover_score=d.get("plover_score"),
        goldstein=d.get("goldstein"),
        actors=[actor_from(a) for a in d.get("actors") or []],
        recipients=[actor_from(a) for a in d.get("recipients") or []],
        time=time_from(d.get("time")), place=place_from(d.get("place")),
        negated=bool(d.get("negated")), future=bool(d.get("future")),
        hypothetical=bool(d.get("hypothetical")), historical=bool(d.get("historical")),
        trigger=d.get("trigger") or "", confidence=d.get("confidence", 1.0), quantity=d.get("quantity"),
        coded_by=d.get("coded_by"))


def fact_from(text: str) -> Fact:
    d = json.loads(text)
    return Fact(id=d["id"], article_id=d["article_id"], indicator=d["indicator"],
                subjects=[actor_from(a) for a in d.get("subjects") or []], value=d["value"], unit=d["unit"],
                qualifier=d.get("qualifier"), period=time_from(d.get("period")),
                evidence=evidence_from(d.get("evidence")))


def mention_row(event_id: str, article_event_id: str, ev: Evidence, text: str | None = None) -> dict:
    """The event_mentions row; its sentence is left out (NULL) when it is the article's ``text``
    between the sentence offsets, as it always is for the pipeline's events (stored once, not per
    mention: the store reads it back from the article)."""
    spans = {"actors": to_jsonable(ev.actors), "recipients": to_jsonable(ev.recipients),
             "time": to_jsonable(ev.time), "place": to_jsonable(ev.place)}
    return {"event_id": event_id, "article_id": ev.article_id, "article_event_id": article_event_id,
            "sentence_index": ev.sentence_index,
            "sentence": None if text is not None and text[ev.sentence_start:ev.sentence_end] == ev.sentence
            else ev.sentence,
            "sentence_start": ev.sentence_start, "sentence_end": ev.sentence_end,
            "trigger_start": ev.trigger.start if ev.trigger else None,
            "trigger_end": ev.trigger.end if ev.trigger else None,
            "trigger_text": ev.trigger.text if ev.trigger else None,
            "spans": json.dumps(spans, ensure_ascii=False, separators=(",", ":"))}


def mention_from(row: Any) -> Evidence:
    spans = json.loads(row.spans) if row.spans else {}
    trigger = (TextSpan(row.trigger_start, row.trigger_end, row.trigger_text)
               if row.trigger_start is not None else None)
    return Evidence(article_id=row.article_id, sentence_index=row.sentence_index, sentence=row.sentence,
                    sentence_start=row.sentence_start, sentence_end=row.sentence_end, trigger=trigger,
                    actors=[span_from(s) for s in spans.get("actors") or []],
                    recipients=[span_from(s) for s in spans.get("recipients") or []],
                    time=span_from(spans.get("time")), place=span_from(spans.get("place")))


