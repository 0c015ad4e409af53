"""Fuzzing ``dateline.extract``: mutated sample texts (bench/fuzz_mutations.py) through the same
path as ``dateline.extract`` (``read_text``, then the Pipeline, batched with ``nlp.pipe``).

Reports the crashes (exception type, where it was raised, first examples), the time phrases the
time stage left unresolved and those its last-line guard caught, and the slowest inputs (our
stages per input after the batched parse; the five slowest are then re-run alone, parse
included). The last line is ``crashes: N of M inputs``. Never fails on time.

    python bench/fuzz_extract.py --n 100000 [--seed 8] [--workers 2] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_mutations import SEED, FuzzInput, base_windows, fuzz_inputs  # noqa: E402

EXAMPLES = 3       # inputs kept per kind of crash
SLOWEST = 5


def _where(exc: BaseException) -> str:
    """The innermost frame in dateline's own code: "extractors/time.py:412 _ago"."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/dateline/" in f.filename.replace("\\", "/")] or frames[-1:]
    if not ours:
        return "?"
    f = ours[-1]
    path = f.filename.replace("\\", "/").split("/dateline/", 1)[-1]
    return f"{path}:{f.lineno} {f.name}"


def _crash(item: FuzzInput, index: int, stage: str, exc: BaseException) -> dict:
    return {"index": index, "stage": stage, "type": type(exc).__name__, "message": str(exc)[:300],
            "where": _where(exc), "text": item.text[:300], "published": str(item.published),
            "mutations": list(item.mutations)}


def _warm(pipeline) -> None:
    """One extraction before timing: lazy imports (dateparser) and first-use caches."""
    from datetime import date

    from dateline.extractors.time import parse_with_dateparser
    from dateline.ingest import read_text

    parse_with_dateparser("the 3rd of next month", date(2025, 4, 18))
    pipeline.extract(read_text("Pakistan and Russia on Thursday agreed to expand trade, officials said "
                               "two days ago.", published=date(2025, 4, 18)))


def _pick(indices, n: int, seed: int):
    """(index, FuzzInput) for the wanted indices of the first n inputs, generated as they go."""
    wanted = set(indices)
    if not wanted:
        return
    for i, item in enumerate(fuzz_inputs(min(n, max(wanted) + 1), seed, base_windows())):
        if i in wanted:
            yield i, item


def run(indices: range, n: int, seed: int, batch_size: int) -> dict:
    """Fuzz the inputs whose index is in ``indices`` (a slice of the first ``n``)."""
    from dateline.extractors.time import time_warnings
    from dateline.ingest import InputError, read_text
    from dateline.pipeline import Pipeline

    pipeline = Pipeline()
    _warm(pipeline)
    crashes: list[dict] = []
    timings: list[tuple[float, int]] = []
    longest: list[tuple[int, int]] = []     # (characters, index): the inputs the parse takes longest on
    counts = Counter()
    started = time.perf_counter()

    def extract(batch: list[tuple[int, FuzzInput, object]]) -> None:
        try:
            docs = list(pipeline.nlp.pipe([a.text for _, _, a in batch], batch_size=batch_size))
        except Exception:            # noqa: BLE001 - find the one the parser cannot take
            docs = []
            for i, item, a in batch:
                try:
                    docs.append(pipeline.nlp(a.text))
                except Exception as exc:   # noqa: BLE001
                    crashes.append(_crash(item, i, "spacy", exc))
                    docs.append(None)
        for (i, item, article), doc in zip(batch, docs):
            if doc is None:
                continue
            t0 = time.perf_counter()
            try:
                pipeline.extract_doc(doc, article)
            except Exception as exc:     # noqa: BLE001 - a crash is what we count
                crashes.append(_crash(item, i, "extract", exc))
                continue
            finally:
                timings.append((time.perf_counter() - t0, i))
            counts["extracted"] += 1
            for w in time_warnings(doc):
                counts["unresolved_times"] += 1
                if "could not be read" in w:     # the last-line guard, not a range check
                    counts["guarded_times"] += 1
        timings.sort(reverse=True)
        del timings[SLOWEST * 2:]
        longest.extend((len(a.text), i) for i, _, a in batch)
        longest.sort(reverse=True)
        del longest[SLOWEST:]

    batch: list[tuple[int, FuzzInput, object]] = []
    for i, item in _pick(indices, n, seed):
        counts["inputs"] += 1
        try:
            article = read_text(item.text, published=item.published)   # as dateline.extract does
        except Exception as exc:     # noqa: BLE001
            crashes.append(_crash(item, i, "read_text", exc))
            continue
        if isinstance(article, InputError):
            counts["input_errors"] += 1   # a value, as designed: "nothing to read"
            continue
        batch.append((i, item, article))
        if len(batch) == batch_size:
            extract(batch)
            batch = []
    if batch:
        extract(batch)
    return {"inputs": counts.pop("inputs", 0), "crashes": crashes, "counts": dict(counts),
            "slowest": timings, "longest": longest, "seconds": time.perf_counter() - started}


