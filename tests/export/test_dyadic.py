"""Dyadic exports (dyadic-csv, dyadic-parquet, stata): one row per actor-recipient pair, scalar columns,
read back by pandas and pyarrow with the documented columns and types."""
from __future__ import annotations

import csv
from collections import Counter
from datetime import date

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dateline.export import write_events
from dateline.export.columns import DYADIC, names
from dateline.export.dyadic import pairs
from dateline.model import Actor, Article, Event, Evidence, Extraction, TimeRef
from dateline.store import EventQuery, open_store
from dateline.store.commands import export
from dateline.store.selection import Selection

EVERY = EventQuery(limit=None, selection=Selection.everything())   # the negated event too
from dateline.store.synthetic import country_actor, make_mixed_extraction

EXPECTED = ["event_id", "date_start", "date_end", "date_granularity", "date_source", "date_fallback", "published",
            "actor_name", "actor_country", "actor_sector", "actor_kind",
            "recipient_name", "recipient_country", "recipient_sector", "recipient_kind", "joint",
            "plover_type", "mode", "cameo", "quad_class", "goldstein", "plover_score", "confidence",
            "negated", "future", "hypothetical", "historical",
            "place_name", "place_country", "place_lat", "place_lon", "n_sources", "n_mentions",
            "outlet", "url", "headline", "sentence", "dateline_version", "knowledge_version"]
DAR = Actor(id="person:ishaq-dar", name="Ishaq Dar", kind="person", country="PAK", sector="GOV")


def _article(n: int, url: str | None) -> Article:
    return Article(text=f"India and China signed a pact with Russia, number {n}.", title=f"Pact {n}",
                   outlet="Dawn", url=url, published=date(2025, 4, 18), source=f"/home/me/news/{n}.txt",
                   id=f"art-{n}")


def _event(article: Article, k: int, actors, recipients, time=None, **kw) -> Event:
    ev = Evidence(article_id=article.id, sentence_index=0, sentence=article.text, sentence_start=0,
                  sentence_end=len(article.text))
    return Event(id=f"evt-{article.id}-{k}", article_id=article.id, type="AGREE", cameo="057", quad_class=1,
                 goldstein=8.0, plover_score=6.0, actors=actors, recipients=recipients, confidence=0.7,
                 time=time or TimeRef(value="2025-04-17", granularity="day", source="text",
                                      earliest=date(2025, 4, 17), latest=date(2025, 4, 17)),
                 mentions=[ev], **kw)


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "dyadic.db"))
    a1 = _article(1, "https://dawn.com/pact")
    compound = _event(a1, 0, [country_actor("IND"), country_actor("CHN")], [country_actor("RUS")])
    a2 = _article(2, None)
    joint = _event(a2, 0, [country_actor("PAK"), DAR, country_actor("RUS")], [],
                   time=TimeRef(value=None, granularity="unknown", source="none"), negated=True)
    s.add(Extraction(article=a1, actors=compound.actors + compound.recipients, events=[compound], version="t"))
    s.add(Extraction(article=a2, actors=joint.actors, events=[joint], version="t"))
    for i in range(6):
        s.add(make_mixed_extraction(i))
    yield s
    s.close()


def test_pairs_expand_compound_sides_and_pair_joint_actors_both_ways():
    a = _article(1, None)
    compound = _event(a, 0, [country_actor("IND"), country_actor("CHN")], [country_actor("RUS"), DAR])
    got = [(x.id, y.id, j) for x, y, j in pairs(compound)]
    assert got == [("country:IND", "country:RUS", False), ("country:IND", "person:ishaq-dar", False),
                   ("country:CHN", "country:RUS", False), ("country:CHN", "person:ishaq-dar", False),
                   ("country:IND", "country:CHN", True), ("country:CHN", "country:IND", True)]
    # Dar acts for Pakistan: one party with it, not a joint pair; the same person on both sides is no pair
    same_side = _event(a, 1, [country_actor("PAK"), DAR], [DAR])
    assert [(x.id, y.id, j) for x, y, j in pairs(same_side)] == [("country:PAK", "person:ishaq-dar", False)]
    alone = _event(a, 2, [country_actor("PAK"), DAR], [])
    assert [(x.id, y, j) for x, y, j in pairs(alone)] == [("country:PAK", None, False),
                                                           ("person:ishaq-dar", None, False)]


