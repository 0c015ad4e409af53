"""Stored JSON records, compressed: each record column holds one event or fact (or a mention's
spans) as JSON deflated against a preset dictionary of the keys and values every record repeats,
so an event record of 700-900 bytes takes about a quarter of that. It reads back as the same JSON.

Format: one version byte, then the deflate stream (zlib, raw, with ``DICTIONARY_V1``). A value that
is text, or bytes that do not start with a known version byte (JSON written before migration 0007,
or PostgreSQL's bytea conversion of it), is JSON as it stands. ``DICTIONARY_V1`` must never change:
stored records need it to be read. A better dictionary is a new version byte beside it.
"""
from __future__ import annotations

import zlib

from sqlalchemy import LargeBinary, Text
from sqlalchemy.types import TypeDecorator

V1 = b"\x01"

# The strings event and fact records repeat, the most frequent last (deflate reaches back into the
# dictionary, and nearer strings cost fewer bits). Written here from the record layout (model.py).
DICTIONARY_V1 = (
    '{"id":"fact-","article_id":"art-","indicator":"trade_volume","subjects":[],"value":,"unit":"USD",'
    '"qualifier":null,"period":{"value":"","granularity":"year","source":"text","earliest":"-01-01",'
    '"latest":"-12-31","span":null,"fallback":null},"evidence":{"article_id":"art-","sentence_index":,'
    '"sentence":"","sentence_start":,"sentence_end":,"trigger":null,"actors":[],"recipients":[],'
    '"time":null,"place":null}}'
    '"mode":"meet","mode":"visit","mode":"allege","mode":"propose","mode":"sign","mode":"demand",'
    '"kind":"organization","kind":"igo","sector":"MIL","sector":"OPP","sector":"REB","sector":"COP",'
    '"roles":["Prime Minister"],"roles":["President"],"roles":["Foreign Minister"],'
    '"place":{"name":"","country":"","lat":,"lon":,"geonames_id":,"feature":"city","source":"sentence",'
    '"span":{"start":,"end":,"text":""}},"source":"dateline","source":"article","granularity":"month",'
    '"granularity":"week","granularity":"day","source":"text","source":"publication",'
    '"type":"AGREE","type":"AID","type":"ASSAULT","type":"COERCE","type":"SANCTION","type":"THREATEN",'
    '"type":"REQUEST","type":"ACCUSE","type":"REJECT","type":"COOPERATE","type":"CONSULT",'
    '"contexts":["diplomatic"],"dimensions":["trade"],"dimensions":["energy"],"dimensions":["security"],'
    '{"actors":[{"start":,"end":,"text":""}],"recipients":[{"start":,"end":,"text":""}],'
    '"time":{"start":,"end":,"text":""},"place":null}'
    '{"id":"evt-","article_id":"art-","type":"","mode":null,"contexts":[],"dimensions":[],"cameo":"0",'
    '"quad_class":1,"plover_score":,"goldstein":,"actors":[{"id":"country:","name":"","kind":"country",'
    '"country":"","sector":"GOV","roles":[],"source":"countries.tsv:"}],"recipients":[{"id":"person:",'
    '"name":"","kind":"person","country":"","sector":"GOV","roles":[],"source":"actors.tsv:"}],'
    '"time":{"value":"2025-","granularity":"unknown","source":"none","earliest":null,"latest":null,'
    '"span":{"start":,"end":,"text":""},"fallback":"2025-"},"place":null,"negated":false,"future":false,'
    '"hypothetical":false,"historical":false,"trigger":"","confidence":0.,"quantity":null,'
    '"coded_by":"event_lexicon.tsv:"}'
).encode("utf-8")


def pack(text: str) -> bytes:
    if not text:        # records.SAME_AS_CANONICAL: nothing at all
        return b""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, DICTIONARY_V1)
    return V1 + deflate.compress(text.encode("utf-8")) + deflate.flush()


def unpack(value: bytes | str | memoryview) -> str:
    if isinstance(value, str):
        return value
    value = bytes(value)
    if value[:1] == V1:
        inflate = zlib.decompressobj(-15, DICTIONARY_V1)
        return (inflate.decompress(value[1:]) + inflate.flush()).decode("utf-8")
    return value.decode("utf-8")


class PackedJSON(TypeDecorator):
    """A JSON record column: text in, text out, packed on the way. PostgreSQL stores it as bytea;
    SQLite keeps the column's TEXT declaration (its values may be blobs), so that stores made before
    0007 need no table copy (a copy of events would cascade-delete the rows that point at it)."""

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(LargeBinary() if dialect.name == "postgresql" else Text())

    def process_bind_param(self, value, dialect):
        return None if value is None else pack(value)

    def process_result_value(self, value, dialect):
        return None if value is None else unpack(value)
