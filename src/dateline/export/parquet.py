"""Parquet with an explicit schema: lists stay lists, mentions a list of structs, dates are dates."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.export.rows import COLUMNS, event_row
from dateline.model import Event

_STR_LIST = pa.list_(pa.string())
MENTION = pa.struct([("article_id", pa.string()), ("sentence_index", pa.int32()), ("sentence", pa.string()),
                     ("sentence_start", pa.int32()), ("sentence_end", pa.int32()),
                     ("trigger_start", pa.int32()), ("trigger_end", pa.int32()), ("trigger_text", pa.string())])
SCHEMA = pa.schema([
    ("event_id", pa.string()), ("type", pa.string()), ("mode", pa.string()), ("cameo", pa.string()),
    ("quad_class", pa.int8()), ("plover_score", pa.float64()), ("goldstein", pa.float64()),
    ("date", pa.string()), ("granularity", pa.string()), ("time_source", pa.string()),
    ("earliest", pa.date32()), ("latest", pa.date32()),
    ("actor_ids", _STR_LIST), ("actor_names", _STR_LIST), ("actor_countries", _STR_LIST),
    ("recipient_ids", _STR_LIST), ("recipient_names", _STR_LIST), ("recipient_countries", _STR_LIST),
    ("place_name", pa.string()), ("place_country", pa.string()), ("place_lat", pa.float64()),
    ("place_lon", pa.float64()), ("contexts", _STR_LIST), ("dimensions", _STR_LIST),
    ("negated", pa.bool_()), ("future", pa.bool_()), ("hypothetical", pa.bool_()), ("historical", pa.bool_()),
    ("trigger", pa.string()), ("confidence", pa.float64()), ("quantity", pa.float64()),
    ("source_count", pa.int32()), ("mention_count", pa.int32()), ("article_ids", _STR_LIST),
    ("mentions", pa.list_(MENTION)),
])
assert SCHEMA.names == COLUMNS
ROWS_PER_GROUP = 50_000


def write_parquet(events: Iterable[Event], path: Path) -> int:
    """Streams row groups, so exports larger than memory work."""
    n = 0
    batch: list[dict] = []
    with pq.ParquetWriter(str(path), SCHEMA, compression="zstd") as writer:
        for event in events:
            batch.append(event_row(event))
            if len(batch) >= ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
            n += len(batch)
    return n
