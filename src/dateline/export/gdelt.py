"""GDELT-style events: the 61 tab-separated columns of a GDELT 2.0 event file, no header row.

One row per actor-recipient pair (``dateline.export.dyadic.pairs``: compound actors expanded, joint
actors both ways). Differences from GDELT, documented in docs/export-formats.md: GLOBALEVENTID is a
48-bit number derived from our event id and the pair; SQLDATE is the event date (empty when the text
gives none); geographic country codes are ISO3 (GDELT uses FIPS 10-4); AvgTone is empty; SOURCEURL
is the first article's http(s) URL or empty.
"""
from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from typing import IO

from dateline.export.batching import with_articles
from dateline.export.dyadic import pairs
from dateline.export.scalar import first_report, http_url
from dateline.model import Actor, Article, Event, Place

ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code"]
GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS = (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
           + [f"Actor1{f}" for f in ACTOR_FIELDS] + [f"Actor2{f}" for f in ACTOR_FIELDS]
           + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
              "NumMentions", "NumSources", "NumArticles", "AvgTone"]
           + [f"Actor1Geo_{f}" for f in GEO_FIELDS] + [f"Actor2Geo_{f}" for f in GEO_FIELDS]
           + [f"ActionGeo_{f}" for f in GEO_FIELDS] + ["DATEADDED", "SOURCEURL"])
assert len(COLUMNS) == 61
ROOT_SENTENCES = 3   # GDELT's IsRootEvent: reported in the lead of the article


def numeric_id(event_id: str, actor: Actor | None = None, recipient: Actor | None = None) -> int:
    """Stable across exports; one per (event, actor, recipient) row."""
    key = "|".join([event_id, actor.id if actor else "", recipient.id if recipient else ""])
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:12], 16)


def _actor(a: Actor | None) -> list[str]:
    if a is None:
        return [""] * len(ACTOR_FIELDS)
    country = a.country or ""
    sector = a.sector or ""
    return [f"{country}{sector}", a.name.upper(), country, "", "", "", "", sector, "", ""]


def _geo(place: Place | None) -> list[str]:
    if place is None:
        return [""] * len(GEO_FIELDS)
    kind = "1" if place.feature == "country" else "4"     # 1 country, 4 world city
    return [kind, place.name, place.country or "", "", "",
            "" if place.lat is None else f"{place.lat:.4f}", "" if place.lon is None else f"{place.lon:.4f}",
            "" if place.geonames_id is None else str(place.geonames_id)]


def gdelt_rows(event: Event, articles: dict[str, Article]) -> list[list[str]]:
    """One GDELT row per actor-recipient pair of the event."""
    return [gdelt_row(event, articles, actor, recipient) for actor, recipient, _ in pairs(event)]


def gdelt_row(event: Event, articles: dict[str, Article], actor: Actor | None, recipient: Actor | None) -> list[str]:
    t = event.time
    day = t.earliest if t and t.earliest else None
    dated = day is not None and t.granularity in ("day", "week")
    cameo = event.cameo or ""
    article_ids = list(dict.fromkeys(m.article_id for m in event.mentions)) or [event.article_id]
    found = [articles[i] for i in article_ids if i in articles]
    outlets = {a.outlet or a.id for a in found}
    first, _ = first_report(event, articles)
    lead = any(m.sentence_index < ROOT_SENTENCES for m in event.mentions)
    added = first.published.strftime("%Y%m%d000000") if first and first.published else ""
    return ([str(numeric_id(event.id, actor, recipient)),
             day.strftime("%Y%m%d") if dated else "",
             day.strftime("%Y%m") if day else "", str(day.year) if day else "",
             f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if dated else ""]
            + _actor(actor) + _actor(recipient)
            + ["1" if lead else "0", cameo, cameo[:3], cameo[:2], "" if event.quad_class is None else str(event.quad_class),
               "" if event.goldstein is None else f"{event.goldstein:g}",
               str(len(event.mentions) or 1), str(len(outlets) or event.source_count), str(len(article_ids)), ""]
            + _geo(None) + _geo(None) + _geo(event.place)
            + [added, (http_url(first.url) or "") if first else ""])


def write_gdelt_tsv(events: Iterable[Event], stream: IO[str], lookup) -> int:
    writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    n = 0
    for event, articles in with_articles(events, lookup):
        for row in gdelt_rows(event, articles):
            writer.writerow([cell.replace("\t", " ").replace("\n", " ") for cell in row])
            n += 1
    return n
