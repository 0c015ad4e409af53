"""Column specifications of the research exports: name, value kind and the label Stata shows.

One list per format, so CSV headers, the Parquet schema and the Stata variable labels never drift
apart. Kinds: ``str``, ``int``, ``float``, ``bool``, ``date`` (scalar), ``list`` (a list of strings)
and ``mentions`` (a list of evidence structs; Parquet only).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str
    label: str


def _cols(*specs: tuple[str, str, str]) -> list[Column]:
    return [Column(*s) for s in specs]


DATES = _cols(
    ("date_start", "date", "First day the event time covers"),
    ("date_end", "date", "Last day the event time covers"),
    ("date_granularity", "str", "Precision of the event time: day, week, month, year, unknown"),
    ("date_source", "str", "Where the time came from: text, publication_date, publication_fallback, none"),
    ("date_fallback", "bool", "Undated event dated by its first publication (--date-fallback)"),
    ("published", "date", "Publication day of the first article reporting the event"),
)


def side(prefix: str, who: str) -> list[Column]:
    return _cols((f"{prefix}_name", "str", f"{who} name"),
                 (f"{prefix}_country", "str", f"{who} country (ISO3)"),
                 (f"{prefix}_sector", "str", f"{who} sector (GOV, MIL, BUS, ...)"),
                 (f"{prefix}_kind", "str", f"{who} kind (person, country, government, ...)"))


CODING = _cols(
    ("plover_type", "str", "PLOVER v2 event type"),
    ("mode", "str", "PLOVER mode"),
    ("cameo", "str", "Nearest CAMEO event code"),
    ("quad_class", "int", "Quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict"),
    ("goldstein", "float", "Goldstein score of the CAMEO code (-10 conflict .. +10 cooperation)"),
    ("plover_score", "float", "PLOVER cooperation (+) / conflict (-) score"),
    ("confidence", "float", "Extractor confidence (0..1)"),
    ("negated", "bool", "The text says it did not happen"),
    ("future", "bool", "Announced or intended, not yet done"),
    ("hypothetical", "bool", "Conditional or hypothetical"),
    ("historical", "bool", "Reported as background history"),
)

PLACE = _cols(
    ("place_name", "str", "Where it happened"),
    ("place_country", "str", "Country where it happened (ISO3)"),
    ("place_lat", "float", "Latitude of the place"),
    ("place_lon", "float", "Longitude of the place"),
)

SOURCES = _cols(
    ("n_sources", "int", "Articles reporting the event"),
    ("n_mentions", "int", "Evidence sentences"),
)

CITATION = _cols(
    ("outlet", "str", "Outlet of the first article"),
    ("url", "str", "URL of the first article (http/https only)"),
    ("headline", "str", "Headline of the first article"),
    ("sentence", "str", "First evidence sentence"),
)

STAMPS = _cols(
    ("dateline_version", "str", "dateline version that wrote the file"),
    ("knowledge_version", "str", "Digest of the knowledge tables in use"),
)

EVENT_ID = _cols(("event_id", "str", "Canonical event id"))

DYADIC = (EVENT_ID + DATES + side("actor", "Actor") + side("recipient", "Recipient")
          + _cols(("joint", "bool", "Both on the actor side (joint act), paired both ways"))
          + CODING + PLACE + SOURCES + CITATION + STAMPS)

EVENTS = (EVENT_ID + DATES
          + side("actor", "First actor") + _cols(("n_actors", "int", "Actors on the actor side"))
          + side("recipient", "First recipient") + _cols(("n_recipients", "int", "Recipients"))
          + CODING + _cols(("trigger", "str", "Trigger phrase"),
                           ("quantity", "float", "Count in the text (eight agreements -> 8)"))
          + PLACE + SOURCES + _cols(("article_id", "str", "Id of the first article")) + CITATION + STAMPS)

# Parquet keeps what has no scalar form as lists
EVENT_LISTS = _cols(
    ("actor_ids", "list", "All actor ids"), ("actor_names", "list", "All actor names"),
    ("actor_countries", "list", "All actor countries"),
    ("recipient_ids", "list", "All recipient ids"), ("recipient_names", "list", "All recipient names"),
    ("recipient_countries", "list", "All recipient countries"),
    ("contexts", "list", "PLOVER contexts"), ("dimensions", "list", "Partnership dimensions named in the text"),
    ("article_ids", "list", "Articles reporting the event"), ("mentions", "mentions", "Evidence sentences"),
)


def names(columns: list[Column]) -> list[str]:
    return [c.name for c in columns]
