"""Benchmark of `dateline extract` against the bare spaCy pipeline on the same real texts.

Texts: the reference article, the 120 MEANTIME Wikinews articles (../shared/data/meantime, tokens
re-joined) and dateline's own sample corpus. Reports articles/s and words/s of the bare spaCy
pipeline and of the full extraction path, our overhead in percent, and peak memory (RSS).

    python bench/bench_extract.py [--repeat 3] [--json out.json] [--samples-only]

Without ../shared (a clone of dateline alone) it refuses, saying what is missing, unless
--samples-only asks for the shipped samples alone; the figures always name the corpus measured.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]'’]|'s|n't)")
NO_SPACE_AFTER = re.compile(r"([(\[$]) ")


def meantime_articles():
    from dateline.model import Article

    root = SHARED / "data" / "meantime" / "intra-doc_annotation"
    for path in sorted(root.glob("*/*.xml")):
        tree = ET.parse(path).getroot()
        sentences: dict[int, list[str]] = {}
        for tok in tree.iter("token"):
            sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
        paragraphs = []
        for _, toks in sorted(sentences.items()):
            s = NO_SPACE_AFTER.sub(r"\1", NO_SPACE_BEFORE.sub(r"\1", " ".join(toks)))
            paragraphs.append(s)
        dct = None
        for t in tree.iter("TIMEX3"):
            if t.get("functionInDocument") == "CREATION_TIME" and t.get("value"):
                try:
                    dct = date.fromisoformat(t.get("value")[:10])
                except ValueError:
                    pass
        yield Article(text="\n\n".join(paragraphs), published=dct, source=str(path.name))


REFERENCE = SHARED / "data" / "seed" / "dawn-2025-04-18-pakistan-russia.txt"
MEANTIME = SHARED / "data" / "meantime"


def missing_parts() -> list[str]:
    """The parts of the full corpus (reference article, MEANTIME) that are not here."""
    return [str(p) for p in (REFERENCE, MEANTIME) if not p.exists()]


def corpus(samples_only: bool = False):
    """The reference article, the shipped samples and the 120 MEANTIME articles (129 articles), or
    the samples alone. Whichever part is missing is left out: ``describe`` says what was read."""
    from dateline.ingest import InputError, read_inputs, sample_paths

    paths = [*([] if samples_only else [REFERENCE]), *sample_paths()]
    articles = [a for a in read_inputs([p for p in paths if p.exists()]) if not isinstance(a, InputError)]
    if not samples_only and MEANTIME.exists():
        articles.extend(meantime_articles())
    return articles


def describe(articles, samples_only: bool = False) -> str:
    """What was read: "129 articles: reference article, shipped samples, MEANTIME"."""
    parts = [name for name, path in (("reference article", REFERENCE), ("shipped samples", None),
                                     ("MEANTIME", MEANTIME))
             if path is None or (not samples_only and path.exists())]
    return f"{len(articles)} articles: " + ", ".join(parts)


def run_child(mode: str, repeat: int, samples_only: bool) -> dict:
    """One measurement in a fresh process, so peak memory belongs to that path alone."""
    import spacy

    from dateline.config import Settings

    articles = corpus(samples_only)
    texts = [a.text for a in articles]
    settings = Settings()
    if mode == "bare":
        nlp = spacy.load(settings.model)
        list(nlp.pipe(texts[:5]))
        run = lambda: sum(1 for _ in nlp.pipe(texts, batch_size=settings.batch_size))  # noqa: E731
    else:
        from dateline.pipeline import Pipeline

        pipeline = Pipeline(settings)
        list(pipeline.extract_many(articles[:5]))
        run = lambda: sum(len(x.events) for x in pipeline.extract_many(articles))  # noqa: E731
    best, out = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = run()
        best = min(best, time.perf_counter() - t0)
    return {"seconds": best, "articles": len(articles), "corpus": describe(articles, samples_only),
            "words": sum(len(t.split()) for t in texts),
            "events": out if mode == "full" else None, "model": settings.model,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--samples-only", action="store_true",
                    help="measure the 8 shipped sample articles alone (what runs without ../shared)")
    ap.add_argument("--child", choices=["bare", "full"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.repeat, args.samples_only)))
        return
    if not args.samples_only and missing_parts():
        sys.exit(f"bench_extract: the benchmark corpus (reference article + 8 samples + 120 MEANTIME "
                 f"articles, 129 in all) needs ../shared, and this is missing: {', '.join(missing_parts())}.\n"
                 f"Figures from the samples alone are not comparable with docs/benchmarks.md; "
                 f"pass --samples-only to measure the 8 shipped samples anyway.")

    import subprocess

    def child(mode: str) -> dict:
        out = subprocess.run([sys.executable, __file__, "--child", mode, "--repeat", "2",
                              *(["--samples-only"] if args.samples_only else [])],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out.strip().splitlines()[-1])

    # Alternate the two paths, one fresh process per run, and keep each path's best: the machine's
    # background load then hits both alike instead of whichever happened to run second.
    runs = {"bare": [], "full": []}
    for _ in range(args.repeat):
        for mode in ("bare", "full"):
            runs[mode].append(child(mode))
    bare = min(runs["bare"], key=lambda r: r["seconds"])
    full = min(runs["full"], key=lambda r: r["seconds"])
    bare["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs["bare"])
    full["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs["full"])
    n, words = full["articles"], full["words"]
    figures = {
        "corpus": full["corpus"], "articles": n, "words": words, "events": full["events"], "model": full["model"],
        "bare_spacy_s": round(bare["seconds"], 3), "full_extract_s": round(full["seconds"], 3),
        "bare_articles_per_s": round(n / bare["seconds"], 1), "bare_words_per_s": round(words / bare["seconds"]),
        "full_articles_per_s": round(n / full["seconds"], 1), "full_words_per_s": round(words / full["seconds"]),
        "overhead_pct": round(100 * (full["seconds"] - bare["seconds"]) / bare["seconds"], 1),
        "bare_peak_rss_mb": round(bare["peak_rss_mb"]), "full_peak_rss_mb": round(full["peak_rss_mb"]),
        "python": sys.version.split()[0],
    }
    width = max(map(len, figures))
    for k, v in figures.items():
        print(f"{k:<{width}}  {v}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
