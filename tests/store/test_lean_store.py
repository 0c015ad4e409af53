"""The lean store (migration 0007): records packed, a mention's sentence stored once (in the
article), and nothing the store returns lost, on every backend and across the upgrade."""
from __future__ import annotations

import dataclasses

import pytest
import sqlalchemy as sa

from dateline.store import open_store
from dateline.store.packing import V1, pack, unpack
from dateline.store.query import EventQuery, FactQuery
from dateline.store.selection import Selection
from dateline.store.synthetic import make_mixed_extraction

RECORD = ('{"id":"evt-1","article_id":"art-1","type":"CONSULT","actors":[{"id":"country:PAK","name":"Pakistan"}],'
          '"note":"Ankara – İstanbul, 東京 😀"}')


def test_a_packed_record_reads_back_as_the_same_json_and_is_smaller():
    packed = pack(RECORD)
    assert packed[:1] == V1 and len(packed) < len(RECORD.encode()) * 0.7
    assert unpack(packed) == RECORD
    assert unpack(memoryview(packed)) == RECORD
    assert unpack(RECORD) == RECORD                      # text written before 0007
    assert unpack(RECORD.encode("utf-8")) == RECORD      # PostgreSQL's bytea of that text
    assert unpack(pack("")) == ""


def _raw(store, sql: str) -> list:
    with store.engine.connect() as conn:
        return conn.execute(sa.text(sql)).all()


def _everything(store) -> tuple[list, list]:
    evs = store.query_events(EventQuery(limit=None, selection=Selection.everything()))
    return ([(e.id, e.type, e.actors, e.recipients, e.time, e.place, e.mentions) for e in evs],
            store.query_facts(FactQuery(limit=None)))


def test_records_are_stored_packed_and_sentences_once(store_url):
    store = open_store(store_url)
    try:
        extractions = [make_mixed_extraction(i) for i in range(3)]
        for ex in extractions:
            store.add(ex)
        for table in ("events", "facts"):
            records = [bytes(r[0]) for r in _raw(store, f"SELECT record FROM {table}")]
            assert records and all(r[:1] == V1 for r in records), table
        own = [bytes(r[0]) for r in _raw(store, "SELECT record FROM article_events")]
        assert all(r[:1] == V1 or r == b"" for r in own)      # packed, or the canonical event's record
        assert own.count(b"") > len(own) / 2
        assert {r[0] for r in _raw(store, "SELECT sentence FROM event_mentions")} == {None}
        assert {bytes(r[0])[:1] for r in _raw(store, "SELECT spans FROM event_mentions")} == {V1}
        got = {m.sentence for e in store.query_events(EventQuery(limit=None, selection=Selection.everything()))
               for m in e.mentions}
        assert got == {m.sentence for ex in extractions for e in ex.events for m in e.mentions}
    finally:
        store.close()


def test_a_sentence_that_is_not_the_articles_text_is_kept_in_its_row(store_url):
    ex = make_mixed_extraction(7)
    first = ex.events[0]
    odd = dataclasses.replace(first.mentions[0], sentence="A caption's words, not the article's.")
    ex.events[0] = dataclasses.replace(first, mentions=[odd])
    store = open_store(store_url)
    try:
        store.add(ex)
        kept = [r[0] for r in _raw(store, "SELECT sentence FROM event_mentions") if r[0] is not None]
        assert kept == ["A caption's words, not the article's."]
        assert store.get_event(first.id).mentions[0].sentence == "A caption's words, not the article's."
    finally:
        store.close()


