"""What runs on a Dask worker: one Pipeline per worker thread, loaded once, reused for every batch.

The pipelines live in a module-level pool keyed by the settings, so a worker process loads the
model and the knowledge once for the whole run (``PipelinePlugin`` does it when the worker joins),
never once per batch. A worker with several threads builds one Pipeline per thread that runs at the
same time: a spaCy pipeline must not run two batches at once.
"""
from __future__ import annotations

import ctypes
import dataclasses
import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from dateline.config import Settings
from dateline.model import Article, Extraction

_lock = threading.Lock()
_free: dict[str, list] = {}  # settings key -> Pipelines not in use


# The built-in scorer travels as this name, not as the client's path: a worker installed elsewhere
# (a container, another node) reads its own copy.
BUILTIN_SCORER = "<built-in>"


def for_workers(settings: Settings) -> Settings:
    """The settings as sent to workers (the client's path to the built-in scorer replaced)."""
    from dateline.config import DEFAULT_SCORER

    if settings.scorer == str(DEFAULT_SCORER):
        return dataclasses.replace(settings, scorer=BUILTIN_SCORER)
    return settings


def _here(settings: Settings) -> Settings:
    from dateline.config import DEFAULT_SCORER

    if settings.scorer == BUILTIN_SCORER:
        return dataclasses.replace(settings, scorer=str(DEFAULT_SCORER))
    return settings


def settings_key(settings: Settings) -> str:
    return repr(dataclasses.astuple(settings))


@contextmanager
def borrowed_pipeline(settings: Settings) -> Iterator:
    """A Pipeline for these settings that no other thread uses until it is given back."""
    key = settings_key(settings)
    with _lock:
        free = _free.setdefault(key, [])
        pipeline = free.pop() if free else None
    if pipeline is None:
        from dateline.pipeline import Pipeline

        pipeline = Pipeline(_here(settings))
    try:
        yield pipeline
    finally:
        with _lock:
            _free.setdefault(key, []).append(pipeline)


def loaded_pipelines() -> int:
    """How many Pipelines this process holds (tests: one per worker, not one per batch)."""
    with _lock:
        return sum(map(len, _free.values()))


def extract_batch(articles: list[Article], settings: Settings) -> list[Extraction | Exception]:
    """One batch, in order; an article whose extraction raised is an ``ExtractionFailed`` in its
    place (``Pipeline.extract_each``): one bad article never costs the others of its batch."""
    with borrowed_pipeline(settings) as pipeline:
        outcomes = list(pipeline.extract_each(articles))
    trim_heap()
    return outcomes


@functools.cache
def _malloc_trim():
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):   # not glibc: nothing to trim
        return None


def trim_heap() -> None:
    """Hands the memory a batch freed back to the system. Workers run with glibc's adaptive malloc
    (cluster.WORKER_CONFIG: faster than Dask's low trim threshold), which keeps freed heap mapped;
    without this a worker's peak RSS crept up by 15 % between 100k and 1M words (bench_memory.py).
    Costs a few milliseconds a batch."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # dask is an optional extra; the in-process modes need none of this
    WorkerPlugin = object


class PipelinePlugin(WorkerPlugin):
    """Loads the Pipeline when a worker starts (or joins later), so batches never wait for it."""

    name = "dateline-pipeline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def setup(self, worker) -> None:
        import asyncio

        # off the event loop: loading takes seconds, and the worker must keep answering meanwhile
        await asyncio.get_running_loop().run_in_executor(None, self._load)

    def _load(self) -> None:
        with borrowed_pipeline(self.settings):
            pass
