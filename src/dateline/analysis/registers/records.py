"""Typed rows of the relationship file: visits, agreements, mechanism sessions, figures by year.

Every row carries ``event_ids``/``fact_ids`` and ``article_ids`` and its evidence sentences, so each
line of a register traces to the stored events (or facts) and the articles behind it.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Source:
    """One sentence behind a row: where to read it."""

    article_id: str
    sentence_index: int
    sentence: str
    event_id: str | None = None
    fact_id: str | None = None


@dataclass(slots=True)
class When:
    """A date at its granularity ("2025-04-17" day, "2024" year); value None when unknown."""

    value: str | None
    granularity: str = "unknown"        # day | week | month | year | unknown
    earliest: str | None = None
    latest: str | None = None


@dataclass(slots=True)
class Person:
    id: str
    name: str
    country: str | None
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Visit:
    visitor: Person
    host_country: str
    city: str | None
    when: When
    status: str                          # held | planned
    occasion: str | None = None          # "15th round of the Consultative Group on Strategic Stability"
    met: list[str] = field(default_factory=list)      # people received by / meeting the visitor
    event_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


@dataclass(slots=True)
class Agreement:
    what: str                            # the words after the trigger: "eight agreements across sectors ..."
    status: str                          # signed | agreed | planned
    number: int | None
    parties: list[str]                   # ISO3 codes
    sectors: list[str]
    when: When
    venue: str | None
    venue_country: str | None
    session: str | None = None           # the mechanism session it came out of, when the sentence names one
    event_ids: list[str] = field(default_factory=list)
    fact_ids: list[str] = field(default_factory=list)   # agreements_signed facts of the same sentences
    article_ids: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


@dataclass(slots=True)
class Session:
    ordinal: int | None                  # None: the text gives no number
    unit: str | None                     # session | round | meeting
    label: str                           # "9th session", "a session"
    when: When
    venue: str | None
    venue_country: str | None
    people: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)  # "8 agreements signed"
    event_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


@dataclass(slots=True)
class MechanismRecord:
    name: str
    kind: str
    sessions: list[Session]              # numbered in order, then unnumbered by date
    missing: list[int] = field(default_factory=list)   # ordinals below the highest seen that no article reports
    last: When | None = None             # when it last met, by the reports


@dataclass(slots=True)
class FigureReport:
    value: float
    unit: str
    qualifier: str | None                # more_than | about | ... | None (exact)
    period: str | None
    article_id: str
    fact_id: str
    sentence: str | None


@dataclass(slots=True)
class Figure:
    """One indicator in one year: every report of it, and the value most reports agree on."""

    indicator: str                       # trade_volume, agreements_signed ... (without "_target")
    kind: str                            # actual | target
    year: int | None
    unit: str
    value: float                         # the value most reports give (the largest on a tie)
    qualifier: str | None
    reports: list[FigureReport] = field(default_factory=list)
    fact_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RelationshipFile:
    dyad: tuple[str, str]
    names: dict[str, str]
    start: str | None
    end: str | None
    visits: list[Visit]
    agreements: list[Agreement]
    mechanisms: list[MechanismRecord]
    figures: list[Figure]
    n_events: int = 0                    # events of the pair in the period (those the selection keeps)
    selection: dict = field(default_factory=dict)   # the events read (Selection.to_json), announced included
    articles: dict[str, dict] = field(default_factory=dict)   # id -> {title, outlet, published, url}
