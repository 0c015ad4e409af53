"""Several ingests started at the same moment on a store that does not exist yet all succeed: creating
the schema is as safe under concurrency as the writes after it (SQLite, and PostgreSQL when
DATELINE_TEST_PG_URL is set)."""
from __future__ import annotations

import multiprocessing
import traceback

import pytest

from dateline.store import open_store
from dateline.store.synthetic import make_extraction

PROCESSES = 6
ROUNDS = 3


def _open_and_add(url: str, index: int, barrier, results) -> None:
    try:
        barrier.wait(timeout=60)          # every process opens the new store at the same moment
        store = open_store(url)
        try:
            store.add(make_extraction(index, events_per_article=3))
        finally:
            store.close()
        results.put((index, "ok"))
    except BaseException:  # noqa: BLE001 - reported to the test
        results.put((index, traceback.format_exc()))


def _all_at_once(url: str) -> dict[int, str]:
    ctx = multiprocessing.get_context("fork")   # forked: no import time, so the opens really overlap
    barrier, results = ctx.Barrier(PROCESSES), ctx.Queue()
    procs = [ctx.Process(target=_open_and_add, args=(url, i, barrier, results)) for i in range(PROCESSES)]
    for p in procs:
        p.start()
    outcomes = dict(results.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    return outcomes


@pytest.fixture
def new_store_urls(store_url, tmp_path):
    """ROUNDS URLs of stores that do not exist yet: SQLite files in folders not made yet, or fresh
    PostgreSQL schemas (the fixture's own, plus more made and dropped here)."""
    if store_url.startswith("sqlite"):
        yield [f"sqlite:///{tmp_path / f'new-{n}' / 'store.db'}" for n in range(ROUNDS)]
        return
    import uuid

    import sqlalchemy as sa

    base, _, _ = store_url.partition("?")
    admin = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    schemas = ["t_" + uuid.uuid4().hex[:12] for _ in range(ROUNDS - 1)]
    with admin.begin() as conn:
        for schema in schemas:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield [store_url] + [f"{base}?options=-csearch_path%3D{schema}" for schema in schemas]
    finally:
        with admin.begin() as conn:
            for schema in schemas:
                conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def test_ingests_started_at_once_on_a_new_store_all_succeed(new_store_urls):
    for url in new_store_urls:
        outcomes = _all_at_once(url)
        failed = {i: o for i, o in outcomes.items() if o != "ok"}
        assert not failed, "\n".join(failed.values())
        store = open_store(url)
        try:
            assert store.status().articles == PROCESSES
        finally:
            store.close()
