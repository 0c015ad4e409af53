"""Real-news evaluation: score extraction on story-level gold such as ../shared/data/voa-dev/gold.jsonl.

The matching rule is fixed so that figures quoted anywhere mean the same (docs/evaluation.md, "Real news"):

1. A system event may pair with a gold event when one of its mention sentences overlaps the gold
   evidence span (character offsets in the story text).
2. Among candidates: +4 for the same PLOVER type, +2 for the same CAMEO root, +1 for each country the
   two share (actor and recipient sides together).
3. Pairs are taken greedily, best score first, one to one (ties: required gold first, then text order).
4. Gold events with ``required: false`` absorb the system event they pair with: it is not a false
   alarm, and they are never misses.

precision = matched required / (emitted - absorbed); recall = matched required / required. Type, actor
and date accuracy are over matched required pairs: the actor side is right when every gold country
(actor and recipient) is among the system's; the date is right when the system's value starts with the
gold value and is at least as precise (scored only where the gold gives a date). Document-level type F1:
per story, the set of PLOVER types with a required gold event against the set of emitted types.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

from dateline.evaluate.gold import GoldFormatError
from dateline.model import Article, Event, Extraction

TYPE_POINTS, ROOT_POINTS, COUNTRY_POINTS = 4, 2, 1


@dataclass(slots=True)
class NewsGoldEvent:
    plover: str
    cameo_root: str | None
    actor_countries: list[str]
    recipient_countries: list[str]
    date: str | None
    evidence: str
    start: int                      # evidence span in the story text
    end: int
    required: bool
    trigger: str = ""

    @property
    def countries(self) -> set[str]:
        return set(self.actor_countries) | set(self.recipient_countries)


@dataclass(slots=True)
class NewsStory:
    id: str
    text: str
    published: date | None
    title: str | None
    events: list[NewsGoldEvent] = field(default_factory=list)

    def article(self) -> Article:
        return Article(text=self.text, published=self.published, title=self.title, source=f"gold:{self.id}")


def is_news_gold(path: Path) -> bool:
    """True for story-level gold (events carry ``plover`` and ``evidence`` keys, as in voa-dev)."""
    if path.is_dir() or path.suffix.lower() not in (".jsonl", ".ndjson"):
        return False
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return False
                events = first.get("events") if isinstance(first, dict) else None
                return isinstance(events, list) and any(isinstance(e, dict) and "plover" in e for e in events) \
                    or (isinstance(first, dict) and first.get("source") == "voa-dev")
    return False


def _countries(side: Any) -> list[str]:
    return [a["country"] for a in side or [] if isinstance(a, dict) and a.get("country")]


def read_news_gold(path: str | Path) -> list[NewsStory]:
    stories = []
    with Path(path).open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = json.loads(line)
                text = obj["text"]
                published = date.fromisoformat(obj["published"][:10]) if obj.get("published") else None
                story = NewsStory(id=str(obj["id"]), text=text, published=published, title=obj.get("title"))
                for e in obj.get("events", []):
                    start = text.find(e["evidence"])
                    if start < 0:
                        raise GoldFormatError(f"{where}: evidence is not a substring of the text: {e['evidence'][:60]!r}")
                    story.events.append(NewsGoldEvent(
                        plover=e["plover"], cameo_root=(e.get("cameo_root") or (e.get("cameo") or "")[:2]) or None,
                        actor_countries=_countries(e.get("actor")), recipient_countries=_countries(e.get("recipient")),
                        date=e.get("date"), evidence=e["evidence"], start=start, end=start + len(e["evidence"]),
                        required=bool(e.get("required", True)), trigger=e.get("trigger", "")))
            except (KeyError, TypeError, ValueError, json.JSONDecodeError) as exc:
                if isinstance(exc, GoldFormatError):
                    raise
                raise GoldFormatError(f"{where}: not a story-level gold record ({type(exc).__name__}: {exc})") from None
            stories.append(story)
    return stories


# -- which system events count ---------------------------------------------------------------------

def counted(event: Event, min_confidence: float = 0.0) -> bool:
    """Events the views count: asserted (not negated, not hypothetical) and above the threshold.

    Future acts stay in: the gold codes announced meetings, visits and aid as AGREE events."""
    return not event.negated and not event.hypothetical and event.confidence >= min_confidence


def system_countries(event: Event) -> set[str]:
    return {a.country for a in event.actors + event.recipients if a.country}


def overlaps(gold: NewsGoldEvent, event: Event) -> bool:
    return any(m.sentence_start < gold.end and gold.start < m.sentence_end for m in event.mentions)


def pair_points(gold: NewsGoldEvent, event: Event) -> int:
    points = TYPE_POINTS if event.type == gold.plover else 0
    if gold.cameo_root and event.cameo and event.cameo[:2] == gold.cameo_root:
        points += ROOT_POINTS
    return points + COUNTRY_POINTS * len(gold.countries & system_countries(event))


_PRECISION = {"day": 3, "week": 2, "month": 2, "year": 1}


def date_right(gold_value: str, event: Event) -> bool:
    value = event.time.value if event.time else None
    if not value or not value.startswith(gold_value):
        return False
    gold_precision = gold_value.count("-") + 1
    return _PRECISION.get(event.time.granularity, value.count("-") + 1) >= gold_precision


@dataclass(slots=True)
class Pair:
    story: str
    gold: NewsGoldEvent
    event: Event


@dataclass(slots=True)
class NewsScores:
    stories: int = 0
    required: int = 0
    emitted: int = 0
    absorbed: int = 0
    flagged: int = 0                   # negated or hypothetical candidates, left out of the figures
    pairs: list[Pair] = field(default_factory=list)
    missed: list[tuple[str, NewsGoldEvent]] = field(default_factory=list)
    false_alarms: list[tuple[str, Event]] = field(default_factory=list)
    doc_types: dict[str, Counter] = field(default_factory=dict)   # type -> Counter(tp, fp, fn)

    @property
    def matched(self) -> int:
        return len(self.pairs)

    @property
    def precision(self) -> float | None:
        denominator = self.emitted - self.absorbed
        return self.matched / denominator if denominator else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.required if self.required else None

    def _share(self, right: Callable[[Pair], bool | None]) -> tuple[int, int]:
        verdicts = [v for v in (right(p) for p in self.pairs) if v is not None]
        return sum(verdicts), len(verdicts)

    def type_accuracy(self) -> tuple[int, int]:
        return self._share(lambda p: p.event.type == p.gold.plover)

    def actor_accuracy(self) -> tuple[int, int]:
        return self._share(lambda p: p.gold.countries <= system_countries(p.event) if p.gold.countries else None)

    def recipient_found(self) -> tuple[int, int]:
        return self._share(lambda p: bool(p.event.recipients) if p.gold.recipient_countries else None)

    def date_accuracy(self) -> tuple[int, int]:
        return self._share(lambda p: date_right(p.gold.date, p.event) if p.gold.date else None)

    def doc_type_f1(self) -> dict[str, float]:
        out = {}
        for event_type, c in sorted(self.doc_types.items()):
            denominator = 2 * c["tp"] + c["fp"] + c["fn"]
            out[event_type] = 2 * c["tp"] / denominator if denominator else 0.0
        return out

    def doc_type_macro_f1(self) -> float | None:
        f1 = self.doc_type_f1()
        return sum(f1.values()) / len(f1) if f1 else None


def pairing(story: NewsStory, events: list[Event]) -> dict[int, int]:
    """system index -> gold index under the matching rule (greedy, best points first, one to one)."""
    candidates = []
    for gi, gold in enumerate(story.events):
        for si, event in enumerate(events):
            if overlaps(gold, event):
                candidates.append((-pair_points(gold, event), not gold.required, gi, si))
    candidates.sort()
    gold_taken: set[int] = set()
    chosen: dict[int, int] = {}
    for _, _, gi, si in candidates:
        if gi not in gold_taken and si not in chosen:
            gold_taken.add(gi)
            chosen[si] = gi
    return chosen


def match_story(story: NewsStory, events: list[Event], scores: NewsScores) -> None:
    chosen = pairing(story, events)
    absorbed: set[int] = set()
    for si, gi in chosen.items():
        gold = story.events[gi]
        if gold.required:
            scores.pairs.append(Pair(story.id, gold, events[si]))
        else:
            scores.absorbed += 1
            absorbed.add(si)
    gold_taken = set(chosen.values())
    event_taken = set(chosen)
    scores.missed.extend((story.id, g) for gi, g in enumerate(story.events) if g.required and gi not in gold_taken)
    scores.false_alarms.extend((story.id, e) for si, e in enumerate(events) if si not in event_taken)
    gold_types = {g.plover for g in story.events if g.required}
    system_types = {e.type for si, e in enumerate(events) if si not in absorbed}
    for event_type in gold_types | system_types:
        c = scores.doc_types.setdefault(event_type, Counter())
        c["tp" if event_type in gold_types and event_type in system_types else
          "fn" if event_type in gold_types else "fp"] += 1


def score_news(stories: list[NewsStory], extractions: Iterable[Extraction], min_confidence: float = 0.0) -> NewsScores:
    scores = NewsScores()
    for story, extraction in zip(stories, extractions):
        events = [e for e in extraction.events if counted(e, min_confidence)]
        scores.flagged += sum(1 for e in extraction.events if e.negated or e.hypothetical)
        scores.stories += 1
        scores.required += sum(1 for g in story.events if g.required)
        scores.emitted += len(events)
        match_story(story, events, scores)
    return scores


def evaluate_news(path: str | Path, pipeline=None, min_confidence: float = 0.0,
                  limit: int | None = None) -> NewsScores:
    stories = read_news_gold(path)[:limit]
    if pipeline is None:
        from dateline.pipeline import Pipeline
        pipeline = Pipeline()
    return score_news(stories, pipeline.extract_many(s.article() for s in stories), min_confidence)


# -- reporting --------------------------------------------------------------------------------------

def _ratio(right: int, total: int) -> str:
    return f"{right / total:.2f} ({right}/{total})" if total else "n/a"


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def summary_lines(scores: NewsScores) -> list[str]:
    denominator = scores.emitted - scores.absorbed
    return [
        f"stories {scores.stories}, required gold events {scores.required}, system events counted "
        f"{scores.emitted} (absorbed by optional gold {scores.absorbed}; negated/hypothetical left out {scores.flagged})",
        f"precision {_num(scores.precision)} ({scores.matched}/{denominator})   "
        f"recall {_num(scores.recall)} ({scores.matched}/{scores.required})   false alarms {len(scores.false_alarms)}",
        f"type accuracy {_ratio(*scores.type_accuracy())}   actor country {_ratio(*scores.actor_accuracy())}   "
        f"recipient found {_ratio(*scores.recipient_found())}   date {_ratio(*scores.date_accuracy())}",
        f"document-level type macro-F1 {_num(scores.doc_type_macro_f1())}",
    ]


def error_lines(scores: NewsScores, stories: dict[str, NewsStory] | None = None, limit: int | None = 20) -> list[str]:
    lines = []
    for story, gold in scores.missed[:limit]:
        lines.append(f"missed  {story}  {gold.plover} {gold.cameo_root or ''}  {gold.evidence[:110]}")
    for story, event in scores.false_alarms[:limit]:
        sentence = event.mentions[0].sentence if event.mentions else ""
        lines.append(f"false   {story}  {event.type} {event.cameo or ''} ({event.trigger})  {sentence[:110]}")
    return lines
