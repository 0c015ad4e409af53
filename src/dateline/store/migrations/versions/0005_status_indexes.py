"""Indexes for reads of large stores: /api/status reads the last event's day (max of events.latest)
and the events reported by several articles (events.n_sources > 1) from an index instead of a scan
of every event, and a count of the events a selection keeps (modality, confidence) reads an index a
quarter of the table's size.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 10:00:00
"""
from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_events_latest', 'events', ['latest'], unique=False)
    op.create_index('ix_events_n_sources', 'events', ['n_sources'], unique=False)
    op.create_index('ix_events_selection', 'events', ['modality', 'confidence'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_events_selection', table_name='events')
    op.drop_index('ix_events_n_sources', table_name='events')
    op.drop_index('ix_events_latest', table_name='events')
