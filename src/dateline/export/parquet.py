"""Event-level Parquet: the CSV's scalar columns, then the lists (actors, contexts, dimensions,
articles, mentions as structs) that have no scalar form; dates are date32."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dateline.export.batching import with_articles
from dateline.export.columns import EVENT_LISTS, EVENTS
from dateline.export.rows import event_row, list_values
from dateline.export.tables import write_parquet_rows
from dateline.model import Event

COLUMNS = EVENTS + EVENT_LISTS


def write_parquet(events: Iterable[Event], path: Path, lookup=None, fallback: str = "none") -> int:
    rows = ({**event_row(e, articles, fallback), **list_values(e)} for e, articles in with_articles(events, lookup))
    return write_parquet_rows(rows, COLUMNS, path)
