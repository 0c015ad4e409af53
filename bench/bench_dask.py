"""Dask against one process, on the same corpus, in the same run: speed and identical outputs.

The corpus is built from the shipped samples (bench/sample_corpus.py: copies varied so no sentence
repeats) up to --words words, so this runs from any clone. Each measurement is a fresh process and
the two paths alternate (--repeat), each keeping its best time. Times are end to end, as a user
waits for them: the single process loads the pipeline and extracts; the Dask run starts a
LocalCluster of --workers processes (each loads the pipeline once), extracts, and shuts it down.
The outputs (every article's event ids and codings) of the two paths are compared.

    python bench/bench_dask.py --words 200000 --workers 2 [--repeat 2] [--json out.json]

The last line is ``speedup S (single T1 s, dask T2 s, identical outputs: yes|no)``. Never fails on time.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_corpus import n_words, sample_corpus  # noqa: E402


def coding(outcome) -> list:
    """What both paths must agree on for one article: its events' ids and codings, or its failure."""
    from dateline.pipeline import ExtractionFailed

    if isinstance(outcome, ExtractionFailed):
        return ["failed", outcome.reason]
    return [outcome.article.id, [[e.id, e.type, e.mode, e.cameo, e.quad_class, e.plover_score,
                                  round(e.confidence, 6), [a.id for a in e.actors], [a.id for a in e.recipients],
                                  e.negated, e.future, e.hypothetical, e.historical] for e in outcome.events]]


def run_child(mode: str, words: int, workers: int, out: str) -> dict:
    articles = sample_corpus(words)
    t0 = time.perf_counter()
    if mode == "single":
        from dateline.pipeline import Pipeline

        pipeline = Pipeline()
        ready = time.perf_counter()
        results = [coding(x) for x in pipeline.extract_each(articles)]
        done = time.perf_counter()
    else:
        from dateline.distributed import DaskExtractor

        with DaskExtractor(f"processes:{workers}") as dask:
            ready = time.perf_counter()
            results = [coding(x) for x in dask.extract_each(articles)]
            done = time.perf_counter()
    total = time.perf_counter() - t0   # the Dask run's includes shutting the cluster down
    Path(out).write_text(json.dumps(results))
    return {"mode": mode, "seconds": total, "startup_s": ready - t0, "extract_s": done - ready,
            "shutdown_s": total - (done - t0), "articles": len(articles), "words": n_words(articles),
            "events": sum(len(r[1]) for r in results if r[0] != "failed"),
            "failed": sum(r[0] == "failed" for r in results)}


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=200_000, help="corpus size in words (default 200000)")
    ap.add_argument("--workers", type=int, default=2, help="Dask worker processes (default 2)")
    ap.add_argument("--repeat", type=int, default=1, help="alternating runs of each path; the best is kept")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--child", choices=["single", "dask"], help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.words, args.workers, args.out)))
        return

    runs: dict[str, list[dict]] = {"single": [], "dask": []}
    outputs: dict[str, list[str]] = {"single": [], "dask": []}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeat):
            for mode in ("single", "dask"):
                out = os.path.join(tmp, f"{mode}-{r}.json")
                cpu_before = _children_cpu_s()
                proc = subprocess.run([sys.executable, __file__, "--child", mode, "--words", str(args.words),
                                       "--workers", str(args.workers), "--out", out],
                                      check=True, capture_output=True, text=True)
                figures = json.loads(proc.stdout.strip().splitlines()[-1])
                # CPU seconds of the run, its worker processes included: with the wall time it says
                # how many cores the machine actually gave the run (a busy shared machine gives fewer)
                figures["cpu_s"] = _children_cpu_s() - cpu_before
                runs[mode].append(figures)
                outputs[mode].append(Path(out).read_text())
                print(f"run {r + 1} {mode:<6} {figures['seconds']:7.1f} s  (startup {figures['startup_s']:.1f} s, "
                      f"extract {figures['extract_s']:.1f} s, shutdown {figures['shutdown_s']:.1f} s; "
                      f"{figures['cpu_s']:.0f} CPU s, {figures['cpu_s'] / figures['seconds']:.2f} cores busy)",
                      flush=True)
        identical = len(set(outputs["single"] + outputs["dask"])) == 1
    single = min(runs["single"], key=lambda f: f["seconds"])
    dask = min(runs["dask"], key=lambda f: f["seconds"])
    figures = {
        "words": single["words"], "articles": single["articles"], "events": single["events"],
        "failed": single["failed"], "workers": args.workers, "repeat": args.repeat, "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "single_s": round(single["seconds"], 1), "dask_s": round(dask["seconds"], 1),
        "single_extract_s": round(single["extract_s"], 1), "dask_extract_s": round(dask["extract_s"], 1),
        "dask_startup_s": round(dask["startup_s"], 1), "dask_shutdown_s": round(dask["shutdown_s"], 1),
        "extract_only_speedup": round(single["extract_s"] / dask["extract_s"], 2),
        "single_cores_busy": round(single["cpu_s"] / single["seconds"], 2),
        "dask_cores_busy": round(dask["cpu_s"] / dask["seconds"], 2),
        "dask_cpu_overhead_pct": round(100 * (dask["cpu_s"] - single["cpu_s"]) / single["cpu_s"], 1),
        "single_ms_per_article": round(1000 * single["extract_s"] / single["articles"], 1),
        "identical_outputs": identical,
    }
    width = max(map(len, figures))
    for k, v in figures.items():
        print(f"{k:<{width}}  {v}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    speedup = single["seconds"] / dask["seconds"]
    print(f"speedup {speedup:.2f} (single {single['seconds']:.1f} s, dask {dask['seconds']:.1f} s, "
          f"identical outputs: {'yes' if identical else 'no'})")


if __name__ == "__main__":
    main()
