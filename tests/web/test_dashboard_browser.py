"""The dashboard in headless Chromium: the reference article's events on the PAK–RUS timeline, their
evidence one click away, and article markup shown as text. Saves docs/img/dashboard.png."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

import dyad_data
from shared_data import REFERENCE_ARTICLE, REPO, needs_shared

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = REPO / "docs" / "img" / "dashboard.png"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser, pytest.mark.slow]

G7_STATEMENT = "The G7 condemned Russia on Monday for its attacks on Ukrainian power plants, a statement said."
DESKTOP = {"width": 1400, "height": 900}
PHONE_SIZE = {"width": 390, "height": 844}
CARDS = (".timeline-card", ".index-card", ".registers-card", ".partners-card", ".direction-card", ".mix-card",
         ".actors-card", ".facts-card", ".list-card", ".evidence-card")

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
    from datetime import date

    from dateline.ingest import read_text
    store.add(pipeline.extract(read_text(G7_STATEMENT, published=date(2025, 3, 14))))   # a collective actor
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


@contextmanager
def watched_page(browser, viewport: dict):
    """A page of its own browser context (a touch screen below 600 px wide); when it closes, it must
    have raised no JavaScript error and fetched nothing from anywhere but the local server."""
    phone = viewport["width"] < 600
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    outside: list[str] = []
    pg.on("request", lambda req: outside.append(req.url) if not req.url.startswith("http://127.0.0.1") else None)
    yield pg
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"
    assert outside == [], f"the page fetched from elsewhere: {outside}"


@pytest.fixture
def page(browser):
    with watched_page(browser, DESKTOP) as pg:
        yield pg


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


# --- the relationship file panel (GET /api/dyads/A/B/file), downloads, direction, partners, layout ---

REGISTERS = REPO / "docs" / "img" / "dashboard-registers.png"
PHONE = REPO / "docs" / "img" / "dashboard-phone.png"


def register_rows(page, part: str) -> list[list[str]]:
    """The cells of one register's rows as shown (part: visits, agreements, mechanisms, figures)."""
    return page.eval_on_selector_all(f"#reg-{part} tbody tr",
                                     "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))")


def wait_file(page):
    page.wait_for_selector("body[data-loaded='PAK-RUS']:not([aria-busy])")
    page.wait_for_selector("#reg-mechanisms")


def test_registers_panel_on_the_reference_article(page, server):
    open_pair(page, server)
    wait_file(page)

    # mechanisms: each mechanism's sessions in order, the unreported numbers in a row of their own before them
    rows = register_rows(page, "mechanisms")
    names = [r[0] for r in rows]
    csg = names.index("Consultative Group on Strategic Stability")
    assert rows[csg][1] == "not reported: 1–14"
    assert rows[csg + 1][1:4] == ["15th round", "2025-04-17", "Islamabad, Pakistan"]
    igc = names.index("Inter-Governmental Commission")
    assert rows[igc][1] == "not reported: 1–8"
    session9 = rows[igc + 1]
    assert session9[1:4] == ["9th session", "2024", "Moscow, Russia"] and session9[5] == "8 agreements signed"

    # visits: Ryabkov on 17 April 2025, Mishustin and Overchuk in 2024 (the samples give the day), all to Islamabad
    visits = {r[1]: r for r in register_rows(page, "visits")}
    ryabkov = visits["Deputy Foreign Minister Sergei Ryabkov"]
    assert ryabkov[0] == "2025-04-17" and ryabkov[2] == "RUS → PAK" and ryabkov[3] == "Islamabad, Pakistan"
    assert "15th round of the Consultative Group on Strategic Stability" in ryabkov[4]
    for who in ("Prime Minister Mikhail Mishustin", "Deputy Prime Minister Alexei Overchuk"):
        assert visits[who][0].startswith("2024") and visits[who][3] == "Islamabad, Pakistan", visits[who]

    # agreements: the eight signed at the IGC; figures: trade above $1 billion in 2024, with its sentence
    signed_rows = [r for r in register_rows(page, "agreements") if r[1] == "signed" and r[3] == "8"]
    assert signed_rows and "9th session of the Inter-Governmental Commission" in signed_rows[0][6]
    figures = {(r[0], r[1]): r for r in register_rows(page, "figures")}
    trade = figures[("trade volume", "2024")]
    assert trade[2] == "more than 1 bn USD" and trade[3] == "actual"
    page.click("#reg-figures tbody tr:has-text('trade volume') summary")
    assert "bilateral trade crossed the $1 billion mark" in page.inner_text("#reg-figures")

    # the panel reads the file endpoint with the page's selection, and says what it counts
    api = page.request.get(f"{server}/api/dyads/PAK/RUS/file?modality=asserted").json()
    assert page.inner_text("#registers-included").startswith(f"Counting {api['selection']['label']} (")
    buttons = page.eval_on_selector_all("#reg-mechanisms tbody tr button", "bs => bs.map(b => b.dataset.eventId)")
    [igc_api] = [m for m in api["mechanisms"] if m["name"] == "Inter-Governmental Commission"]
    assert set(igc_api["sessions"][0]["event_ids"]) <= set(buttons)

    # each row opens its evidence: the 9th session's sentence in the evidence panel
    page.locator("#reg-mechanisms tbody tr", has_text="9th session").locator("button").first.click()
    page.wait_for_selector("#evidence .mention")
    assert "session of the Pakistan-Russia Inter-Governmental Commission" in page.inner_text("#evidence")
    page.evaluate("document.querySelector('.bar').style.position = 'static'")   # the sticky bar would cover it
    page.locator("#registers-card").screenshot(path=str(REGISTERS))
    assert REGISTERS.stat().st_size > 20_000


