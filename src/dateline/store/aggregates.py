"""Per-dyad monthly totals (dyad_months, dyad_month_tags, dyad_month_actors), kept in step with event_dyads.

The store changes event_dyads / event_tags / event_actors only in ``Store._write_derived``; there it
takes the old rows' contribution away and adds the new rows', in the same transaction, so the totals
always equal a GROUP BY over event_dyads (``rebuild`` computes exactly that, for repairs and bulk loads).
Each canonical event counts once per dyad: a merge rewrites the canonical event's rows (one event,
more sources), it never adds a second event.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from sqlalchemy import BigInteger, Connection, bindparam, cast, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from dateline.store.schema import (dyad_month_actors, dyad_month_tags, dyad_months, event_actors, event_dyads,
                                   event_tags)
from dateline.store.selection import confidence_bin, confidence_bin_sql

SCALE = 1_000_000          # score sums are stored in millionths
NO_MONTH, NO_YEAR, NO_QUAD = "", 0, 0   # key sentinels for "not known" (primary keys cannot be NULL)
COUNTRY_PREFIX = "country:"            # country actors take part in every event of their dyad: not counted
IN_CHUNK = 500

WHEN_KEY = ("dyad", "year", "month", "modality", "confidence_bin")   # every table's first key columns
SERIES_KEY = (*WHEN_KEY, "type", "quad_class")
SERIES_SUMS = ("n_events", "n_sources", "plover_e6", "n_plover", "goldstein_e6", "n_goldstein")
TAG_KEY = (*WHEN_KEY, "kind", "value")
ACTOR_KEY = (*WHEN_KEY, "country", "actor_id")


def micro(score: float | None) -> int:
    return 0 if score is None else round(score * SCALE)


def counted_actor(actor_id: str, country: str | None, sides: tuple[str, str]) -> bool:
    """Actors shown per side of a dyad: those of either country, except the countries themselves."""
    return country in sides and not actor_id.startswith(COUNTRY_PREFIX)


class Delta:
    """Signed changes to the three aggregate tables, summed in memory before one write per table."""

    def __init__(self) -> None:
        self.series: dict[tuple, list[int]] = defaultdict(lambda: [0] * len(SERIES_SUMS))
        self.tags: dict[tuple, int] = defaultdict(int)
        self.actors: dict[tuple, int] = defaultdict(int)

    def add(self, dyad_rows: Iterable[Mapping], tag_rows: Iterable[Mapping], actor_rows: Iterable[Mapping],
            sign: int = 1) -> None:
        """Counts (sign=1) or uncounts (sign=-1) events, given their event_dyads/event_tags/event_actors rows."""
        tags: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for r in tag_rows:
            tags[r["event_id"]].add((r["kind"], r["value"]))
        people: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for r in actor_rows:
            people[r["event_id"]].add((r["country"], r["actor_id"]))
        for d in dyad_rows:
            when = (d["dyad"], d["year"] if d["year"] is not None else NO_YEAR, d["month"] or NO_MONTH,
                    d["modality"], confidence_bin(d["confidence"]))
            sums = self.series[(*when, d["type"], d["quad_class"] if d["quad_class"] is not None else NO_QUAD)]
            plover, goldstein = d["plover_score"], d["goldstein"]
            for i, v in enumerate((1, d["n_sources"] or 0, micro(plover), plover is not None, micro(goldstein),
                                   goldstein is not None)):
                sums[i] += sign * int(v)
            for kind, value in tags.get(d["event_id"], ()):
                self.tags[(*when, kind, value)] += sign
            sides = (d["src"], d["dst"])
            for country, actor_id in people.get(d["event_id"], ()):
                if counted_actor(actor_id, country, sides):
                    self.actors[(*when, country, actor_id)] += sign

    def rows(self) -> Iterator[tuple]:
        """(table, key columns, value columns, rows) for every table with a non-zero change, keys sorted
        (concurrent PostgreSQL writers then lock rows in one order and cannot deadlock)."""
        series = [dict(zip(SERIES_KEY + SERIES_SUMS, (*k, *v))) for k, v in sorted(self.series.items()) if any(v)]
        tags = [dict(zip(TAG_KEY + ("n_events",), (*k, v))) for k, v in sorted(self.tags.items()) if v]
        actors = [dict(zip(ACTOR_KEY + ("n_events",), (*k, v))) for k, v in sorted(self.actors.items()) if v]
        yield dyad_months, SERIES_KEY, SERIES_SUMS, series
        yield dyad_month_tags, TAG_KEY, ("n_events",), tags
        yield dyad_month_actors, ACTOR_KEY, ("n_events",), actors


def apply(conn: Connection, delta: Delta) -> None:
    """Adds the changes to the aggregate tables (upsert) and drops rows left without events."""
    for table, key, sums, rows in delta.rows():
        if not rows:
            continue
        upsert, drop_empty = _statements(conn.dialect.name, table, key, sums)
        conn.execute(upsert, rows)
        emptied = [{f"k_{k}": r[k] for k in key} for r in rows if r["n_events"] < 0]
        if emptied:
            conn.execute(drop_empty, emptied)


@functools.lru_cache(maxsize=16)
def _statements(dialect_name: str, table, key: tuple[str, ...], sums: tuple[str, ...]):
    """(upsert adding to the sums, delete of rows left without events) for one table, built once."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    upsert = dialect.insert(table)
    upsert = upsert.on_conflict_do_update(index_elements=[table.c[k] for k in key],
                                          set_={s: table.c[s] + upsert.excluded[s] for s in sums})
    drop_empty = delete(table).where(*(table.c[k] == bindparam(f"k_{k}") for k in key), table.c.n_events <= 0)
    return upsert, drop_empty


