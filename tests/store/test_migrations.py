"""The Alembic migrations build exactly the schema in dateline.store.schema, on every backend."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from dateline.store import open_store
from dateline.store.engine import head_revision
from dateline.store.schema import metadata


def test_migrated_schema_matches_the_tables_in_code(store_url):
    store = open_store(store_url)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
            assert diff == []
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        assert store.status().schema_revision == head_revision()
    finally:
        store.close()


def test_reopening_a_store_keeps_its_data(store_url):
    from dateline.store.synthetic import make_extraction

    store = open_store(store_url)
    store.add(make_extraction(1))
    store.close()
    again = open_store(store_url)
    assert again.status().articles == 1
    again.close()
