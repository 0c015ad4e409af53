"""What the endpoints share: the store (opened on first use), its analytics, the ingest pipeline."""
from __future__ import annotations

import os
import threading

from dateline.analysis import DyadAnalytics


class AppContext:
    def __init__(self, store_url: str | None, token: str | None) -> None:
        self.store_url = store_url
        self.token = token if token is not None else (os.environ.get("DATELINE_API_TOKEN") or None)
        self._lock = threading.Lock()
        self._store = None
        self._analytics: DyadAnalytics | None = None
        self._pipeline = None
        # spaCy pipelines are not thread-safe for concurrent calls (components keep per-call state and
        # share one Vocab/StringStore), and FastAPI runs sync endpoints on a thread pool: extractions
        # through the shared Pipeline take turns behind this lock. Store writes stay outside it.
        self._extract_lock = threading.Lock()

    @property
    def store(self):
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from dateline.store import open_store
                    self._store = open_store(self.store_url)
        return self._store

    @property
    def analytics(self) -> DyadAnalytics:
        if self._analytics is None:
            self._analytics = DyadAnalytics(self.store)
        return self._analytics

    def pipeline(self):
        # one Pipeline per process: loading spaCy and the knowledge is the slow part
        with self._lock:
            if self._pipeline is None:
                from dateline.pipeline import Pipeline
                self._pipeline = Pipeline()
            return self._pipeline

    def extract(self, article):
        """The shared Pipeline's Extraction of ``article``, one extraction at a time (see __init__)."""
        pipeline = self.pipeline()
        with self._extract_lock:
            return pipeline.extract(article)

    def countries(self) -> list:
        """Countries present in the store (kept by the analytics until the store changes)."""
        return self.analytics.countries()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
            self._analytics = None
