"""Pages read by keyset (the sort column's index, then the events without a value) give exactly the
order of one sorted read: missing values last, ties by id, every event once, on every backend."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from dateline.model import TimeRef
from dateline.store import open_store
from dateline.store.query import EventQuery
from dateline.store.selection import Selection
from dateline.store.synthetic import make_extraction


def _fill(store):
    for n in range(6):
        ex = make_extraction(n, events_per_article=4)
        for k, ev in enumerate(ex.events):
            if k == 3:
                ev.time = None                                   # undated: sorts last
            else:                                                # several events share a day: ties
                day = date(2024, 1, 1) + timedelta(days=(n * 4 + k) % 5)
                ev.time = TimeRef(value=day.isoformat(), granularity="day", source="text", earliest=day, latest=day)
            ev.confidence = round(0.5 + ((n + k) % 4) / 10, 2)
        store.add(ex)


@pytest.mark.parametrize("sort", ["date", "-date", "confidence", "-confidence"])
def test_keyset_pages_follow_the_sorted_order(store_url, sort):
    store = open_store(store_url)
    try:
        _fill(store)
        every = Selection.everything()
        whole = [e.id for e, _ in store.event_page(EventQuery(limit=None, sort=sort, selection=every))]
        assert len(whole) == len(set(whole)) >= 20
        paged, after = [], None
        while True:
            page = store.event_page(EventQuery(limit=3, sort=sort, after=after, selection=every))
            if not page:
                break
            paged += [e.id for e, _ in page]
            after = page[-1][1]
        assert paged == whole
        undated = {e.id for e in store.query_events(EventQuery(limit=None, selection=every)) if e.time is None}
        if sort.endswith("date"):
            assert set(whole[-len(undated):]) == undated                # missing values last
    finally:
        store.close()


def test_a_pair_counted_from_the_totals_equals_a_count_of_its_events(store_url):
    from sqlalchemy import func, select

    from dateline.store.query import event_conditions, totals_count
    from dateline.store.schema import events

    store = open_store(store_url)
    try:
        _fill(store)
        pair = ("AFG", "FRA")                                    # the synthetic articles' most frequent pair
        queries = [EventQuery(dyad=pair), EventQuery(dyad=pair[::-1], selection=Selection.everything()),
                   EventQuery(dyad=pair, selection=Selection(min_confidence=0.7)),
                   EventQuery(dyad=pair, types=["CONSULT", "ACCUSE"]), EventQuery(dyad=pair, quad_classes=[1, 3])]
        assert store.count_events(queries[1]) > 0
        with store.engine.connect() as conn:
            for q in queries:
                assert totals_count(q) is not None
                scanned = conn.execute(select(func.count()).select_from(events).where(*event_conditions(q))).scalar_one()
                assert store.count_events(q) == scanned, q
        # what the totals cannot answer is counted from the events
        assert totals_count(EventQuery(dyad=pair, directed=True)) is None
        assert totals_count(EventQuery(dyad=pair, selection=Selection(min_confidence=0.65))) is None
        assert totals_count(EventQuery(dyad=pair, start=date(2024, 1, 2))) is None
    finally:
        store.close()
