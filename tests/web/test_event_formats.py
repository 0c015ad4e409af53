"""format=jsonl|csv|parquet on /api/events: each parses back, with the export's columns
(dateline.export.columns), the right content type and a filename; pages by cursor as JSON does."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import event_pages_data as data  # noqa: E402

ALL = "modality=all&min_confidence=0"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def api(request, tmp_path_factory):
    from fastapi.testclient import TestClient

    from dateline.web.app import create_app

    if request.param == "postgresql" and not data.store_conftest.PG_URL:
        pytest.skip("set DATELINE_TEST_PG_URL (see .ci/postgres.sh) to run the PostgreSQL tests")
    backend = data.Backend(request.param, tmp_path_factory.mktemp("formats"))
    data.fill(backend.url)
    try:
        with TestClient(create_app(backend.url, token="")) as c:
            yield c
    finally:
        backend.close()


def fetch(api, query: str, fmt: str):
    r = api.get(f"/api/events?{query}&format={fmt}")
    assert r.status_code == 200, r.text
    assert r.headers["content-disposition"] == f'attachment; filename="dateline-events.{fmt}"'
    return r


def json_page(api, query: str) -> dict:
    r = api.get(f"/api/events?{query}")
    assert r.status_code == 200, r.text
    return r.json()


def test_csv_has_the_export_columns_and_the_page_events(api):
    from dateline.export.columns import EVENTS, names

    page = json_page(api, f"{ALL}&limit=40&sort=-confidence")
    r = fetch(api, f"{ALL}&limit=40&sort=-confidence", "csv")
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0].keys()) == names(EVENTS)
    assert [row["event_id"] for row in rows] == [e["id"] for e in page["events"]]
    assert {row["outlet"] for row in rows} <= set(data.OUTLETS) and all(row["outlet"] for row in rows)
    assert [float(row["confidence"]) for row in rows] == [e["confidence"] for e in page["events"]]
    assert r.headers["x-total-count"] == str(page["total"]) and r.headers["x-next-cursor"] == page["next_cursor"]


def test_csv_is_what_dateline_export_writes(api, tmp_path):
    """The same bytes as dateline.export.write_events(..., "csv") over the same events."""
    from dateline.export import write_events

    store = api.app.state.ctx.store
    page = json_page(api, f"{ALL}&limit=25")
    events = [store.get_event(e["id"]) for e in page["events"]]
    out = io.StringIO(newline="")
    write_events(events, "csv", out, articles=store.get_articles)
    assert fetch(api, f"{ALL}&limit=25", "csv").content == out.getvalue().encode("utf-8")


def test_parquet_reads_back_with_the_export_schema(api):
    import pyarrow.parquet as pq

    from dateline.export.rows import PARQUET_COLUMNS

    page = json_page(api, f"{ALL}&limit=60&sort=date")
    r = fetch(api, f"{ALL}&limit=60&sort=date", "parquet")
    assert r.headers["content-type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(r.content))
    assert table.column_names == PARQUET_COLUMNS
    assert table.column("event_id").to_pylist() == [e["id"] for e in page["events"]]
    assert str(table.schema.field("date_start").type) == "date32[day]"


def test_jsonl_one_full_event_a_line(api):
    page = json_page(api, f"{ALL}&limit=30&sort=-date")
    r = fetch(api, f"{ALL}&limit=30&sort=-date", "jsonl")
    assert r.headers["content-type"] == "application/x-ndjson"
    lines = r.text.splitlines()
    records = [json.loads(line) for line in lines]
    assert [e["id"] for e in records] == [e["id"] for e in page["events"]]
    assert all(e["mentions"] and "sentence" in e["mentions"][0] for e in records)


def test_a_file_format_walks_by_cursor(api):
    total = json_page(api, f"{ALL}&limit=1")["total"]
    ids, url, pages = [], f"/api/events?{ALL}&limit=45&sort=confidence&format=csv", 0
    while url:
        r = api.get(url)
        assert r.status_code == 200, r.text
        ids += [row["event_id"] for row in csv.DictReader(io.StringIO(r.text))]
        pages += 1
        link = r.headers.get("link")
        url = link[link.index("<") + 1:link.index(">")] if link else None
        if url:
            assert f"cursor={r.headers['x-next-cursor']}" in url
    assert len(ids) == len(set(ids)) == total and pages == -(-total // 45)


def test_an_unknown_format_is_a_422(api):
    r = api.get("/api/events?format=xlsx")
    assert r.status_code == 422 and r.json()["details"][0]["param"] == "format"