def _worker(args: tuple[int, int, int, int, int]) -> dict:
    worker, workers, n, seed, batch_size = args
    return run(range(worker, n, workers), n, seed, batch_size)


def rerun_alone(indices: list[int], n: int, seed: int) -> list[tuple[float, float, int]]:
    """(seconds for the whole path alone, parse included; our stages only; index) per input."""
    from dateline.ingest import InputError, read_text
    from dateline.pipeline import Pipeline

    pipeline = Pipeline()
    _warm(pipeline)
    items = dict(_pick(indices, max(indices) + 1, seed))
    out = []
    for i in indices:
        article = read_text(items[i].text, published=items[i].published)
        if isinstance(article, InputError):
            continue
        t0 = time.perf_counter()
        doc = pipeline.nlp(article.text)
        t1 = time.perf_counter()
        pipeline.extract_doc(doc, article)
        t2 = time.perf_counter()
        out.append((t2 - t0, t2 - t1, i))
    return sorted(out, reverse=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--workers", type=int, default=1, help="processes (each loads its own pipeline)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json", type=Path, help="write the full report here")
    args = ap.parse_args(argv)

    started = time.perf_counter()
    jobs = [(w, args.workers, args.n, args.seed, args.batch_size) for w in range(args.workers)]
    if args.workers == 1:
        parts = [_worker(jobs[0])]
    else:
        with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
            parts = pool.map(_worker, jobs)
    wall = time.perf_counter() - started

    crashes = sorted((c for p in parts for c in p["crashes"]), key=lambda c: c["index"])
    counts = Counter()
    for p in parts:
        counts.update(p["counts"])
    inputs = sum(p["inputs"] for p in parts)
    slowest = sorted((t for p in parts for t in p["slowest"]), reverse=True)[:SLOWEST]
    longest = sorted((t for p in parts for t in p["longest"]), reverse=True)[:SLOWEST]
    again = sorted({i for _, i in slowest} | {i for _, i in longest})
    items = dict(_pick(again, args.n, args.seed))
    alone = rerun_alone(again, args.n, args.seed)[:SLOWEST] if again else []

    print(f"fuzz: {inputs} inputs (seed {args.seed}), {args.workers} worker(s), {wall:.1f} s wall, "
          f"{inputs / wall:.1f} inputs/s")
    print(f"extracted {counts['extracted']}, input errors (InputError values) {counts['input_errors']}, "
          f"time phrases left unresolved {counts['unresolved_times']} "
          f"(of which caught by the last-line guard: {counts['guarded_times']})")
    kinds = Counter((c["type"], c["where"]) for c in crashes)
    if crashes:
        print("\ncrashes by kind:")
        for (kind, where), k in kinds.most_common():
            print(f"  {k:6d}  {kind} at {where}")
            for c in [c for c in crashes if (c["type"], c["where"]) == (kind, where)][:EXAMPLES]:
                print(f"          #{c['index']} published={c['published']} {c['mutations']}: {c['message'][:120]}")
                print(f"            text: {c['text'][:160]!r}")
    print("\nslowest inputs (our stages, after the batched parse):")
    for seconds, i in slowest:
        item = items[i]
        print(f"  {seconds:7.3f} s  #{i} ({len(item.text)} chars, {list(item.mutations)}, "
              f"published={item.published}): {item.text[:90]!r}")
    if alone:
        print("slowest of those and of the 5 longest inputs, each run alone (parse + our stages / our stages):")
        for total, ours, i in alone:
            item = items[i]
            print(f"  {total:7.3f} s / {ours:.3f} s  #{i} ({len(item.text)} chars, {list(item.mutations)}): "
                  f"{item.text[:70]!r}")
    if args.json:
        args.json.write_text(json.dumps({
            "n": inputs, "seed": args.seed, "workers": args.workers, "wall_s": wall,
            "rate_per_s": inputs / wall, "counts": dict(counts), "crashes": crashes,
            "slowest": [{"seconds": s, "index": i, "chars": len(items[i].text), "text": items[i].text[:300],
                         "published": str(items[i].published), "mutations": list(items[i].mutations)}
                        for s, i in slowest],
            "slowest_alone": [{"seconds": t, "ours": o, "index": i, "chars": len(items[i].text),
                               "text": items[i].text[:300]} for t, o, i in alone]},
            ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"crashes: {len(crashes)} of {inputs} inputs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
