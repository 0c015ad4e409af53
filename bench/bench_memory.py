"""Peak memory of one extraction process (what one Dask worker holds) as the corpus grows.

One Dask worker process (or, with --in-process, this process) extracts a corpus built from the shipped samples (bench/sample_corpus.py: copies
varied so no sentence repeats) and records its peak RSS (ru_maxrss) after 100k words and at the
end, with the size of every bounded cache and of spaCy's string store, so growth can be traced to
its owner. Memory should be flat: bounded caches fill up and stop, nothing accumulates per run.

    python bench/bench_memory.py --words 400000 [--json out.json]

The last line is ``peak_rss_mb M at 100k, N at 400k``. Never fails on memory.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import json
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_corpus import sample_corpus  # noqa: E402

FIRST = 100_000


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cache_sizes() -> dict[str, int]:
    """currsize of every functools cache in dateline's modules (name -> entries)."""
    sizes = {}
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("dateline") or module is None:
            continue
        for attr, value in vars(module).items():
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == name:
                sizes[f"{name}.{attr}"] = info().currsize
    return sizes


def state() -> dict:
    """This process's peak and current RSS, spaCy's string count and its largest caches."""
    from dateline.pipeline import load_nlp

    caches = cache_sizes()
    import psutil

    return {"peak_rss_mb": round(peak_rss_mb()), "rss_mb": round(psutil.Process().memory_info().rss / 2**20),
            "strings": len(load_nlp(None).vocab.strings),
            "cache_entries": sum(caches.values()),
            "largest_caches": dict(sorted(caches.items(), key=lambda kv: -kv[1])[:4])}


def _on_worker(client) -> dict:
    [figures] = client.run(state).values()
    return figures


def label(words: int) -> str:
    return f"{words // 1_000_000}M" if words % 1_000_000 == 0 else f"{words // 1000}k"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=400_000, help=f"corpus size in words (more than {FIRST})")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--in-process", action="store_true",
                    help="extract in this process instead of one Dask worker process")
    args = ap.parse_args()
    if args.words <= FIRST:
        ap.error(f"--words must be more than {FIRST}: the first figure is taken at {FIRST} words")

    articles = sample_corpus(args.words)
    checkpoints = []
    words = 0
    marks = [FIRST, args.words]
    with contextlib.ExitStack() as stack:
        if args.in_process:
            from dateline.pipeline import Pipeline

            pipeline = Pipeline()
            outcomes = pipeline.extract_each(iter(articles))
            probe = state
        else:  # one Dask worker process, fed as `dateline ingest --dask` feeds it
            from dateline.distributed import DaskExtractor

            dask = stack.enter_context(DaskExtractor("processes:1"))
            outcomes = dask.extract_each(iter(articles))
            probe = functools.partial(_on_worker, dask.client)
        loaded = probe()["peak_rss_mb"]
        for i, _ in enumerate(outcomes):
            words += len(articles[i].text.split())
            articles[i] = None  # the corpus is not what we measure: let it go as we pass
            if marks and words >= marks[0]:
                marks.pop(0)
                checkpoints.append({"words": words, **probe()})
                print(json.dumps(checkpoints[-1]), flush=True)
    first, last = checkpoints[0], checkpoints[-1]
    figures = {"where": "this process" if args.in_process else "one Dask worker process",
               "loaded_rss_mb": loaded, "checkpoints": checkpoints,
               "growth_pct": round(100 * (last["peak_rss_mb"] - first["peak_rss_mb"]) / first["peak_rss_mb"], 1)}
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    print(f"{figures['where']}: loaded_rss_mb {loaded}, growth {figures['growth_pct']} %")
    print(f"peak_rss_mb {first['peak_rss_mb']} at {label(FIRST)}, {last['peak_rss_mb']} at {label(args.words)}")


if __name__ == "__main__":
    main()
