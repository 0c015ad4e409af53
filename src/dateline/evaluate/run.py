"""Runs the system over gold records: gold record -> Article -> Extraction, batched.

Text records become Articles directly; ``path`` records are read through ``dateline.ingest`` (so an
e-paper file is cleaned exactly as ``dateline extract`` would clean it). Records with nothing to
score on events or facts (time-expression-only records) are not run at all.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.evaluate.gold import GoldFormatError, GoldRecord, read_gold
from dateline.model import Article, Extraction

if TYPE_CHECKING:
    from dateline.evaluate.score import EventScores, TimexScores
    from dateline.pipeline import Pipeline


class GoldArticleError(RuntimeError):
    """A gold record's article could not be read."""


def needs_extraction(record: GoldRecord) -> bool:
    return bool(record.events or record.facts or record.exhaustive)


def article_for(record: GoldRecord) -> Article:
    if record.text:
        return Article(text=record.text, published=record.published, title=record.title, outlet=record.outlet,
                       dateline=record.dateline, source=record.source or f"gold:{record.id}")
    path = record.resolved_path()
    if path is None:
        raise GoldFormatError(f"{record.id}: a gold record needs 'text' or 'path'")
    if not path.exists():
        raise GoldArticleError(f"{record.id}: article file not found: {path}")
    from dateline.ingest import InputError, read_inputs

    items = list(read_inputs([path]))
    if len(items) != 1:
        raise GoldArticleError(f"{record.id}: {path} holds {len(items)} articles; a gold record needs exactly one")
    item = items[0]
    if isinstance(item, InputError):
        raise GoldArticleError(f"{record.id}: {item}")
    # the gold may state metadata the file lacks; the file wins where it has its own
    if item.published is None and record.published is not None:
        item.published = record.published
    return item


def run_system(records: list[GoldRecord], pipeline: "Pipeline | None" = None,
               progress: Callable[[int], None] | None = None) -> list[Extraction]:
    """One Extraction per record, in order (an empty one for records that are not run)."""
    wanted = [(i, article_for(r)) for i, r in enumerate(records) if needs_extraction(r)]
    results: list[Extraction] = [Extraction(article=Article(text="", published=r.published)) for r in records]
    if wanted:
        if pipeline is None:
            from dateline.pipeline import Pipeline
            pipeline = Pipeline()
        for n, ((i, _), extraction) in enumerate(zip(wanted, pipeline.extract_many(a for _, a in wanted)), 1):
            results[i] = extraction
            if progress is not None:
                progress(n)
    return results


def default_timex_normaliser() -> Callable[[str, date], str | None]:
    """The time engineer's TIMEX3 normaliser: text + document creation date -> TIMEX3 value."""
    from dateline.extractors.time import timex_value

    return timex_value


# -- one evaluation, end to end ---------------------------------------------------------------------

FORMATS = ("auto", "jsonl", "plover", "meantime", "news")


@dataclass(slots=True)
class Evaluation:
    name: str
    gold_path: str
    records: list[GoldRecord]
    events: "EventScores | None" = None
    timexes: "TimexScores | None" = None
    notes: list[str] = field(default_factory=list)      # what the gold reader skipped or converted
    seconds: float = 0.0
    by: str | None = None


def detect_format(path: Path) -> str:
    if path.is_dir() or path.suffix.lower() == ".xml":
        return "meantime"
    if path.suffix.lower() == ".jsonl":
        return "jsonl"
    with path.open(encoding="utf-8") as handle:
        head = handle.read(200).lstrip()
    return "plover" if head.startswith("[") else "jsonl"


def load_gold(path: str | Path, fmt: str = "auto") -> tuple[list[GoldRecord], list[str]]:
    """Gold records from a gold JSONL file, a PLOVER gold-standard file or a MEANTIME folder."""
    path = Path(path)
    if not path.exists():
        raise GoldFormatError(f"gold file not found: {path}")
    if fmt not in FORMATS:
        raise GoldFormatError(f"unknown gold format {fmt!r}; use one of {', '.join(FORMATS)}")
    fmt = detect_format(path) if fmt == "auto" else fmt
    if fmt == "jsonl":
        return read_gold(path), []
    if fmt == "plover":
        from dateline.evaluate.plover import read_plover
        result = read_plover(path)
    else:
        from dateline.evaluate.meantime import read_meantime
        result = read_meantime(path)
    return result.records, [f"skipped {s}" for s in result.skipped] + result.notes


def evaluate(records: list[GoldRecord], name: str = "", gold_path: str = "", by: str | None = None,
             pipeline: "Pipeline | None" = None, timex_normaliser: Callable[[str, date], str | None] | None = None,
             notes: list[str] | None = None, progress: Callable[[int], None] | None = None,
             min_confidence: float = 0.0) -> Evaluation:
    """Run the system where the gold asks for events or facts, then score events and time values.
    ``min_confidence``: score only the events at or above it (0: every candidate)."""
    from dateline.evaluate.score import score_events, score_timexes

    started = time.perf_counter()
    result = Evaluation(name=name or gold_path, gold_path=gold_path, records=records, notes=list(notes or []), by=by)
    if any(needs_extraction(r) for r in records):
        extractions = run_system(records, pipeline, progress)
        if min_confidence > 0:
            from dateline.store.selection import confident
            extractions = [confident(x, min_confidence) for x in extractions]
        result.events = score_events(records, extractions, by=by)
    if any(r.timexes for r in records):
        result.timexes = score_timexes(records, timex_normaliser or default_timex_normaliser())
    result.seconds = time.perf_counter() - started
    return result
