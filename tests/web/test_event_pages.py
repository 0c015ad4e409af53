"""/api/events: cursor (keyset) pages, sort orders, outlet and article filters; on SQLite and, with
DATELINE_TEST_PG_URL, on PostgreSQL."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import event_pages_data as data  # noqa: E402

ALL = "modality=all&min_confidence=0"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request, tmp_path_factory):
    if request.param == "postgresql" and not data.store_conftest.PG_URL:
        pytest.skip("set DATELINE_TEST_PG_URL (see .ci/postgres.sh) to run the PostgreSQL tests")
    b = data.Backend(request.param, tmp_path_factory.mktemp("pages"))
    data.fill(b.url)
    yield b
    b.close()


@pytest.fixture(scope="module")
def api(backend):
    from fastapi.testclient import TestClient

    from dateline.web.app import create_app

    with TestClient(create_app(backend.url, token="")) as c:
        yield c


def get(api, url: str) -> dict:
    r = api.get(url)
    assert r.status_code == 200, r.text
    return r.json()


def walk(api, query: str, limit: int) -> tuple[list[dict], int]:
    """Every page by cursor; the events and the number of pages."""
    events, cursor, pages = [], None, 0
    while True:
        page = get(api, f"/api/events?{query}&limit={limit}" + (f"&cursor={cursor}" if cursor else ""))
        events += page["events"]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            assert len(events) == page["total"]
            return events, pages
        assert len(page["events"]) == limit


def sort_value(event: dict, sort: str):
    return (event["time"] or {}).get("earliest") if sort.lstrip("-") == "date" else event["confidence"]


def expected_order(events: list[dict], sort: str) -> list[str]:
    present = [e for e in events if sort_value(e, sort) is not None]
    missing = sorted((e for e in events if sort_value(e, sort) is None), key=lambda e: e["id"])
    present.sort(key=lambda e: e["id"])
    present.sort(key=lambda e: sort_value(e, sort), reverse=sort.startswith("-"))   # stable: ids stay ascending
    return [e["id"] for e in present + missing]


def test_the_store_has_what_the_orders_need(api):
    events, _ = walk(api, ALL, 1000)
    assert len(events) > 150
    assert None in [sort_value(e, "date") for e in events]          # undated events
    for key in ("date", "confidence"):
        values = [sort_value(e, key) for e in events]
        assert len(set(values)) > 3
        assert len(values) - len(set(values)) > 20          # ties, broken by id


@pytest.mark.parametrize("sort", ["date", "-date", "confidence", "-confidence"])
@pytest.mark.parametrize("limit", [7, 50])
def test_walking_every_page_gives_every_event_once_in_order(api, sort, limit):
    everything = get(api, f"/api/events?{ALL}&limit=1000")
    assert everything["next_cursor"] is None and everything["total"] == len(everything["events"])
    events, pages = walk(api, f"{ALL}&sort={sort}", limit)
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids)) == everything["total"]
    assert pages == -(-everything["total"] // limit)
    assert ids == expected_order(everything["events"], sort)


def test_the_page_cap_stays(api):
    assert error(api, "/api/events?limit=1001")["details"][0]["param"] == "limit"


def test_default_order_is_date_and_offset_still_pages(api):
    first = get(api, f"/api/events?{ALL}&limit=10")
    assert first["sort"] == "date" and first["offset"] == 0 and first["next_cursor"]
    by_cursor = get(api, f"/api/events?{ALL}&limit=10&cursor={first['next_cursor']}")
    by_offset = get(api, f"/api/events?{ALL}&limit=10&offset=10")
    assert [e["id"] for e in by_cursor["events"]] == [e["id"] for e in by_offset["events"]]
    assert by_offset["total"] == first["total"]


def test_a_cursor_is_stable_when_events_are_added(api, backend):
    from dateline.store import open_store

    first = get(api, f"/api/events?{ALL}&limit=25")
    seen = [e["id"] for e in first["events"]]
    store = open_store(backend.url)
    try:
        # new articles dated before everything on the first page: an offset would shift, a cursor does not
        for ex in data.late_extractions():
            store.add(ex)
        rest, _ = walk_from(api, f"{ALL}", 25, first["next_cursor"])
    finally:
        store.close()
    ids = seen + [e["id"] for e in rest]
    assert len(ids) == len(set(ids))
    assert not any(e["id"] in seen for e in rest)
    dates = [sort_value(e, "date") for e in rest]
    assert all(d is None or d >= "2020" for d in dates)     # the new, earlier events are behind the cursor


def walk_from(api, query: str, limit: int, cursor: str):
    events, pages = [], 0
    while cursor:
        page = get(api, f"/api/events?{query}&limit={limit}&cursor={cursor}")
        events += page["events"]
        pages += 1
        cursor = page["next_cursor"]
    return events, pages


def error(api, url: str) -> dict:
    r = api.get(url)
    assert r.status_code == 422, r.text
    return r.json()


def test_a_cursor_of_another_sort_is_a_422(api):
    cursor = get(api, f"/api/events?{ALL}&limit=5&sort=-confidence")["next_cursor"]
    body = error(api, f"/api/events?{ALL}&limit=5&sort=date&cursor={cursor}")
    assert body["details"][0]["param"] == "cursor" and "sort=-confidence" in body["error"]
    assert get(api, f"/api/events?{ALL}&limit=5&sort=-confidence&cursor={cursor}")["events"]


@pytest.mark.parametrize("query, param", [("sort=newest", "sort"), ("cursor=not-a-cursor", "cursor"),
                                          ("cursor=eyJ2IjoxfQ", "cursor"), ("outlet=Daawn", "outlet"),
                                          ("article=art-nope", "article")])
def test_bad_values_name_the_parameter(api, query, param):
    body = error(api, f"/api/events?{query}")
    assert body["details"][0]["param"] == param, body


def test_cursor_and_offset_do_not_mix(api):
    cursor = get(api, f"/api/events?{ALL}&limit=5")["next_cursor"]
    assert error(api, f"/api/events?{ALL}&cursor={cursor}&offset=5")["details"][0]["param"] == "offset"


def outlets_of(event: dict, outlet_of: dict[str, str]) -> set[str]:
    return {outlet_of[m["article_id"]] for m in event["mentions"]}


def test_outlet_and_article_filters(api):
    exs = data.extractions()
    outlet_of = {ex.article.id: ex.article.outlet for ex in exs + data.late_extractions()}
    every = get(api, f"/api/events?{ALL}&limit=1000&mentions=true")["events"]
    for outlet in data.OUTLETS:
        want = {e["id"] for e in every if outlet in outlets_of(e, outlet_of)}
        got, _ = walk(api, f"{ALL}&outlet={outlet.upper()}", 20)
        assert {e["id"] for e in got} == want and 0 < len(want) < len(every)
    assert "did you mean Dawn?" in error(api, "/api/events?outlet=Daawn")["error"]
    article = exs[5].article.id
    want = {e["id"] for e in every if any(m["article_id"] == article for m in e["mentions"])}
    got = get(api, f"/api/events?{ALL}&article={article}")
    assert {e["id"] for e in got["events"]} == want and got["total"] == len(want) >= 1
    both = get(api, f"/api/events?{ALL}&article={article}&outlet={data.OUTLETS[0]}")
    assert both["total"] == (len(want) if exs[5].article.outlet == data.OUTLETS[0] else
                             len({i for i in want if data.OUTLETS[0] in outlets_of(
                                 next(e for e in every if e["id"] == i), outlet_of)}))
