"""Every export format is read back by its usual consumer and holds the same events as the store."""
from __future__ import annotations

import csv
import json
from datetime import date

import pandas as pd
import pyarrow.parquet as pq
import pytest

import dateline

from dateline.export import ExportError, write_events
from dateline.export.gdelt import COLUMNS as GDELT_COLUMNS, numeric_id
from dateline.export.rows import COLUMNS, PARQUET_COLUMNS
from dateline.store import EventQuery, open_store
from dateline.store.synthetic import make_extraction, make_mixed_extraction


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("export") / "events.db"))
    for i in range(25):
        store.add(make_extraction(i, events_per_article=4))
    events = store.query_events(EventQuery(limit=None))
    yield store, events
    store.close()


def test_csv_read_back_by_csv_module(stored, tmp_path):
    store, events = stored
    path = tmp_path / "events.csv"
    assert write_events(store.iter_events(), "csv", path, articles=store.get_articles) == len(events)
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS
        rows = {r["event_id"]: r for r in reader}
    assert set(rows) == {e.id for e in events}
    for e in events:
        row = rows[e.id]
        assert row["plover_type"] == e.type and row["cameo"] == e.cameo
        assert row["actor_country"] == e.actors[0].country and row["n_actors"] == str(len(e.actors))
        assert row["date_start"] == e.time.earliest.isoformat() and row["date_granularity"] == "day"
        assert int(row["n_sources"]) == e.source_count
        assert row["sentence"] == e.mentions[0].sentence and row["headline"].startswith("Synthetic report")
        assert row["outlet"] == "Synthetic Times" and row["published"] and row["url"] == ""
        assert row["dateline_version"] == dateline.__version__ and len(row["knowledge_version"]) == 12
        assert not any(v.startswith(("[", "{")) for v in row.values())


def test_csv_and_parquet_have_no_list_cells_and_consistent_dates(tmp_path):
    """The plain CSV reads into pandas as scalars; dates are always ISO days in date_start/date_end."""
    store = open_store(str(tmp_path / "mixed.db"))
    for i in range(8):
        store.add(make_mixed_extraction(i))
    events = store.query_events(EventQuery(limit=None))
    path = tmp_path / "mixed.csv"
    write_events(store.iter_events(), "csv", path, articles=store.get_articles)
    frame = pd.read_csv(path, dtype={"cameo": str}, keep_default_na=False)
    assert {"date", "earliest", "mentions", "actor_ids", "contexts"}.isdisjoint(frame.columns)
    assert set(frame["date_granularity"]) >= {"day", "week", "month", "year", "unknown"}
    dated = frame[frame["date_start"] != ""]
    assert pd.to_datetime(dated["date_start"], format="%Y-%m-%d").notna().all()
    assert (frame.loc[frame["date_granularity"] == "unknown", "date_start"] == "").all()
    compound = next(e for e in events if len(e.actors) > 1)
    assert frame.set_index("event_id").loc[compound.id, "n_actors"] == len(compound.actors)
    pq_path = tmp_path / "mixed.parquet"
    write_events(store.iter_events(), "parquet", pq_path, articles=store.get_articles)
    table = pq.read_table(pq_path)
    assert table.column_names[:len(COLUMNS)] == COLUMNS
    row = table.to_pandas().set_index("event_id").loc[compound.id]
    assert list(row["actor_ids"]) == [a.id for a in compound.actors]
    store.close()


def test_jsonl_read_back_by_json(stored, tmp_path):
    store, events = stored
    path = tmp_path / "events.jsonl"
    write_events(store.iter_events(), "jsonl", path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r for r in lines}
    assert set(by_id) == {e.id for e in events}
    for e in events:
        r = by_id[e.id]
        assert r["type"] == e.type and r["source_count"] == e.source_count
        assert [m["sentence_start"] for m in r["mentions"]] == [m.sentence_start for m in e.mentions]
        assert r["time"]["earliest"] == e.time.earliest.isoformat()


def test_parquet_read_back_by_pyarrow_and_pandas(stored, tmp_path):
    store, events = stored
    path = tmp_path / "events.parquet"
    assert write_events(store.iter_events(), "parquet", path, articles=store.get_articles) == len(events)
    table = pq.read_table(path)
    assert table.column_names == PARQUET_COLUMNS and table.num_rows == len(events)
    frame = table.to_pandas()
    frame = frame.set_index("event_id")
    for e in events:
        row = frame.loc[e.id]
        assert row["plover_type"] == e.type and row["goldstein"] == e.goldstein
        assert row["date_start"] == e.time.earliest and row["headline"].startswith("Synthetic report")
        assert list(row["recipient_countries"]) == [a.country for a in e.recipients]
        assert [m["sentence"] for m in row["mentions"]] == [m.sentence for m in e.mentions]
    empty = tmp_path / "empty.parquet"
    assert write_events([], "parquet", empty) == 0
    assert pq.read_table(empty).num_rows == 0


