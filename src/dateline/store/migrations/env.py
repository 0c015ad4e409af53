"""Alembic environment: runs on the connection the store hands over (never reads alembic.ini URLs)."""
from __future__ import annotations

from alembic import context

from dateline.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("dateline migrations run through dateline.store.open_store (no connection was given)")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
