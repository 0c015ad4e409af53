"""Typed results of the dyad analytics; the API, the dashboard and the terminal all read these."""
from __future__ import annotations

from dataclasses import dataclass, field

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(slots=True)
class SeriesPoint:
    """Events of one dyad in one month ("2025-04") or one year ("2024")."""

    period: str
    events: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_quad: dict[int, int] = field(default_factory=dict)
    index: float | None = None        # mean PLOVER score of distinct events, -10 (conflict) .. +10
    goldstein: float | None = None    # mean Goldstein score of distinct events
    sources: int = 0                  # article reports behind these events


@dataclass(slots=True)
class Count:
    name: str
    events: int


@dataclass(slots=True)
class ActorCount:
    id: str
    name: str
    kind: str | None
    country: str | None
    events: int


@dataclass(slots=True)
class FactReport:
    """One article's report of a figure: where to read it."""

    article_id: str
    fact_id: str
    sentence: str | None = None


@dataclass(slots=True)
class FactPoint:
    """One figure (indicator, period, value, unit, qualifier) about the dyad, however many articles
    report it. article_id / fact_id / sentence are its first report; ``reports`` holds them all."""

    period: str | None
    value: float
    unit: str
    qualifier: str | None
    article_id: str
    fact_id: str
    sentence: str | None = None
    n_articles: int = 1               # distinct articles reporting this figure
    reports: list[FactReport] = field(default_factory=list)


@dataclass(slots=True)
class FactSeries:
    indicator: str
    unit: str
    points: list[FactPoint] = field(default_factory=list)


@dataclass(slots=True)
class DyadTotals:
    events: int = 0
    dated: int = 0                    # events with at least a year
    month_dated: int = 0              # events placed in a month (shown on the monthly chart)
    undated: int = 0
    sources: int = 0
    by_quad: dict[int, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)
    # the headline scores are over dated events only, so they agree with the monthly/yearly rows;
    # the undated events' own mean is kept apart (None when there are none or none is scored)
    index: float | None = None
    goldstein: float | None = None
    undated_index: float | None = None
    undated_goldstein: float | None = None
    announced: int = 0                # announced (future/intended) events left out of the counts above


@dataclass(slots=True)
class DyadSummary:
    dyad: tuple[str, str]
    names: dict[str, str]
    start: str | None
    end: str | None
    totals: DyadTotals
    months: list[SeriesPoint]
    years: list[SeriesPoint]
    contexts: list[Count]
    dimensions: list[Count]
    actors: dict[str, list[ActorCount]]   # ISO3 side -> its most active actors
    facts: list[FactSeries]
    selection: dict = field(default_factory=dict)   # what the counts include (Selection.to_json)


@dataclass(slots=True)
class Partner:
    country: str
    name: str
    events: int
    index: float | None
    cooperation: int                  # quad classes 1-2
    conflict: int                     # quad classes 3-4


@dataclass(slots=True)
class NetworkNode:
    id: str
    name: str
    events: int


@dataclass(slots=True)
class NetworkEdge:
    source: str
    target: str
    events: int
    index: float | None


@dataclass(slots=True)
class Network:
    start: str | None
    end: str | None
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    selection: dict = field(default_factory=dict)   # what the counts include (Selection.to_json)


@dataclass(slots=True)
class TimelinePoint:
    """One event as a dot on the dyad timeline (no text; open the event for its evidence)."""

    id: str
    type: str
    quad_class: int | None
    granularity: str | None
    day: str | None
    month: str | None
    year: int | None
    score: float | None
    sources: int
