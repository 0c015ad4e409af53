"""POST /api/articles: off without a token, then only with the right bearer token; real extraction."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dateline.web.app import create_app

TEXT = "Pakistan and Russia agreed on Thursday to expand trade."
HTML = ("<html><head><title>Trade talks</title></head><body><article><h1>Trade talks</h1>"
        f"<p>{TEXT}</p><p>Officials from both sides welcomed the step.</p></article></body></html>")


@pytest.fixture
def empty_store(tmp_path):
    return str(tmp_path / "ingest.db")


@pytest.fixture
def writer(empty_store, pipeline, monkeypatch):
    monkeypatch.delenv("DATELINE_API_TOKEN", raising=False)
    app = create_app(empty_store, token="s3cret")
    app.state.ctx._pipeline = pipeline      # reuse the session's pipeline: loading spaCy is slow
    with TestClient(app) as c:
        yield c


def test_writes_are_off_without_a_token(empty_store, monkeypatch):
    monkeypatch.delenv("DATELINE_API_TOKEN", raising=False)
    with TestClient(create_app(empty_store)) as c:
        r = c.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403
    assert "write endpoints are disabled" in r.json()["error"]


def test_token_from_the_environment(empty_store, monkeypatch):
    monkeypatch.setenv("DATELINE_API_TOKEN", "from-env")
    with TestClient(create_app(empty_store)) as c:
        r = c.post("/api/articles", json={}, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401


@pytest.mark.parametrize("headers,message", [
    ({}, "missing token"),
    ({"Authorization": "s3cret"}, "missing token"),
    ({"Authorization": "Basic czNjcmV0"}, "missing token"),
    ({"Authorization": "Bearer s3cre"}, "invalid token"),
    ({"Authorization": "Bearer s3cret-and-more"}, "invalid token"),
])
def test_writes_need_the_right_bearer_token(writer, headers, message):
    r = writer.post("/api/articles", json={"text": TEXT}, headers=headers)
    assert r.status_code == 401
    assert message in r.json()["error"]
    assert r.headers["www-authenticate"].startswith("Bearer")


AUTH = {"Authorization": "Bearer s3cret"}


@pytest.mark.parametrize("body,where", [
    ({}, "exactly one of 'text' or 'html'"),
    ({"text": "  "}, "exactly one of 'text' or 'html'"),
    ({"text": TEXT, "html": HTML}, "exactly one of 'text' or 'html'"),
    ({"text": TEXT, "published": "18 April"}, "published"),
    ({"text": 42}, "text"),
])
def test_bad_bodies_answer_422(writer, body, where):
    r = writer.post("/api/articles", json=body, headers=AUTH)
    assert r.status_code == 422, r.text
    assert where in r.json()["error"]


def test_post_text_returns_and_stores_its_events(writer):
    r = writer.post("/api/articles", json={"text": TEXT, "published": "2025-04-18", "outlet": "Test Wire",
                                           "url": "https://news.example/1"}, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"]["status"] == "added"
    agree = [e for e in body["events"] if e["type"] == "AGREE"]
    assert agree, body["events"]
    assert agree[0]["time"]["value"] == "2025-04-17"
    assert {a["country"] for a in agree[0]["actors"]} == {"PAK", "RUS"}
    assert body["article"]["outlet"] == "Test Wire" and body["article"]["url"] == "https://news.example/1"
    stored = writer.get("/api/events?dyad=PAK-RUS").json()
    assert stored["total"] == len(body["events"])
    assert writer.get("/api/countries").json()[0]["iso3"] in {"PAK", "RUS"}   # pickers see the new pair
    again = writer.post("/api/articles", json={"text": TEXT, "published": "2025-04-18", "outlet": "Test Wire"},
                        headers=AUTH).json()
    assert again["added"]["status"] != "added"                              # idempotent by content
    assert writer.get("/api/events?dyad=PAK-RUS").json()["total"] == stored["total"]


def test_post_html_reads_the_page_text(writer):
    r = writer.post("/api/articles", json={"html": HTML, "published": "2025-04-18"}, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["article"]["title"] == "Trade talks"
    assert any(e["type"] == "AGREE" for e in body["events"])
    for e in body["events"]:
        for m in e["mentions"]:
            assert "<p>" not in m["sentence"]
