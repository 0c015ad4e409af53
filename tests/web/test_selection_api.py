"""modality= and min_confidence= on every read endpoint (dateline.store.selection); each answer says
what it counts."""
from __future__ import annotations

import pytest

import selection_data


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    """The modality tests read at threshold 0 unless they name one (the shipped default threshold is
    tested in tests/analysis/test_file_views.py and tests/test_cli_extract.py)."""
    from fastapi.testclient import TestClient

    from dateline.web.app import create_app

    path = str(tmp_path_factory.mktemp("selection") / "store.db")
    selection_data.fill(path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DATELINE_MIN_CONFIDENCE", "0")
        with TestClient(create_app(path, token="")) as c:
            yield c


def get(api, url: str) -> dict:
    r = api.get(url)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("query, n", [("", 2), ("?modality=all", 5), ("?modality=negated", 1),
                                      ("?modality=asserted&modality=announced", 3), ("?min_confidence=0.5", 1),
                                      ("?modality=all&min_confidence=0", 5)])
def test_every_read_counts_the_same_selection(api, query, n):
    events = get(api, f"/api/events{'?dyad=PAK-RUS' if not query else query + '&dyad=PAK-RUS'}")
    assert events["total"] == n == len(events["events"])
    summary = get(api, f"/api/dyads/PAK/RUS/summary{query}")
    assert summary["totals"]["events"] == n
    assert summary["selection"] == events["selection"]
    timeline = get(api, f"/api/dyads/PAK/RUS/timeline{query}")
    assert len(timeline["events"]) == n == sum(m["events"] for m in timeline["months"])
    assert [p["events"] for p in get(api, f"/api/countries/PAK/partners{query}")] == [n]
    assert [e["events"] for e in get(api, f"/api/network{query}")["edges"]] == [n]


def test_default_leaves_out_negated_and_hypothetical_and_counts_the_announced_apart(api):
    s = get(api, "/api/dyads/PAK/RUS/summary")
    assert s["selection"]["modality"] == ["asserted"] and s["selection"]["label"] == "asserted events"
    assert s["totals"]["announced"] == 1
    assert s["totals"]["by_type"] == {"AGREE": 1, "CONSULT": 1}
    assert s["totals"]["index"] == 4.0                      # AGREE +6, CONSULT +2; the negated AGREE adds nothing
    assert get(api, "/api/dyads/PAK/RUS/summary?modality=all")["totals"]["index"] == round((6 + 2 + 6 - 6 + 2) / 5, 2)
    assert get(api, "/api/dyads/PAK/RUS/summary?min_confidence=0.5")["selection"]["label"] == \
        "asserted events, confidence ≥ 0.5"


@pytest.mark.parametrize("query, param", [("modality=maybe", "modality"), ("min_confidence=2", "min_confidence"),
                                          ("min_confidence=abc", "min_confidence")])
def test_bad_selection_is_a_422_naming_the_parameter(api, query, param):
    for url in ("/api/events", "/api/dyads/PAK/RUS/summary", "/api/network"):
        r = api.get(f"{url}?{query}")
        assert r.status_code == 422 and param in r.text, (url, r.text)
