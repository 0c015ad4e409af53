"""Benchmark of `dateline extract` against the bare spaCy pipeline on the same real texts.

Texts: the reference article, the 120 MEANTIME Wikinews articles (../shared/data/meantime, tokens
re-joined) and dateline's own sample corpus. Reports articles/s and words/s of the bare spaCy
pipeline and of the full extraction path, our overhead in percent, and peak memory (RSS).

    python bench/bench_extract.py [--repeat 3] [--json out.json]
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


def corpus():
    from dateline.ingest import InputError, read_inputs, sample_paths

    paths = [SHARED / "data" / "seed" / "dawn-2025-04-18-pakistan-russia.txt", *sample_paths()]
    articles = [a for a in read_inputs([p for p in paths if p.exists()]) if not isinstance(a, InputError)]
    if (SHARED / "data" / "meantime").exists():
        articles.extend(meantime_articles())
    return articles


def run_child(mode: str, repeat: int) -> dict:
    """One measurement in a fresh process, so peak memory belongs to that path alone."""
    import spacy

    from dateline.config import Settings

    articles = corpus()
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
    return {"seconds": best, "articles": len(articles), "words": sum(len(t.split()) for t in texts),
            "events": out if mode == "full" else None, "model": settings.model,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--child", choices=["bare", "full"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.repeat)))
        return

    import subprocess

    def child(mode: str) -> dict:
        out = subprocess.run([sys.executable, __file__, "--child", mode, "--repeat", "2"],
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
        "articles": n, "words": words, "events": full["events"], "model": full["model"],
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
