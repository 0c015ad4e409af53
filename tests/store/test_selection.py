"""The one selection every read takes (dateline.store.selection): by default asserted events at the
default confidence threshold; negated, hypothetical and announced events, and low-confidence ones,
change no count, index, timeline, partner or network figure unless asked for. SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from click.testing import CliRunner

from dateline.analysis import DyadAnalytics, Period
from dateline.model import Event, Evidence, TextSpan, TimeRef
from dateline.store import EventQuery, aggregates, open_store
from dateline.store.selection import Selection, SelectionError, confident, modality_of

TEXT = ("Pakistan and Russia held talks in Islamabad on April 17. They did not sign a trade deal. "
        "Russia could impose sanctions. Putin will visit Islamabad in May.")
DAY = date(2025, 4, 17)


def _event(article_id: str, n: int, etype: str, score: float, trigger: str, **flags) -> Event:
    start = TEXT.index(trigger)
    sentence_start = TEXT.rfind(". ", 0, start) + 2 if n else 0
    sentence_end = TEXT.find(".", start) + 1
    evidence = Evidence(article_id=article_id, sentence_index=n, sentence=TEXT[sentence_start:sentence_end],
                        sentence_start=sentence_start, sentence_end=sentence_end,
                        trigger=TextSpan(start, start + len(trigger), trigger))
    return Event(id=f"evt-sel-{n}", article_id=article_id, type=etype, cameo=None, quad_class=1 if score > 0 else 4,
                 plover_score=score, goldstein=score, trigger=trigger, mentions=[evidence],
                 time=TimeRef(value=DAY.isoformat(), granularity="day", source="text", earliest=DAY, latest=DAY),
                 **{"confidence": 0.9, **flags})


@pytest.fixture
def flagged(make):
    """PAK-RUS on 17 April 2025: one asserted CONSULT (+1), a negated AGREE (+2.5), a hypothetical
    SANCTION (-4) and an announced visit (+3)."""
    ex = make.meeting(TEXT, date(2025, 4, 18), DAY, "Dawn", [make.PAK], [make.RUS], "held talks")
    aid = ex.article.id
    asserted = dataclasses.replace(ex.events[0], plover_score=1.0, goldstein=1.0)
    extra = [_event(aid, 1, "AGREE", 2.5, "sign", negated=True),
             _event(aid, 2, "SANCTION", -4.0, "impose", hypothetical=True, actors=[make.RUS], recipients=[make.PAK]),
             _event(aid, 3, "CONSULT", 3.0, "visit", future=True, actors=[make.RUS], recipients=[make.PAK])]
    extra[0].actors, extra[0].recipients = [make.PAK], [make.RUS]
    return dataclasses.replace(ex, events=[asserted, *extra])


def test_modality_of_the_flags():
    assert modality_of(False, False, False) == "asserted"
    assert modality_of(False, True, False) == "announced"
    assert modality_of(True, True, False) == "negated"       # "will not visit"
    assert modality_of(False, True, True) == "hypothetical"  # "could visit"
    assert Selection.parse("all").all_modalities
    assert Selection.parse("asserted, announced").modalities == {"asserted", "announced"}
    for bad in ("maybe", ""):
        with pytest.raises(SelectionError):
            Selection.parse(bad)
    with pytest.raises(SelectionError):
        Selection.parse(None, 1.5)


def test_default_threshold_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATELINE_MIN_CONFIDENCE", "0.4")
    assert Selection().min_confidence == 0.4 == EventQuery().selection.min_confidence
    monkeypatch.setenv("DATELINE_MIN_CONFIDENCE", "lots")
    with pytest.raises(ValueError, match="DATELINE_MIN_CONFIDENCE"):
        Selection()


def test_flagged_events_count_only_when_asked_for(store, flagged):
    store.add(flagged)
    pair = ("PAK", "RUS")
    assert store.count_events(EventQuery(dyad=pair)) == 1
    assert [e.type for e in store.query_events(EventQuery(dyad=pair))] == ["CONSULT"]
    everything = Selection.parse("all")
    assert store.count_events(EventQuery(dyad=pair, selection=everything)) == 4
    assert store.count_events(EventQuery(dyad=pair, selection=Selection.parse("negated"))) == 1
    assert store.count_events(EventQuery(dyad=pair, selection=Selection.parse("announced,hypothetical"))) == 2
    assert len(list(store.iter_events(EventQuery(limit=None)))) == 1

    an = DyadAnalytics(store)
    # whole months from the totals, and a period cutting through April from the events
    for period in (Period(), Period.parse("2025-04", "2025-04"), Period.parse("2025-04-10", "2025-04-20")):
        s = an.summary("PAK", "RUS", period)
        assert (s.totals.events, s.totals.index, s.totals.announced) == (1, 1.0, 1), period
        assert s.totals.by_type == {"CONSULT": 1}
        assert s.selection["modality"] == ["asserted"]
        assert len(an.timeline("PAK", "RUS", period)) == 1
        assert [(p.country, p.events) for p in an.partners("PAK", period)] == [("RUS", 1)]
        assert [e.events for e in an.network(period).edges] == [1]

        s = an.summary("PAK", "RUS", period, selection=everything)
        assert s.totals.events == 4 and s.totals.index == round((1 + 2.5 - 4 + 3) / 4, 2)
        assert s.totals.by_type == {"CONSULT": 2, "AGREE": 1, "SANCTION": 1}
        assert len(an.timeline("PAK", "RUS", period, selection=everything)) == 4
        assert [p.events for p in an.partners("PAK", period, selection=everything)] == [4]
        assert [e.events for e in an.network(period, selection=everything).edges] == [4]
        negated = an.summary("PAK", "RUS", period, selection=Selection.parse("negated"))
        assert (negated.totals.events, negated.totals.index) == (1, 2.5)
    with store.engine.connect() as conn:
        assert aggregates.stored(conn) == aggregates.recomputed(conn)


@pytest.mark.parametrize("threshold, kept", [(0.0, 3), (0.5, 2), (0.55, 1), (0.9, 1), (0.95, 0), (1.0, 0)])
def test_low_confidence_events_are_hidden_above_the_threshold(store, make, threshold, kept):
    ex = make.meeting(TEXT, date(2025, 4, 18), DAY, "Dawn", [make.PAK], [make.RUS], "held talks")
    aid = ex.article.id
    events = [dataclasses.replace(ex.events[0], confidence=0.9),
              _event(aid, 1, "AGREE", 2.5, "sign", confidence=0.52, actors=[make.PAK], recipients=[make.RUS]),
              _event(aid, 2, "SANCTION", -4.0, "impose", confidence=0.3, actors=[make.RUS], recipients=[make.PAK])]
    store.add(dataclasses.replace(ex, events=events))
    chosen = Selection.parse(None, threshold)
    assert store.count_events(EventQuery(dyad=("PAK", "RUS"), selection=chosen)) == kept
    an = DyadAnalytics(store)
    for period in (Period(), Period.parse("2025-04-10", "2025-04-20")):
        assert an.summary("PAK", "RUS", period, selection=chosen).totals.events == kept
        assert len(an.timeline("PAK", "RUS", period, selection=chosen)) == kept
        assert sum(p.events for p in an.partners("PAK", period, selection=chosen)) == kept
        assert sum(e.events for e in an.network(period, selection=chosen).edges) == kept


def test_upgrade_to_0003_sets_modality_and_refills_the_totals(store_url, flagged):
    import sqlalchemy as sa
    from alembic import command

    from dateline.store.engine import alembic_config, make_engine

    store = open_store(store_url)
    store.add(flagged)
    store.close()
    engine = make_engine(store_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0002")
    assert "modality" not in {c["name"] for c in sa.inspect(engine).get_columns("events")}
    engine.dispose()

    store = open_store(store_url)
    try:
        everything = Selection.parse("all")
        assert sorted(e.negated for e in store.query_events(EventQuery(selection=everything))) == [False] * 3 + [True]
        assert store.count_events(EventQuery()) == 1
        s = DyadAnalytics(store).summary("PAK", "RUS", selection=Selection.parse("hypothetical"))
        assert s.totals.by_type == {"SANCTION": 1}
        with store.engine.connect() as conn:
            assert aggregates.stored(conn) == aggregates.recomputed(conn)
    finally:
        store.close()


def test_extract_keeps_every_modality_above_the_threshold(flagged):
    low = dataclasses.replace(flagged, events=[dataclasses.replace(e, confidence=c)
                                               for e, c in zip(flagged.events, (0.9, 0.8, 0.2, 0.6))])
    assert [e.negated for e in confident(low, 0.5).events] == [False, True, False]
    assert len(confident(low, 0).events) == 4


def test_read_commands_take_the_selection(store_url, flagged):
    from dateline.cli import cli

    store = open_store(store_url)
    store.add(flagged)
    store.close()
    run = CliRunner().invoke

    def events(*extra):
        result = run(cli, ["events", "--db", store_url, "--format", "json", *extra], obj={})
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    assert [e["type"] for e in events()] == ["CONSULT"]
    assert len(events("--modality", "all")) == 4
    assert [e["negated"] for e in events("--modality", "negated")] == [True]
    assert events("--min-confidence", "0.95") == []
    bad = run(cli, ["events", "--db", store_url, "--modality", "maybe"], obj={})
    assert bad.exit_code == 2 and "modality" in bad.output

    result = run(cli, ["timeline", "PAK", "RUS", "--db", store_url, "--json"], obj={})
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["totals"]["events"], summary["totals"]["announced"]) == (1, 1)
    result = run(cli, ["timeline", "PAK", "RUS", "--db", store_url, "--json", "--modality", "all"], obj={})
    assert json.loads(result.output)["totals"]["events"] == 4
    result = run(cli, ["timeline", "PAK", "RUS", "--db", store_url], obj={})
    said = " ".join(result.output.split())    # (rich wraps at 80 columns)
    assert "counting asserted events" in said and "1 announced not counted" in said

    result = run(cli, ["export", "--db", store_url, "--format", "jsonl", "--out", "-"], obj={})
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1
    result = run(cli, ["export", "--db", store_url, "--format", "jsonl", "--out", "-", "--modality", "all"], obj={})
    assert len(result.stdout.splitlines()) == 4

    def panel_events(*extra):
        result = run(cli, ["panel", "--unit", "dyad-month", "--db", store_url, "--out", "-", *extra], obj={})
        assert result.exit_code == 0, result.output
        header, *rows = [line.split(",") for line in result.stdout.splitlines()]
        return [int(r[header.index("events")]) for r in rows]

    assert panel_events() == [1]
    assert panel_events("--modality", "all") == [4]
    assert panel_events("--modality", "hypothetical,negated") == [2]

    result = run(cli, ["file", "PAK", "RUS", "--db", store_url, "--json"], obj={})
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["n_events"] == 2          # asserted, and the announced visit (planned)
    result = run(cli, ["file", "PAK", "RUS", "--db", store_url, "--json", "--modality", "all"], obj={})
    assert json.loads(result.output)["n_events"] == 4