def test_dyadic_csv_has_only_scalar_cells_and_reads_back_in_pandas(store, tmp_path):
    path = tmp_path / "dyads.csv"
    events = list(store.iter_events(EVERY))
    n = write_events(events, "dyadic-csv", path, articles=store.get_articles)
    assert n == sum(len(pairs(e)) for e in events) > len(events)
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        assert next(reader) == EXPECTED == names(DYADIC)
        for row in reader:
            assert not any(cell.startswith(("[", "{")) or ";" in cell for cell in row[:-3]), row
    frame = pd.read_csv(path, dtype={"cameo": str}, parse_dates=["date_start", "date_end", "published"])
    assert len(frame) == n
    assert frame["date_start"].dtype.kind == "M" and frame["negated"].dtype == bool
    assert frame["joint"].dtype == bool and frame["goldstein"].dtype.kind == "f"
    pact = frame[frame["event_id"] == "evt-art-1-0"]
    assert sorted(zip(pact["actor_country"], pact["recipient_country"], pact["joint"])) == [
        ("CHN", "IND", True), ("CHN", "RUS", False), ("IND", "CHN", True), ("IND", "RUS", False)]
    assert set(pact["url"]) == {"https://dawn.com/pact"} and set(pact["headline"]) == {"Pact 1"}
    assert set(pact["cameo"]) == {"057"} and set(pact["outlet"]) == {"Dawn"}
    joint = frame[frame["event_id"] == "evt-art-2-0"]
    # PAK and RUS both ways, Dar and RUS both ways; never PAK with its own minister
    assert Counter(zip(joint["actor_name"], joint["recipient_name"])) == Counter(
        {("PAK", "RUS"): 1, ("RUS", "PAK"): 1, ("Ishaq Dar", "RUS"): 1, ("RUS", "Ishaq Dar"): 1})
    assert joint["joint"].all() and joint["negated"].all()
    assert joint["url"].isna().all(), "a local source path is no URL"
    assert joint["date_start"].isna().all() and set(joint["date_granularity"]) == {"unknown"}


def test_date_fallback_dates_undated_events_by_publication_with_a_flag(store, tmp_path):
    path = tmp_path / "dyads.csv"
    write_events(store.iter_events(EVERY), "dyadic-csv", path, articles=store.get_articles, date_fallback="publication")
    frame = pd.read_csv(path)
    joint = frame[frame["event_id"] == "evt-art-2-0"]
    assert set(joint["date_start"]) == {"2025-04-18"} and joint["date_fallback"].all()
    assert set(joint["date_source"]) == {"publication_fallback"}
    dated = frame[frame["event_id"] == "evt-art-1-0"]
    assert set(dated["date_start"]) == {"2025-04-17"} and not dated["date_fallback"].any()


def test_dyadic_parquet_types(store, tmp_path):
    path = tmp_path / "dyads.parquet"
    n = write_events(store.iter_events(EVERY), "dyadic-parquet", path, articles=store.get_articles)
    table = pq.read_table(path)
    assert table.column_names == EXPECTED and table.num_rows == n
    types = {f.name: str(f.type) for f in table.schema}
    assert types["date_start"] == "date32[day]" and types["joint"] == "bool" and types["quad_class"] == "int32"
    assert all(t in ("string", "bool", "int32", "double", "date32[day]") for t in types.values())
    frame = table.to_pandas()
    assert set(frame.loc[frame["event_id"] == "evt-art-1-0", "recipient_country"]) == {"RUS", "IND", "CHN"}


def test_stata_reads_back_with_variable_labels(store, tmp_path):
    path = tmp_path / "dyads.dta"
    result = CliRunner().invoke(export, ["--db", str(store.url).removeprefix("sqlite:///"), "--format", "stata",
                                         "--out", str(path), "--modality", "all"])
    assert result.exit_code == 0, result.output
    frame = pd.read_stata(path)
    assert list(frame.columns) == EXPECTED
    with pd.io.stata.StataReader(path) as reader:
        labels = reader.variable_labels()
    assert labels["quad_class"].startswith("Quad class: 1 verbal coop") and all(labels[c] for c in EXPECTED)
    assert frame["date_start"].dtype.kind == "M"
    pact = frame[frame["event_id"] == "evt-art-1-0"]
    assert len(pact) == 4 and set(pact["cameo"]) == {"057"} and set(pact["negated"]) == {0}
    assert set(frame.loc[frame["event_id"] == "evt-art-2-0", "negated"]) == {1}
    assert f"{len(frame)} rows written" in result.output


def test_binary_formats_need_a_path(store):
    import io

    from dateline.export import ExportError
    with pytest.raises(ExportError, match="binary format"):
        write_events(store.iter_events(EVERY), "stata", io.StringIO())