def test_upgrade_to_0007_packs_what_was_stored_and_returns_the_same(store_url):
    from alembic import command

    from dateline.store.engine import alembic_config, make_engine

    store = open_store(store_url)
    for i in range(4):
        store.add(make_mixed_extraction(i))
    before, own_before = _everything(store), _own_events(store)
    store.close()
    engine = make_engine(store_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0006")
    with engine.connect() as conn:        # as a store of 0006 held them: JSON text, every sentence
        assert all(bytes(r[0]).startswith(b"{") if not isinstance(r[0], str) else r[0].startswith("{")
                   for r in conn.execute(sa.text("SELECT record FROM events")))
        assert None not in {r[0] for r in conn.execute(sa.text("SELECT sentence FROM event_mentions"))}
    engine.dispose()

    store = open_store(store_url)        # upgrades to the head again
    try:
        assert all(bytes(r[0])[:1] == V1 for r in _raw(store, "SELECT record FROM events"))
        assert {r[0] for r in _raw(store, "SELECT sentence FROM event_mentions")} == {None}
        assert b"" in {bytes(r[0]) for r in _raw(store, "SELECT record FROM article_events")}
        assert _everything(store) == before and _own_events(store) == own_before
    finally:
        store.close()


def test_mention_rows_keep_the_sentence_only_when_the_text_cannot_give_it(store_url):
    from dateline.model import Evidence
    from dateline.store.records import mention_row

    ev = Evidence(article_id="a", sentence_index=0, sentence="Plain", sentence_start=0, sentence_end=5)
    assert mention_row("e", "e", ev, "Plain text.")["sentence"] is None
    assert mention_row("e", "e", ev, None)["sentence"] == "Plain"
    assert mention_row("e", "e", dataclasses.replace(ev, sentence="Other"), "Plain text.")["sentence"] == "Other"
    # an article text with a NUL character keeps every sentence in its row (SQLite's substr and NUL)
    ex = make_mixed_extraction(3)
    ex = dataclasses.replace(ex, article=dataclasses.replace(ex.article, text=ex.article.text + "\x00"))
    if "postgresql" in store_url:
        pytest.skip("PostgreSQL text cannot hold NUL characters at all")
    store = open_store(store_url)
    try:
        store.add(ex)
        assert None not in {r[0] for r in _raw(store, "SELECT sentence FROM event_mentions")}
        assert store.get_event(ex.events[0].id).mentions[0].sentence == ex.events[0].mentions[0].sentence
    finally:
        store.close()


def _own_events(store) -> dict[str, tuple]:
    """Every article's own events as the store rebuilds them (what re-processing starts from)."""
    from dateline.store.records import member_from
    from dateline.store.schema import article_events, events

    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(article_events.c.id, article_events.c.record,
                                      events.c.record.label("canonical"))
                            .join(events, events.c.id == article_events.c.event_id)).all()
    return {r.id: member_from(r.id, r.record, r.canonical) for r in rows}


def test_an_article_event_keeps_its_own_record_when_another_report_merges_into_it(store_url):
    from dateline.store.records import event_json

    first, second = make_mixed_extraction(0), make_mixed_extraction(1)
    # the second article reports the first one's first event again, with a place the first lacked
    again = dataclasses.replace(first.events[0], id="evt-again", article_id=second.article.id,
                                contexts=["diplomatic", "economic"],
                                mentions=[dataclasses.replace(m, article_id=second.article.id)
                                          for m in first.events[0].mentions])
    second = dataclasses.replace(second, events=[again, *second.events])
    store = open_store(store_url)
    try:
        store.add(first)
        mine = {e.id: event_json(dataclasses.replace(e, mentions=[])) for e in first.events}
        assert {k: event_json(v) for k, v in _own_events(store).items()} == mine
        merged = store.add(second)
        assert merged.n_merged >= 1
        own = _own_events(store)
        assert {k: event_json(own[k]) for k in mine} == mine       # the first article's events, as it gave them
        assert event_json(own["evt-again"]) == event_json(dataclasses.replace(again, mentions=[]))
        assert store.get_event(first.events[0].id).source_count == 2
        store.add(dataclasses.replace(second, events=second.events[1:], version="synthetic-2"))   # re-processed
        assert {k: event_json(v) for k, v in _own_events(store).items() if k in mine} == mine
        assert event_json(dataclasses.replace(store.get_event(first.events[0].id), mentions=[])) == \
               mine[first.events[0].id]                           # back to the first article's event
    finally:
        store.close()
