"""`dateline panel`: counts checked by hand on a small store, balanced zero rows, directed pairs,
the publication fallback, and the files read back by pandas."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from click.testing import CliRunner

from dateline.analysis.panel import PanelError, build_panel
from dateline.commands.panel import panel
from dateline.model import Article, Event, Evidence, Extraction, TimeRef
from dateline.store import open_store
from dateline.store.synthetic import country_actor

TYPES = {"AGREE": ("057", 1, 8.0, 6.0), "ASSAULT": ("190", 4, -10.0, -9.0), "CONSULT": ("042", 1, 1.9, 2.0),
         "REJECT": ("120", 3, -4.0, -4.0), "THREATEN": ("130", 3, -4.4, -6.0)}


def _day(d: date) -> TimeRef:
    return TimeRef(value=d.isoformat(), granularity="day", source="text", earliest=d, latest=d)


def _add(store, n: int, etype: str, actors, recipients, time: TimeRef, published=date(2024, 2, 2)) -> None:
    text = f"Report {n}: {etype.lower()}."
    article = Article(text=text, title=f"Report {n}", outlet="Wire", published=published, id=f"art-{n}")
    cameo, quad, goldstein, score = TYPES[etype]
    event = Event(id=f"evt-{n}", article_id=article.id, type=etype, cameo=cameo, quad_class=quad,
                  goldstein=goldstein, plover_score=score, time=time,
                  actors=[country_actor(c) for c in actors], recipients=[country_actor(c) for c in recipients],
                  mentions=[Evidence(article_id=article.id, sentence_index=0, sentence=text, sentence_start=0,
                                     sentence_end=len(text))])
    store.add(Extraction(article=article, actors=event.actors + event.recipients, events=[event], version="t"))


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "panel.db"
    store = open_store(str(path))
    _add(store, 1, "AGREE", ["PAK"], ["RUS"], _day(date(2024, 1, 10)))
    _add(store, 2, "ASSAULT", ["PAK"], ["RUS"], _day(date(2024, 1, 20)))
    _add(store, 3, "CONSULT", ["RUS"], ["PAK"], _day(date(2024, 3, 5)))
    _add(store, 4, "CONSULT", ["PAK", "CHN"], [], _day(date(2024, 1, 15)))        # joint, no recipient
    _add(store, 5, "REJECT", ["PAK"], ["RUS"], TimeRef(value=None, granularity="unknown", source="none"))
    _add(store, 6, "THREATEN", ["PAK"], ["RUS"], TimeRef(value="2024", granularity="year", source="text",
                                                      earliest=date(2024, 1, 1), latest=date(2024, 12, 31)))
    store.close()
    return str(path)


def _events(db):
    store = open_store(db, create=False)
    try:
        from dateline.export.batching import with_articles
        return list(with_articles(list(store.iter_events()), store.get_articles))
    finally:
        store.close()


def _cells(rows, *keys):
    return {tuple(r[k] for k in keys): r for r in rows}


def test_dyad_month_counts_by_hand(db):
    rows, columns, report = build_panel(_events(db), "dyad-month")
    cells = _cells(rows, "dyad", "period")
    assert set(cells) == {("PAK-RUS", "2024-01"), ("PAK-RUS", "2024-03"), ("CHN-PAK", "2024-01")}
    jan = cells[("PAK-RUS", "2024-01")]
    assert (jan["events"], jan["events_quad1"], jan["events_quad4"], jan["events_agree"], jan["events_assault"]) \
        == (2, 1, 1, 1, 1)
    assert jan["goldstein_sum"] == -2.0 and jan["goldstein_mean"] == -1.0 and jan["plover_score_mean"] == -1.5
    assert jan["articles"] == 2 and jan["events_quad2"] == 0 and jan["events_dated_by_publication"] == 0
    assert cells[("PAK-RUS", "2024-03")]["events_consult"] == 1
    assert (report.undated, report.too_coarse, report.counted) == (1, 1, 4)
    assert [c.name for c in columns][:7] == ["dyad", "country_a", "country_b", "period", "year", "month", "events"]


def test_year_panel_takes_year_dated_events_and_country_units_count_each_country_once(db):
    rows, _, _ = build_panel(_events(db), "dyad-year")
    assert _cells(rows, "dyad", "period")[("PAK-RUS", "2024")]["events"] == 4
    rows, _, _ = build_panel(_events(db), "country-year")
    assert {r["country"]: r["events"] for r in rows} == {"PAK": 5, "RUS": 4, "CHN": 1}


def test_directed_pairs_and_joint_acts_both_ways(db):
    rows, _, _ = build_panel(_events(db), "dyad-month", directed=True)
    got = {(r["actor_country"], r["recipient_country"], r["period"]): r["events"] for r in rows}
    assert got == {("PAK", "RUS", "2024-01"): 2, ("RUS", "PAK", "2024-03"): 1,
                   ("PAK", "CHN", "2024-01"): 1, ("CHN", "PAK", "2024-01"): 1}
    with pytest.raises(PanelError, match="dyad units"):
        build_panel(_events(db), "country-year", directed=True)


def test_balanced_panel_has_one_row_per_unit_and_period(db):
    rows, _, _ = build_panel(_events(db), "dyad-month", balanced=True, start=date(2023, 12, 1),
                             end=date(2024, 4, 30))
    keys = [(r["dyad"], r["period"]) for r in rows]
    months = ["2023-12", "2024-01", "2024-02", "2024-03", "2024-04"]
    assert keys == [(d, m) for d in ("CHN-PAK", "PAK-RUS") for m in months]
    empty = _cells(rows, "dyad", "period")[("PAK-RUS", "2024-02")]
    assert empty["events"] == 0 and empty["goldstein_sum"] == 0 and empty["goldstein_mean"] is None


def test_publication_fallback_dates_undated_events_and_flags_them(db):
    rows, _, report = build_panel(_events(db), "dyad-month", date_fallback="publication")
    feb = _cells(rows, "dyad", "period")[("PAK-RUS", "2024-02")]
    assert feb["events"] == 1 and feb["events_reject"] == 1 and feb["events_dated_by_publication"] == 1
    assert report.undated == 0


def test_cli_writes_csv_parquet_and_stata(db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "p.csv"
    done = runner.invoke(panel, ["--db", db, "--unit", "dyad-month", "--balanced", "--from", "2024-01",
                                 "--to", "2024-03", "--out", str(out)])
    assert done.exit_code == 0, done.output
    frame = pd.read_csv(out)
    assert len(frame) == 6 and frame["events"].sum() == 4 and frame.columns[0] == "dyad"
    done = runner.invoke(panel, ["--db", db, "--unit", "dyad-month", "--out", str(out)])
    assert "left out: 1 undated (see --date-fallback), 1 dated too coarsely for a month" in done.output
    pq = tmp_path / "p.parquet"
    assert runner.invoke(panel, ["--db", db, "--unit", "country-year", "--out", str(pq)]).exit_code == 0
    assert dict(zip(*pd.read_parquet(pq)[["country", "events"]].T.values)) == {"CHN": 1, "PAK": 5, "RUS": 4}
    dta = tmp_path / "p.dta"
    done = runner.invoke(panel, ["--db", db, "--unit", "dyad-year", "--directed", "--date-fallback", "publication",
                                 "--out", str(dta)])
    assert done.exit_code == 0, done.output
    with pd.io.stata.StataReader(dta) as reader:
        labels = reader.variable_labels()
    assert labels["events_quad4"] == "Events of quad class 4 (material conflict)"
    stata = pd.read_stata(dta)
    pak_rus = stata[(stata["actor_country"] == "PAK") & (stata["recipient_country"] == "RUS")]
    assert pak_rus["events"].tolist() == [4] and pak_rus["events_dated_by_publication"].tolist() == [1]
    bad = runner.invoke(panel, ["--db", db, "--unit", "country-year", "--directed", "--out", str(out)])
    assert bad.exit_code == 2 and "dyad units" in bad.output
