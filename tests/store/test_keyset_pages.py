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


def _fill(store, n_articles: int = 6, pair: tuple[str, str] | None = None):
    """Synthetic articles; with ``pair`` every other event is between those two, either way round."""
    from dateline.store.synthetic import country_actor

    for n in range(n_articles):
        ex = make_extraction(n, events_per_article=4)
        for k, ev in enumerate(ex.events):
            if pair and k % 2 == 1:             # the undated event (k = 3) among them
                a, b = pair[::-1] if n % 3 == 0 else pair
                ev.actors, ev.recipients = [country_actor(a)], [country_actor(b)]
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


@pytest.mark.parametrize("sort", ["date", "-date"])
@pytest.mark.parametrize("extra", [{}, {"types": ["CONSULT", "ACCUSE", "AGREE"]}, {"quad_classes": [1, 3]},
                                   {"selection": Selection(min_confidence=0.7)}])
def test_a_pair_paged_through_its_own_index_is_one_sorted_read_of_it(store_url, sort, extra):
    """A pair's pages walk event_dyads (dyad, earliest, event_id); they must be exactly what one
    sorted read of the pair's events gives (the plan that filters events by the pair's ids)."""
    from sqlalchemy import select

    from dateline.store import ordering
    from dateline.store.query import event_conditions, pair_walk
    from dateline.store.schema import events

    store = open_store(store_url)
    try:
        _fill(store, n_articles=12, pair=("FRA", "AFG"))
        selection = extra.pop("selection", Selection.everything())
        q = EventQuery(dyad=("FRA", "AFG"), sort=sort, selection=selection, limit=2, **extra)
        assert pair_walk(q) is not None
        with store.engine.connect() as conn:
            sorted_read = [r.id for r in conn.execute(select(events.c.id).where(*event_conditions(q))
                                                      .order_by(*ordering.order_by(sort)))]
        assert len(sorted_read) >= 3
        paged, after = [], None
        while page := store.event_page(EventQuery(**{**q.__dict__, "after": after})):
            paged += [e.id for e, _ in page]
            after = page[-1][1]
        assert paged == sorted_read
    finally:
        store.close()


def test_only_a_plain_undirected_pair_in_date_order_walks_the_pair_index():
    from dateline.store.query import pair_walk

    pair = ("PAK", "RUS")
    assert pair_walk(EventQuery(dyad=pair)) is not None and pair_walk(EventQuery(dyad=pair, sort="-date"))
    for q in (EventQuery(), EventQuery(dyad=pair, directed=True), EventQuery(dyad=pair, sort="confidence"),
              EventQuery(dyad=pair, offset=5), EventQuery(dyad=pair, limit=None), EventQuery(dyad=pair, actor="PAK"),
              EventQuery(dyad=pair, start=date(2024, 1, 1)), EventQuery(dyad=pair, contexts=["military"]),
              EventQuery(dyad=pair, place_country="PAK"), EventQuery(dyad=pair, outlet="x")):
        assert pair_walk(q) is None, q


def test_keyset_walks_read_an_index_in_order_on_a_store_never_analyzed(tmp_path):
    """The first page of the events, and a page of a pair, must walk an index in sort order, never
    sort every matching event: on SQLite without statistics (a store filled by Store.add is never
    ANALYZEd) the planner would otherwise take ``modality = ?`` on the selection's index."""
    from sqlalchemy import event

    store = open_store(f"sqlite:///{tmp_path / 'plans.db'}")
    try:
        _fill(store, n_articles=12, pair=("FRA", "AFG"))
        seen: list[tuple[str, tuple]] = []

        def keep(conn, cursor, statement, parameters, context, executemany):
            if statement.lstrip().upper().startswith("SELECT") and "LIMIT" in statement.upper():
                seen.append((statement, parameters))

        event.listen(store.engine, "before_cursor_execute", keep)
        for q in (EventQuery(limit=5), EventQuery(limit=5, sort="-date"), EventQuery(dyad=("AFG", "FRA"), limit=5)):
            seen.clear()
            assert store.event_page(q)
            pages = [(s, p) for s, p in seen if "ORDER BY" in s.upper()]
            assert pages, q
            raw = store.engine.raw_connection()
            try:
                for statement, params in pages:
                    plan = " | ".join(r[-1] for r in raw.execute("EXPLAIN QUERY PLAN " + statement, params))
                    assert "TEMP B-TREE FOR ORDER BY" not in plan, (q, plan)
            finally:
                raw.close()
        event.remove(store.engine, "before_cursor_execute", keep)
    finally:
        store.close()
