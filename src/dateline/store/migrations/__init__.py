"""Alembic migrations for the store; `dateline.store.engine.migrate` runs them on open."""
