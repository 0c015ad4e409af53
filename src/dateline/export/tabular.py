"""Event-level CSV (scalar columns, one row per event) and JSONL (full records)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from dateline.export.batching import with_articles
from dateline.export.columns import EVENTS
from dateline.export.rows import event_row
from dateline.export.tables import write_csv_rows
from dateline.model import Event, to_jsonable


def write_jsonl(events: Iterable[Event], stream: IO[str]) -> int:
    """One full Event record per line (the same shape `dateline extract --format jsonl` uses for events)."""
    n = 0
    for event in events:
        stream.write(json.dumps(to_jsonable(event), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(events: Iterable[Event], stream: IO[str], lookup=None, fallback: str = "none") -> int:
    """One row per event, scalar cells only (``columns.EVENTS``)."""
    return write_csv_rows((event_row(e, articles, fallback) for e, articles in with_articles(events, lookup)),
                          EVENTS, stream)
