"""The dashboard in headless Chromium: the reference article's events on the PAK–RUS timeline, their
evidence one click away, and article markup shown as text. Saves docs/img/dashboard.png."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

import dyad_data
from shared_data import REFERENCE_ARTICLE, REPO, needs_shared

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = REPO / "docs" / "img" / "dashboard.png"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# expected.md, one row per event: allowed PLOVER types and words of an evidence sentence (the
# article prints curly apostrophes, so the words avoid them)
EXPECTED = [
    (1, {"CONSULT"}, "Deputy Foreign Minister Sergei Ryabkov"),
    (2, {"AGREE"}, "agreed to advance multidimensional partnership"),
    (3, {"AGREE", "SUPPORT"}, "strong commitment to its ties with Russia"),
    (4, {"CONSULT"}, "is visiting Islamabad to lead"),
    (5, {"CONSULT"}, "liquefied natural gas"),
    (6, {"CONSULT"}, "9th session of the Pakistan-Russia Inter-Governmental Commission"),
    (7, {"SUPPORT", "AGREE"}, "signing of eight agreements"),
    (8, {"CONSULT"}, "Mikhail Mishustin"),
    (9, {"CONSULT"}, "Overchuk"),
    (10, {"COOPERATE"}, "joint exercises"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    """uvicorn in a thread over a store of the reference article, the shipped samples and a hostile article."""
    import uvicorn

    from dateline.ingest import InputError, read_inputs, sample_paths
    from dateline.store import open_store
    from dateline.web.app import create_app

    db = str(tmp_path_factory.mktemp("browser") / "store.db")
    store = open_store(db)
    articles = [a for a in read_inputs([needs_shared(REFERENCE_ARTICLE), *sample_paths()])
                if not isinstance(a, InputError)]
    assert len(articles) >= 5
    for extraction in pipeline.extract_many(articles):
        store.add(extraction)
    store.add(dyad_data.hostile_markup())
    store.close()

    port = free_port()
    # the page shows every candidate unless a test sets the confidence box: these tests check what is drawn,
    # not the shipped threshold (tests/analysis/test_file_views.py, tests/test_cli_extract.py)
    every = pytest.MonkeyPatch()
    every.setenv("DATELINE_MIN_CONFIDENCE", "0")
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
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
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    outside: list[str] = []
    pg.on("request", lambda req: outside.append(req.url) if not req.url.startswith("http://127.0.0.1") else None)
    yield pg
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"
    assert outside == [], f"the page fetched from elsewhere: {outside}"


def pak_rus_events(page, base) -> list[dict]:
    return page.request.get(f"{base}/api/events?dyad=PAK-RUS&mentions=true&limit=1000").json()["events"]


def find(events, types, words):
    return [e for e in events if e["type"] in types and any(words in m["sentence"] for m in e["mentions"])]


def open_pair(page, base):
    page.goto(f"{base}/")
    page.wait_for_selector("#country-a option", state="attached")
    page.select_option("#country-a", "PAK")
    page.select_option("#country-b", "RUS")
    page.click("#picker button[type=submit]")
    page.wait_for_selector("body[data-loaded='PAK-RUS']")
    page.wait_for_selector("#timeline circle.dot")


def test_reference_events_on_the_timeline_with_evidence(page, server):
    open_pair(page, server)
    assert page.inner_text("#title") == "Pakistan – Russia"
    events = pak_rus_events(page, server)
    on_timeline = set(page.eval_on_selector_all("#timeline circle.dot", "els => els.map(e => e.dataset.eventId)"))
    missing = []
    for row, types, words in EXPECTED:
        found = find(events, types, words)
        if not found or not any(e["id"] in on_timeline for e in found):
            missing.append((row, sorted(types), words))
    assert missing == [], f"expected.md events not on the timeline: {missing}"

    # open the agreement of 17 April and read its evidence, trigger and actors highlighted
    agree = find(events, {"AGREE"}, "agreed to advance multidimensional partnership")[0]
    page.click(f"#timeline circle.dot[data-event-id='{agree['id']}']")
    page.wait_for_selector("#evidence .mention")
    evidence = page.inner_text("#evidence")
    assert "agreed to advance multidimensional partnership" in evidence
    assert "2025-04-17" in evidence
    assert page.inner_text("#evidence .mention mark.trigger").lower().startswith("agree")
    assert page.locator("#evidence .mention mark.actor").count() >= 1

    # the rest of the page is filled in
    assert page.locator("#index-chart rect.bar-pos").count() >= 1
    assert page.locator("#dimensions .hbars .name").count() >= 3
    assert "Ishaq Dar" in page.inner_text("#actors")
    assert "trade volume" in page.inner_text("#facts")

    # the joint-exercises event has no date, so the header says the index leaves it out, with its own mean
    exercises = find(events, {"COOPERATE"}, "joint exercises")
    assert exercises and all(not (e.get("time") or {}).get("value") for e in exercises)
    totals = page.request.get(f"{server}/api/dyads/PAK/RUS/summary").json()["totals"]
    assert totals["undated"] >= 1 and totals["undated_index"] is not None
    assert page.inner_text("#index-note") == (
        f"dated events · {totals['undated']} undated ({signed(totals['undated_index'])}) not included")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20_000

    # a period never holds undated events, so the note goes away
    page.fill("#start", "2025")
    page.fill("#end", "2025")
    page.click("#picker button[type=submit]")
    page.wait_for_selector("#index-note", state="detached")
    assert "coop.–conflict index" in page.inner_text("#stats")


def signed(x: float) -> str:
    """The dashboard's one-decimal score: '+7.0', '-2.5', '0.0'."""
    return f"{x:+.1f}" if x else "0.0"


def test_article_markup_shows_as_text_and_never_runs(page, server):
    open_pair(page, server)
    events = pak_rus_events(page, server)
    hostile = find(events, {"SUPPORT"}, "<script>window.__xss = 1</script>")
    assert hostile, "the hostile article's event is not in the store"
    page.click(f"#timeline circle.dot[data-event-id='{hostile[0]['id']}']")
    page.wait_for_selector("#evidence .mention")
    text = page.inner_text("#evidence .sentence")
    assert dyad_data.XSS_MARKUP in text                      # every character shown, as text
    assert page.locator("#evidence b, #evidence img, #evidence script, #evidence i").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0   # the javascript: source URL is no link
    assert "Odd <Outlet>" in page.inner_text("#evidence .source")
    page.click("#evidence details summary")                   # the full article, also as text
    page.wait_for_selector("#evidence .article-text mark")
    assert dyad_data.XSS_MARKUP in page.inner_text("#evidence .article-text")
    assert dyad_data.XSS_MARKUP[:40] in page.inner_text("#event-list")
    assert page.evaluate("window.__xss") is None
