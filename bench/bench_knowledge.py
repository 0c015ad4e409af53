"""Knowledge load time and memory: the built-in tables (and, with --knowledge DIR, a user's), in a
fresh process each time, as `dateline extract` pays it once per run.

    python bench/bench_knowledge.py [--repeat 5] [--knowledge DIR]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys

CHILD = r"""
import json, resource, sys, time
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
from dateline.knowledge import load_knowledge
kb = load_knowledge(tuple(sys.argv[1:]))
took = time.perf_counter() - t
t = time.perf_counter()
e = kb.actors.lookup_on("Levon Ter-Petrosyan", None)
first_lookup = time.perf_counter() - t
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"load_s": took, "first_lookup_ms": first_lookup * 1e3, "rss_added_mb": (after - before) / 1024,
                  "dictionary_rows": len(kb.actors.dictionary or ()), "curated_rows": len(kb.actors.rows)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--knowledge", action="append", default=[])
    args = ap.parse_args()
    runs = [json.loads(subprocess.run([sys.executable, "-c", CHILD, *args.knowledge], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(args.repeat)]
    best = min(runs, key=lambda r: r["load_s"])
    print(json.dumps({"runs": args.repeat, "best_load_s": round(best["load_s"], 3),
                      "median_load_s": round(sorted(r["load_s"] for r in runs)[len(runs) // 2], 3),
                      "rss_added_mb": round(best["rss_added_mb"], 1),
                      "dictionary_rows": best["dictionary_rows"], "curated_rows": best["curated_rows"]}))


if __name__ == "__main__":
    main()
