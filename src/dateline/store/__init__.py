"""The event store: articles, actors, merged events with their mentions, facts; SQLite or PostgreSQL.

    from dateline.store import open_store, EventQuery
    with open_store("sqlite:///events.db") as store:
        store.add(extraction)
        store.query_events(EventQuery(dyad=("PAK", "RUS")))
"""
from dateline.store.errors import StoreError
from dateline.store.query import EventQuery, FactQuery
from dateline.store.store import AddResult, FailureInfo, Store, StoreStatus, open_store

__all__ = ["AddResult", "EventQuery", "FactQuery", "FailureInfo", "Store", "StoreError", "StoreStatus",
           "open_store"]
