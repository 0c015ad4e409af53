"""A pair's events in the order of event lists: event_dyads gets the event's earliest day (as in
events.earliest) and an index on (dyad, earliest, event_id), so a page of a pair's events walks that
index instead of sorting every event of the pair (the busiest pair of a million events: 66,511).
Existing rows are filled from events in one statement.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 12:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('event_dyads', sa.Column('earliest', sa.Date(), nullable=True))
    op.execute("UPDATE event_dyads SET earliest = "
               "(SELECT events.earliest FROM events WHERE events.id = event_dyads.event_id)")
    op.create_index('ix_event_dyads_dyad_earliest', 'event_dyads', ['dyad', 'earliest', 'event_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_event_dyads_dyad_earliest', table_name='event_dyads')
    with op.batch_alter_table('event_dyads') as batch:
        batch.drop_column('earliest')
