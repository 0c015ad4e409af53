"""Extraction spread over a Dask cluster (or local processes) when one process is not enough.

Each worker builds its own Pipeline once (model and knowledge load per process, not per article)
and extracts whole partitions through ``nlp.pipe``; results come back as Extraction records in
input order, identical to a single-process run (same event ids).
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from dateline.config import Settings
from dateline.model import Article, Extraction

# One Pipeline per worker thread: a spaCy pipeline must not run two batches at once, and Dask's
# "threads" scheduler runs partitions concurrently inside one process.
_per_thread = threading.local()


def _extract_partition(articles: list[Article], model: str, knowledge: tuple[str, ...]) -> list[Extraction]:
    from dateline.pipeline import Pipeline

    key = (model, knowledge)
    if getattr(_per_thread, "key", None) != key:
        _per_thread.pipeline = Pipeline(Settings(model=model, knowledge_paths=list(knowledge)))
        _per_thread.key = key
    # failures come back as values: one article that cannot be extracted never fails its partition
    return list(_per_thread.pipeline.extract_each(articles))


def extract_with_dask(articles: Iterable[Article], *, scheduler: str | None = None,
                      partition_size: int = 32, settings: Settings | None = None,
                      keep_failures: bool = False) -> Iterator[Extraction]:
    """Extract on Dask. ``scheduler``: a ``tcp://host:port`` address of a running cluster, or
    "processes" / "threads" / "synchronous" for a local run. Yields Extractions in input order.
    An article whose extraction fails raises (its error, or ``ExtractionFailed`` when it came from
    another process); with ``keep_failures`` it is an ``ExtractionFailed`` value in its place."""
    try:
        import dask
        import dask.bag as db
    except ImportError as exc:  # dask is an optional extra
        raise RuntimeError("Dask is not installed: pip install 'dask[dataframe]' (see requirements.txt)") from exc

    settings = settings or Settings()
    items = list(articles)
    if not items:
        return iter(())
    n_parts = max(1, -(-len(items) // partition_size))
    bag = db.from_sequence(items, npartitions=n_parts).map_partitions(
        _extract_partition, settings.model, tuple(settings.knowledge_paths))
    if scheduler and "://" in scheduler:
        from distributed import Client  # a real cluster needs dask.distributed

        with Client(scheduler):
            results = bag.compute()
    else:
        with dask.config.set(scheduler=scheduler or "processes"):
            results = bag.compute()
    if not keep_failures:
        from dateline.pipeline import ExtractionFailed

        failed = next((r for r in results if isinstance(r, ExtractionFailed)), None)
        if failed is not None:
            raise failed.error if failed.error is not None else failed
    return iter(results)