def test_registers_follow_the_selection(page, server):
    open_pair(page, server)
    wait_file(page)
    assert len(register_rows(page, "visits")) == len(
        page.request.get(f"{server}/api/dyads/PAK/RUS/file?modality=asserted").json()["visits"]) >= 3
    page.evaluate("delete document.body.dataset.loaded")
    page.select_option("#modality", "negated")
    wait_file(page)
    negated = page.request.get(f"{server}/api/dyads/PAK/RUS/file?modality=negated").json()
    assert len(negated["visits"]) < 3 and page.locator("#reg-visits tbody tr").count() == len(negated["visits"])
    assert page.inner_text("#registers-included").startswith(f"Counting {negated['selection']['label']} (")

    page.evaluate("delete document.body.dataset.loaded")
    page.select_option("#modality", "asserted")
    page.fill("#min-confidence", "0.9")
    page.dispatch_event("#min-confidence", "change")
    wait_file(page)
    high = page.request.get(f"{server}/api/dyads/PAK/RUS/file?modality=asserted&min_confidence=0.9").json()
    assert page.inner_text("#registers-included").startswith(f"Counting {high['selection']['label']} (")
    assert "confidence ≥ 0.9" in high["selection"]["label"]
    for part in ("visits", "agreements"):
        assert page.locator(f"#reg-{part} tbody tr").count() == len(high[part]), part


def test_register_markup_shows_as_text(page, server):
    open_pair(page, server)
    wait_file(page)
    hostile = [r for r in register_rows(page, "agreements") if r[0] == "2025-03-10"]
    assert hostile and hostile[0][2].startswith("a memorandum <script>"), hostile
    assert page.locator("#registers script, #registers b, #registers img, #registers i").count() == 0
    assert page.evaluate("window.__xss") is None


def test_visits_by_direction_and_the_directed_split(page, server):
    open_pair(page, server)
    wait_file(page)
    everyone = [r[1] for r in register_rows(page, "visits")]
    assert "Prime Minister Imran Khan" in everyone and "Deputy Foreign Minister Sergei Ryabkov" in everyone
    page.select_option("#direction", "RUS>PAK")
    to_pak = register_rows(page, "visits")
    assert to_pak and all(r[2] == "RUS → PAK" for r in to_pak) and len(to_pak) < len(everyone)
    page.select_option("#direction", "PAK>RUS")
    assert [r[1] for r in register_rows(page, "visits")] == ["Prime Minister Imran Khan"]

    def total(frm, to, quad=""):
        q = f"&quad_class={quad}" if quad else ""
        return page.request.get(f"{server}/api/events?dyad={frm}-{to}&directed=true&modality=asserted{q}&limit=1").json()["total"]

    for frm, to in (("PAK", "RUS"), ("RUS", "PAK")):
        cells = page.eval_on_selector(f"#directed tr[data-direction='{frm}>{to}']",
                                      "r => [...r.cells].slice(1).map(c => c.innerText)")
        assert cells == [str(total(frm, to)), str(total(frm, to, "1,2")), str(total(frm, to, "3,4"))]
        assert int(cells[0]) >= 1


