"""Extraction spread over Dask workers when one process is not enough.

One client for the whole run (``cluster.dask_client``); each worker loads the pipeline once
(``worker.PipelinePlugin``); articles go out in even, bounded batches (``batches.even_batches``)
with a bounded number in flight, and results come back as they finish and are handed on in input
order, so the output (and every event id) is the single-process run's. Whatever stores the results
does it here, in the client process; workers only extract.

    with DaskExtractor("processes:2") as dask:
        for article, outcome in dask.extract_pairs(articles):   # Extraction or ExtractionFailed
            ...
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.config import Settings
from dateline.distributed.batches import MAX_ARTICLES, MAX_CHARS, even_batches
from dateline.distributed.cluster import SCHEDULER_HELP, SchedulerSpec, dask_client, parse_scheduler
from dateline.model import Article, Extraction

__all__ = ["SCHEDULER_HELP", "DaskExtractor", "SchedulerSpec", "extract_with_dask", "parse_scheduler"]


class DaskExtractor:
    """A context manager: the cluster (or the connection to one) lives from ``with`` to its end."""

    def __init__(self, scheduler: str, settings: Settings | None = None, *, max_articles: int = MAX_ARTICLES,
                 max_chars: int = MAX_CHARS, in_flight: int | None = None) -> None:
        self.spec = parse_scheduler(scheduler)
        self.settings = settings or Settings()
        self.max_articles = max_articles
        self.max_chars = max_chars
        self.in_flight = in_flight
        self._client_cm = None
        self.client = None
        self.slots = 1
        self._local = None

    def __enter__(self) -> "DaskExtractor":
        from dateline.distributed.worker import for_workers

        self._client_cm = dask_client(self.spec, for_workers(self.settings))
        self.client, self.slots = self._client_cm.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        cm, self._client_cm, self.client = self._client_cm, None, None
        if cm is not None:
            cm.__exit__(*exc)

    def extract_pairs(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Extraction | Exception]]:
        """(article, Extraction or ExtractionFailed) per article, in input order. At most
        ``in_flight`` batches (default: two per worker thread) are out or waiting to be handed on,
        so memory stays bounded however long the input."""
        from dateline.distributed.worker import extract_batch, for_workers

        if self._client_cm is None:
            raise RuntimeError("use DaskExtractor in a with block: it owns the cluster")
        batches = even_batches(articles, self.max_articles, self.max_chars)
        if self.client is None:  # synchronous: here, batch by batch
            for batch in batches:
                yield from zip(batch, extract_batch(batch, for_workers(self.settings)))
            return
        yield from _stream(self.client, batches, for_workers(self.settings), self.in_flight or 2 * self.slots)

    def extract_each(self, articles: Iterable[Article]) -> Iterator[Extraction | Exception]:
        for _, outcome in self.extract_pairs(articles):
            yield outcome

    def extract(self, article: Article) -> Extraction:
        """One article here, in this process (a fallback for a caller that retries one by one)."""
        from dateline.pipeline import Pipeline

        if self._local is None:
            self._local = Pipeline(self.settings)
        return self._local.extract(article)


def _stream(client, batches: Iterator[list[Article]], settings: Settings, window: int):
    from distributed import wait

    from dateline.distributed.worker import extract_batch

    pending: dict[int, tuple[list[Article], object]] = {}   # submitted, not finished
    finished: dict[int, tuple[list[Article], list]] = {}    # finished, waiting for an earlier batch
    submitted = handed = 0
    exhausted = False
    try:
        while True:
            while not exhausted and submitted - handed < window:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                pending[submitted] = (batch, client.submit(extract_batch, batch, settings, pure=False))
                submitted += 1
            if handed in finished:
                batch, outcomes = finished.pop(handed)
                handed += 1
                yield from zip(batch, outcomes)
                continue
            if not pending:
                return
            done = wait([f for _, f in pending.values()], return_when="FIRST_COMPLETED").done
            for i in [i for i, (_, f) in pending.items() if f in done]:
                batch, future = pending.pop(i)
                finished[i] = (batch, _outcomes(batch, future))
                future.release()
    finally:
        for _, future in pending.values():  # an error or Ctrl-C here: nothing left running for us
            future.cancel()


def _outcomes(batch: list[Article], future) -> list:
    """The batch's results; when the whole task failed (its worker died, say), each of its articles
    is an ExtractionFailed with that reason, and the run goes on."""
    from dateline.pipeline import ExtractionFailed

    try:
        outcomes = future.result()
    except Exception as exc:  # noqa: BLE001 - recorded per article
        return [ExtractionFailed.of(a, exc) for a in batch]
    if len(outcomes) != len(batch):
        raise RuntimeError(f"a Dask batch of {len(batch)} articles came back with {len(outcomes)} results")
    return outcomes


def extract_with_dask(articles: Iterable[Article], *, scheduler: str | None = None,
                      partition_size: int = MAX_ARTICLES, settings: Settings | None = None,
                      keep_failures: bool = False) -> Iterator[Extraction]:
    """Extractions in input order, on a cluster that lives as long as this generator (closed when it
    is exhausted or closed). An article whose extraction fails raises (its error, or the
    ``ExtractionFailed`` from another process); with ``keep_failures`` it is that value in its place."""
    from dateline.pipeline import ExtractionFailed

    with DaskExtractor(scheduler or "processes", settings, max_articles=partition_size) as dask:
        for outcome in dask.extract_each(articles):
            if isinstance(outcome, ExtractionFailed) and not keep_failures:
                raise outcome.error if outcome.error is not None else outcome
            yield outcome
