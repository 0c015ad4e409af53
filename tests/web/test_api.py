"""Every read endpoint of the API, with good and bad parameters (numbers counted from dyad_data.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import dyad_data


def get(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text)
    return r.json()


def test_countries_with_names(client):
    data = get(client, "/api/countries")
    assert [(c["iso3"], c["name"]) for c in data][:2] == [("PAK", "Pakistan"), ("RUS", "Russia")]
    assert {c["iso3"] for c in data} == {"PAK", "RUS", "IND", "CHN"}


def test_dyad_summary(client):
    s = get(client, "/api/dyads/PAK/RUS/summary")
    assert s["dyad"] == ["PAK", "RUS"]
    assert s["totals"]["events"] == 7 and s["totals"]["undated"] == 1
    assert s["totals"]["by_quad"] == {"1": 5, "2": 1, "3": 1}
    assert [m["period"] for m in s["months"]] == ["2023-06", "2024-11", "2025-03", "2025-04"]
    assert {d["name"] for d in s["dimensions"]} >= {"trade", "energy", "security"}
    assert s["actors"]["RUS"][0]["name"] == "Sergei Ryabkov"
    assert {f["indicator"] for f in s["facts"]} == {"trade_volume", "agreements_signed"}
    later = get(client, "/api/dyads/rus/pak/summary?start=2025-01&end=2025-12")
    assert later["start"] == "2025-01-01" and later["end"] == "2025-12-31"
    assert later["totals"]["events"] == 3


def test_dyad_timeline_series_and_dots(client):
    t = get(client, "/api/dyads/PAK/RUS/timeline")
    assert [y["period"] for y in t["years"]] == ["2023", "2024", "2025"]
    assert len(t["events"]) == 7
    dot = t["events"][0]
    assert set(dot) >= {"id", "type", "quad_class", "granularity", "day", "month", "year", "score", "sources"}
    assert len(get(client, "/api/dyads/PAK/RUS/timeline?limit=3")["events"]) == 3


@pytest.mark.parametrize("url,param", [
    ("/api/dyads/PAK/PAK/summary", "a/b"),
    ("/api/dyads/PAK/RU5/summary", "a/b"),
    ("/api/dyads/PAK/RUS/summary?start=2024-13", "start"),
    ("/api/dyads/PAK/RUS/summary?start=last+year", "start"),
    ("/api/dyads/PAK/RUS/summary?start=2025&end=2024", "end"),
    ("/api/dyads/PAK/RUS/summary?top=0", "top"),
    ("/api/dyads/PAK/RUS/timeline?limit=-1", "limit"),
    ("/api/events?limit=0", "limit"),
    ("/api/events?limit=5000", "limit"),
    ("/api/events?offset=-3", "offset"),
    ("/api/events?dyad=PAKRUS", "dyad"),
    ("/api/events?quad_class=5", "quad_class"),
    ("/api/events?directed=true", "directed"),
    ("/api/events?directed=maybe", "directed"),
    ("/api/events?place_country=Pakistan", "place_country"),
    ("/api/actors?country=PK", "country"),
    ("/api/actors?limit=abc", "limit"),
    ("/api/facts?dyad=PAK", "dyad"),
    ("/api/facts?end=2024-02-30", "end"),
    ("/api/countries/XX/partners", "country"),
    ("/api/network?min_events=0", "min_events"),
    ("/api/events?type=FOO", "type"),
    ("/api/events?type=CONSULT&type=AGRE", "type"),
    ("/api/events?context=foo", "context"),
    ("/api/events?dimension=foo", "dimension"),
    ("/api/events?place_country=XXX", "place_country"),
    ("/api/events?dyad=PAK-XXX", "dyad"),
    ("/api/dyads/PAK/ZZZ/summary", "a/b"),
    ("/api/dyads/ZZZ/PAK/timeline", "a/b"),
    ("/api/countries/ZZZ/partners", "country"),
    ("/api/actors?country=ZZZ", "country"),
    ("/api/facts?country=ZZZ", "country"),
    ("/api/facts?dyad=PAK-ZZZ", "dyad"),
])
def test_invalid_parameters_answer_422_naming_the_parameter(client, url, param):
    body = get(client, url, 422)
    assert set(body) == {"error", "details"}
    assert param in body["error"]
    assert any(d["param"] == param for d in body["details"]), body


HUGE = "99999999999999999999"   # more than any database integer (SQLite and PostgreSQL BIGINT)


@pytest.mark.parametrize("url,param", [
    (f"/api/events?offset={HUGE}", "offset"),
    ("/api/events?offset=9223372036854775808", "offset"),
    ("/api/events?offset=2147483648", "offset"),
    (f"/api/events?limit={HUGE}", "limit"),
    (f"/api/events?limit=-{HUGE}", "limit"),
    (f"/api/network?min_events={HUGE}", "min_events"),
    (f"/api/network?limit={HUGE}", "limit"),
    (f"/api/actors?limit={HUGE}", "limit"),
    (f"/api/facts?limit={HUGE}", "limit"),
    (f"/api/dyads/PAK/RUS/summary?top={HUGE}", "top"),
    (f"/api/dyads/PAK/RUS/timeline?limit={HUGE}", "limit"),
    (f"/api/countries/PAK/partners?limit={HUGE}", "limit"),
])
def test_huge_integers_answer_422_not_500(client, url, param):
    body = get(client, url, 422)
    assert any(d["param"] == param for d in body["details"]), body
    assert "less than or equal to" in body["error"] or "greater than or equal to" in body["error"]


def test_largest_offset_and_min_events_are_accepted(client):
    from dateline.web.params import INT_MAX

    assert get(client, f"/api/events?offset={INT_MAX}")["events"] == []
    assert get(client, f"/api/network?min_events={INT_MAX}")["edges"] == []


def test_events_filters(client):
    all_pak_rus = get(client, "/api/events?dyad=PAK-RUS")
    assert all_pak_rus["total"] == 7 and len(all_pak_rus["events"]) == 7
    first = all_pak_rus["events"][0]
    assert "mentions" not in first and first["mention_count"] >= 1 and first["evidence"]
    assert get(client, "/api/events?dyad=PAK,RUS&type=consult")["total"] == 2
    assert get(client, "/api/events?dyad=PAK-RUS&type=CONSULT,ACCUSE")["total"] == 3
    assert get(client, "/api/events?quad_class=3&quad_class=4")["total"] == 3
    assert get(client, "/api/events?dimension=education")["total"] == 1
    assert get(client, "/api/events?context=military")["total"] == 3
    assert get(client, "/api/events?dyad=PAK-RUS&start=2025")["total"] == 3
    assert get(client, "/api/events?actor=person:sergei-ryabkov")["total"] == 2
    assert get(client, "/api/events?dyad=IND-PAK&directed=true")["total"] == 2
    assert get(client, "/api/events?dyad=PAK-IND&directed=true")["total"] == 0
    assert get(client, "/api/events?place_country=pak")["total"] == 2
    page = get(client, "/api/events?dyad=PAK-RUS&limit=2&offset=2")
    assert page["total"] == 7 and len(page["events"]) == 2
    assert page["events"][0]["id"] == all_pak_rus["events"][2]["id"]
    full = get(client, "/api/events?dyad=PAK-RUS&limit=1&mentions=true")["events"][0]
    assert full["mentions"][0]["sentence"]


def test_one_event_with_all_mentions_and_articles(client):
    events = get(client, "/api/events?dyad=PAK-RUS&type=AGREE")["events"]
    e = get(client, f"/api/events/{events[0]['id']}")
    assert e["type"] == "AGREE" and e["source_count"] == 2
    assert len(e["mentions"]) == 2
    for m in e["mentions"]:
        assert m["trigger"]["text"] in m["sentence"]
        assert m["article_id"] in e["articles"]
    outlets = {a["outlet"] for a in e["articles"].values()}
    assert outlets == {"Daily Test", "Wire Service"}
    assert get(client, "/api/events/evt-nope", 404) == {"error": "no event with id 'evt-nope'"}


def test_event_articles_are_read_in_one_query(client, monkeypatch):
    store = client.app.state.ctx.store
    calls: list[list[str]] = []
    read_many = store.get_articles
    monkeypatch.setattr(store, "get_articles", lambda ids: calls.append(list(ids)) or read_many(calls[-1]))
    monkeypatch.setattr(store, "get_article", lambda _: pytest.fail("one query per mention's article"))
    events = get(client, "/api/events?dyad=PAK-RUS&type=AGREE")["events"]
    e = get(client, f"/api/events/{events[0]['id']}")
    assert len(calls) == 1
    assert sorted(calls[0]) == sorted(e["articles"]) and len(calls[0]) == 2


def test_article_text_comes_back_verbatim(client):
    markup = dyad_data.hostile_markup()
    a = get(client, f"/api/articles/{markup.article.id}")
    assert dyad_data.XSS_MARKUP in a["text"]
    assert a["title"] == markup.article.title
    assert "no article" in get(client, "/api/articles/art-0000", 404)["error"]


def test_actors(client):
    rus = get(client, "/api/actors?country=rus")
    assert {a["id"] for a in rus} == {"country:RUS", "person:sergei-ryabkov", "person:mikhail-mishustin",
                                      "person:maria-zakharova"}
    found = get(client, "/api/actors?search=ryab")
    assert [a["name"] for a in found] == ["Sergei Ryabkov"]
    assert len(get(client, "/api/actors?limit=2")) == 2


def test_facts(client):
    facts = get(client, "/api/facts?dyad=PAK-RUS")
    assert {f["indicator"] for f in facts} == {"trade_volume", "agreements_signed"}
    trade = get(client, "/api/facts?country=PAK&indicator=trade_volume")
    assert [(f["value"], f["unit"], f["qualifier"]) for f in trade] == [(1e9, "USD", "more_than")]
    assert get(client, "/api/facts?dyad=PAK-RUS&start=2025") == []


def test_partners_and_network(client):
    partners = get(client, "/api/countries/PAK/partners")
    assert [(p["country"], p["events"]) for p in partners] == [("RUS", 7), ("IND", 2), ("CHN", 1)]
    assert partners[0]["name"] == "Russia"
    net = get(client, "/api/network?start=2025&min_events=2")
    assert {(e["source"], e["target"]) for e in net["edges"]} == {("PAK", "RUS"), ("IND", "PAK")}
    assert {n["id"] for n in net["nodes"]} == {"PAK", "RUS", "IND"}


def test_status(client):
    s = get(client, "/api/status")
    assert s["articles"] == 5 and s["events"] == 10 and s["multi_source_events"] == 1


def test_errors_are_json(client):
    assert get(client, "/api/nothing-here", 404)["error"].startswith("no such endpoint")
    r = client.delete("/api/events")
    assert r.status_code == 405 and "not allowed" in r.json()["error"]


def test_store_errors_answer_503(tmp_path):
    from fastapi.testclient import TestClient

    from dateline.web.app import create_app

    (tmp_path / "not-a-db.db").write_bytes(b"this is not sqlite" * 100)
    with TestClient(create_app(str(tmp_path / "not-a-db.db")), raise_server_exceptions=False) as c:
        r = c.get("/api/countries")
    assert r.status_code == 503
    assert "not a readable SQLite database" in r.json()["error"]


def test_openapi_describes_every_endpoint(client):
    spec = get(client, "/openapi.json")
    paths = set(spec["paths"])
    assert paths >= {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors",
                     "/api/facts", "/api/countries", "/api/dyads/{a}/{b}/summary", "/api/dyads/{a}/{b}/timeline",
                     "/api/countries/{country}/partners", "/api/network", "/api/status", "/api/articles"}
    assert "post" in spec["paths"]["/api/articles"]
    assert "DyadSummary" in spec["components"]["schemas"]
    page = client.get("/docs/reference")   # the plain page; /docs is Swagger UI (test_swagger.py)
    assert page.status_code == 200 and "/api/dyads/{a}/{b}/summary" in page.text


STATIC = Path(__file__).resolve().parents[2] / "src" / "dateline" / "web"


def test_dashboard_is_offline_and_locked_down(client):
    page = client.get("/")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text) is None   # no inline script
    for path in list((STATIC / "static").rglob("*")) + list((STATIC / "templates").glob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            # SVG namespace URIs are identifiers, not downloads
            remote = [u for u in re.findall(r"https?://[^\s\"')]+", text) if "www.w3.org" not in u]
            assert remote == [], f"{path.name} refers to remote resources: {remote}"
    for asset in ("/static/dashboard.css", "/static/js/dashboard.js", "/static/js/charts.js",
                  "/static/js/evidence.js", "/static/js/dom.js"):
        assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize("url, check, value", [
    ("/api/events?type=CONSLT", "event_types", "CONSLT"),
    ("/api/events?context=militray", "contexts", "militray"),
    ("/api/events?dimension=energey", "dimensions", "energey"),
    ("/api/events?quad_class=9", "quad_classes", "9"),
    ("/api/events?place_country=Pakistan", "country", "Pakistan"),
    ("/api/events?dyad=PAKRUS", "dyad", "PAKRUS"),
    ("/api/dyads/PAK/ZZZ/summary", "country", "ZZZ"),
])
def test_invalid_filter_values_are_worded_as_on_the_cli(client, url, check, value):
    from dateline.commands import validate

    with pytest.raises(validate.InvalidFilter) as info:
        getattr(validate, check)(value)
    body = get(client, url, 422)
    assert body["details"][0]["message"] == str(info.value)
    assert body["error"].endswith(str(info.value))


def test_known_filter_values_in_any_case(client):
    assert get(client, "/api/events?context=MILITARY")["total"] == get(client, "/api/events?context=military")["total"]
    assert get(client, "/api/events?dimension=Trade")["total"] == get(client, "/api/events?dimension=trade")["total"] > 0
    assert get(client, "/api/dyads/pak/rus/summary")["dyad"] == ["PAK", "RUS"]
    assert get(client, "/api/actors?country=pak") == get(client, "/api/actors?country=PAK")
