"""The per-dyad monthly totals the store keeps equal a fresh GROUP BY over event_dyads after every kind of write."""
from __future__ import annotations

import dataclasses

import sqlalchemy as sa
from alembic import command

from dateline.model import Article
from dateline.store import aggregates, open_store
from dateline.store.engine import alembic_config, current_revision, head_revision, make_engine
from dateline.store.schema import dyad_month_actors, dyad_month_tags, dyad_months
from dateline.store.synthetic import make_mixed_extraction

N_ARTICLES = 50
AGGREGATE_TABLES = ("dyad_months", "dyad_month_tags", "dyad_month_actors")


def extractions(n: int = N_ARTICLES, **kw) -> list:
    return [make_mixed_extraction(i, days=12, **kw) for i in range(n)]


def assert_consistent(store) -> dict[str, set[tuple]]:
    with store.engine.connect() as conn:
        kept, fresh = aggregates.stored(conn), aggregates.recomputed(conn)
        emptied = [conn.execute(sa.select(sa.func.count()).select_from(t).where(t.c.n_events <= 0)).scalar_one()
                   for t in (dyad_months, dyad_month_tags, dyad_month_actors)]
    for name in AGGREGATE_TABLES:
        assert kept[name] == fresh[name], (name, sorted(kept[name] ^ fresh[name])[:5])
    assert emptied == [0, 0, 0]
    return kept


def test_totals_follow_ingest_merges_reprocessing_and_updates(store):
    items = extractions()
    results = [store.add(ex) for ex in items]
    assert sum(r.n_merged for r in results) >= 10            # articles report the same events
    kept = assert_consistent(store)
    assert len(kept["dyad_months"]) > 50 and len(kept["dyad_month_tags"]) > 50 and len(kept["dyad_month_actors"]) > 20
    with store.engine.connect() as conn:
        n_events = conn.execute(sa.select(sa.func.sum(dyad_months.c.n_events))).scalar_one()
        n_sources = conn.execute(sa.select(sa.func.sum(dyad_months.c.n_sources))).scalar_one()
        n_rows = conn.execute(sa.text("SELECT COUNT(*) FROM event_dyads")).scalar_one()
    assert int(n_events) == n_rows                            # one per (canonical event, dyad): merges not counted twice
    assert int(n_sources) > int(n_events)

    # same content, new extractor version: each article's events are replaced (some dropped, some retyped)
    for ex in items[:15]:
        changed = [dataclasses.replace(e, type="ACCUSE", quad_class=3, plover_score=-3.0) if k == 0 else e
                   for k, e in enumerate(ex.events[:-2])]
        assert store.add(dataclasses.replace(ex, events=changed, version="synthetic-2")).status == "reprocessed"
    assert_consistent(store)

    # same article id, new text (an updated article), and an article that now reports nothing
    for ex in items[15:20]:
        article = Article(text=ex.article.text + "\nUpdated.", title=ex.article.title, outlet=ex.article.outlet,
                          published=ex.article.published, source=ex.article.source, id=ex.article.id)
        events = [dataclasses.replace(e, article_id=article.id) for e in ex.events[1:]]
        assert store.add(dataclasses.replace(ex, article=article, events=events)).status == "reprocessed"
    assert store.add(dataclasses.replace(items[20], events=[], version="synthetic-2")).status == "reprocessed"
    assert_consistent(store)

    # re-adding unchanged articles changes nothing
    before = assert_consistent(store)
    assert {store.add(ex).status for ex in items[30:]} == {"unchanged"}
    assert assert_consistent(store) == before


def test_rebuild_gives_the_same_totals(store):
    for ex in extractions(20):
        store.add(ex)
    kept = assert_consistent(store)
    with store.engine.begin() as conn:
        aggregates.rebuild(conn)
    assert assert_consistent(store) == kept


def test_upgrade_from_0001_fills_the_totals(store_url):
    store = open_store(store_url)
    for ex in extractions(25):
        store.add(ex)
    kept = assert_consistent(store)
    store.close()

    # back to a store as revision 0001 made it: the same tables, without the totals
    engine = make_engine(store_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0001")
    assert current_revision(engine) == "0001"
    assert not set(AGGREGATE_TABLES) & set(sa.inspect(engine).get_table_names())
    engine.dispose()

    store = open_store(store_url)    # upgrades to 0002 and fills the tables from event_dyads
    assert store.revision == head_revision() == current_revision(store.engine)
    assert assert_consistent(store) == kept
    store.add(make_mixed_extraction(500, days=12))    # and keeps them up from there
    assert_consistent(store)
    store.close()
