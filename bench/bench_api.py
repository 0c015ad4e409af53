"""API benchmark: latency (p50/p95) of the dyad endpoints, the event list (first page, by dyad, the
next page by cursor) and /api/status on a store of 1,000,000 events; `p95_ms` maps each to its p95.

    python bench/bench_api.py                      # 1M events, SQLite in a temp dir
    python bench/bench_api.py --events 200000 --db /tmp/bench.db --keep

Events come from the store benchmark's synthetic generator (bench/bench_store.py: skewed dyads, ten
years of days), written straight into `events` and `event_dyads`; this script adds what the summary
also reads: contexts/dimensions (`event_tags`) and actors (`event_actors`, `actors`) for every event.
The bulk load bypasses the store's write path, so the per-dyad monthly totals the store keeps
(dyad_months, dyad_month_tags, dyad_month_actors) are then rebuilt once, as migration 0002 does.
Requests go through the whole FastAPI app in-process (routing, SQL, JSON). "first" is the very first
request for that URL in the process; "cold" is a request after the analytics dropped everything it
keeps (only whole-store answers are kept; summaries always read the totals); p50/p95 follow one
warm-up call. "days" is a period whose bounds cut through months: its two edge months are grouped
from event_dyads, the rest read from the totals.
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import load_synthetic  # noqa: E402  (the store engineer's generator)
from sqlalchemy import text  # noqa: E402

# Derived rows, in SQL so a million events take seconds: every event gets a context, a third a dimension;
# both sides get their country actor, and one event in four a named official of the actor side.
ENRICH = [
    "INSERT INTO event_tags (event_id, kind, value) SELECT event_id, 'context', "
    "CASE quad_class WHEN 4 THEN 'military' WHEN 3 THEN 'diplomatic' ELSE "
    "CASE abs(random()) % 3 WHEN 0 THEN 'economic' WHEN 1 THEN 'diplomatic' ELSE 'military' END END FROM event_dyads",
    "INSERT INTO event_tags (event_id, kind, value) SELECT event_id, 'dimension', "
    "CASE abs(random()) % 5 WHEN 0 THEN 'trade' WHEN 1 THEN 'energy' WHEN 2 THEN 'security' WHEN 3 THEN 'education' "
    "ELSE 'culture' END FROM event_dyads WHERE abs(random()) % 3 = 0",
    "INSERT OR IGNORE INTO actors (id, name, kind, country, sector) SELECT DISTINCT 'country:' || src, src, 'country', "
    "src, 'GOV' FROM event_dyads",
    "INSERT OR IGNORE INTO actors (id, name, kind, country, sector) SELECT DISTINCT 'person:official-' || src || '-' || "
    "k.n, 'Official ' || k.n || ' of ' || src, 'person', src, 'GOV' FROM event_dyads, "
    "(SELECT 0 AS n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5) AS k",
    "INSERT OR IGNORE INTO event_actors (event_id, actor_id, side, country) SELECT event_id, 'country:' || src, 'actor', "
    "src FROM event_dyads",
    "INSERT OR IGNORE INTO event_actors (event_id, actor_id, side, country) SELECT event_id, 'country:' || dst, "
    "'recipient', dst FROM event_dyads",
    "INSERT OR IGNORE INTO event_actors (event_id, actor_id, side, country) SELECT event_id, 'person:official-' || src "
    "|| '-' || (abs(random()) % 6), 'actor', src FROM event_dyads WHERE abs(random()) % 4 = 0",
    "ANALYZE",
]


def enrich(url: str) -> float:
    from dateline.store import open_store

    store = open_store(url)
    started = time.perf_counter()
    with store.engine.begin() as conn:
        for sql in ENRICH:
            conn.execute(text(sql))
    store.close()
    return time.perf_counter() - started


def rebuild_totals(url: str) -> float:
    from dateline.store import aggregates, open_store

    store = open_store(url)
    started = time.perf_counter()
    with store.engine.begin() as conn:
        aggregates.rebuild(conn)
        conn.execute(text("ANALYZE"))
    store.close()
    return time.perf_counter() - started


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    def pick(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 1)
    return {"p50_ms": pick(0.50), "p95_ms": pick(0.95), "max_ms": round(ordered[-1], 1),
            "mean_ms": round(statistics.fmean(ordered), 1), "requests": len(ordered)}


def measure(client, url: str, repeats: int) -> dict:
    t0 = time.perf_counter()
    r = client.get(url)   # the first request; then warm: page cache and prepared statements, as in use
    first = (time.perf_counter() - t0) * 1000
    assert r.status_code == 200, (url, r.status_code, r.text[:200])
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        r = client.get(url)
        samples.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200
    return {"first_ms": round(first, 1), **percentiles(samples)}


def cold(client, url: str, repeats: int = 3) -> dict:
    """A request after the analytics dropped the whole-store answers it keeps (as after a store change)."""
    samples = []
    for _ in range(repeats):
        client.app.state.ctx.analytics.forget()
        t0 = time.perf_counter()
        assert client.get(url).status_code == 200
        samples.append((time.perf_counter() - t0) * 1000)
    return {"median_ms": round(statistics.median(samples), 1), "max_ms": round(max(samples), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--db", help="SQLite file to build (default: a temp dir); reused if it has events")
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from dateline.store import open_store
    from dateline.web.app import create_app

    path = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="dateline-bench-api-")) / "api.db"
    url = f"sqlite:///{path}"
    out: dict = {"python": platform.python_version(), "machine": platform.machine(), "backend": "sqlite"}
    store = open_store(url)
    have = store.count_events()
    store.close()
    if have < args.events:
        print(f"loading {args.events:,} synthetic events into {path} ...", file=sys.stderr)
        out["load_seconds"] = round(load_synthetic(url, args.events), 1)
        out["enrich_seconds"] = round(enrich(url), 1)
        out["totals_rebuild_seconds"] = round(rebuild_totals(url), 1)
    store = open_store(url)
    with store.engine.connect() as conn:
        counts = conn.execute(text("SELECT dyad, COUNT(*) FROM event_dyads GROUP BY dyad ORDER BY 2 DESC")).all()
        out["totals_rows"] = {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()
                              for t in ("dyad_months", "dyad_month_tags", "dyad_month_actors")}
    out["events"] = store.count_events()
    store.close()
    out["dyads"] = len(counts)
    busiest, median = counts[0], counts[len(counts) // 2]

    with TestClient(create_app(url)) as client:
        for label, (dyad, n) in (("busiest", busiest), ("median", median)):
            a, b = dyad.split("-")
            print(f"[{label}] {dyad}: {n:,} events", file=sys.stderr)
            out[label] = {
                "dyad": dyad, "dyad_events": n,
                "summary_all_time": measure(client, f"/api/dyads/{a}/{b}/summary", args.repeats),
                "summary_cold": cold(client, f"/api/dyads/{a}/{b}/summary"),
                "summary_days": measure(client, f"/api/dyads/{a}/{b}/summary?start=2020-03-15&end=2020-09-15",
                                        max(5, args.repeats // 5)),
                "summary_one_year": measure(client, f"/api/dyads/{a}/{b}/summary?start=2020&end=2020", args.repeats),
                "timeline_series": measure(client, f"/api/dyads/{a}/{b}/timeline?limit=500", args.repeats),
            }
        country = busiest[0].split("-")[0]
        out["partners_cold"] = cold(client, f"/api/countries/{country}/partners")
        out["partners"] = measure(client, f"/api/countries/{country}/partners", args.repeats)
        out["network_cold"] = cold(client, "/api/network")
        a, b = busiest[0].split("-")
        out["events_dyad"] = measure(client, f"/api/events?dyad={a}-{b}&limit=100", args.repeats)
        out["events_page"] = measure(client, "/api/events?limit=100", args.repeats)
        first_page = client.get(f"/api/events?dyad={a}-{b}&limit=100").json()
        out["events_next_page"] = measure(client, f"/api/events?dyad={a}-{b}&limit=100&cursor="
                                          f"{first_page['next_cursor']}", args.repeats)
        out["status"] = measure(client, "/api/status", max(5, args.repeats // 5))
    # every endpoint's p95 in one place (first requests are in each entry's first_ms)
    out["p95_ms"] = {name: v["p95_ms"] for name, v in
                     [*((f"{label}.{k}", v) for label in ("busiest", "median") for k, v in out[label].items()
                        if isinstance(v, dict) and "p95_ms" in v),
                      *((k, v) for k, v in out.items() if isinstance(v, dict) and "p95_ms" in v)]}
    if not args.keep and not args.db:
        path.unlink(missing_ok=True)
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
