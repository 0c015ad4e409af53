"""CSV (one row per event; lists joined by ';', mentions as a JSON array) and JSONL (full records)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

from dateline.export.rows import COLUMNS, LIST_COLUMNS, jsonable_row
from dateline.model import Event, to_jsonable

LIST_SEPARATOR = ";"


def write_csv(events: Iterable[Event], stream: IO[str]) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for event in events:
        row = jsonable_row(event)
        cells = []
        for col in COLUMNS:
            value = row[col]
            if col in LIST_COLUMNS:
                value = LIST_SEPARATOR.join(value)
            elif col == "mentions":
                value = json.dumps(value, ensure_ascii=False)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            cells.append("" if value is None else value)
        writer.writerow(cells)
        n += 1
    return n


def write_jsonl(events: Iterable[Event], stream: IO[str]) -> int:
    """One full Event record per line (the same shape `dateline extract --format jsonl` uses for events)."""
    n = 0
    for event in events:
        stream.write(json.dumps(to_jsonable(event), ensure_ascii=False) + "\n")
        n += 1
    return n
