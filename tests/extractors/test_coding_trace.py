"""Every event records the lexicon row that fired (file and line, and the PETRARCH2 line for fallback
rows) and every actor the table row that resolved it; `dateline show` and the API's event detail show
both, and the store keeps them (sentences written for dateline)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from dateline.ingest import read_text
from dateline.knowledge.loader import DATA_DIR

PUBLISHED = date(2025, 4, 18)


def extract(pipeline, text):
    return pipeline.extract(read_text(text, published=PUBLISHED))


def line_of(source: str) -> list[str]:
    """The cells of the built-in table line that ``source`` ("event_lexicon.tsv:57 ...") names."""
    name, _, rest = source.partition(":")
    number = int(rest.split(";")[0].split(" ")[0])
    return (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[number - 1].split("\t")


def test_an_event_names_the_lexicon_row_that_fired(pipeline):
    ex = extract(pipeline, "Pakistan's foreign minister rebuffed India's demand on Tuesday, officials said.")
    [ev] = [e for e in ex.events if e.type == "REJECT"]
    assert ev.coded_by.startswith("event_lexicon.tsv:")
    cells = line_of(ev.coded_by)
    assert cells[0] == "rebuff" and cells[3] == "REJECT" and cells[5] == ev.cameo


def test_a_fallback_row_names_its_petrarch_line(pipeline):
    ex = extract(pipeline, "Chile's president snubbed Peru's foreign minister on Monday.")
    [ev] = [e for e in ex.events if "snub" in e.trigger]
    assert ev.coded_by.startswith("event_lexicon_petrarch.tsv:")
    cells = line_of(ev.coded_by)
    assert cells[0] == "snub" and cells[5] == ev.cameo and f"({cells[8]})" in ev.coded_by   # CAMEO.2.0.txt:N


def test_a_rule_that_recodes_the_row_says_so(pipeline):
    ex = extract(pipeline, "Russia's deputy foreign minister met Pakistan's foreign minister in Islamabad on Thursday.")
    [ev] = [e for e in ex.events if e.type == "CONSULT"]
    assert ev.mode == "visit" and "; recoded CONSULT/visit 042 (was CONSULT 040)" in ev.coded_by


def test_a_user_row_is_traced_to_the_users_file(tmp_path):
    from dateline.config import Settings
    from dateline.pipeline import Pipeline

    header = "lemma\tpos\trequires\ttype\tmode\tcameo\tshape\tcontexts\n"
    (tmp_path / "event_lexicon.tsv").write_text(header + "hobnob\tverb\t-\tCONSULT\t-\t040\treciprocal\t-\n",
                                                encoding="utf-8")
    settings = Settings()
    settings.knowledge_paths = [str(tmp_path)]
    ex = Pipeline(settings).extract(read_text("Pakistan's prime minister hobnobbed with Russia's president on "
                                              "Monday.", published=PUBLISHED))
    [ev] = [e for e in ex.events if "hobnob" in e.trigger]
    assert ev.coded_by == f"{tmp_path / 'event_lexicon.tsv'}:2"


def test_actors_name_the_table_row_that_resolved_them(pipeline):
    ex = extract(pipeline, "Foreign Minister Ishaq Dar met Deputy Foreign Minister Zorvan Telkirov of Russia and "
                           "Pakistan's police chief in Islamabad on Thursday.")
    by_name = {a.name: a.source for a in ex.actors}
    dar = by_name["Ishaq Dar"]
    assert dar.startswith("actors.tsv:") and line_of(dar)[0] == "Ishaq Dar"
    assert by_name["Zorvan Telkirov"] == "text"                  # named in the article, in no table
    assert any(a.source == "countries.tsv" for a in ex.actors if a.kind == "country")


def stored_rejection(pipeline, db):
    """The REJECT event of a sentence written here, as extracted and as the store gives it back
    (every candidate read: the trace is under test, not the threshold)."""
    from dateline.store import open_store
    from dateline.store.query import EventQuery
    from dateline.store.selection import Selection

    ex = extract(pipeline, "Pakistan's foreign minister rebuffed India's demand on Tuesday, officials said.")
    store = open_store(db)
    store.add(ex)
    [stored] = [e for e in store.query_events(EventQuery(selection=Selection.everything())) if e.type == "REJECT"]
    store.close()
    [original] = [e for e in ex.events if e.type == "REJECT"]
    return original, stored


def test_the_trace_is_stored_and_shown(pipeline, tmp_path):
    from dateline.commands.show import show

    db = str(tmp_path / "trace.db")
    original, stored = stored_rejection(pipeline, db)
    assert stored.coded_by == original.coded_by
    assert [a.source for a in stored.actors] == [a.source for a in original.actors] and stored.actors[0].source
    result = CliRunner().invoke(show, [stored.id, "--db", db], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert "coded by" in result.output and original.coded_by in result.output
    assert f"from {stored.actors[0].source}" in result.output


def test_the_api_event_detail_carries_the_trace(pipeline, tmp_path):
    from fastapi.testclient import TestClient

    from dateline.web.app import create_app

    db = str(tmp_path / "api.db")
    _, stored = stored_rejection(pipeline, db)
    body = TestClient(create_app(db)).get(f"/api/events/{stored.id}").json()
    assert body["coded_by"] == stored.coded_by and body["coded_by"].startswith("event_lexicon.tsv:")
    assert body["actors"][0]["source"] == stored.actors[0].source
