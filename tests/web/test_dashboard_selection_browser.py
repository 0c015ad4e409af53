"""The dashboard's modality and confidence controls in headless Chromium: the default counts asserted
events only and says so; "all" brings the negated, hypothetical and announced ones back; a threshold
hides the low-confidence event, on the headline, the timeline and the list alike."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

import selection_data

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from dateline.web.app import create_app

    db = str(tmp_path_factory.mktemp("selection-browser") / "store.db")
    selection_data.fill(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # the page shows every candidate unless a test sets the confidence box: these tests check what is drawn,
    # not the shipped threshold (tests/analysis/test_file_views.py, tests/test_cli_extract.py)
    every = pytest.MonkeyPatch()
    every.setenv("DATELINE_MIN_CONFIDENCE", "0")
    srv = uvicorn.Server(uvicorn.Config(create_app(db, token=""), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    every.undo()


@pytest.fixture
def page(server):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        pg = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        yield pg
        browser.close()
    assert errors == [], f"JavaScript errors: {errors}"


def shown(page) -> tuple[str, int, int, str]:
    """(events stat, timeline dots, list rows, the 'Counting ...' line)."""
    return (page.inner_text("#stats .stat b >> nth=0"), page.locator("#timeline circle.dot").count(),
            page.locator("#event-list tbody tr").count(), page.inner_text("#included"))


def reload(page, modality: str, confidence: str = "") -> None:
    """Set both controls, as a user would, then wait for the page to show that choice."""
    page.evaluate("delete document.body.dataset.loaded")
    page.select_option("#modality", modality)      # (loads at once)
    page.fill("#min-confidence", confidence)
    page.dispatch_event("#min-confidence", "change")   # (loads again: this answer is the one shown)
    page.wait_for_selector("body[data-loaded='PAK-RUS']:not([aria-busy])")


def test_modality_and_confidence_controls(page, server):
    page.goto(f"{server}/#PAK-RUS")
    page.wait_for_selector("body[data-loaded='PAK-RUS']")
    events, dots, rows, included = shown(page)
    assert (events, dots, rows) == ("2", 2, 2)
    assert included == "Counting asserted events · 1 announced not counted."
    assert page.inner_text(".timeline-card .included") == "Counting asserted events."
    assert page.inner_text(".list-card .included") == "Counting asserted events."

    reload(page, "all")
    events, dots, rows, included = shown(page)
    assert (events, dots, rows) == ("5", 5, 5) and included == "Counting all events."

    reload(page, "asserted", "0.5")
    events, dots, rows, included = shown(page)
    assert (events, dots, rows) == ("1", 1, 1)
    assert included.startswith("Counting asserted events, confidence ≥ 0.5")

    reload(page, "negated", "0")
    events, dots, rows, _ = shown(page)
    assert (events, dots, rows) == ("1", 1, 1)
    assert "AGREE" in page.inner_text("#event-list")