def test_partners_ranked_and_opened(page, server):
    open_pair(page, server)
    wait_file(page)
    partners = page.request.get(f"{server}/api/countries/PAK/partners?modality=asserted&limit=10").json()
    shown = page.eval_on_selector_all("#partners button", "bs => bs.map(b => b.dataset.partner)")
    assert shown == [p["country"] for p in partners] and shown[0] == "RUS"
    # the network: a line per pair of the API's network, the current pair marked; a line opens its pair
    net = page.request.get(f"{server}/api/network?modality=asserted&limit=60").json()
    lines = set(page.eval_on_selector_all("#network line.edge", "ls => ls.map(l => l.dataset.pair)"))
    assert {f"{e['source']}-{e['target']}" for e in net["edges"]} >= lines and "PAK-RUS" in lines and len(lines) >= 3
    assert page.get_attribute("#network line.current", "data-pair") == "PAK-RUS"
    far = next(p for p in lines if "PAK" not in p)
    page.dispatch_event(f"#network line[data-pair='{far}']", "click")
    page.wait_for_selector(f"body[data-loaded='{far}']")
    page.goto(f"{server}/#PAK-RUS")
    page.reload()
    wait_file(page)

    other = next(p["country"] for p in partners if p["country"] != "RUS")
    page.click(f"#partners button[data-partner='{other}']")
    page.wait_for_selector(f"body[data-loaded='PAK-{other}']")
    assert page.url.endswith(f"#PAK-{other}")


