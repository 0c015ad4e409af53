"""Collective actors: the G7, NATO, the EU ... stay international organisations (no country) and
stand in dyads by their code ("G7-RUS") in the store, the CLI, the API; members are kept by date."""
from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from dateline.knowledge.collectives import CollectiveTable, load_collectives
from dateline.knowledge.loader import KnowledgeFileError

STATEMENT = "The G7 condemned Russia on Monday for its attacks on Ukrainian power plants, a statement said."


def test_members_by_date():
    table = load_collectives()
    nato = table.get("nato")
    assert "FIN" not in nato.members_on(date(2023, 1, 1)) and "FIN" in nato.members_on(date(2023, 5, 1))
    assert "SWE" in nato.members_on() and len(nato.members_on(date(2024, 6, 1))) == 32
    assert "GBR" in table.get("EU").members_on(date(2019, 6, 1)) and "GBR" not in table.get("EU").members_on(date(2021, 1, 1))
    assert "MLI" not in table.get("ECOWAS").members_on(date(2025, 6, 1))
    assert table.get("G7").members_on() == ["CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "USA"]
    assert table.code_of("igo:g7") == "G7" and table.code_of("country:RUS") is None


def test_a_bad_table_is_an_error_naming_the_row():
    rows = [{"code": "PAK", "name": "x", "org": "g7"}]
    with pytest.raises(KnowledgeFileError, match="is a country's ISO3 code"):
        CollectiveTable(rows, [], frozenset({"PAK"}))
    with pytest.raises(KnowledgeFileError, match="member 'XXQ' is not a code"):
        CollectiveTable([{"code": "G7", "name": "G7", "org": "g7"}], [{"code": "G7", "member": "XXQ"}],
                        frozenset({"PAK"}))
    with pytest.raises(KnowledgeFileError, match="undeclared collectives G9"):
        CollectiveTable([], [{"code": "G9", "member": "PAK"}], frozenset({"PAK"}))


def test_a_collective_is_a_dyad_side_in_the_store_cli_and_api(pipeline, tmp_path):
    from fastapi.testclient import TestClient

    from dateline.ingest import read_text
    from dateline.store import open_store
    from dateline.store.commands import events
    from dateline.web.app import create_app

    ex = pipeline.extract(read_text(STATEMENT, published=date(2025, 3, 14)))
    [accuse] = [e for e in ex.events if e.type == "ACCUSE"]
    assert [(a.id, a.kind, a.country) for a in accuse.actors] == [("igo:g7", "igo", None)]   # no country
    db = str(tmp_path / "g7.db")
    store = open_store(db)
    store.add(ex)
    store.close()
    out = CliRunner().invoke(events, ["--db", db, "--dyad", "G7-RUS", "--min-confidence", "0"], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert accuse.id in out.output and "1 of 1 event" in out.output
    api = TestClient(create_app(db))
    assert api.get("/api/events?dyad=g7-RUS&min_confidence=0").json()["total"] == 1
    summary = api.get("/api/dyads/G7/RUS/summary?min_confidence=0").json()
    assert summary["names"] == {"G7": "G7", "RUS": "Russia"} and summary["totals"]["events"] == 1
    partners = api.get("/api/countries/RUS/partners?min_confidence=0").json()
    assert [p["country"] for p in partners] == ["G7"]
    assert api.get("/api/dyads/G8/RUS/summary").status_code == 422

