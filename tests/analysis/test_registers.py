"""The relationship file (dateline.analysis.registers) on the reference article, alone and with the samples."""
from __future__ import annotations

import pytest

from dateline.analysis import Period
from dateline.analysis.registers import relationship_file
from dateline.store.selection import Selection

# These tests check how the registers are built from the reference article's candidates, so they read
# every candidate; what the default confidence threshold leaves out is tested in test_file_views.py.
EVERY = Selection(min_confidence=0.0)


@pytest.fixture(scope="module")
def alone(reference_store_url):
    from dateline.store import open_store
    store = open_store(reference_store_url, create=False)
    yield store, relationship_file(store, "PAK", "RUS", knowledge=(), selection=EVERY)
    store.close()


@pytest.fixture(scope="module")
def together(samples_store_url):
    from dateline.store import open_store
    store = open_store(samples_store_url, create=False)
    yield store, relationship_file(store, "PAK", "RUS", knowledge=(), selection=EVERY)
    store.close()


def mechanism(rf, name):
    [m] = [m for m in rf.mechanisms if m.name == name]
    return m


def visit(rf, name):
    rows = [v for v in rf.visits if v.visitor.name == name]
    assert len(rows) == 1, rows
    return rows[0]


def test_reference_mechanisms(alone):
    _, rf = alone
    cgss = mechanism(rf, "Consultative Group on Strategic Stability")
    [round15] = cgss.sessions
    assert (round15.ordinal, round15.unit, round15.venue) == (15, "round", "Islamabad")
    assert round15.when.value.startswith("2025-04")
    assert cgss.missing == list(range(1, 15))
    igc = mechanism(rf, "Inter-Governmental Commission")
    [ninth] = igc.sessions
    assert (ninth.ordinal, ninth.when.value, ninth.when.granularity, ninth.venue) == (9, "2024", "year", "Moscow")
    assert ninth.outcomes == ["8 agreements signed"]


def test_reference_visits(alone):
    _, rf = alone
    ryabkov = visit(rf, "Sergei Ryabkov")
    assert (ryabkov.host_country, ryabkov.city, ryabkov.when.value, ryabkov.when.granularity) == \
        ("PAK", "Islamabad", "2025-04-17", "day")
    assert ryabkov.visitor.country == "RUS" and "Deputy Foreign Minister" in ryabkov.visitor.roles
    assert ryabkov.occasion == "15th round of the Consultative Group on Strategic Stability"
    for name in ("Mikhail Mishustin", "Alexei Overchuk"):
        v = visit(rf, name)
        assert (v.host_country, v.city, v.when.value, v.status) == ("PAK", "Islamabad", "2024", "held")
    assert {v.visitor.name for v in rf.visits} == {"Sergei Ryabkov", "Mikhail Mishustin", "Alexei Overchuk"}


def test_reference_agreements_and_figures(alone):
    _, rf = alone
    [signed] = [g for g in rf.agreements if g.status == "signed"]
    assert (signed.number, signed.when.value, signed.venue, signed.parties) == (8, "2024", "Moscow", ["PAK", "RUS"])
    assert signed.session == "9th session of the Inter-Governmental Commission"
    assert signed.what.startswith("eight agreements across sectors")
    assert signed.fact_ids
    [trade] = [f for f in rf.figures if f.indicator == "trade_volume"]
    assert (trade.kind, trade.year, trade.value, trade.unit, trade.qualifier) == ("actual", 2024, 1e9, "USD", "more_than")


def test_every_row_traces_to_stored_events_and_articles(together):
    store, rf = together
    rows = [*rf.visits, *rf.agreements, *(s for m in rf.mechanisms for s in m.sessions)]
    assert rows
    for row in rows:
        assert row.event_ids and row.article_ids and row.sources
        for event_id in row.event_ids:
            ev = store.get_event(event_id)
            assert ev is not None and ev.id == event_id
        assert {s.article_id for s in row.sources} <= set(row.article_ids)
        assert set(row.article_ids) <= set(rf.articles)
        for s in row.sources:
            ev = store.get_event(s.event_id)
            assert any(m.article_id == s.article_id and m.sentence_index == s.sentence_index for m in ev.mentions)
    for figure in rf.figures:
        assert figure.fact_ids and figure.article_ids
        assert len(figure.reports) == len(figure.fact_ids)


def test_reported_twice_is_one_row(together):
    _, rf = together
    igc = mechanism(rf, "Inter-Governmental Commission")
    ninth = [s for s in igc.sessions if s.ordinal == 9]
    assert len(ninth) == 1 and len(ninth[0].article_ids) == 2
    unnumbered = [s for s in igc.sessions if s.ordinal is None]
    assert [(s.when.value, s.venue) for s in unnumbered] == [("2023-01", "Islamabad")]
    assert [s.ordinal for s in igc.sessions] == [9, None]          # numbered in order, then unnumbered
    ryabkov = visit(rf, "Sergei Ryabkov")
    assert len(ryabkov.article_ids) == 2
    mishustin = visit(rf, "Mikhail Mishustin")
    assert len(mishustin.article_ids) == 2
    assert (mishustin.when.value, mishustin.when.granularity) == ("2024-10-16", "day")   # the precise report wins
    [signed] = [g for g in rf.agreements if g.status == "signed"]
    assert len(signed.article_ids) == 2 and len(signed.fact_ids) == 2
    [trade] = [f for f in rf.figures if f.indicator == "trade_volume" and f.year == 2024]
    assert len(trade.reports) == 2 and len(trade.article_ids) == 2


def test_agreement_reached_reads_its_clause(together):
    _, rf = together
    [crude] = [g for g in rf.agreements if g.when.value == "2023-01"]
    assert crude.status == "agreed"
    assert crude.what.startswith("Russia would supply crude oil")
    assert crude.session == "a session of the Inter-Governmental Commission"


def test_a_target_is_listed_as_a_target(together):
    store, _ = together
    rf = relationship_file(store, "RUS", "TUR", knowledge=(), selection=EVERY)
    kinds = {(f.indicator, f.kind, f.value) for f in rf.figures}
    assert ("trade_volume", "target", 100e9) in kinds
    assert ("trade_volume", "actual", 100e9) not in kinds


def test_period_bounds_the_registers(together):
    store, _ = together
    rf = relationship_file(store, "PAK", "RUS", Period.parse("2025", "2025"), knowledge=(), selection=EVERY)
    assert {v.visitor.name for v in rf.visits} == {"Sergei Ryabkov"}
    assert [m.name for m in rf.mechanisms] == ["Consultative Group on Strategic Stability"]
    assert rf.figures == []


def test_a_users_mechanism_applies_to_stored_articles(together, tmp_path):
    store, _ = together
    (tmp_path / "mechanisms.tsv").write_text(
        "name\tkind\tpattern\nLNG Talks\tdialogue\ttalks\\s+on\\s+liquefied\\s+natural\\s+gas\n", encoding="utf-8")
    (tmp_path / "mechanism_patterns.tsv").write_text("pattern\n{mechanism}\n", encoding="utf-8")
    before = relationship_file(store, "PAK", "RUS", knowledge=(), selection=EVERY)
    after = relationship_file(store, "PAK", "RUS", knowledge=(str(tmp_path),), selection=EVERY)
    assert "LNG Talks" not in [m.name for m in before.mechanisms]
    [lng] = [m for m in after.mechanisms if m.name == "LNG Talks"]
    assert [(s.ordinal, s.when.value) for s in lng.sessions] == [(None, "2024")]
