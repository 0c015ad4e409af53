"""/docs is Swagger UI from the pinned swagger-ui-py package: the page, its assets and its
start-up script come from this server, with no inline script; a browser loads it without one request
leaving 127.0.0.1 and can run a request from it."""
from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def test_docs_is_swagger_ui_served_from_here(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text) is None       # no inline script
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/") for s in sources), sources
    for src in sources:
        r = client.get(src)
        assert r.status_code == 200 and r.content, src
    assert "SwaggerUIBundle" in client.get("/docs/assets/swagger-ui-bundle.js").text
    init = client.get("/docs/init.js").text
    assert '"/openapi.json"' in init and "validatorUrl: null" in init


def test_only_the_needed_assets_are_served(client):
    assert client.get("/docs/assets/index.html").status_code == 404
    assert client.get("/docs/assets/swagger-editor-bundle.js").status_code == 404
    assert client.get("/docs/assets/..%2F__init__.py").status_code == 404


def test_swagger_ui_is_pinned():
    from importlib.metadata import version

    pins = (Path(__file__).resolve().parents[2] / "requirements.txt").read_text(encoding="utf-8")
    assert f"swagger-ui-py=={version('swagger-ui-py')}" in pins.splitlines()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(store_path):
    import uvicorn

    from dateline.web.app import create_app

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(store_path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.mark.browser
@pytest.mark.slow
def test_docs_runs_offline_in_a_browser(server):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_page()
            outside: list[str] = []
            errors: list[str] = []
            page.on("request", lambda req: outside.append(req.url)
                    if not req.url.startswith("http://127.0.0.1") else None)
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.goto(f"{server}/docs")
            events = page.locator("#operations-default-events_api_events_get")
            events.wait_for(timeout=15000)
            assert page.locator(".opblock").count() >= 10
            events.locator(".opblock-summary").click()
            page.locator("#operations-default-events_api_events_get .try-out__btn").click()
            page.locator("#operations-default-events_api_events_get .execute").click()
            body = page.locator("#operations-default-events_api_events_get .live-responses-table .microlight").first
            body.wait_for(timeout=15000)
            assert '"next_cursor"' in body.inner_text()
            assert outside == [], f"the page fetched from elsewhere: {outside}"
            assert errors == [], errors
        finally:
            browser.close()
