"""The file formats of /api/events besides JSON: jsonl, csv and parquet, written by dateline.export
(the same records and columns as `dateline export --format ...`), with their content type and a
filename. A page's position travels in headers: X-Total-Count, X-Next-Cursor and a Link rel="next"."""
from __future__ import annotations

import io
import tempfile
from pathlib import Path

from fastapi.responses import Response

from dateline.web.errors import InvalidParameter

FORMATS = ("json", "jsonl", "csv", "parquet")
HELP = ("json (default), jsonl (one full event record a line), csv (the export's scalar columns), "
        "parquet (the export's columns, lists included)")
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
               "parquet": "application/vnd.apache.parquet"}
FILENAME = "dateline-events"


def check(value: str | None) -> str:
    fmt = (value or "json").strip().lower()
    if fmt not in FORMATS:
        raise InvalidParameter("format", f"'{value}' is not a format; choose one of {', '.join(FORMATS)}")
    return fmt


def body(events: list, fmt: str, articles) -> bytes:
    """``events`` written by dateline.export.write_events; ``articles`` looks up their articles."""
    from dateline.export import write_events

    if fmt == "parquet":
        with tempfile.TemporaryDirectory(prefix="dateline-api-") as tmp:
            path = Path(tmp) / "events.parquet"
            write_events(events, fmt, path, articles=articles)
            return path.read_bytes()
    stream = io.StringIO(newline="")
    write_events(events, fmt, stream, articles=articles)
    return stream.getvalue().encode("utf-8")


def response(events: list, fmt: str, articles, total: int, next_url: str | None, next_cursor: str | None) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{FILENAME}.{fmt}"', "X-Total-Count": str(total)}
    if next_cursor:
        headers["X-Next-Cursor"] = next_cursor
        headers["Link"] = f'<{next_url}>; rel="next"'
    return Response(body(events, fmt, articles), media_type=MEDIA_TYPES[fmt], headers=headers)
