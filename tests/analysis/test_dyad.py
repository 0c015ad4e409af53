"""Dyad analytics on a store of hand-made articles: every number below is counted from dyad_data.py."""
from __future__ import annotations

import pytest

from dateline.analysis import Period, PeriodError, dyad_key, parse_bound
from datetime import date

# PLOVER scores of the six distinct PAK-RUS events (AGREE is reported by two articles)
PAK_RUS_SCORES = {"AGREE": 6.0, "CONSULT@2025": 2.0, "SUPPORT": 5.0, "COOPERATE": 7.0, "ACCUSE": -3.0,
                  "CONSULT@2024": 2.0}


def test_totals_count_distinct_events_and_all_reports(analytics):
    s = analytics.summary("PAK", "RUS")
    t = s.totals
    assert (t.events, t.sources, t.dated, t.month_dated, t.undated) == (6, 7, 5, 4, 1)
    assert t.by_type == {"CONSULT": 2, "AGREE": 1, "SUPPORT": 1, "COOPERATE": 1, "ACCUSE": 1}
    assert t.by_quad == {1: 4, 2: 1, 3: 1}
    assert s.names == {"PAK": "Pakistan", "RUS": "Russia"}


def test_index_is_weighted_by_distinct_events_not_mentions(analytics):
    s = analytics.summary("PAK", "RUS")
    dated = {k: v for k, v in PAK_RUS_SCORES.items() if k != "COOPERATE"}   # the exercise is undated
    by_event = sum(dated.values()) / len(dated)
    by_mention = (sum(dated.values()) + dated["AGREE"]) / (len(dated) + 1)
    assert s.totals.index == round(by_event, 2)
    assert s.totals.index != round(by_mention, 2)
    april = next(m for m in s.months if m.period == "2025-04")
    assert april.events == 2 and april.sources == 3
    assert april.index == (6.0 + 2.0) / 2


def test_headline_index_covers_dated_events_and_reports_undated_apart(analytics):
    t = analytics.summary("PAK", "RUS").totals
    years = analytics.summary("PAK", "RUS").years
    # the headline is the event-weighted mean of the yearly rows, so it lies within them
    weighted = sum(y.index * y.events for y in years) / sum(y.events for y in years)
    assert t.index == round(weighted, 2)
    assert min(y.index for y in years) <= t.index <= max(y.index for y in years)
    assert (t.undated, t.undated_index) == (1, PAK_RUS_SCORES["COOPERATE"])
    assert t.undated_goldstein is not None
    assert analytics.summary("PAK", "CHN").totals.undated_index is None   # nothing undated there


def test_monthly_and_yearly_series(analytics):
    s = analytics.summary("RUS", "PAK")   # order of the pair does not matter
    assert [(m.period, m.events) for m in s.months] == [("2023-06", 1), ("2024-11", 1), ("2025-04", 2)]
    assert [(y.period, y.events) for y in s.years] == [("2023", 1), ("2024", 2), ("2025", 2)]
    assert s.months[0].by_quad == {3: 1} and s.months[0].index == -3.0
    assert s.years[1].by_type == {"SUPPORT": 1, "CONSULT": 1} or s.years[1].by_type == {"CONSULT": 1, "SUPPORT": 1}


@pytest.mark.parametrize("start,end,expected", [
    ("2024", None, 4),            # drops June 2023 and the undated exercise
    (None, "2024-12", 3),         # 2023-06, the 2024 agreements (year), 2024-11-20
    ("2024-11-21", None, 3),      # day-dated 2024-11-20 out; the year-dated 2024 signing overlaps
    ("2023-06-15", "2023-06-15", 1),  # a month-dated event overlaps any day of its month
    ("2026", None, 0),
])
def test_period_filters_on_event_time_at_its_granularity(analytics, start, end, expected):
    assert analytics.summary("PAK", "RUS", Period.parse(start, end)).totals.events == expected


def test_contexts_and_dimensions_mix(analytics):
    s = analytics.summary("PAK", "RUS")
    dims = {c.name: c.events for c in s.dimensions}
    assert dims == {"trade": 2, "energy": 2, "security": 2, "education": 1, "healthcare": 1}
    assert [c.name for c in s.dimensions][:3] == ["energy", "security", "trade"]   # ties by name
    assert {c.name: c.events for c in s.contexts} == {"diplomatic": 4, "economic": 1, "military": 1}


def test_top_actors_per_side_leave_out_the_countries(analytics):
    s = analytics.summary("PAK", "RUS")
    assert [(a.name, a.events) for a in s.actors["PAK"]] == [("Ishaq Dar", 2)]
    assert [(a.name, a.events) for a in s.actors["RUS"]] == [
        ("Sergei Ryabkov", 2), ("Maria Zakharova", 1), ("Mikhail Mishustin", 1)]
    assert analytics.summary("PAK", "RUS", top=1).actors["RUS"][0].name == "Sergei Ryabkov"
    assert len(analytics.summary("PAK", "RUS", top=1).actors["RUS"]) == 1


