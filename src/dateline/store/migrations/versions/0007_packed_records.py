"""A leaner store: the JSON records of events, article events and facts are stored packed
(store/packing.py: deflate with a preset dictionary, about a quarter of the JSON; a mention's spans
too), an article's
event that is still its canonical event's record (never merged with another report) stores nothing
of its own (records.SAME_AS_CANONICAL), and a mention's
sentence is stored only when it is not the article's own text between the mention's offsets (the
store reads it back from the article), instead of once per mention.

PostgreSQL: the record columns become bytea (the JSON's UTF-8 bytes, then packed). SQLite keeps the
columns' TEXT declarations, which hold the packed blobs as they are: changing a declared type there
means copying the table, and a copy of ``events`` would cascade-delete every row that points at it.
``event_mentions.sentence`` becomes nullable (SQLite: a copy of event_mentions, which no table points
at). Existing rows are packed in batches here; run VACUUM afterwards to hand the space back to the
file system (SQLite keeps freed pages for reuse).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 13:00:00
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from dateline.store.packing import pack

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# table -> (its key, the JSON column packed)
RECORDS = {'events': (('id',), 'record'), 'article_events': (('article_id', 'id'), 'record'),
           'facts': (('article_id', 'id'), 'record'), 'event_mentions': (('id',), 'spans')}
BATCH = 5000


def _is_canonical(own: str, canonical: str | None) -> bool:
    """An article event's record is its canonical event's, but for the id (records.own_record)."""
    if canonical is None:
        return False
    mine, theirs = json.loads(own), json.loads(canonical)
    mine["id"] = theirs.get("id")
    return mine == theirs


def _repack(conn, table: str, keys: tuple[str, ...], column: str, packed: bool) -> None:
    """Every record of ``table`` rewritten packed (or back to JSON: UTF-8 bytes on PostgreSQL, whose
    column is still bytea then), in key order, a batch at a time."""
    from dateline.store.packing import unpack

    def plain(text: str):
        return text.encode("utf-8") if conn.dialect.name == "postgresql" else text

    cols = ", ".join(keys)
    last = None
    while True:
        where = ""
        params: dict = {}
        if last is not None:
            where = f"WHERE ({cols}) > ({', '.join(':k%d' % i for i in range(len(keys)))})"
            params = {f"k{i}": v for i, v in enumerate(last)}
        # an article event also reads its canonical event's record: the same, it is stored as ""
        # (packed) or is written out from it (back to JSON)
        canonical = ("(SELECT e.record FROM events e WHERE e.id = t.event_id)" if table == "article_events"
                     else "NULL")
        rows = conn.execute(sa.text(f"SELECT {cols}, {canonical}, {column} FROM {table} t {where} "
                                    f"ORDER BY {cols} LIMIT {BATCH}"), params).all()
        if not rows:
            return
        match = " AND ".join(f"{k} = :k{i}" for i, k in enumerate(keys))
        values = []
        for r in rows:
            if r[-1] is None:            # a mention without spans
                continue
            own, theirs = unpack(r[-1]), None if r[-2] is None else unpack(r[-2])
            if packed:
                record = b"" if table == "article_events" and _is_canonical(own, theirs) else pack(own)
            else:
                if own == "":
                    mine = json.loads(theirs)
                    mine["id"] = r[keys.index("id")]
                    own = json.dumps(mine, ensure_ascii=False, separators=(",", ":"))
                record = plain(own)
            values.append({"record": record, **{f"k{i}": r[i] for i in range(len(keys))}})
        if values:
            conn.execute(sa.text(f"UPDATE {table} SET {column} = :record WHERE {match}"), values)
        last = tuple(rows[-1][:len(keys)])


def upgrade() -> None:
    conn = op.get_bind()
    postgres = conn.dialect.name == 'postgresql'
    for table, (keys, column) in RECORDS.items():
        if postgres:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE bytea USING convert_to({column}, 'UTF8')")
        _repack(conn, table, keys, column, packed=True)
    with op.batch_alter_table('event_mentions') as batch:
        batch.alter_column('sentence', existing_type=sa.Text(), nullable=True)
    no_nul = "" if postgres else " AND instr(a.text, char(0)) = 0"   # as records.mention_row decides
    op.execute("UPDATE event_mentions SET sentence = NULL WHERE EXISTS (SELECT 1 FROM articles a "
               "WHERE a.id = event_mentions.article_id AND substr(a.text, event_mentions.sentence_start + 1, "
               f"event_mentions.sentence_end - event_mentions.sentence_start) = event_mentions.sentence{no_nul})")


def downgrade() -> None:
    conn = op.get_bind()
    postgres = conn.dialect.name == 'postgresql'
    op.execute("UPDATE event_mentions SET sentence = (SELECT substr(a.text, event_mentions.sentence_start + 1, "
               "event_mentions.sentence_end - event_mentions.sentence_start) FROM articles a "
               "WHERE a.id = event_mentions.article_id) WHERE sentence IS NULL")
    with op.batch_alter_table('event_mentions') as batch:
        batch.alter_column('sentence', existing_type=sa.Text(), nullable=False)
    for table, (keys, column) in RECORDS.items():
        _repack(conn, table, keys, column, packed=False)
        if postgres:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE text USING convert_from({column}, 'UTF8')")
