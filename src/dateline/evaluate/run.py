"""Runs the system over gold records: gold record -> Article -> Extraction, batched.

Text records become Articles directly; ``path`` records are read through ``dateline.ingest`` (so an
e-paper file is cleaned exactly as ``dateline extract`` would clean it). Records with nothing to
score on events or facts (time-expression-only records) are not run at all.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from dateline.evaluate.gold import GoldFormatError, GoldRecord
from dateline.model import Article, Extraction

if TYPE_CHECKING:
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
    from dateline.extract.time import timex_value

    return timex_value
