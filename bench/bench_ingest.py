"""End-to-end ingest benchmark on real texts: extraction + store writes, as `dateline ingest` does them.

Texts: the reference article, the shipped samples and the 120 MEANTIME articles (the same corpus as
bench_extract.py). Reports articles/s and events/s end to end, the share of time spent writing,
and a second pass over the same articles (idempotent: nothing new is stored).

    python bench/bench_ingest.py [--pg postgresql://user:pw@host/db] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import corpus  # noqa: E402


def run(url: str, articles, pipeline) -> dict:
    from dateline.store import open_store

    store = open_store(url)
    t0 = time.perf_counter()
    extract_s = write_s = 0.0
    n_events = 0
    it = pipeline.extract_many(articles)
    while True:
        t = time.perf_counter()
        try:
            extraction = next(it)
        except StopIteration:
            break
        extract_s += time.perf_counter() - t
        t = time.perf_counter()
        n_events += store.add(extraction).n_events
        write_s += time.perf_counter() - t
    total = time.perf_counter() - t0
    t = time.perf_counter()
    again = [store.is_current(a, pipeline_version()) for a in articles]
    check_s = time.perf_counter() - t
    store.close()
    return {"articles": len(articles), "events": n_events, "seconds": round(total, 2),
            "articles_per_s": round(len(articles) / total, 1), "events_per_s": round(n_events / total, 1),
            "write_share_pct": round(100 * write_s / total, 1),
            "second_pass_already_stored": sum(again), "second_pass_check_s": round(check_s, 3)}


def pipeline_version() -> str:
    from dateline import __version__
    return __version__


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pg", help="also measure on this PostgreSQL URL (its tables are created there)")
    ap.add_argument("--json", help="write the figures to this JSON file")
    args = ap.parse_args()

    from dateline.pipeline import Pipeline

    articles = corpus()
    pipeline = Pipeline()
    list(pipeline.extract_many(articles[:3]))  # warm up
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = run(f"sqlite:///{tmp}/bench.db", articles, pipeline)
    if args.pg:
        results["postgresql"] = run(args.pg, articles, pipeline)
    for backend, figures in results.items():
        print(backend)
        for k, v in figures.items():
            print(f"  {k:<28} {v}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