def test_plover_json_read_back_by_json(stored, tmp_path):
    store, events = stored
    path = tmp_path / "events.json"
    write_events(store.iter_events(), "plover-json", path, articles=store.get_articles)
    records = {r["id"]: r for r in json.loads(path.read_text(encoding="utf-8"))}
    assert set(records) == {e.id for e in events}
    for e in events:
        r = records[e.id]
        assert r["event"] == e.type and r["source"] == e.actors[0].country and r["target"] == e.recipients[0].country
        assert r["text"] == e.mentions[0].sentence
        assert r["citation"].startswith("Synthetic Times, Synthetic report")
    assert json.loads(_written(tmp_path / "none.json", [], "plover-json")) == []


def _written(path, events, fmt) -> str:
    write_events(events, fmt, path)
    return path.read_text(encoding="utf-8")


def test_gdelt_tsv_has_gdelt_columns(stored, tmp_path):
    store, events = stored
    path = tmp_path / "events.tsv"
    write_events(store.iter_events(), "gdelt-tsv", path, articles=store.get_articles)
    with open(path, newline="", encoding="utf-8") as f:
        rows = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in csv.reader(f, delimiter="\t")]
    by_id = {int(r["GLOBALEVENTID"]): r for r in rows}
    assert len(by_id) == len(events) == len(rows)
    for e in events:
        r = by_id[numeric_id(e.id, e.actors[0], e.recipients[0])]
        assert r["SQLDATE"] == e.time.earliest.strftime("%Y%m%d")
        assert r["EventCode"] == e.cameo and r["EventRootCode"] == e.cameo[:2]
        assert r["QuadClass"] == str(e.quad_class) and float(r["GoldsteinScale"]) == e.goldstein
        assert r["Actor1CountryCode"] == e.actors[0].country and r["Actor2CountryCode"] == e.recipients[0].country
        assert r["Actor1Code"] == e.actors[0].country + "GOV"
        assert r["NumArticles"] == str(e.source_count)
        assert r["SOURCEURL"] == "", "the synthetic articles have only a local source, which is no URL"
        assert r["ActionGeo_CountryCode"] == (e.place.country if e.place else "")


def test_gdelt_rows_for_a_compound_actor_are_one_per_pair(tmp_path):
    """India + China -> Russia: two rows (INDGOV-RUSGOV, CHNGOV-RUSGOV) and the joint pair both ways;
    SOURCEURL is the article's URL."""
    from dateline.model import Article, Extraction
    from dateline.store.synthetic import country_actor
    extraction = make_extraction(5, events_per_article=1)
    event = extraction.events[0]
    event.actors = [country_actor("IND"), country_actor("CHN")]
    event.recipients = [country_actor("RUS")]
    extraction.article.url = "https://example.org/pact"
    store = open_store(str(tmp_path / "g.db"))
    store.add(extraction)
    path = tmp_path / "g.tsv"
    n = write_events(store.iter_events(), "gdelt-tsv", path, articles=store.get_articles)
    store.close()
    with open(path, newline="", encoding="utf-8") as f:
        rows = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in csv.reader(f, delimiter="\t")]
    assert n == len(rows) == 4
    assert sorted((r["Actor1Code"], r["Actor2Code"]) for r in rows) == [
        ("CHNGOV", "INDGOV"), ("CHNGOV", "RUSGOV"), ("INDGOV", "CHNGOV"), ("INDGOV", "RUSGOV")]
    assert {r["SOURCEURL"] for r in rows} == {"https://example.org/pact"}
    assert len({r["GLOBALEVENTID"] for r in rows}) == 4


def test_unknown_format_and_unwritable_path(stored, tmp_path):
    _, events = stored
    with pytest.raises(ExportError, match="unknown export format"):
        write_events(events, "xml", tmp_path / "x.xml")
    with pytest.raises(ExportError, match="cannot write"):
        write_events(events, "csv", tmp_path / "no-such-dir" / "x.csv")
    with pytest.raises(ExportError, match="cannot write"):
        write_events(events, "parquet", tmp_path / "no-such-dir" / "x.parquet")


def test_undated_event_exports_empty_dates(tmp_path):
    from dateline.model import TimeRef
    extraction = make_extraction(99, events_per_article=1)
    event = extraction.events[0]
    event.time = TimeRef(value=None, granularity="unknown", source="none", fallback=date(2025, 1, 1))
    tsv = _written(tmp_path / "u.tsv", [event], "gdelt-tsv").rstrip("\n").split("\t")
    assert tsv[1] == "" and len(tsv) == 61
    with open(tmp_path / "u.csv", "w", newline="") as f:
        write_events([event], "csv", f)
    row = next(csv.DictReader(open(tmp_path / "u.csv", newline="")))
    assert row["date_start"] == "" and row["date_granularity"] == "unknown" and row["date_fallback"] == "false"
    with open(tmp_path / "f.csv", "w", newline="") as f:
        write_events([event], "csv", f, date_fallback="publication")
    row = next(csv.DictReader(open(tmp_path / "f.csv", newline="")))
    assert row["date_start"] == row["date_end"] == "2025-01-01" and row["date_fallback"] == "true"
    assert row["date_source"] == "publication_fallback"
