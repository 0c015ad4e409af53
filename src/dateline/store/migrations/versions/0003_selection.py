"""The selection's dimensions: events.modality, event_dyads.modality/confidence, and the per-dyad
monthly totals kept per modality and confidence bin (dateline.store.selection).

The three totals tables get two more key columns, so they are dropped, made again and refilled from
event_dyads, in the migration's transaction (the SQL is written out, as in 0002, so this revision keeps
meaning what it meant). Modality: negated, else hypothetical, else announced (future), else asserted.
Confidence bin b: confidence >= b/10 (the largest such b, 0..10); a missing confidence counts as 1.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 09:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

MODALITY = """CASE WHEN {t}negated THEN 'negated' WHEN {t}hypothetical THEN 'hypothetical'
                   WHEN {t}future THEN 'announced' ELSE 'asserted' END"""
BIN = "CASE " + " ".join(f"WHEN d.confidence >= {b / 10!r} THEN {b}" for b in range(10, 0, -1)) + " ELSE 0 END"

FILL = [
    f"UPDATE events SET modality = {MODALITY.format(t='')}",
    """UPDATE event_dyads SET modality = (SELECT e.modality FROM events e WHERE e.id = event_dyads.event_id),
                              confidence = COALESCE((SELECT e.confidence FROM events e
                                                     WHERE e.id = event_dyads.event_id), 1.0)""",
    f"""INSERT INTO dyad_months (dyad, year, month, modality, confidence_bin, type, quad_class, n_events, n_sources,
                                plover_e6, n_plover, goldstein_e6, n_goldstein)
       SELECT d.dyad, COALESCE(d.year, 0), COALESCE(d.month, ''), d.modality, {BIN}, d.type,
              COALESCE(d.quad_class, 0), COUNT(*), SUM(d.n_sources),
              COALESCE(SUM(CAST(ROUND(d.plover_score * 1000000) AS BIGINT)), 0), COUNT(d.plover_score),
              COALESCE(SUM(CAST(ROUND(d.goldstein * 1000000) AS BIGINT)), 0), COUNT(d.goldstein)
       FROM event_dyads d
       GROUP BY d.dyad, COALESCE(d.year, 0), COALESCE(d.month, ''), d.modality, {BIN}, d.type,
                COALESCE(d.quad_class, 0)""",
    f"""INSERT INTO dyad_month_tags (dyad, year, month, modality, confidence_bin, kind, value, n_events)
       SELECT d.dyad, COALESCE(d.year, 0), COALESCE(d.month, ''), d.modality, {BIN}, t.kind, t.value, COUNT(*)
       FROM event_dyads d JOIN event_tags t ON t.event_id = d.event_id
       GROUP BY d.dyad, COALESCE(d.year, 0), COALESCE(d.month, ''), d.modality, {BIN}, t.kind, t.value""",
    f"""INSERT INTO dyad_month_actors (dyad, year, month, modality, confidence_bin, country, actor_id, n_events)
       SELECT d.dyad, COALESCE(d.year, 0), COALESCE(d.month, ''), d.modality, {BIN}, a.country, a.actor_id,
              COUNT(DISTINCT d.event_id)
       FROM event_dyads d JOIN event_actors a ON a.event_id = d.event_id
       WHERE a.country IN (d.src, d.dst) AND SUBSTR(a.actor_id, 1, 8) <> 'country:'
       GROUP BY d.dyad, COALESCE(d.year, 0), COALESCE(d.month, ''), d.modality, {BIN}, a.country, a.actor_id""",
]

KEY = ('dyad', 'year', 'month', 'modality', 'confidence_bin')


def _key_columns():
    return [sa.Column('dyad', sa.String(length=7), nullable=False),
            sa.Column('year', sa.Integer(), nullable=False),
            sa.Column('month', sa.String(length=7), nullable=False),
            sa.Column('modality', sa.String(length=16), nullable=False),
            sa.Column('confidence_bin', sa.Integer(), nullable=False)]


def upgrade() -> None:
    op.add_column('events', sa.Column('modality', sa.String(length=16), nullable=False, server_default='asserted'))
    op.add_column('event_dyads', sa.Column('modality', sa.String(length=16), nullable=False,
                                           server_default='asserted'))
    op.add_column('event_dyads', sa.Column('confidence', sa.Float(), nullable=False, server_default='1.0'))
    for table in ('dyad_months', 'dyad_month_tags', 'dyad_month_actors'):
        op.drop_table(table)
    op.create_table('dyad_months', *_key_columns(),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('quad_class', sa.Integer(), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('plover_e6', sa.BigInteger(), nullable=False),
    sa.Column('n_plover', sa.Integer(), nullable=False),
    sa.Column('goldstein_e6', sa.BigInteger(), nullable=False),
    sa.Column('n_goldstein', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint(*KEY, 'type', 'quad_class')
    )
    op.create_table('dyad_month_tags', *_key_columns(),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('value', sa.String(length=64), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint(*KEY, 'kind', 'value')
    )
    op.create_table('dyad_month_actors', *_key_columns(),
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint(*KEY, 'country', 'actor_id')
    )
    for sql in FILL:
        op.execute(sa.text(sql))


def downgrade() -> None:
    import importlib.util
    from pathlib import Path

    for table in ('dyad_months', 'dyad_month_tags', 'dyad_month_actors'):
        op.drop_table(table)
    # plain ALTER TABLE (SQLite 3.35+): a batch copy would drop and remake events, and SQLite's
    # ON DELETE CASCADE would empty every table that points at it
    for table, column in (('event_dyads', 'modality'), ('event_dyads', 'confidence'), ('events', 'modality')):
        op.execute(sa.text(f'ALTER TABLE {table} DROP COLUMN {column}'))
    # 0002's tables, made and filled by 0002 itself
    spec = importlib.util.spec_from_file_location('rev0002', Path(__file__).with_name('0002_dyad_month_aggregates.py'))
    rev0002 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rev0002)
    rev0002.upgrade()
