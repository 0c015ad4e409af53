"""The Store: one object that writes Extractions and reads merged events, facts and actors back."""
from __future__ import annotations

import dataclasses
import json
import random
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from types import SimpleNamespace

from sqlalchemy import Connection, Engine, delete, func, insert, or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

from dateline.knowledge.collectives import dyad_code
from dateline.model import Actor, Article, Event, Extraction, Fact
from dateline.store import aggregates, merge, ordering
from dateline.store.engine import WRITE, make_engine, migrate, normalise_url, sqlite_path
from dateline.store.errors import StoreError, explain, masked
from dateline.store.ordering import SortKey
from dateline.store.query import EventQuery, FactQuery, event_conditions, fact_conditions, pair_walk, totals_count
from dateline.store.records import (SAME_AS_CANONICAL, article_layout_from, article_meta_json, dumps, event_from,
                                    event_json, fact_from, member_from, mention_from, mention_row, own_record)
from dateline.store.selection import event_modality
from dateline.store.schema import (actor_aliases, actor_roles, actors, article_events, article_history, articles,
                                   event_actors, event_blocks, event_dyads, event_mentions, event_tags, events,
                                   fact_subjects, facts, failures)

IN_CHUNK = 500   # ids per IN (...) list: well under SQLite's variable limit

# A mention with its sentence: stored in the row only when it is not the article's text between the
# sentence offsets (records.mention_row); substr counts characters, as Python's offsets do.
_m = event_mentions.c
MENTIONS = (select(*(c for c in event_mentions.c if c.name != "sentence"),
                   func.coalesce(_m.sentence, func.substr(articles.c.text, _m.sentence_start + 1,
                                                          _m.sentence_end - _m.sentence_start)).label("sentence"))
            .select_from(event_mentions.outerjoin(articles, articles.c.id == _m.article_id)))
ROLE_LENGTH = 200   # actor_roles.role is String(200)
_LIKE_ESCAPES = str.maketrans({"\\": "\\\\", "%": "\\%", "_": "\\_"})   # backslash is the LIKE escape


@dataclass
class AddResult:
    article_id: str
    status: str                 # added | unchanged | updated (new metadata) | reprocessed (new version or text)
    n_events: int = 0           # the article's own events stored
    n_new: int = 0              # canonical events it created
    n_merged: int = 0           # its events merged into an existing canonical event
    n_facts: int = 0


@dataclass
class FailureInfo:
    source: str
    error: str
    article_id: str | None
    failed_at: datetime | None