def stored_rows(conn: Connection, event_ids: list[str]) -> tuple[list[dict], list[dict], list[dict]]:
    """The event_dyads, event_tags and event_actors rows of these events as they are now (before a rewrite)."""
    dyad_rows: list[dict] = []
    tag_rows: list[dict] = []
    actor_rows: list[dict] = []
    d = event_dyads.c
    for i in range(0, len(event_ids), IN_CHUNK):
        chunk = event_ids[i:i + IN_CHUNK]
        found = [r._asdict() for r in conn.execute(
            select(d.event_id, d.dyad, d.src, d.dst, d.month, d.year, d.type, d.quad_class, d.plover_score,
                   d.goldstein, d.n_sources, d.modality, d.confidence).where(d.event_id.in_(chunk)))]
        if not found:
            continue
        dyad_rows += found
        with_dyads = sorted({r["event_id"] for r in found})
        tag_rows += [r._asdict() for r in conn.execute(
            select(event_tags.c.event_id, event_tags.c.kind, event_tags.c.value)
            .where(event_tags.c.event_id.in_(with_dyads)))]
        actor_rows += [r._asdict() for r in conn.execute(
            select(event_actors.c.event_id, event_actors.c.country, event_actors.c.actor_id)
            .where(event_actors.c.event_id.in_(with_dyads)))]
    return dyad_rows, tag_rows, actor_rows


def grouped_selects():
    """The three aggregates as GROUP BY queries over event_dyads: the definition the store keeps up."""
    d = event_dyads.c
    year = func.coalesce(d.year, NO_YEAR)
    month = func.coalesce(d.month, NO_MONTH)
    quad = func.coalesce(d.quad_class, NO_QUAD)
    when = (d.dyad, year, month, d.modality, confidence_bin_sql(d.confidence))

    def scaled_sum(col):
        return func.coalesce(func.sum(cast(func.round(col * SCALE), BigInteger)), 0)

    series = (select(*when, d.type, quad, func.count(), func.sum(d.n_sources),
                     scaled_sum(d.plover_score), func.count(d.plover_score), scaled_sum(d.goldstein),
                     func.count(d.goldstein))
              .group_by(*when, d.type, quad))
    t = event_tags.c
    tags = (select(*when, t.kind, t.value, func.count())
            .select_from(event_dyads.join(event_tags, t.event_id == d.event_id))
            .group_by(*when, t.kind, t.value))
    a = event_actors.c
    actors = (select(*when, a.country, a.actor_id, func.count(func.distinct(d.event_id)))
              .select_from(event_dyads.join(event_actors, a.event_id == d.event_id))
              .where(a.country.in_([d.src, d.dst]), func.substr(a.actor_id, 1, len(COUNTRY_PREFIX)) != COUNTRY_PREFIX)
              .group_by(*when, a.country, a.actor_id))
    return ((dyad_months, SERIES_KEY + SERIES_SUMS, series), (dyad_month_tags, TAG_KEY + ("n_events",), tags),
            (dyad_month_actors, ACTOR_KEY + ("n_events",), actors))


def rebuild(conn: Connection) -> None:
    """Recomputes all three tables from event_dyads (after a bulk load that bypassed the store)."""
    for table, columns, query in grouped_selects():
        conn.execute(delete(table))
        conn.execute(insert(table).from_select(list(columns), query))


def recomputed(conn: Connection) -> dict[str, set[tuple]]:
    """The aggregates as a fresh GROUP BY would give them, for consistency checks."""
    return {table.name: {tuple(r) for r in conn.execute(query)} for table, _, query in grouped_selects()}


def stored(conn: Connection) -> dict[str, set[tuple]]:
    """The aggregate tables' rows, in the column order of ``recomputed``."""
    return {table.name: {tuple(r) for r in conn.execute(select(*(table.c[c] for c in columns)))}
            for table, columns, _ in grouped_selects()}
