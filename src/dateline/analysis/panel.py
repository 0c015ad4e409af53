"""Panels: events counted per unit (a country pair or a country) and period (month or year).

    rows, columns, report = build_panel(events, "dyad-month", directed=False, balanced=True)

Each event counts once in each unit it involves: undirected dyads are the country pairs of
``merge.dyads`` (the same pairs the timeline and the dashboard count); directed dyads are actor
country -> recipient country, and a joint pair (both on the actor side) counts in both directions;
a country counts each event it takes part in once, on either side. An event counts in the period
its time pins down: a month panel takes events dated to a day, a week or within one month, a year
panel those within one year; coarser and undated events are left out and counted in the report,
unless ``date_fallback="publication"`` dates undated events by their first publication (counted in
``events_dated_by_publication``). ``balanced`` adds zero rows, so every unit seen has one row per
period from the first to the last (or ``start``..``end``).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateline.export.columns import Column
from dateline.model import Article, Event
from dateline.store.merge import countries, dyads

UNITS = ("dyad-month", "dyad-year", "country-month", "country-year")
QUADS = (1, 2, 3, 4)


class PanelError(ValueError):
    pass


def plover_types() -> list[str]:
    from dateline import ontology

    return list(ontology.event_types())


@dataclass
class Report:
    counted: int = 0          # events in at least one cell
    undated: int = 0          # no time and no fallback
    too_coarse: int = 0       # dated, but not to one period of the panel's size
    outside: int = 0          # dated outside --from/--to
    no_unit: int = 0          # no country pair (dyad units) or no country


@dataclass
class Cell:
    events: int = 0
    quads: dict[int, int] = field(default_factory=lambda: dict.fromkeys(QUADS, 0))
    types: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    goldstein_sum: float = 0.0
    n_goldstein: int = 0
    plover_sum: float = 0.0
    n_plover: int = 0
    articles: set[str] = field(default_factory=set)
    by_publication: int = 0

    def add(self, event: Event, by_publication: bool) -> None:
        self.events += 1
        if event.quad_class in self.quads:
            self.quads[event.quad_class] += 1
        self.types[event.type] += 1
        if event.goldstein is not None:
            self.goldstein_sum += event.goldstein
            self.n_goldstein += 1
        if event.plover_score is not None:
            self.plover_sum += event.plover_score
            self.n_plover += 1
        self.articles.update({m.article_id for m in event.mentions} or {event.article_id})
        self.by_publication += by_publication


def units(event: Event, unit: str, directed: bool) -> list[tuple[str, ...]]:
    if unit.startswith("country"):
        return [(c,) for c in dict.fromkeys(countries(event.actors) + countries(event.recipients))]
    if not directed:
        return [tuple(key.split("-")) for key, _, _ in dyads(event)]
    acts, recs = countries(event.actors), countries(event.recipients)
    found = {(a, r) for a in acts for r in recs if a != r}
    found |= {(a, b) for a in acts for b in acts if a != b}          # joint: both ways
    return sorted(found)


def period_of(event: Event, grain: str, published: date | None,
              fallback: str) -> tuple[date | None, tuple[date, date] | None, bool, str]:
    """(first day of the event's month or year, the days it covers, dated by publication?, why not)."""
    t = event.time
    if t is None or t.earliest is None:
        day = (t.fallback if t is not None else None) or published
        if fallback == "publication" and day is not None:
            return _start(day, grain), (day, day), True, ""
        return None, None, False, "undated"
    first, last = t.earliest, t.latest or t.earliest
    exact = t.granularity in ("day", "week")
    if grain == "month" and (exact or (first.year, first.month) == (last.year, last.month)):
        return _start(first, grain), (first, last), False, ""
    if grain == "year" and (exact or first.year == last.year):
        return _start(first, grain), (first, last), False, ""
    return None, (first, last), False, "too_coarse"


def _start(day: date, grain: str) -> date:
    return date(day.year, day.month, 1) if grain == "month" else date(day.year, 1, 1)


def _next(p: date, grain: str) -> date:
    if grain == "year":
        return date(p.year + 1, 1, 1)
    return date(p.year + (p.month == 12), p.month % 12 + 1, 1)


def periods(first: date, last: date, grain: str) -> Iterator[date]:
    p = _start(first, grain)
    while p <= last:
        yield p
        p = _next(p, grain)


def key_columns(unit: str, directed: bool) -> list[Column]:
    month = unit.endswith("month")
    if unit.startswith("country"):
        keys = [Column("country", "str", "Country (ISO3)")]
    elif directed:
        keys = [Column("dyad", "str", "Country pair, sorted (PAK-RUS)"),
                Column("actor_country", "str", "Acting country (ISO3)"),
                Column("recipient_country", "str", "Receiving country (ISO3)")]
    else:
        keys = [Column("dyad", "str", "Country pair, sorted (PAK-RUS)"),
                Column("country_a", "str", "First country of the pair (ISO3, alphabetical)"),
                Column("country_b", "str", "Second country of the pair (ISO3)")]
    when = [Column("period", "str", "Month (YYYY-MM)" if month else "Year (YYYY)"),
            Column("year", "int", "Year")]
    return keys + when + ([Column("month", "int", "Month (1-12)")] if month else [])


def value_columns() -> list[Column]:
    quad = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
    return ([Column("events", "int", "Events")]
            + [Column(f"events_quad{q}", "int", f"Events of quad class {q} ({quad[q]})") for q in QUADS]
            + [Column(f"events_{t.lower()}", "int", f"{t} events") for t in plover_types()]
            + [Column("goldstein_sum", "float", "Sum of Goldstein scores"),
               Column("goldstein_mean", "float", "Mean Goldstein score of the events that have one"),
               Column("plover_score_mean", "float", "Mean PLOVER score of the events that have one"),
               Column("articles", "int", "Distinct articles reporting these events"),
               Column("events_dated_by_publication", "int", "Events dated by publication (--date-fallback)")])


def panel_columns(unit: str, directed: bool) -> list[Column]:
    return key_columns(unit, directed) + value_columns()


def _row(unit: tuple[str, ...], p: date, grain: str, directed: bool, cell: Cell) -> dict[str, Any]:
    if len(unit) == 1:
        keys: dict[str, Any] = {"country": unit[0]}
    elif directed:
        keys = {"dyad": "-".join(sorted(unit)), "actor_country": unit[0], "recipient_country": unit[1]}
    else:
        keys = {"dyad": "-".join(unit), "country_a": unit[0], "country_b": unit[1]}
    keys["period"] = p.strftime("%Y-%m") if grain == "month" else str(p.year)
    keys["year"] = p.year
    if grain == "month":
        keys["month"] = p.month
    values = {"events": cell.events, **{f"events_quad{q}": cell.quads[q] for q in QUADS},
              **{f"events_{t.lower()}": cell.types.get(t, 0) for t in plover_types()},
              "goldstein_sum": round(cell.goldstein_sum, 6),
              "goldstein_mean": round(cell.goldstein_sum / cell.n_goldstein, 6) if cell.n_goldstein else None,
              "plover_score_mean": round(cell.plover_sum / cell.n_plover, 6) if cell.n_plover else None,
              "articles": len(cell.articles), "events_dated_by_publication": cell.by_publication}
    return {**keys, **values}


def build_panel(events: Iterable[tuple[Event, dict[str, Article]]] | Iterable[Event], unit: str,
                directed: bool = False, balanced: bool = False, start: date | None = None,
                end: date | None = None, date_fallback: str = "none") -> tuple[list[dict], list[Column], Report]:
    """Panel rows (sorted by unit, then period), their columns and what was left out.
    ``events`` may be (event, articles) pairs (``export.batching.with_articles``) so the publication
    fallback can use the first article's date."""
    if unit not in UNITS:
        raise PanelError(f"unknown panel unit '{unit}'; choose one of {', '.join(UNITS)}")
    if directed and not unit.startswith("dyad"):
        raise PanelError("--directed applies to dyad units only")
    grain = unit.split("-")[1]
    cells: dict[tuple[tuple[str, ...], date], Cell] = defaultdict(Cell)
    report = Report()
    for item in events:
        event, articles = item if isinstance(item, tuple) else (item, {})
        first = articles.get(event.article_id)
        p, span, by_publication, why = period_of(event, grain, first.published if first else None, date_fallback)
        if span is not None and ((start and span[1] < start) or (end and span[0] > end)):
            report.outside += 1          # the same overlap rule as `dateline events --from/--to`
            continue
        if p is None:
            setattr(report, why, getattr(report, why) + 1)
            continue
        keys = units(event, unit, directed)
        if not keys:
            report.no_unit += 1
            continue
        report.counted += 1
        for k in keys:
            cells[(k, p)].add(event, by_publication)
    if balanced and cells:
        seen = sorted({p for _, p in cells})
        first_p = _start(start, grain) if start else seen[0]
        last_p = _start(end, grain) if end else seen[-1]
        for k in {k for k, _ in cells}:
            for p in periods(first_p, last_p, grain):
                cells.setdefault((k, p), Cell())
    rows = [_row(k, p, grain, directed, cells[(k, p)]) for k, p in sorted(cells)]
    return rows, panel_columns(unit, directed), report