def test_reported_figures_by_indicator(analytics):
    facts = {f.indicator: f for f in analytics.summary("PAK", "RUS").facts}
    trade = facts["trade_volume"].points
    assert [(p.period, p.value, p.unit, p.qualifier) for p in trade] == [("2024", 1e9, "USD", "more_than")]
    assert "crossed the $1 billion mark" in trade[0].sentence
    assert facts["agreements_signed"].points[0].value == 8
    assert [p.n_articles for p in trade] == [1] and len(trade[0].reports) == 1
    assert analytics.summary("PAK", "CHN").facts == []


def test_a_figure_several_articles_report_is_shown_once(tmp_path):
    import dyad_data as dd
    from dateline.analysis import DyadAnalytics
    from dateline.store import open_store

    again = dd.build(["Trade between the two countries topped $1 billion in 2024.",
                      "They signed 8 agreements in 2024.", "Trade may reach $2 billion in 2024."],
                     [], [dd.Fc(0, "trade_volume", 1e9, "USD", dd.year(2024), [dd.PAK, dd.RUS], "more_than"),
                          dd.Fc(1, "agreements_signed", 8, "count", dd.year(2024), [dd.PAK, dd.RUS]),
                          dd.Fc(2, "trade_volume", 2e9, "USD", dd.year(2024), [dd.PAK, dd.RUS])],
                     title="Trade figures", outlet="Third Paper", published="2025-04-20")
    store = open_store(f"sqlite:///{tmp_path / 'facts.db'}")
    try:
        dd.fill(store, [dd.pak_rus_visit(), again])
        facts = {f.indicator: f for f in DyadAnalytics(store).summary("PAK", "RUS").facts}
    finally:
        store.close()
    trade = facts["trade_volume"].points
    assert [(p.period, p.value, p.qualifier, p.n_articles) for p in trade] == [
        ("2024", 1e9, "more_than", 2), ("2024", 2e9, None, 1)]
    assert {r.article_id for r in trade[0].reports} == {dd.pak_rus_visit().article.id, again.article.id}
    assert {r.sentence for r in trade[0].reports} >= {"In 2024, bilateral trade crossed the $1 billion mark."}
    (signed,) = facts["agreements_signed"].points
    assert (signed.value, signed.n_articles, len(signed.reports)) == (8, 2, 2)


def test_partners_ranked_by_events(analytics):
    partners = analytics.partners("PAK")
    assert [(p.country, p.events) for p in partners] == [("RUS", 6), ("IND", 2), ("CHN", 1)]
    india = partners[1]
    assert (india.cooperation, india.conflict, india.index) == (0, 2, -7.5)
    assert [p.country for p in analytics.partners("pak", limit=1)] == ["RUS"]
    assert [p.country for p in analytics.partners("RUS")] == ["PAK"]


def test_network_nodes_and_edges(analytics):
    net = analytics.network()
    assert {(e.source, e.target, e.events) for e in net.edges} == {("PAK", "RUS", 6), ("IND", "PAK", 2),
                                                                   ("CHN", "PAK", 1)}
    assert [(n.id, n.events) for n in net.nodes][:2] == [("PAK", 9), ("RUS", 6)]
    assert {(e.source, e.target) for e in analytics.network(min_events=2).edges} == {("PAK", "RUS"), ("IND", "PAK")}
    only_2025 = analytics.network(Period.parse("2025", "2025"))
    assert {(e.source, e.target, e.events) for e in only_2025.edges} == {("PAK", "RUS", 2), ("IND", "PAK", 2),
                                                                        ("CHN", "PAK", 1)}


def test_timeline_points_latest_first_undated_last(analytics):
    points = analytics.timeline("PAK", "RUS")
    assert len(points) == 6
    assert points[0].day == "2025-04-17"
    assert points[-1].type == "COOPERATE" and points[-1].year is None
    agree = next(p for p in points if p.type == "AGREE")
    assert agree.sources == 2
    assert len(analytics.timeline("PAK", "RUS", limit=2)) == 2


def test_countries_for_pickers(analytics):
    assert [(c.name, c.events) for c in analytics.countries()] == [("PAK", 9), ("RUS", 6), ("IND", 2), ("CHN", 1)]


def test_unknown_dyad_is_empty_not_an_error(analytics):
    s = analytics.summary("USA", "BRA")
    assert s.totals.events == 0 and s.months == [] and s.actors == {"USA": [], "BRA": []}
    assert s.totals.index is None


def test_period_parsing():
    assert parse_bound("2024") == date(2024, 1, 1)
    assert parse_bound("2024", end=True) == date(2024, 12, 31)
    assert parse_bound("2024-02", end=True) == date(2024, 2, 29)
    assert parse_bound("2024-02-10") == date(2024, 2, 10)
    for bad in ("2024-13", "24", "2024/01", "yesterday"):
        with pytest.raises(PeriodError):
            parse_bound(bad)
    with pytest.raises(PeriodError, match="before it starts"):
        Period.parse("2025", "2024")
    assert dyad_key("rus", "PAK") == "PAK-RUS"
