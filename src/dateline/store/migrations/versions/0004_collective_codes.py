"""Wider dyad codes: a collective actor's code (G7, NATO, ECOWAS: up to 8 characters) may stand in a
dyad beside an ISO3 code, so the columns that hold a dyad side grow from 3 to 8 characters and the
dyad itself ("ECOWAS-NGA") from 7 to 17. No data changes.

On PostgreSQL each column's type is altered in place. SQLite cannot alter a column's type, so each of
these tables is copied in a batch; none of them is the parent of a foreign key, so no ON DELETE
CASCADE fires.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 09:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# table -> {column: (old length, new length)}
WIDER = {
    'event_actors': {'country': (3, 8)},
    'event_dyads': {'dyad': (7, 17), 'src': (3, 8), 'dst': (3, 8)},
    'dyad_months': {'dyad': (7, 17)},
    'dyad_month_tags': {'dyad': (7, 17)},
    'dyad_month_actors': {'dyad': (7, 17), 'country': (3, 8)},
}


def _alter(which: int) -> None:
    for table, columns in WIDER.items():
        with op.batch_alter_table(table) as batch:
            for column, lengths in columns.items():
                batch.alter_column(column, type_=sa.String(length=lengths[which]),
                                   existing_type=sa.String(length=lengths[1 - which]))


def upgrade() -> None:
    _alter(1)


def downgrade() -> None:
    _alter(0)
