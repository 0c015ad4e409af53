"""POST /api/articles: off without a token, then only with the right bearer token; real extraction."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

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
    # every candidate is stored; the read's default threshold is not under test here
    stored = writer.get("/api/events?dyad=PAK-RUS&min_confidence=0").json()
    assert stored["total"] == len(body["events"])
    assert writer.get("/api/countries").json()[0]["iso3"] in {"PAK", "RUS"}   # pickers see the new pair
    again = writer.post("/api/articles", json={"text": TEXT, "published": "2025-04-18", "outlet": "Test Wire"},
                        headers=AUTH).json()
    assert again["added"]["status"] != "added"                              # idempotent by content
    assert writer.get("/api/events?dyad=PAK-RUS&min_confidence=0").json()["total"] == stored["total"]


def test_post_html_reads_the_page_text(writer):
    r = writer.post("/api/articles", json={"html": HTML, "published": "2025-04-18"}, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["article"]["title"] == "Trade talks"
    assert any(e["type"] == "AGREE" for e in body["events"])
    for e in body["events"]:
        for m in e["mentions"]:
            assert "<p>" not in m["sentence"]


# -- the same ingest rules as `dateline ingest` --------------------------------------------------
def stored(client) -> dict:
    return client.app.state.ctx.store.status()


def test_undated_article_is_refused_and_nothing_stored(writer):
    r = writer.post("/api/articles", json={"text": TEXT}, headers=AUTH)
    assert r.status_code == 422, r.text
    assert r.json() == {"error": "no publication date found; send published=YYYY-MM-DD or allow_undated=true"}
    st = stored(writer)
    assert (st.articles, st.events, st.articles_failed) == (0, 0, 0)


def test_allow_undated_stores_the_article(writer):
    r = writer.post("/api/articles", json={"text": TEXT, "allow_undated": True}, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["article"]["published"] is None
    agree = [e for e in body["events"] if e["type"] == "AGREE"]
    assert agree and agree[0]["time"]["value"] is None     # "on Thursday" has no anchor
    assert stored(writer).articles == 1


@pytest.mark.parametrize("error,status", [
    (ValueError("[E088] Text of length 1200000 exceeds maximum of 1000000."), 422),   # the article's fault
    (RuntimeError("matcher state corrupted"), 500),                                  # ours
])
def test_extraction_failure_is_recorded_and_answered_as_json(writer, pipeline, monkeypatch, error, status):
    def broken(article):
        raise error

    monkeypatch.setattr(pipeline, "extract", broken)
    r = writer.post("/api/articles", json={"text": TEXT, "published": "2025-04-18", "url": "https://news.example/9"},
                    headers=AUTH)
    assert r.status_code == status, r.text
    message = r.json()["error"]
    assert message.startswith(f"extraction failed: {type(error).__name__}: {error}")
    assert "https://news.example/9" in message and "Traceback" not in message and "\n" not in message
    st = stored(writer)
    assert st.articles == 0 and st.events == 0 and st.articles_failed == 1
    [failure] = st.failures
    assert failure.source == "https://news.example/9"
    assert failure.error == f"extraction failed: {type(error).__name__}: {error}"
    listed = writer.get("/api/status").json()["failures"]
    assert [f["source"] for f in listed] == ["https://news.example/9"]


def test_failures_without_url_are_kept_per_article(writer, pipeline, monkeypatch):
    def broken(article):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "extract", broken)
    for text in (TEXT, "Russia and Pakistan signed an energy deal."):
        assert writer.post("/api/articles", json={"text": text, "published": "2025-04-18"},
                           headers=AUTH).status_code == 500
    sources = {f.source for f in stored(writer).failures}
    assert len(sources) == 2 and all(s.startswith("<api:") for s in sources)


def test_concurrent_posts_both_succeed_one_extraction_at_a_time(writer, pipeline, monkeypatch):
    real_extract = pipeline.extract
    active, most = [0], [0]
    guard = threading.Lock()

    def watched(article):
        with guard:
            active[0] += 1
            most[0] = max(most[0], active[0])
        try:
            time.sleep(0.2)           # long enough for the other request to arrive
            return real_extract(article)
        finally:
            with guard:
                active[0] -= 1

    monkeypatch.setattr(pipeline, "extract", watched)
    texts = [TEXT, "Russia and Pakistan signed an agreement on Friday to build a gas pipeline."]
    barrier = threading.Barrier(len(texts))

    def post(text: str):
        barrier.wait()
        return writer.post("/api/articles", json={"text": text, "published": "2025-04-18"}, headers=AUTH)

    with ThreadPoolExecutor(max_workers=len(texts)) as pool:
        responses = list(pool.map(post, texts))
    assert [r.status_code for r in responses] == [201, 201], [r.text for r in responses]
    assert all(r.json()["events"] for r in responses)
    assert most[0] == 1                              # the shared spaCy pipeline never ran twice at once
    assert stored(writer).articles == 2


def test_a_stored_text_posted_with_a_date_extraction_fails_on_is_422_and_records_nothing(writer, pipeline,
                                                                                         monkeypatch):
    body = {"text": TEXT, "published": "2025-04-18", "url": "https://news.example/7"}
    assert writer.post("/api/articles", json=body, headers=AUTH).status_code == 201
    real_extract = pipeline.extract

    def fails_on_year_one(article):   # how "on Thursday" with published=0001-01-01 used to crash
        if article.published.year == 1:
            raise OverflowError("date value out of range")
        return real_extract(article)

    monkeypatch.setattr(pipeline, "extract", fails_on_year_one)
    r = writer.post("/api/articles", json=body | {"published": "0001-01-01"}, headers=AUTH)
    assert r.status_code == 422, r.text
    message = r.json()["error"]
    assert message.startswith("extraction failed: OverflowError: date value out of range [published 0001-01-01]")
    assert "is kept as it was and no failure is recorded" in message
    st = stored(writer)
    assert (st.articles, st.articles_failed, st.failures) == (1, 0, [])
    article_id = message.split("the stored article ")[1].split()[0]
    assert writer.get(f"/api/articles/{article_id}").json()["published"] == "2025-04-18"
