"""Faults give one clear StoreError and lose nothing already stored."""
from __future__ import annotations

import os
import socket
import sqlite3

import pytest
from sqlalchemy import event

from dateline.store import EventQuery, StoreError, open_store
from dateline.store import engine as engine_module
from dateline.store.synthetic import make_extraction


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_corrupt_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "events.db"
    garbage = b"this is not a database at all\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(StoreError, match="not a readable SQLite database"):
        open_store(str(path))
    assert path.read_bytes() == garbage


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreError, match="not a dateline store"):
        open_store(f"sqlite:///{path}")


@pytest.mark.parametrize("url, message", [
    ("mysql://user@host/db", "unsupported database URL"),
    ("postgresql://user:secret@host:notaport/db", "not a (usable )?database URL"),
])
def test_bad_urls_give_one_clear_message(url, message):
    with pytest.raises(StoreError, match=message) as info:
        open_store(url)
    assert "secret" not in str(info.value)


def test_unreachable_server(monkeypatch):
    url = f"postgresql://dateline:secret@127.0.0.1:{free_port()}/dateline"
    with pytest.raises(StoreError, match="cannot reach the database server") as info:
        open_store(url)
    assert "secret" not in str(info.value) and "***" in str(info.value)


@pytest.mark.postgres
def test_wrong_password():
    url = os.environ.get("DATELINE_TEST_PG_URL")
    if not url:
        pytest.skip("set DATELINE_TEST_PG_URL to run the PostgreSQL tests")
    user_part, host_part = url.split("://", 1)[1].split("@", 1)
    user = user_part.split(":", 1)[0]
    with pytest.raises(StoreError, match="wrong user name or password"):
        open_store(f"postgresql://{user}:wrong-password@{host_part}")


def test_locked_database_waits_then_fails_clearly_and_keeps_data(tmp_path, monkeypatch):
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_S", 0.3)
    path = tmp_path / "events.db"
    store = open_store(str(path))
    store.add(make_extraction(1))
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked by another process"):
            store.add(make_extraction(2))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.status().articles == 1
    assert store.add(make_extraction(2)).status == "added"
    assert store.status().articles == 2
    store.close()


def test_full_disk_keeps_what_was_stored(tmp_path):
    path = tmp_path / "events.db"
    store = open_store(str(path))
    store.add(make_extraction(1))
    before = store.count_events(EventQuery())
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

    @event.listens_for(store.engine, "connect")
    def tiny_disk(dbapi_conn, _record):   # the file may not grow: SQLite reports "disk is full"
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 2}")

    store.engine.dispose()
    with pytest.raises(StoreError, match="is full"):
        for i in range(2, 60):
            store.add(make_extraction(i, events_per_article=30))
    event.remove(store.engine, "connect", tiny_disk)
    store.engine.dispose()
    assert store.count_events(EventQuery()) >= before
    st = store.status()
    assert st.article_events == sum(len(make_extraction(i, events_per_article=30 if i > 1 else 8).events)
                                    for i in range(1, st.articles + 1))
    store.close()
