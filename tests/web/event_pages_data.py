"""A synthetic store for the /api/events paging, sorting, filter and format tests, on SQLite or on
PostgreSQL (DATELINE_TEST_PG_URL, a schema of its own): mixed dates (some undated), confidences (many
tied), three outlets, and articles that report the same events (merged)."""
from __future__ import annotations

import dataclasses
import importlib.util
import random
import uuid
from pathlib import Path

from dateline.store.synthetic import make_mixed_extraction

OUTLETS = ["Dawn", "The News", "Synthetic Times"]
N_ARTICLES = 40
_spec = importlib.util.spec_from_file_location("store_conftest", Path(__file__).parents[1] / "store" / "conftest.py")
store_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(store_conftest)


def extractions():
    rng = random.Random(13)
    out = []
    for i in range(N_ARTICLES):
        ex = make_mixed_extraction(i, events_per_article=6, days=30)
        events = [dataclasses.replace(e, confidence=rng.choice([0.2, 0.55, 0.55, 0.8, 0.9, 0.9]))
                  for e in ex.events]
        article = dataclasses.replace(ex.article, outlet=OUTLETS[i % len(OUTLETS)])
        out.append(dataclasses.replace(ex, article=article, events=events))
    return out


def late_extractions():
    """Articles added during a walk (test_a_cursor_is_stable_when_events_are_added), dated before all others."""
    from datetime import date

    return [make_mixed_extraction(1000 + i, start=date(2001, 1, 1), days=5, seed=99) for i in range(3)]


def fill(url: str):
    from dateline.store import open_store

    store = open_store(url)
    for ex in extractions():
        store.add(ex)
    store.close()


class Backend:
    """A store URL per backend; ``close`` drops the PostgreSQL schema."""

    def __init__(self, kind: str, tmp: Path) -> None:
        self.kind, self._admin, self._schema = kind, None, None
        if kind == "sqlite":
            self.url = f"sqlite:///{tmp / 'pages.db'}"
            return
        import sqlalchemy as sa

        pg = store_conftest.PG_URL
        self._schema = "t_" + uuid.uuid4().hex[:12]
        self._admin = sa.create_engine(pg.replace("postgresql://", "postgresql+psycopg://", 1))
        with self._admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {self._schema}")
        self.url = store_conftest._pg_schema_url(self._schema)

    def close(self) -> None:
        if self._admin is not None:
            with self._admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA {self._schema} CASCADE")
            self._admin.dispose()