def test_downloads_are_what_is_shown(page, server):
    import csv
    import io
    import xml.etree.ElementTree as ET

    open_pair(page, server)
    wait_file(page)
    with page.expect_download() as dl:
        page.click("#reg-mechanisms button.dl")
    assert dl.value.suggested_filename == "PAK-RUS-mechanisms.csv"
    rows = list(csv.reader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
    assert rows[0] == ["mechanism", "session", "date", "venue", "people", "outcome", "articles", "evidence"]
    assert ["Consultative Group on Strategic Stability", "not reported: 1–14"] == rows[1][:2]
    assert rows[2][1:4] == ["15th round", "2025-04-17", "Islamabad, Pakistan"] and rows[2][7].startswith("evt-")

    with page.expect_download() as dl:
        page.click("#reg-agreements button.dl")
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    assert "a memorandum <script>window" in text          # the store's text, as it is shown

    with page.expect_download() as dl:
        page.click(".timeline-card button.dl")
    assert dl.value.suggested_filename == "PAK-RUS-timeline.svg"
    root = ET.fromstring(Path(dl.value.path()).read_bytes())
    circles = root.findall(".//{http://www.w3.org/2000/svg}circle")
    assert len(circles) == page.locator("#timeline circle.dot").count() >= 10
    assert all(c.get("fill", "").startswith(("#", "rgb")) for c in circles)

    # a cell that would run as a spreadsheet formula is quoted as text; numbers and commas stay what they are
    csv_text = page.evaluate("""async () => { const { tableCSV } = await import('/static/js/download.js');
        const t = document.createElement('table'); const r = t.insertRow();
        for (const v of ['=HYPERLINK("x")', '+7', '-2.5', '@SUM(A1)', 'a, b']) r.insertCell().textContent = v;
        return tableCSV(t); }""")
    assert next(csv.reader(io.StringIO(csv_text))) == ["'=HYPERLINK(\"x\")", "+7", "-2.5", "'@SUM(A1)", "a, b"]


def test_display_defects_fixed(page, server):
    open_pair(page, server)
    wait_file(page)
    # the sticky evidence panel sits beside the cards, never over the list's last column
    page.locator("#event-list tbody tr").last.scroll_into_view_if_needed()
    evidence, last_col = page.locator("#evidence").bounding_box(), page.locator("#event-list th").last.bounding_box()
    assert evidence["x"] >= last_col["x"] + last_col["width"], (evidence, last_col)
    # the first year of the axis is labelled (the earliest event is of 2016)
    labels = page.eval_on_selector_all("#timeline .axis text", "ts => ts.map(t => t.textContent)")
    assert "2016" in labels, labels
    # a week-dated event spans its week, not its month
    span = page.evaluate("""async () => { const { eventRange } = await import('/static/js/charts.js');
        const [a, b] = eventRange({ granularity: 'week', day: '2025-03-10', month: '2025-03', year: 2025 });
        return (b - a) / 86400000; }""")
    assert span == 6


def test_phone_layout(browser, server):
    with watched_page(browser, PHONE_SIZE) as pg:
        open_pair(pg, server)
        wait_file(pg)
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390
        # the registers and the network are there on a phone too, inside the screen's width
        assert pg.locator("#reg-mechanisms tr.gap", has_text="not reported: 1–14").count() == 1
        for card in (".registers-card", ".partners-card", ".direction-card", ".index-card"):
            box = pg.locator(card).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (card, box)
        assert pg.locator("#network line.edge").count() >= 1
        row = pg.locator("#event-list tbody tr").first
        row.scroll_into_view_if_needed()
        row.tap()
        pg.wait_for_selector("#evidence .mention")
        # the panel sits below the list on a phone: the tap scrolls it into view
        pg.wait_for_function("() => { const r = document.getElementById('evidence').getBoundingClientRect();"
                             " return r.top >= -1 && r.top < innerHeight / 2; }")
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390
        pg.screenshot(path=str(PHONE))


def test_short_period_by_week_and_day(page, server):
    open_pair(page, server)
    wait_file(page)
    assert page.locator(".toggle button.finer:visible").count() == 0     # all time: months and years only
    page.evaluate("delete document.body.dataset.loaded")
    page.fill("#start", "2025-03")
    page.fill("#end", "2025-04")
    page.click("#picker button[type=submit]")
    wait_file(page)
    assert page.get_attribute("button[data-interval=week]", "aria-pressed") == "true"
    weeks = page.eval_on_selector_all("#index-chart rect.bar-count title", "ts => ts.map(t => t.textContent)")
    assert weeks[0].startswith("week of 2025-03-10") and any(w.startswith("week of 2025-04-14: ") for w in weeks)
    page.click("button[data-interval=day]")
    days = page.eval_on_selector_all("#index-chart rect.bar-pos title", "ts => ts.map(t => t.textContent)")
    assert any(d.startswith("2025-04-17: index +") for d in days), days
    assert page.eval_on_selector_all("#index-chart .axis-title", "ts => ts.map(t => t.textContent)") == ["index", "events"]


def assert_fits(pg, width: int, view: str) -> None:
    """No horizontal scrolling, and every card of the page inside the screen's width."""
    assert pg.evaluate("document.documentElement.scrollWidth") <= width, view
    for card in CARDS:
        box = pg.locator(card).bounding_box()
        assert box is not None, (view, card)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (view, card, box)


@pytest.mark.parametrize("size", [DESKTOP, PHONE_SIZE], ids=["1400x900", "390x844"])
def test_every_view_fits_the_screen(browser, server, size):
    """Each view of the dashboard, at the desktop and the phone size: the dyad page with its registers,
    the country overview (partners and network), the directed split, a short period by week and by day,
    an event's evidence."""
    with watched_page(browser, size) as pg:
        phone = size["width"] < 600
        open_pair(pg, server)
        wait_file(pg)
        assert pg.locator("#reg-visits tbody tr").count() >= 1 and pg.locator("#partners button").count() >= 1
        assert pg.locator("#network line.edge").count() >= 1
        assert_fits(pg, size["width"], "dyad page")
        pg.select_option("#direction", "RUS>PAK")
        assert all(r[2] == "RUS → PAK" for r in register_rows(pg, "visits"))
        assert_fits(pg, size["width"], "directed split")
        pg.select_option("#direction", "all")
        pg.evaluate("delete document.body.dataset.loaded")
        pg.fill("#start", "2025-03")
        pg.fill("#end", "2025-04")
        pg.click("#picker button[type=submit]")
        wait_file(pg)
        assert pg.get_attribute("button[data-interval=week]", "aria-pressed") == "true"
        assert_fits(pg, size["width"], "short period by week")
        pg.click("button[data-interval=day]")
        assert pg.get_attribute("button[data-interval=day]", "aria-pressed") == "true"
        assert_fits(pg, size["width"], "short period by day")
        row = pg.locator("#event-list tbody tr").first
        row.scroll_into_view_if_needed()
        row.tap() if phone else row.click()
        pg.wait_for_selector("#evidence .mention")
        assert_fits(pg, size["width"], "evidence")


def test_a_collective_actor_is_a_pair_of_its_own(page, server):
    """The G7 is in the pickers by its code and its pair with Russia opens like any other."""
    page.goto(f"{server}/")
    page.wait_for_selector("#country-a option[value='G7']", state="attached")
    page.goto(f"{server}/#G7-RUS")
    page.reload()
    page.wait_for_selector("body[data-loaded='G7-RUS']")
    page.wait_for_selector("#timeline circle.dot")
    assert page.locator("#timeline circle.dot").count() == 1
    assert page.inner_text("#title") == "G7 – Russia"
