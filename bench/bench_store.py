"""Store benchmark: ingest throughput and dyad-timeline latency on >= 1,000,000 events.

    python bench/bench_store.py                         # SQLite in a temp dir
    python bench/bench_store.py --pg postgresql://...   # also PostgreSQL
    python bench/bench_store.py --events 1000000 --articles 2000 --real

Ingest: synthetic Extractions through Store.add (one transaction per article, merging on), and
with --real the sample corpus through the full pipeline when it is available. Query: events are
bulk-generated straight into `events` and `event_dyads` (the query benchmark only), then the dyad
timeline SQL the analysis layer runs, and Store.query_events / count_events on one dyad.
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from dateline.store import EventQuery, open_store
from dateline.store.packing import pack
from dateline.store.synthetic import COUNTRIES, TYPES, make_extraction

TIMELINE_SQL = text("""
SELECT month, COUNT(*) AS n,
       SUM(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation,
       SUM(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict,
       AVG(goldstein) AS goldstein
FROM event_dyads WHERE dyad = :dyad AND month IS NOT NULL
GROUP BY month ORDER BY month""")


def bench_ingest(url: str, n_articles: int, per_article: int) -> dict:
    store = open_store(url)
    extractions = [make_extraction(i, events_per_article=per_article, seed=11) for i in range(n_articles)]
    started = time.perf_counter()
    merged = 0
    for ex in extractions:
        merged += store.add(ex).n_merged
    elapsed = time.perf_counter() - started
    again = time.perf_counter()
    unchanged = sum(store.add(ex).status == "unchanged" for ex in extractions[:200])
    again = time.perf_counter() - again
    st = store.status()
    store.close()
    size = store_size(url, st.events)
    return {**size, "articles": n_articles, "article_events": n_articles * per_article, "seconds": round(elapsed, 2),
            "articles_per_s": round(n_articles / elapsed, 1),
            "events_per_s": round(n_articles * per_article / elapsed, 1),
            "canonical_events": st.events, "merged": merged,
            "reingest_unchanged_per_s": round(unchanged / again, 1)}


def store_size(url: str, n_events: int) -> dict:
    """Bytes per canonical event of a SQLite store as written (its pages in use: the file less its
    free pages; no VACUUM, so index pages are as full as a live store's), and the largest tables
    and indexes (dbstat, where SQLite has it)."""
    if not url.startswith("sqlite:///") or not n_events:
        return {}
    import sqlite3

    path = url[len("sqlite:///"):]
    conn = sqlite3.connect(path)
    try:
        pages = conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]
        size = pages * conn.execute("PRAGMA page_size").fetchone()[0]
        try:
            parts = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
        except sqlite3.OperationalError:   # SQLite built without the dbstat table
            parts = []
    finally:
        conn.close()
    return {"bytes": size, "bytes_per_event": round(size / n_events, 1),
            "bytes_per_event_by_table": {name: round(b / n_events, 1) for name, b in parts[:12]}}


def bench_real(url: str) -> dict | str:
    try:
        from dateline import __version__
        from dateline.ingest import read_inputs, sample_paths
        from dateline.pipeline import Pipeline
        pipeline = Pipeline()
    except Exception as exc:  # noqa: BLE001 - the pipeline may not be complete yet
        return f"pipeline not available: {type(exc).__name__}: {exc}"
    articles = [a for a in read_inputs([str(p) for p in sample_paths()]) if not isinstance(a, Exception)]
    store = open_store(url)
    started = time.perf_counter()
    n_events = 0
    for ex in pipeline.extract_many(articles):
        n_events += store.add(ex).n_events
    elapsed = time.perf_counter() - started
    store.close()
    return {"articles": len(articles), "events": n_events, "seconds": round(elapsed, 2),
            "articles_per_s": round(len(articles) / elapsed, 2), "events_per_s": round(n_events / elapsed, 2),
            "version": __version__}


def synthetic_rows(n: int, seed: int = 3):
    """(events row, dyad row) pairs; dyads skewed like real coverage (a few pairs dominate)."""
    rng = random.Random(seed)
    weights = [1.0 / (i + 1) for i in range(len(COUNTRIES))]
    start = date(2015, 1, 1)
    for i in range(n):
        a, b = rng.choices(COUNTRIES, weights, k=2)
        while b == a:
            b = rng.choices(COUNTRIES, weights, k=1)[0]
        etype, cameo, quad, goldstein, score = TYPES[rng.randrange(len(TYPES))]
        day = start + timedelta(days=rng.randrange(3650))
        eid = f"bev-{i:09d}"
        dyad = "-".join(sorted((a, b)))
        record = pack(json.dumps({"id": eid, "article_id": "art-bench", "type": etype, "cameo": cameo, "quad_class": quad,
                             "goldstein": goldstein, "plover_score": score,
                             "actors": [{"id": f"country:{a}", "name": a, "kind": "country", "country": a}],
                             "recipients": [{"id": f"country:{b}", "name": b, "kind": "country", "country": b}],
                             "time": {"value": day.isoformat(), "granularity": "day", "source": "text",
                                      "earliest": day.isoformat(), "latest": day.isoformat()}}))
        yield ((eid, etype, cameo, quad, score, goldstein, day.isoformat(), "day", "text", day, day, 1, 1, record),
               (eid, dyad, a, b, day, day.strftime("%Y-%m"), day.year, "day", etype, quad, score, goldstein, 1, day))


EVENT_COLS = ("id", "type", "cameo", "quad_class", "plover_score", "goldstein", "time_value", "granularity",
              "time_source", "earliest", "latest", "n_sources", "n_mentions", "record")
DYAD_COLS = ("event_id", "dyad", "src", "dst", "day", "month", "year", "granularity", "type", "quad_class",
             "plover_score", "goldstein", "n_sources", "earliest")


def load_synthetic(url: str, n: int) -> float:
    store = open_store(url)
    started = time.perf_counter()
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        if store.backend == "postgresql":
            with cur.copy(f"COPY events ({', '.join(EVENT_COLS)}, negated, future, hypothetical, historical) "
                          f"FROM STDIN") as ev_copy:
                for ev, _ in synthetic_rows(n):
                    ev_copy.write_row((*ev, False, False, False, False))
            with cur.copy(f"COPY event_dyads ({', '.join(DYAD_COLS)}) FROM STDIN") as dy_copy:
                for _, dy in synthetic_rows(n):
                    dy_copy.write_row(dy)
            cur.execute("ANALYZE event_dyads")
            cur.execute("ANALYZE events")
        else:
            ev_sql = (f"INSERT INTO events ({', '.join(EVENT_COLS)}, negated, future, hypothetical, historical) "
                      f"VALUES ({', '.join('?' * len(EVENT_COLS))}, 0, 0, 0, 0)")
            dy_sql = f"INSERT INTO event_dyads ({', '.join(DYAD_COLS)}) VALUES ({', '.join('?' * len(DYAD_COLS))})"
            cur.execute("BEGIN")
            batch_ev, batch_dy = [], []
            for ev, dy in synthetic_rows(n):
                batch_ev.append(tuple(v.isoformat() if isinstance(v, date) else v for v in ev))
                batch_dy.append(tuple(v.isoformat() if isinstance(v, date) else v for v in dy))
                if len(batch_ev) >= 50_000:
                    cur.executemany(ev_sql, batch_ev)
                    cur.executemany(dy_sql, batch_dy)
                    batch_ev, batch_dy = [], []
            cur.executemany(ev_sql, batch_ev)
            cur.executemany(dy_sql, batch_dy)
            cur.execute("COMMIT")
            cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
        store.close()
    return time.perf_counter() - started


def timed(fn, repeats: int = 15) -> dict:
    fn()   # warm caches once: we measure a server that is in use, not a cold disk
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return {"median_ms": round(statistics.median(samples), 2), "max_ms": round(max(samples), 2)}


def bench_queries(url: str) -> dict:
    store = open_store(url)
    with store.engine.connect() as conn:
        counts = conn.execute(text("SELECT dyad, COUNT(*) FROM event_dyads GROUP BY dyad ORDER BY 2 DESC")).all()
        total = conn.execute(text("SELECT COUNT(*) FROM events")).scalar_one()
    busiest, middle = counts[0], counts[len(counts) // 2]
    out = {"events": total, "dyads": len(counts)}
    for label, (dyad, n) in (("busiest", busiest), ("median", middle)):
        def timeline(d=dyad):
            with store.engine.connect() as conn:
                return conn.execute(TIMELINE_SQL, {"dyad": d}).all()
        pair = tuple(dyad.split("-"))
        out[label] = {
            "dyad": dyad, "dyad_events": n,
            "timeline_sql": timed(timeline),
            "count_events": timed(lambda p=pair: store.count_events(EventQuery(dyad=p))),
            "query_events_100": timed(lambda p=pair: store.query_events(EventQuery(dyad=p, limit=100)), repeats=5),
        }
    store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg", help="PostgreSQL URL of an empty database (schema is created there)")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--per-article", type=int, default=8)
    parser.add_argument("--real", action="store_true", help="also ingest the sample corpus through the pipeline")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()

    results: dict = {"python": platform.python_version(), "machine": platform.machine(), "backends": {}}
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    backends = [] if args.skip_sqlite else [("sqlite", lambda name: f"sqlite:///{work / name}.db")]
    if args.pg:
        backends.append(("postgresql", lambda name, base=args.pg: _pg_fresh_schema(base, name)))
    for backend, url_for in backends:
        res: dict = {}
        print(f"[{backend}] ingest {args.articles} synthetic articles ...", file=sys.stderr)
        res["ingest"] = bench_ingest(url_for("ingest"), args.articles, args.per_article)
        if args.real:
            res["ingest_real"] = bench_real(url_for("real"))
        print(f"[{backend}] load {args.events} synthetic events ...", file=sys.stderr)
        query_url = url_for("query")
        res["load_seconds"] = round(load_synthetic(query_url, args.events), 1)
        res["query_store"] = store_size(query_url, args.events)
        print(f"[{backend}] queries ...", file=sys.stderr)
        res["query"] = bench_queries(query_url)
        results["backends"][backend] = res
    json.dump(results, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


def _pg_fresh_schema(base: str, name: str) -> str:
    """A fresh schema per stage inside the given database, so runs never mix."""
    import sqlalchemy as sa

    schema = f"bench_{name}"
    engine = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine.dispose()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


if __name__ == "__main__":
    main()
