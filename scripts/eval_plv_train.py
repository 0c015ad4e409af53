"""Event-type accuracy of dateline's EventExtractor on the PLV development sentences.

Each PLV sentence marks a source and a target actor and gives the gold PLOVER root class of the
pair. The marked spans become actor mentions (so this measures event typing and role linking, not
actor recognition); the extractor runs on the sentence; the prediction for a pair is the type of
the event that links source to target, else of an event with the source as a party, else of the
first event of the sentence, else "none". YIELD (CONCEDE/RETREAT in PLOVER v2) counts as a match
for either.

    python scripts/eval_plv_train.py [--limit N] [--errors 30]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from dateline.extractors.events import EventExtractor
from dateline.knowledge import load_knowledge
from dateline.model import Actor, ActorMention, Article
from dateline.pipeline import load_nlp

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO / ".." / "shared" / "data" / "plv-train" / "plv_train.jsonl").resolve()
YIELD = {"CONCEDE", "RETREAT"}


def mention_for(doc, text: str, name: str, actor_id: str) -> ActorMention | None:
    start = text.find(name)
    if start < 0 or not name:
        return None
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    if span is None:
        return None
    actor = Actor(id=actor_id, name=name, kind="group")
    return ActorMention([actor], span.start_char, span.end_char, span.text, 0, span.start, span.end)


def label(event) -> str:
    """PLV codes a negated cooperative act ("will not release", "failed to reach a deal") as
    REJECT; dateline keeps the act's type with negated=True, so compare on PLV's terms."""
    if event.negated and event.quad_class in (1, 2):
        return "REJECT"
    return event.type


def predict(events, src: str, tgt: str) -> str:
    def parties(e):
        return {a.id for a in e.actors} | {a.id for a in e.recipients}
    for e in events:
        if src in parties(e) and tgt in parties(e):
            return label(e)
    for e in events:
        if src in parties(e):
            return label(e)
    return label(events[0]) if events else "none"


def gold_matches(gold: str, pred: str) -> bool:
    return pred == gold or (gold == "YIELD" and pred in YIELD)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="print this many misclassified pairs")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"PLV data not found at {DATA}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    if args.limit:
        records = records[: args.limit]
    nlp = load_nlp()
    extractor = EventExtractor(load_knowledge())
    total = correct = 0
    per_class: Counter[str] = Counter()
    per_class_ok: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    errors = []
    started = time.perf_counter()
    for rec, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=64)):
        article = Article(text=rec["text"])
        for k, ev in enumerate(rec["events"]):
            gold = ev["plover"] or "YIELD"
            src_name = ev["actor"][0]["name"] if ev["actor"] else ""
            tgt_name = ev["recipient"][0]["name"] if ev["recipient"] else ""
            mentions = [m for m in (mention_for(doc, rec["text"], src_name, f"src{k}"),
                                    mention_for(doc, rec["text"], tgt_name, f"tgt{k}")) if m]
            mentions.sort(key=lambda m: m.token_start)
            events = extractor.extract(doc, article, mentions, [], [])
            pred = predict(events, f"src{k}", f"tgt{k}")
            ok = gold_matches(gold, pred)
            total += 1
            correct += ok
            per_class[gold] += 1
            per_class_ok[gold] += ok
            if not ok:
                confusion[(gold, pred)] += 1
                errors.append((gold, pred, rec["text"][:160]))
    elapsed = time.perf_counter() - started
    print(f"PLV train: {correct}/{total} pairs typed correctly = {correct / max(total, 1):.1%} "
          f"({len(records)} sentences, {elapsed:.1f}s)")
    for cls in sorted(per_class, key=lambda c: -per_class[c]):
        print(f"  {cls:10} {per_class_ok[cls]:4}/{per_class[cls]:<4} {per_class_ok[cls] / per_class[cls]:.0%}")
    print("most frequent confusions (gold -> predicted):")
    for (g, p), n in confusion.most_common(10):
        print(f"  {g:10} -> {p:10} {n}")
    for gold, pred, text in errors[: args.errors]:
        print(f"[{gold} -> {pred}] {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
