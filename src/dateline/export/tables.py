"""Writers for rows of scalar (and, for Parquet, list) columns: CSV, Parquet and Stata .dta.

Rows are dicts; ``columns`` (``dateline.export.columns``) fix the order, the types and the labels.
CSV and Parquet stream; Stata is written from one in-memory frame (pandas ``to_stata``).
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.export.columns import Column

ROWS_PER_GROUP = 50_000
STATA_STR_MAX = 2045          # bytes in a Stata 118 str#; longer text goes into a strL
MENTION = pa.struct([("article_id", pa.string()), ("sentence_index", pa.int32()), ("sentence", pa.string()),
                     ("sentence_start", pa.int32()), ("sentence_end", pa.int32()),
                     ("trigger_start", pa.int32()), ("trigger_end", pa.int32()), ("trigger_text", pa.string())])
ARROW = {"str": pa.string(), "int": pa.int32(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32(),
         "list": pa.list_(pa.string()), "mentions": pa.list_(MENTION)}


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, dict)):
        raise TypeError("CSV cells are scalar; lists belong in Parquet or JSONL")
    return str(value)


def write_csv_rows(rows: Iterable[dict], columns: list[Column], stream: IO[str]) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    n = 0
    for row in rows:
        writer.writerow([csv_cell(row[c.name]) for c in columns])
        n += 1
    return n


def arrow_schema(columns: list[Column]) -> pa.Schema:
    return pa.schema([(c.name, ARROW[c.kind]) for c in columns],
                     metadata={c.name.encode(): c.label.encode() for c in columns})


def _chunks(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def write_parquet_rows(rows: Iterable[dict], columns: list[Column], path: Path) -> int:
    """zstd Parquet in row groups (exports larger than memory work); labels in the schema metadata."""
    schema = arrow_schema(columns)
    n = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for chunk in _chunks(rows, ROWS_PER_GROUP):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def stata_frame(rows: Iterable[dict], columns: list[Column]):
    """A pandas frame Stata can hold: bools as 0/1 bytes, text never missing (""), dates as datetimes,
    integers with gaps as doubles (Stata's missing value)."""
    import pandas as pd

    records = list(rows)
    data = {}
    for c in columns:
        values = [r[c.name] for r in records]
        if c.kind == "str":
            data[c.name] = pd.Series(["" if v is None else v for v in values], dtype=object)
        elif c.kind == "bool":
            data[c.name] = pd.Series([int(bool(v)) for v in values], dtype="int8")
        elif c.kind == "date":
            data[c.name] = pd.to_datetime(pd.Series(values, dtype=object))
        elif c.kind == "int" and None not in values:
            data[c.name] = pd.Series(values, dtype="int32")
        elif c.kind in ("int", "float"):
            data[c.name] = pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
        else:
            raise TypeError(f"column {c.name} ({c.kind}) has no Stata form")
    return pd.DataFrame(data, columns=[c.name for c in columns])


def write_stata_rows(rows: Iterable[dict], columns: list[Column], path: Path) -> int:
    """Stata 118 (.dta, Unicode) with a variable label on every column; dates are Stata daily dates."""
    frame = stata_frame(rows, columns)
    strl = [c.name for c in columns if c.kind == "str"
            and max((len(s.encode("utf-8")) for s in frame[c.name]), default=0) > STATA_STR_MAX]
    frame.to_stata(str(path), write_index=False, version=118, convert_strl=strl,
                   convert_dates={c.name: "td" for c in columns if c.kind == "date"},
                   variable_labels={c.name: c.label[:80] for c in columns})
    return len(frame)
