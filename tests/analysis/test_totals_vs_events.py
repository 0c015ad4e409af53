"""Summaries, partners and the network read from the store's monthly totals equal the same views grouped
straight from event_dyads (the definition), for every kind of period, after merges and re-processing."""
from __future__ import annotations

import dataclasses
from collections import defaultdict

import pytest
from sqlalchemy import func, select

from dateline.analysis import DyadAnalytics, Period
from dateline.analysis.cube import Split, group_events
from dateline.analysis.fold import fold_actors, fold_series, fold_tags
from dateline.analysis.sql import dyad_key, period_clause

PERIODS = [
    (None, None), ("2024", None), (None, "2024-01"), ("2024-01", "2024-02"), ("2023", "2023"), ("2025", None),
    ("2024-01-10", "2024-02-05"), ("2024-01-15", None), (None, "2024-01-20"), ("2024-01-05", "2024-01-25"),
    ("2024-01-01", "2024-01-31"), ("2023-12-30", "2024-01-02"), ("2024-02-01", "2024-02-10"),
]


@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory):
    from dateline.store import open_store
    from dateline.store.synthetic import make_mixed_extraction

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('totals') / 'store.db'}")
    items = [make_mixed_extraction(i, days=40) for i in range(80)]
    merged = sum(store.add(ex).n_merged for ex in items)
    assert merged >= 5
    for ex in items[:10]:   # re-processed by a newer extractor that finds one event fewer
        store.add(dataclasses.replace(ex, events=ex.events[1:], version="synthetic-2"))
    yield store
    store.close()


def direct(an: DyadAnalytics, a: str, b: str, period: Period):
    """Totals, series, mixes and actor ranking grouped from event_dyads under period_clause."""
    with an.engine.connect() as conn:
        cube = group_events(conn, an.schema, dyad_key(a, b), period_clause(an.t, period))
    return fold_series(cube.series), fold_tags(cube.tags), fold_actors(cube.actors, (a, b))


def busiest_pairs(an: DyadAnalytics, n: int) -> list[tuple[str, str]]:
    c = an.t.c
    with an.engine.connect() as conn:
        rows = conn.execute(select(c.dyad).group_by(c.dyad).order_by(func.count().desc(), c.dyad).limit(n)).all()
    return [tuple(r[0].split("-")) for r in rows]


@pytest.mark.parametrize("start,end", PERIODS)
def test_dyad_summary_equals_grouping_the_events(mixed_store, start, end):
    an = DyadAnalytics(mixed_store)
    period = Period.parse(start, end)
    for a, b in busiest_pairs(an, 6):
        s = an.summary(a, b, period, top=50)
        (totals, months, years), (contexts, dimensions), ranked = direct(an, a, b, period)
        assert (s.totals, s.months, s.years) == (totals, months, years), (a, b, start, end)
        assert (s.contexts, s.dimensions) == (contexts, dimensions)
        assert {side: [(x.id, x.events) for x in people] for side, people in s.actors.items()} == {
            side: [r for r in ranked[side] if not r[0].startswith("country:")][:50] for side in (a, b)}
    assert an.summary("PAK", "RUS", period).totals.events >= 0


def test_periods_cover_both_paths(mixed_store):
    an = DyadAnalytics(mixed_store)
    a, b = busiest_pairs(an, 1)[0]
    assert an.summary(a, b).totals.events >= 10
    assert an.summary(a, b).totals.undated > 0 and an.summary(a, b).totals.dated > an.summary(a, b).totals.month_dated
    assert sum(bool(Split.of(Period.parse(s, e)).edges) for s, e in PERIODS) >= 6


@pytest.mark.parametrize("start,end", [(None, None), ("2024", "2024"), ("2024-01", None), ("2024-01-10", None)])
def test_partners_and_network_equal_grouping_the_events(mixed_store, start, end):
    an = DyadAnalytics(mixed_store)
    period = Period.parse(start, end)
    c = an.t.c
    when = period_clause(an.t, period)
    with an.engine.connect() as conn:
        rows = conn.execute(select(c.dyad, c.quad_class, c.plover_score).where(when)).all()
    per_dyad: dict[str, list] = defaultdict(list)
    for dyad, quad, score in rows:
        per_dyad[dyad].append((quad, score))

    def mean(items):
        scores = [s for _, s in items if s is not None]
        return round(sum(scores) / len(scores), 2) if scores else None

    country = "PAK"
    expected = []
    for dyad, items in per_dyad.items():
        if country in dyad.split("-"):
            other = next(x for x in dyad.split("-") if x != country)
            expected.append((other, len(items), mean(items), sum(1 for q, _ in items if q in (1, 2)),
                             sum(1 for q, _ in items if q in (3, 4))))
    expected.sort(key=lambda p: (-p[1], p[0]))
    got = [(p.country, p.events, p.index, p.cooperation, p.conflict) for p in an.partners(country, period, limit=100)]
    assert got == expected and got
    edges = {(e.source + "-" + e.target, e.events, e.index) for e in an.network(period, limit=1000).edges}
    assert edges == {(d, len(items), mean(items)) for d, items in per_dyad.items()}
    if not period.bounded:
        counts: dict[str, int] = defaultdict(int)
        for d, items in per_dyad.items():
            for iso in d.split("-"):
                counts[iso] += len(items)
        assert {(x.name, x.events) for x in an.countries()} == set(counts.items())
