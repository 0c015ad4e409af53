"""Event exports: CSV, JSONL, Parquet, PLOVER JSON, GDELT-style TSV, and dyadic rows as CSV, Parquet
or Stata .dta (docs/export-formats.md).

    from dateline.export import write_events
    n = write_events(events, "parquet", "events.parquet", articles=store.get_articles)
    n = write_events(events, "stata", "dyads.dta", articles=store.get_articles, date_fallback="publication")

``articles`` (optional) maps article ids to Articles, for outlet, URL, headline and publication date.
``date_fallback="publication"`` dates undated events by their first publication (``date_fallback``
column true) in CSV, Parquet and the dyadic formats. Returns the number of events written (dyadic
formats: of rows).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO

from dateline.model import Article, Event

FORMATS = ("csv", "jsonl", "parquet", "plover-json", "gdelt-tsv", "dyadic-csv", "dyadic-parquet", "stata")
BINARY = {"parquet", "dyadic-parquet", "stata"}
ArticleLookup = Callable[[Iterable[str]], Mapping[str, Article]]


class ExportError(RuntimeError):
    pass


def write_events(events: Iterable[Event], fmt: str, out: str | Path | IO[str],
                 articles: ArticleLookup | None = None, date_fallback: str = "none") -> int:
    """Writes ``events`` in format ``fmt`` to a path (or a text stream for text formats); returns the count."""
    from dateline.export.scalar import DATE_FALLBACKS

    if fmt not in FORMATS:
        raise ExportError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")
    if date_fallback not in DATE_FALLBACKS:
        raise ExportError(f"unknown date fallback '{date_fallback}'; choose one of {', '.join(DATE_FALLBACKS)}")
    if fmt in BINARY:
        if not isinstance(out, (str, Path)):
            raise ExportError(f"{fmt} is a binary format: give a file path with --out")
        try:
            return _write_binary(events, fmt, Path(out), articles, date_fallback)
        except OSError as exc:
            raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    if isinstance(out, (str, Path)):
        try:
            with open(out, "w", encoding="utf-8", newline="") as stream:
                return _write_text(events, fmt, stream, articles, date_fallback)
        except OSError as exc:
            raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return _write_text(events, fmt, out, articles, date_fallback)


def _write_binary(events: Iterable[Event], fmt: str, path: Path, articles: ArticleLookup | None,
                  date_fallback: str) -> int:
    from dateline.export import tables
    from dateline.export.columns import DYADIC
    from dateline.export.dyadic import dyadic_rows

    if fmt == "parquet":
        from dateline.export.parquet import write_parquet
        return write_parquet(events, path, articles, date_fallback)
    rows = dyadic_rows(events, articles, date_fallback)
    if fmt == "dyadic-parquet":
        return tables.write_parquet_rows(rows, DYADIC, path)
    return tables.write_stata_rows(rows, DYADIC, path)


def _write_text(events: Iterable[Event], fmt: str, stream: IO[str], articles: ArticleLookup | None,
                date_fallback: str) -> int:
    if fmt == "dyadic-csv":
        from dateline.export.columns import DYADIC
        from dateline.export.dyadic import dyadic_rows
        from dateline.export.tables import write_csv_rows
        return write_csv_rows(dyadic_rows(events, articles, date_fallback), DYADIC, stream)
    if fmt == "csv":
        from dateline.export.tabular import write_csv
        return write_csv(events, stream, articles, date_fallback)
    if fmt == "jsonl":
        from dateline.export.tabular import write_jsonl
        return write_jsonl(events, stream)
    if fmt == "plover-json":
        from dateline.export.plover import write_plover_json
        return write_plover_json(events, stream, articles)
    from dateline.export.gdelt import write_gdelt_tsv
    return write_gdelt_tsv(events, stream, articles)
