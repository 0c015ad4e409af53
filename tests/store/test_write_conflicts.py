"""A write PostgreSQL aborts for a conflict with a concurrent writer (deadlock, serialization failure)
runs again as a whole; any other database error is reported at once. The conflict is simulated here by
raising the driver's error from inside the transaction, so the test runs on every backend."""
from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from dateline.store import StoreError
from dateline.store import store as store_module
from dateline.store.synthetic import make_extraction


class _DriverError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"simulated {sqlstate}")
        self.sqlstate = sqlstate


def _failing_first(monkeypatch, sqlstate: str, times: int) -> list[int]:
    calls = []
    real = store_module.Store._store_events

    def store_events(self, conn, *args, **kwargs):
        calls.append(1)
        result = real(self, conn, *args, **kwargs)   # the rows are written, then the transaction fails
        if len(calls) <= times:
            raise OperationalError("INSERT ...", {}, _DriverError(sqlstate))
        return result

    monkeypatch.setattr(store_module.Store, "_store_events", store_events)
    monkeypatch.setattr(store_module.time, "sleep", lambda s: None)
    return calls


def test_a_deadlocked_add_runs_again_and_stores_the_article_once(store, monkeypatch):
    calls = _failing_first(monkeypatch, "40P01", times=2)
    extraction = make_extraction(0, events_per_article=3)
    result = store.add(extraction)
    assert len(calls) == 3
    assert result.status == "added" and result.n_events == 3
    status = store.status()
    assert status.articles == 1 and status.events == 3      # nothing left over from the rolled-back tries


def test_a_serialization_failure_is_retried_too(store, monkeypatch):
    calls = _failing_first(monkeypatch, "40001", times=1)
    assert store.add(make_extraction(1, events_per_article=2)).status == "added"
    assert len(calls) == 2


def test_a_conflict_that_never_clears_ends_in_a_store_error(store, monkeypatch):
    calls = _failing_first(monkeypatch, "40P01", times=99)
    with pytest.raises(StoreError, match="simulated 40P01"):
        store.add(make_extraction(2))
    assert len(calls) == store_module.RETRIES
    assert store.status().articles == 0


def test_other_database_errors_are_not_retried(store, monkeypatch):
    calls = _failing_first(monkeypatch, "23505", times=99)    # unique violation: a real fault
    with pytest.raises(StoreError):
        store.add(make_extraction(3))
    assert len(calls) == 1