@dataclass
class StoreStatus:
    url: str
    backend: str
    schema_revision: str
    articles: int = 0
    articles_failed: int = 0
    events: int = 0             # canonical (merged) events
    article_events: int = 0     # events as reported by single articles
    mentions: int = 0
    multi_source_events: int = 0
    facts: int = 0
    actors: int = 0
    first_event: date | None = None
    last_event: date | None = None
    versions: dict[str, int] = field(default_factory=dict)   # extractor version -> articles
    failures: list[FailureInfo] = field(default_factory=list)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def _chunks(items: list, size: int = IN_CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _like_literal(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (backslash as escape), so a search for "50%" means 50%."""
    return text.translate(_LIKE_ESCAPES)


def _to_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# The metadata a re-read of the same article may correct; a change re-extracts it (the publication
# date anchors its relative times, the title and dateline feed extraction too).
METADATA = (articles.c.title, articles.c.outlet, articles.c.author, articles.c.published, articles.c.dateline)
_STORED = (articles.c.id, articles.c.status, articles.c.version, articles.c.url, articles.c.source, *METADATA)


def metadata_changed(row, article: Article) -> bool:
    """True when ``row`` is ``article`` read again (the same URL, or the same source when it has no URL)
    with other metadata. Another copy of the same text (a syndicated story) changes nothing: the stored
    copy stays, so re-ingesting a corpus that holds both is still idempotent."""
    same_copy = row.url == article.url if article.url else row.source == article.source
    return same_copy and any(_stored(row, c.name) != getattr(article, c.name) for c in METADATA)


def _stored(row, name: str):
    value = getattr(row, name)
    return _to_date(value) if name == "published" else value


RETRIES = 5
# SQLSTATEs of a transaction PostgreSQL aborted for a conflict with another one: safe to run again
TRANSIENT_SQLSTATES = {"40P01", "40001"}


class _Transient(StoreError):
    """A write rolled back for a conflict with a concurrent writer; ``_retrying`` runs it again."""


def _transient(exc: DBAPIError) -> bool:
    return getattr(getattr(exc, "orig", None), "sqlstate", None) in TRANSIENT_SQLSTATES


class Store:
    def __init__(self, engine: Engine, url: str, revision: str) -> None:
        self.engine = engine
        self.url = url
        self.revision = revision
        self.backend = engine.dialect.name

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**WRITE)
                with conn.begin():
                    yield conn
        except DBAPIError as exc:
            err = explain(exc, self.url)
            raise (_Transient(str(err)) if _transient(exc) else err) from exc

    def _retrying(self, write, *args):
        """Runs ``write`` (one whole transaction) again when PostgreSQL aborted it for a conflict with
        another writer (deadlock, serialization failure): the transaction was rolled back, so nothing
        is half done. Gives the usual StoreError after the last try."""
        for attempt in range(RETRIES):
            try:
                return write(*args)
            except _Transient:
                if attempt == RETRIES - 1:
                    raise
                time.sleep(random.uniform(0.01, 0.05) * 2 ** attempt)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except DBAPIError as exc:
            raise explain(exc, self.url) from exc

    def _insert(self, table):
        """INSERT ... ON CONFLICT DO NOTHING in the backend's dialect."""
        dialect = postgresql if self.backend == "postgresql" else sqlite
        return dialect.insert(table).on_conflict_do_nothing()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------
    def is_current(self, article: Article, version: str) -> bool:
        """True when this article's content is already stored from extractor ``version``, and its
        metadata has not changed (``metadata_changed``)."""
        with self._read() as conn:
            row = conn.execute(select(*_STORED).where(articles.c.content_hash == article.content_hash)).first()
        return (row is not None and row.status == "done" and row.version == version
                and not metadata_changed(row, article))

    def add(self, extraction: Extraction) -> AddResult:
        """Stores one article with its events, mentions and facts in ONE transaction.

        Same content hash and version as stored: nothing changes ("unchanged"), unless the same
        article comes with corrected metadata (``metadata_changed``): then its row and events are
        replaced ("updated"). Same content, other version, or the same id with new content: the
        article's events are replaced and history is kept ("reprocessed").
        """
        return self._retrying(self._add_once, extraction)

    def _add_once(self, extraction: Extraction) -> AddResult:
        article = extraction.article
        with self._write() as conn:
            row = conn.execute(select(*_STORED).where(articles.c.content_hash == article.content_hash)).first()
            if row is None:   # same id, new content (an updated article): replace the old version
                row = conn.execute(select(articles.c.id, articles.c.status, articles.c.version)
                                   .where(articles.c.id == article.id)).first()
                if row is not None:   # (sqlalchemy Rows have no _replace)
                    row = SimpleNamespace(id=row.id, status=row.status, version=None)
            same_version = row is not None and row.status == "done" and row.version == extraction.version
            if same_version and not metadata_changed(row, article):
                return AddResult(row.id, "unchanged")
            status = "added"
            if row is not None:
                if row.status == "done":
                    self._remove_article_data(conn, row.id)
                    status = "updated" if same_version else "reprocessed"
                if row.id != article.id:
                    conn.execute(delete(articles).where(articles.c.id == row.id))
            now = _now()
            values = dict(**self._article_row(article), status="done", error=None, version=extraction.version,
                          processed_at=now, n_events=len(extraction.events), n_facts=len(extraction.facts),
                          warnings=json.dumps(extraction.warnings, ensure_ascii=False))
            if row is not None and row.id == article.id:   # update in place: its history stays
                conn.execute(update(articles).where(articles.c.id == article.id).values(**values))
            else:
                conn.execute(insert(articles).values(**values))
            self._store_actors(conn, extraction)
            result = self._store_events(conn, article.id, extraction.events, article.text)
            self._store_facts(conn, extraction.facts, article.id)
            conn.execute(insert(article_history).values(
                article_id=article.id, version=extraction.version, processed_at=now,
                n_events=len(extraction.events), n_facts=len(extraction.facts)))
            resolved = failures.c.article_id == article.id
            if article.source:
                resolved = or_(resolved, failures.c.source == article.source)
            conn.execute(delete(failures).where(resolved))
        result.status, result.n_facts = status, len(extraction.facts)
        return result

    def stored_id(self, article: Article) -> str | None:
        """The id of the stored ("done") article with this article's id or content, or None."""
        with self._read() as conn:
            return conn.execute(select(articles.c.id).where(self._same(article), articles.c.status == "done")).scalar()

    @staticmethod
    def _same(article: Article):
        return or_(articles.c.id == article.id, articles.c.content_hash == article.content_hash)

    def record_failure(self, source: str, error: str, article: Article | None = None) -> None:
        """Remembers why an input failed (latest reason per source); never touches stored events.

        A stored ("done") article with the same id (an edited story whose new text failed) or the
        same content is kept as it is: only the failures table learns about it. Otherwise the
        article is kept as a "failed" row, replacing an earlier failed row with its id or content."""
        with self._write() as conn:
            conn.execute(delete(failures).where(failures.c.source == source))
            conn.execute(insert(failures).values(source=source, error=error,
                                                 article_id=article.id if article else None, failed_at=_now()))
            if article is None:
                return
            same = self._same(article)
            if conn.execute(select(articles.c.id).where(same, articles.c.status == "done")).first() is not None:
                return
            conn.execute(delete(articles).where(same))
            conn.execute(insert(articles).values(**self._article_row(article), status="failed",
                                                 error=error, processed_at=_now(), n_events=0, n_facts=0))

    @staticmethod
    def _article_row(a: Article) -> dict:
        return {"id": a.id, "content_hash": a.content_hash, "title": a.title, "outlet": a.outlet,
                "author": a.author, "published": a.published, "published_at": a.published_at,
                "updated_at": a.updated_at, "dateline": a.dateline, "dateline_country": a.dateline_country,
                "url": a.url, "source": a.source, "language": a.language,
                "meta": article_meta_json(a), "text": a.text}

    def _store_actors(self, conn: Connection, extraction: Extraction) -> None:
        found: dict[str, Actor] = {a.id: a for a in extraction.actors}
        for ev in extraction.events:
            for a in ev.actors + ev.recipients:
                found.setdefault(a.id, a)
        for fact in extraction.facts:
            for a in fact.subjects:
                found.setdefault(a.id, a)
        if not found:
            return
        # sorted by id: concurrent PostgreSQL writers then lock shared actor rows in one order
        found = dict(sorted(found.items()))
        seen = extraction.article.published
        ids = list(found)
        known = {}
        for chunk in _chunks(ids):
            for r in conn.execute(select(actors.c.id, actors.c.first_seen, actors.c.last_seen)
                                  .where(actors.c.id.in_(chunk))):
                known[r.id] = r
        fresh = [{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector,
                  "first_seen": seen, "last_seen": seen} for a in found.values() if a.id not in known]
        if fresh:
            conn.execute(self._insert(actors), fresh)
        if seen is not None:
            for r in sorted(known.values(), key=lambda r: r.id):
                first, last = _to_date(r.first_seen), _to_date(r.last_seen)
                if first is None or seen < first or last is None or seen > last:
                    conn.execute(update(actors).where(actors.c.id == r.id).values(
                        first_seen=min(d for d in (first, seen) if d), last_seen=max(d for d in (last, seen) if d)))
        aliases = {(a.id, m.text.strip()[:300]) for m in extraction.actor_mentions if len(m.actors) == 1
                   for a in m.actors if m.via in ("name", "title", "iso3") and m.text.strip()}
        if aliases:
            conn.execute(self._insert(actor_aliases), [{"actor_id": i, "alias": t} for i, t in sorted(aliases)])
        for a in found.values():
            # cut once, before the lookup, so a long role is found again as stored
            for role in dict.fromkeys(text[:ROLE_LENGTH] for text in a.roles):
                r = conn.execute(select(actor_roles.c.first_seen, actor_roles.c.last_seen)
                                 .where(actor_roles.c.actor_id == a.id, actor_roles.c.role == role)).first()
                if r is None:
                    conn.execute(self._insert(actor_roles).values(actor_id=a.id, role=role,
                                                                  first_seen=seen, last_seen=seen))
                elif seen is not None:
                    first, last = _to_date(r.first_seen), _to_date(r.last_seen)
                    conn.execute(update(actor_roles).where(actor_roles.c.actor_id == a.id, actor_roles.c.role == role)
                                 .values(first_seen=min(d for d in (first, seen) if d),
                                         last_seen=max(d for d in (last, seen) if d)))

    def _store_events(self, conn: Connection, article_id: str, new_events: list[Event],
                      article_text: str | None = None) -> AddResult:
        """Merges the article's events into canonical events with a fixed number of statements per
        article (not per event): candidates are fetched for all blocks at once, decided in memory,
        then written in batches."""
        result = AddResult(article_id, "added", n_events=len(new_events))
        if not new_events:
            return result
        seen_ids: set[str] = set()
        evs: list[Event] = []
        for seq, ev in enumerate(new_events):
            if ev.id in seen_ids:        # the extractor repeated an id: keep both, apart
                ev = dataclasses.replace(ev, id=f"{ev.id}~{seq}")
            seen_ids.add(ev.id)
            evs.append(ev)
        stored = self._load_candidates(conn, evs)          # id -> (record, n_sources, n_mentions)
        taken = self._existing_ids(conn, [e.id for e in evs])
        touched: dict[str, Event] = {}
        created: set[str] = set()
        added_mentions: dict[str, int] = {}
        links = []
        for seq, ev in enumerate(evs):
            target = self._merge_target(ev, touched, stored)
            if target is None:
                target_id, n = ev.id, 1
                while target_id in taken or target_id in touched:
                    n += 1
                    target_id = f"{ev.id}-{n}"
                touched[target_id] = dataclasses.replace(ev, id=target_id, mentions=[])
                created.add(target_id)
                result.n_new += 1
            else:
                target_id, how = target
                touched[target_id] = merge.fold(touched.get(target_id) or stored[target_id][0], ev, how)
                if target_id not in created:
                    result.n_merged += 1
            added_mentions[target_id] = added_mentions.get(target_id, 0) + len(ev.mentions)
            links.append((seq, ev, target_id))
        counts = {eid: (1, added_mentions[eid]) if eid in created
                  else (stored[eid][1] + 1, stored[eid][2] + added_mentions[eid]) for eid in touched}
        fresh = [{**self._event_row(touched[eid], article_id), "n_sources": 1, "n_mentions": counts[eid][1]}
                 for eid in touched if eid in created]
        if fresh:
            conn.execute(insert(events), fresh)
        old_ids = sorted(eid for eid in touched if eid not in created)   # one lock order for all writers
        self._keep_own_records(conn, {eid: stored[eid][0] for eid in old_ids})   # before they change
        for eid in old_ids:
            row = self._event_row(touched[eid], None)
            row.pop("id")
            conn.execute(update(events).where(events.c.id == eid).values(
                **row, n_sources=counts[eid][0], n_mentions=counts[eid][1]))
        new_records = {row["id"]: row["record"] for row in fresh}
        conn.execute(insert(article_events), [{"article_id": article_id, "id": ev.id, "event_id": tid, "seq": seq,
                                               "record": own_record(ev, tid, new_records.get(tid))}
                                              for seq, ev, tid in links])
        # (a text with NUL characters keeps its sentences: SQLite's substr is not sure to count past one)
        text = article_text if isinstance(article_text, str) and "\x00" not in article_text else None
        mention_rows = [mention_row(tid, ev.id, m, text) for _, ev, tid in links for m in ev.mentions]
        if mention_rows:
            conn.execute(insert(event_mentions), mention_rows)
        self._write_derived(conn, [touched[eid] for eid in touched], {eid: c[0] for eid, c in counts.items()},
                            replace=old_ids)
        return result

    def _load_candidates(self, conn: Connection, evs: list[Event]) -> dict[str, tuple[Event, int, int]]:
        """Stored canonical events sharing a block (type, pair, month) with any of ``evs``."""
        keys = sorted({k for ev in evs for k in merge.block_keys(ev)})
        ids: set[str] = set()
        for chunk in _chunks(keys, 200):
            ids.update(conn.execute(select(event_blocks.c.event_id).distinct()
                                    .where(tuple_(event_blocks.c.block, event_blocks.c.period).in_(chunk))).scalars())
        out = {}
        for chunk in _chunks(sorted(ids)):
            for r in conn.execute(select(events.c.id, events.c.record, events.c.n_sources, events.c.n_mentions)
                                  .where(events.c.id.in_(chunk))):
                out[r.id] = (event_from(r.record), r.n_sources, r.n_mentions)
        return out

    def _existing_ids(self, conn: Connection, wanted: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(wanted):
            found.update(conn.execute(select(events.c.id).where(events.c.id.in_(chunk))).scalars())
        # ids made unique earlier ("<id>-2", ...) are checked one by one only when the base id is taken
        for base in list(found):
            n = 2
            while conn.execute(select(events.c.id).where(events.c.id == f"{base}-{n}")).first() is not None:
                found.add(f"{base}-{n}")
                n += 1
        return found

    def _merge_target(self, ev: Event, touched: dict[str, Event],
                      stored: dict[str, tuple[Event, int, int]]) -> tuple[str, str] | None:
        """(canonical id, orientation) this event merges into, or None. Events touched by this
        article count as same-article (so undated repeats within it merge)."""
        best: tuple | None = None
        for eid in {*touched, *stored}:
            same_article = eid in touched
            rec = touched[eid] if same_article else stored[eid][0]
            if same_article is False and not self._shares_block(ev, rec):
                continue
            how = merge.match(ev, rec, same_article)
            if how is None:
                continue
            rank = (*merge.closeness(ev, rec), same_article, eid)
            if best is None or rank > best[0]:
                best = (rank, eid, how)
        return None if best is None else (best[1], best[2])

    @staticmethod
    def _shares_block(ev: Event, rec: Event) -> bool:
        return not set(merge.block_keys(ev)).isdisjoint(merge.block_keys(rec))

    @staticmethod
    def _event_row(ev: Event, first_article: str | None) -> dict:
        t, p = ev.time, ev.place
        span = merge.interval(t)
        row = {"id": ev.id, "type": ev.type, "mode": ev.mode, "cameo": ev.cameo, "quad_class": ev.quad_class,
               "plover_score": ev.plover_score, "goldstein": ev.goldstein,
               "time_value": t.value if t else None, "granularity": t.granularity if t else "unknown",
               "time_source": t.source if t else "none",
               "earliest": span[0] if span else None, "latest": span[1] if span else None,
               "place_name": p.name if p else None, "place_country": p.country if p else None,
               "negated": ev.negated, "future": ev.future, "hypothetical": ev.hypothetical,
               "historical": ev.historical, "modality": event_modality(ev), "confidence": ev.confidence,
               "record": event_json(ev),
               "updated_at": _now()}
        if first_article is not None:
            row["first_article_id"] = first_article
        return row

    @staticmethod
    def _keep_own_records(conn: Connection, canonical: dict[str, Event]) -> None:
        """Article events stored as SAME_AS_CANONICAL get their own record written out, before the
        canonical events they stand for (id -> the event as stored) change: one read for them all."""
        ae = article_events.c
        for chunk in _chunks(sorted(canonical)):
            for r in conn.execute(select(ae.article_id, ae.id, ae.event_id).where(
                    ae.event_id.in_(chunk), ae.record == SAME_AS_CANONICAL)).all():
                conn.execute(update(article_events).where(ae.article_id == r.article_id, ae.id == r.id)
                             .values(record=event_json(dataclasses.replace(canonical[r.event_id], id=r.id))))

    def _write_canonical(self, conn: Connection, ev: Event, first_article: str | None) -> None:
        """Rewrites one canonical event row and everything derived from it (slow path: re-processing)."""
        before = conn.execute(select(events.c.record).where(events.c.id == ev.id)).scalar_one_or_none()
        if before is not None:
            self._keep_own_records(conn, {ev.id: event_from(before)})
        n_sources = conn.execute(select(func.count(func.distinct(article_events.c.article_id)))
                                 .where(article_events.c.event_id == ev.id)).scalar_one()
        n_mentions = conn.execute(select(func.count()).select_from(event_mentions)
                                  .where(event_mentions.c.event_id == ev.id)).scalar_one()
        row = self._event_row(ev, first_article)
        row.pop("id")
        conn.execute(update(events).where(events.c.id == ev.id).values(
            **row, n_sources=max(n_sources, 1), n_mentions=n_mentions))
        self._write_derived(conn, [ev], {ev.id: max(n_sources, 1)}, replace=[ev.id])

    def _write_derived(self, conn: Connection, canon: list[Event], n_sources: dict[str, int],
                       replace: list[str]) -> None:
        """event_actors, event_tags, event_dyads and event_blocks rows for canonical events, in batches,
        and the per-dyad monthly totals they feed (old rows taken away, new rows added)."""
        delta = aggregates.Delta()
        if replace:
            delta.add(*aggregates.stored_rows(conn, replace), sign=-1)
        for chunk in _chunks(replace):
            for table in (event_actors, event_tags, event_dyads, event_blocks):
                conn.execute(delete(table).where(table.c.event_id.in_(chunk)))
        actor_rows, tag_rows, dyad_rows, block_rows = [], [], [], []
        for ev in canon:
            sides: dict[tuple[str, str], str | None] = {}
            for side, group in (("actor", ev.actors), ("recipient", ev.recipients)):
                for a in group:
                    sides.setdefault((a.id, side), dyad_code(a))   # a collective (G7, NATO) by its code
            actor_rows += [{"event_id": ev.id, "actor_id": aid, "side": side, "country": c}
                           for (aid, side), c in sides.items()]
            tags = {("context", c) for c in ev.contexts} | {("dimension", d) for d in ev.dimensions}
            tag_rows += [{"event_id": ev.id, "kind": k, "value": v} for k, v in sorted(tags)]
            pairs = merge.dyads(ev)
            if pairs:
                earliest, day, month, year = dyad_dates(ev)
                dyad_rows += [{"event_id": ev.id, "dyad": d, "src": s, "dst": t, "earliest": earliest,
                               "day": day, "month": month, "year": year, "granularity": ev.time.granularity if ev.time else "unknown",
                               "type": ev.type, "quad_class": ev.quad_class, "plover_score": ev.plover_score,
                               "goldstein": ev.goldstein, "n_sources": n_sources[ev.id],
                               "modality": event_modality(ev), "confidence": ev.confidence} for d, s, t in pairs]
            block_rows += [{"block": b, "period": y, "event_id": ev.id} for b, y in merge.block_keys(ev)]
        for table, rows in ((event_actors, actor_rows), (event_tags, tag_rows), (event_dyads, dyad_rows),
                            (event_blocks, block_rows)):
            if rows:
                conn.execute(insert(table), rows)
        delta.add(dyad_rows, tag_rows, actor_rows)
        aggregates.apply(conn, delta)

    def _remove_article_data(self, conn: Connection, article_id: str) -> None:
        """Takes an article's events out of the store and rebuilds the canonical events they had joined."""
        affected = [r.event_id for r in conn.execute(select(article_events.c.event_id).distinct()
                                                     .where(article_events.c.article_id == article_id))]
        conn.execute(delete(event_mentions).where(event_mentions.c.article_id == article_id))
        conn.execute(delete(article_events).where(article_events.c.article_id == article_id))
        for event_id in affected:
            members = [member_from(r.id, r.record, r.canonical) for r in conn.execute(
                select(article_events.c.id, article_events.c.record, events.c.record.label("canonical"))
                .join(events, events.c.id == article_events.c.event_id)
                .where(article_events.c.event_id == event_id)
                .order_by(article_events.c.article_id, article_events.c.seq))]
            if not members:
                self._write_derived(conn, [], {}, replace=[event_id])   # derived rows and totals go
                conn.execute(delete(events).where(events.c.id == event_id))
                continue
            self._write_canonical(conn, merge.refold(event_id, members), first_article=members[0].article_id)
        conn.execute(delete(fact_subjects).where(fact_subjects.c.article_id == article_id))
        conn.execute(delete(facts).where(facts.c.article_id == article_id))

    def _store_facts(self, conn: Connection, items: list[Fact], article_id: str) -> None:
        seen: set[str] = set()
        for fact in items:
            if fact.id in seen:
                continue
            seen.add(fact.id)
            span = merge.interval(fact.period)
            conn.execute(insert(facts).values(article_id=article_id, id=fact.id, indicator=fact.indicator,
                                              value=fact.value, unit=fact.unit,
                                              earliest=span[0] if span else None, latest=span[1] if span else None,
                                              record=dumps(fact)))
            subjects = {a.id: a.country for a in fact.subjects}
            if subjects:
                conn.execute(insert(fact_subjects), [{"article_id": article_id, "fact_id": fact.id,
                                                      "actor_id": aid, "country": c} for aid, c in subjects.items()])

    # -- reading ------------------------------------------------------------------------------
    def _event_select(self, q: EventQuery):
        return select(events.c.id).where(*event_conditions(q))

    def query_events(self, q: EventQuery | None = None) -> list[Event]:
        """Merged events matching ``q`` in ``q.sort`` order (by event time, undated last, by default),
        each with all its mentions."""
        return [e for e, _ in self.event_page(q)]

    def event_page(self, q: EventQuery | None = None) -> list[tuple[Event, SortKey]]:
        """``query_events`` with each event's SortKey, the keyset position to read on from
        (``EventQuery.after``); ``q.after`` and ``q.offset`` both apply."""
        q = q or EventQuery()
        col = ordering.column(q.sort)
        with self._read() as conn:
            # keyset reads walk a sort index: the events' own, or a pair's in event_dyads (a page of
            # the busiest pair reads a page of index, not all its events); an actor, an article or
            # an outlet is a set of ids the database reads first, and one sorted read of that set
            # is then the cheaper plan
            in_pair = pair_walk(q)
            if in_pair is not None:
                d = event_dyads.c
                rows = self._keyset_page(conn, q, d.event_id, d.earliest, in_pair)
            elif q.offset or q.limit is None or q.dyad or q.actor or q.article or q.outlet:
                stmt = (select(events.c.id, col.label("sort_value")).where(*event_conditions(q))
                        .order_by(*ordering.order_by(q.sort)).offset(q.offset or 0))
                if q.after is not None:
                    stmt = stmt.where(ordering.after(q.sort, q.after))
                if q.limit is not None:
                    stmt = stmt.limit(q.limit)
                rows = list(conn.execute(stmt))
            else:
                rows = self._keyset_page(conn, q, events.c.id, col, event_conditions(q, by_index=False))
            keys = {r.id: SortKey(r.sort_value, r.id) for r in rows}
            return [(e, keys[e.id]) for e in self._load_events(conn, [r.id for r in rows])]

    @staticmethod
    def _keyset_page(conn: Connection, q: EventQuery, ids, col, conds: list) -> list:
        """One page in two reads: the rows with a sort value, in the order of the index on
        (``col``, ``ids``), then, if the page is not full, those without one. The same order as
        ``ordering.order_by``: missing values last, ties by event id."""
        pick = select(ids.label("id"), col.label("sort_value"))
        down = ordering.descending(q.sort)
        rows: list = []
        after = q.after
        if after is not None and after.value is not None:
            # the rest of the tie at the cursor's value, then the values beyond it: two index ranges
            # (one OR of both would make the database sort every event beyond the cursor)
            rows = list(conn.execute(pick.where(*conds, col == after.value, ids > after.id)
                                     .order_by(ids.asc()).limit(q.limit)))
        if after is None or after.value is not None:
            beyond = [col.is_not(None)]
            if after is not None:
                beyond.append(col < after.value if down else col > after.value)
            rows += list(conn.execute(pick.where(*conds, *beyond)
                                      .order_by(col.desc() if down else col.asc(), ids.asc())
                                      .limit(q.limit - len(rows))))
        if len(rows) < q.limit:
            rest = pick.where(*conds, col.is_(None)).order_by(ids.asc()).limit(q.limit - len(rows))
            if after is not None and after.value is None:
                rest = rest.where(ids > after.id)
            rows += list(conn.execute(rest))
        return rows

    def iter_events(self, q: EventQuery | None = None, batch: int = 1000) -> Iterator[Event]:
        """All matching events in id order, fetched in pages (for exports of any size)."""
        q = q or EventQuery()
        remaining = q.limit
        last = None
        while remaining is None or remaining > 0:
            size = batch if remaining is None else min(batch, remaining)
            stmt = self._event_select(q).order_by(events.c.id).limit(size)
            if last is not None:
                stmt = stmt.where(events.c.id > last)
            with self._read() as conn:
                ids = [r.id for r in conn.execute(stmt)]
                page = self._load_events(conn, ids)
            if not ids:
                return
            yield from page
            last = ids[-1]
            if remaining is not None:
                remaining -= len(ids)
            if len(ids) < size:
                return

    def outlets(self) -> list[str]:
        """The distinct outlets of the stored articles."""
        with self._read() as conn:
            return [r.outlet for r in conn.execute(select(articles.c.outlet).where(articles.c.outlet.is_not(None))
                                                   .distinct().order_by(articles.c.outlet))]

    def count_events(self, q: EventQuery | None = None) -> int:
        q = q or EventQuery()
        with self._read() as conn:
            from_totals = totals_count(q)     # a pair read whole: from the per-dyad totals
            if from_totals is not None:
                return int(conn.execute(from_totals).scalar_one())
            return conn.execute(select(func.count()).select_from(events).where(*event_conditions(q))).scalar_one()

    def get_event(self, event_id: str) -> Event | None:
        """A canonical event by its id, or by the id one article gave it."""
        with self._read() as conn:
            found = conn.execute(select(events.c.id).where(events.c.id == event_id)).first()
            if found is None:
                found = conn.execute(select(article_events.c.event_id.label("id"))
                                     .where(article_events.c.id == event_id)).first()
            if found is None:
                return None
            loaded = self._load_events(conn, [found.id])
        return loaded[0] if loaded else None

    def _load_events(self, conn: Connection, ids: list[str]) -> list[Event]:
        if not ids:
            return []
        records: dict[str, Event] = {}
        for chunk in _chunks(ids):
            for r in conn.execute(select(events.c.id, events.c.record).where(events.c.id.in_(chunk))):
                records[r.id] = event_from(r.record)
            for r in conn.execute(MENTIONS.where(event_mentions.c.event_id.in_(chunk))
                                  .order_by(event_mentions.c.event_id, event_mentions.c.article_id,
                                            event_mentions.c.sentence_index, event_mentions.c.id)):
                records[r.event_id].mentions.append(mention_from(r))
        return [records[i] for i in ids if i in records]

    def get_article(self, article_id: str) -> Article | None:
        found = self.get_articles([article_id])
        return found.get(article_id)

    def get_articles(self, ids: Iterable[str]) -> dict[str, Article]:
        out: dict[str, Article] = {}
        wanted = list(dict.fromkeys(ids))
        with self._read() as conn:
            for chunk in _chunks(wanted):
                for r in conn.execute(select(articles).where(articles.c.id.in_(chunk))):
                    meta = json.loads(r.meta) if r.meta else {}
                    out[r.id] = Article(
                        text=r.text, title=r.title, outlet=r.outlet, author=r.author, published=_to_date(r.published),
                        published_at=r.published_at, updated_at=r.updated_at, dateline=r.dateline,
                        dateline_country=r.dateline_country, url=r.url, source=r.source,
                        language=r.language or "en", id=r.id, content_hash=r.content_hash,
                        **article_layout_from(meta), meta=meta)
        return out

    def query_facts(self, q: FactQuery | None = None) -> list[Fact]:
        q = q or FactQuery()
        stmt = (select(facts.c.record).where(*fact_conditions(q))
                .order_by(facts.c.earliest.is_(None), facts.c.earliest, facts.c.article_id, facts.c.id))
        if q.limit is not None:
            stmt = stmt.limit(q.limit)
        with self._read() as conn:
            return [fact_from(r.record) for r in conn.execute(stmt)]

    def actors(self, country: str | None = None, search: str | None = None, limit: int = 100) -> list[Actor]:
        stmt = select(actors).order_by(actors.c.name, actors.c.id).limit(limit)
        if country:
            stmt = stmt.where(actors.c.country == country.upper())
        if search:
            pattern = f"%{_like_literal(search.lower())}%"
            stmt = stmt.where(or_(func.lower(actors.c.name).like(pattern, escape="\\"),
                                  func.lower(actors.c.id).like(pattern, escape="\\"),
                                  actors.c.id.in_(select(actor_aliases.c.actor_id).where(
                                      func.lower(actor_aliases.c.alias).like(pattern, escape="\\")))))
        with self._read() as conn:
            rows = list(conn.execute(stmt))
            roles: dict[str, list[str]] = {}
            for chunk in _chunks([r.id for r in rows]):
                for r in conn.execute(select(actor_roles.c.actor_id, actor_roles.c.role)
                                      .where(actor_roles.c.actor_id.in_(chunk))
                                      .order_by(actor_roles.c.first_seen, actor_roles.c.role)):
                    roles.setdefault(r.actor_id, []).append(r.role)
        return [Actor(id=r.id, name=r.name, kind=r.kind, country=r.country, sector=r.sector,
                      roles=roles.get(r.id, [])) for r in rows]

    def status(self, max_failures: int = 50) -> StoreStatus:
        def count(table, *where) -> int:
            return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()

        out = StoreStatus(url=masked(self.url), backend=self.backend, schema_revision=self.revision)
        with self._read() as conn:
            out.articles = count(articles, articles.c.status == "done")
            out.articles_failed = count(failures)
            out.events = count(events)
            out.article_events = count(article_events)
            out.mentions = count(event_mentions)
            out.multi_source_events = count(events, events.c.n_sources > 1)
            out.facts = count(facts)
            out.actors = count(actors)
            # one aggregate per statement: each is then read from its index, not from a scan
            first = conn.execute(select(func.min(events.c.earliest))).scalar_one()
            last = conn.execute(select(func.max(events.c.latest))).scalar_one()
            out.first_event, out.last_event = _to_date(first), _to_date(last)
            out.versions = {r.version or "": r.n for r in conn.execute(
                select(articles.c.version, func.count().label("n")).where(articles.c.status == "done")
                .group_by(articles.c.version).order_by(articles.c.version))}
            out.failures = [FailureInfo(r.source, r.error, r.article_id, r.failed_at) for r in conn.execute(
                select(failures).order_by(failures.c.failed_at.desc(), failures.c.id.desc()).limit(max_failures))]
        return out


def dyad_dates(ev: Event) -> tuple[date | None, date | None, str | None, int | None]:
    """(earliest, day, month "YYYY-MM", year) for event_dyads: the event's first possible day (as
    events.earliest, the order of event lists), then each of the others only when the event time
    pins it down."""
    span = merge.interval(ev.time)
    if span is None:
        return None, None, None, None
    first, last = span
    granularity = ev.time.granularity if ev.time else "unknown"
    day = first if granularity in ("day", "week") or first == last else None
    same_month = (first.year, first.month) == (last.year, last.month)
    month = first.strftime("%Y-%m") if same_month or granularity in ("day", "week") else None
    year = first.year if first.year == last.year else None
    return first, day, month, year


def open_store(url: str | None = None, create: bool = True) -> Store:
    """Opens (creating and migrating as needed) the store at ``url``; None -> the default store.
    With ``create=False`` a missing SQLite file is an error instead of a new empty store, so a
    query never silently answers from a store that was never filled."""
    from dateline.config import default_db_url

    raw = url or default_db_url()
    if not create:
        path = sqlite_path(normalise_url(raw))
        if path is not None and not path.exists():
            raise StoreError(f"no store at {path} yet: run `dateline ingest` first, or pass --db "
                             f"(or set DATELINE_DB) to use another store")
    engine = make_engine(raw)
    full = normalise_url(raw)
    try:
        revision = migrate(engine, full)
    except StoreError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise explain(exc, full) from exc
    return Store(engine, full, revision)
