"""Event exports: CSV, JSONL, Parquet, PLOVER JSON and GDELT-style TSV (docs/export-formats.md).

    from dateline.export import write_events
    n = write_events(events, "parquet", "events.parquet", articles=store.get_articles)

``articles`` (optional) maps article ids to Articles, for outlet, URL and publication date.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO

from dateline.model import Article, Event

FORMATS = ("csv", "jsonl", "parquet", "plover-json", "gdelt-tsv")
ArticleLookup = Callable[[Iterable[str]], Mapping[str, Article]]


class ExportError(RuntimeError):
    pass


def write_events(events: Iterable[Event], fmt: str, out: str | Path | IO[str],
                 articles: ArticleLookup | None = None) -> int:
    """Writes ``events`` in format ``fmt`` to a path (or a text stream for text formats); returns the count."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        from dateline.export.parquet import write_parquet
        if not isinstance(out, (str, Path)):
            raise ExportError("Parquet is a binary format: give a file path with --out")
        try:
            return write_parquet(events, Path(out))
        except OSError as exc:
            raise ExportError(f"cannot write {out}: {exc}") from exc
    if isinstance(out, (str, Path)):
        try:
            with open(out, "w", encoding="utf-8", newline="") as stream:
                return _write_text(events, fmt, stream, articles)
        except OSError as exc:
            raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return _write_text(events, fmt, out, articles)


def _write_text(events: Iterable[Event], fmt: str, stream: IO[str], articles: ArticleLookup | None) -> int:
    if fmt == "csv":
        from dateline.export.tabular import write_csv
        return write_csv(events, stream)
    if fmt == "jsonl":
        from dateline.export.tabular import write_jsonl
        return write_jsonl(events, stream)
    if fmt == "plover-json":
        from dateline.export.plover import write_plover_json
        return write_plover_json(events, stream, articles)
    from dateline.export.gdelt import write_gdelt_tsv
    return write_gdelt_tsv(events, stream, articles)
