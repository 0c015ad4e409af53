"""Per-dyad monthly totals kept by the store: dyad_months, dyad_month_tags, dyad_month_actors.

Filled here from the events already stored, in the migration's transaction (the SQL is written out,
not imported, so this revision keeps meaning what it meant when later revisions change the code).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 09:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# Sentinels as in dateline.store.aggregates: year 0, month '' and quad_class 0 mean "not known";
# score sums in millionths; country actors ('country:...') are not counted.
BACKFILL = [
    """INSERT INTO dyad_months (dyad, year, month, type, quad_class, n_events, n_sources, plover_e6, n_plover,
                                goldstein_e6, n_goldstein)
       SELECT dyad, COALESCE(year, 0), COALESCE(month, ''), type, COALESCE(quad_class, 0), COUNT(*), SUM(n_sources),
              COALESCE(SUM(CAST(ROUND(plover_score * 1000000) AS BIGINT)), 0), COUNT(plover_score),
              COALESCE(SUM(CAST(ROUND(goldstein * 1000000) AS BIGINT)), 0), COUNT(goldstein)
       FROM event_dyads
       GROUP BY dyad, COALESCE(year, 0), COALESCE(month, ''), type, COALESCE(quad_class, 0)""",
    """INSERT INTO dyad_month_tags (dyad, year, month, kind, value, n_events)
       SELECT d.dyad, COALESCE(d.year, 0), COALESCE(d.month, ''), t.kind, t.value, COUNT(*)
       FROM event_dyads d JOIN event_tags t ON t.event_id = d.event_id
       GROUP BY d.dyad, COALESCE(d.year, 0), COALESCE(d.month, ''), t.kind, t.value""",
    """INSERT INTO dyad_month_actors (dyad, year, month, country, actor_id, n_events)
       SELECT d.dyad, COALESCE(d.year, 0), COALESCE(d.month, ''), a.country, a.actor_id, COUNT(DISTINCT d.event_id)
       FROM event_dyads d JOIN event_actors a ON a.event_id = d.event_id
       WHERE a.country IN (d.src, d.dst) AND SUBSTR(a.actor_id, 1, 8) <> 'country:'
       GROUP BY d.dyad, COALESCE(d.year, 0), COALESCE(d.month, ''), a.country, a.actor_id""",
]


def upgrade() -> None:
    op.create_table('dyad_months',
    sa.Column('dyad', sa.String(length=7), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('quad_class', sa.Integer(), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('plover_e6', sa.BigInteger(), nullable=False),
    sa.Column('n_plover', sa.Integer(), nullable=False),
    sa.Column('goldstein_e6', sa.BigInteger(), nullable=False),
    sa.Column('n_goldstein', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('dyad', 'year', 'month', 'type', 'quad_class')
    )
    op.create_table('dyad_month_tags',
    sa.Column('dyad', sa.String(length=7), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('value', sa.String(length=64), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('dyad', 'year', 'month', 'kind', 'value')
    )
    op.create_table('dyad_month_actors',
    sa.Column('dyad', sa.String(length=7), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('dyad', 'year', 'month', 'country', 'actor_id')
    )
    for sql in BACKFILL:
        op.execute(sa.text(sql))


def downgrade() -> None:
    op.drop_table('dyad_month_actors')
    op.drop_table('dyad_month_tags')
    op.drop_table('dyad_months')
