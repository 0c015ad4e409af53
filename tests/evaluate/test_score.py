"""The scorer on small hand-made gold/system pairs whose precision, recall and accuracies are known."""
from __future__ import annotations

from dateline.evaluate.gold import GoldEvent, GoldRecord
from dateline.model import Actor, Article, Event, Evidence, Extraction, Place, TimeRef


def actor(code: str | None, kind: str = "country", name: str | None = None) -> Actor:
    return Actor(id=f"{kind}:{code or name}", name=name or code or "?", kind=kind, country=code)


def event(type_: str, actors=(), recipients=(), sentence: str = "A sentence.", cameo: str | None = None,
          mode: str | None = None, date: str | None = None, place: str | None = None,
          names: dict[str, str] | None = None) -> Event:
    names = names or {}
    return Event(id=f"ev-{type_}-{sentence[:10]}", article_id="art-1", type=type_, mode=mode, cameo=cameo,
                 actors=[actor(c, name=names.get(c)) for c in actors],
                 recipients=[actor(c, name=names.get(c)) for c in recipients],
                 time=TimeRef(value=date, granularity="unknown" if date is None else "day",
                              source="none" if date is None else "text"),
                 place=Place(name=place, country=place) if place else None,
                 mentions=[Evidence(article_id="art-1", sentence_index=0, sentence=sentence,
                                    sentence_start=0, sentence_end=len(sentence))])


def extraction(*events: Event) -> Extraction:
    return Extraction(article=Article(text="x"), events=list(events))


def gold(type_, actors=(), recipients=(), **kw) -> GoldEvent:
    types = [type_] if isinstance(type_, str) else list(type_)
    return GoldEvent(types=types, actors=list(actors), recipients=list(recipients), **kw)


def record(rid: str, *events: GoldEvent, exhaustive: bool = True, facts=()) -> GoldRecord:
    return GoldRecord(id=rid, text="x", events=list(events), exhaustive=exhaustive, facts=list(facts))


# -- the tests ------------------------------------------------------------------------------------

import pytest  # noqa: E402

from dateline.evaluate.gold import GoldFact, GoldTimex  # noqa: E402
from dateline.evaluate.match import actor_code, match_record  # noqa: E402
from dateline.evaluate.score import MISSED, SPURIOUS, score_events, score_timexes  # noqa: E402
from dateline.model import Fact, TimeRef as _TimeRef  # noqa: E402


def approx(x):
    return pytest.approx(x, abs=1e-9)


def test_perfect_extraction_scores_one():
    records = [record("r1", gold("AGREE", ["PAK", "RUS"], symmetric=True), gold("CONSULT", ["RUS"], ["PAK"]))]
    system = [extraction(event("CONSULT", ["RUS"], ["PAK"]), event("AGREE", ["PAK"], ["RUS"]))]
    s = score_events(records, system)
    d = s.detection
    assert (d.precision, d.recall, d.f1) == (1.0, 1.0, 1.0)
    assert s.fields["type"].value == 1.0
    assert s.fields["actor_country"].value == 1.0      # symmetric gold: PAK+RUS on either side
    assert s.fields["recipient_country"].total == 1    # only the directed CONSULT states a recipient


def test_known_precision_recall_and_f1():
    # gold: 3 events; system: 4 events of which 2 match -> P = 2/4, R = 2/3, F1 = 4/7
    records = [
        record("r1", gold("AGREE", ["PAK", "RUS"], symmetric=True), gold("CONSULT", ["RUS"], ["PAK"])),
        record("r2", gold("ASSAULT", ["ISR"], ["PSE"])),
    ]
    system = [
        extraction(event("AGREE", ["PAK", "RUS"]), event("ACCUSE", ["USA"], ["CHN"])),
        extraction(event("ASSAULT", ["ISR"], ["PSE"]), event("PROTEST", ["FRA"])),
    ]
    d = score_events(records, system).detection
    assert (d.matched_gold, d.missed, d.matched_system, d.false_alarms) == (2, 1, 2, 2)
    assert d.precision == approx(0.5)
    assert d.recall == approx(2 / 3)
    assert d.f1 == approx(4 / 7)


def test_wrong_type_with_overlapping_countries_is_matched_and_counted_as_a_type_error():
    records = [record("r1", gold("REQUEST", ["USA"], ["IRN"])), record("r2", gold("THREATEN", ["PRK"], ["KOR"]))]
    system = [extraction(event("ACCUSE", ["USA"], ["IRN"])), extraction(event("THREATEN", ["PRK"], ["KOR"]))]
    s = score_events(records, system)
    assert s.detection.recall == 1.0
    assert (s.fields["type"].hits, s.fields["type"].total) == (1, 2)
    assert s.confusion[("REQUEST", "ACCUSE")] == 1 and s.confusion[("THREATEN", "THREATEN")] == 1
    assert [(m.kind, m.field, m.expected, m.found) for m in s.mismatches] == [("field", "type", "REQUEST", "ACCUSE")]


def test_no_type_and_no_country_in_common_is_no_match():
    s = score_events([record("r1", gold("AGREE", ["PAK"], ["RUS"]))], [extraction(event("ASSAULT", ["USA"], ["IRQ"]))])
    assert (s.detection.missed, s.detection.false_alarms) == (1, 1)
    assert s.confusion[("AGREE", MISSED)] == 1 and s.confusion[(SPURIOUS, "ASSAULT")] == 1
    assert {m.kind for m in s.mismatches} == {"missed", "false_alarm"}


def test_evidence_is_required_when_the_gold_gives_it():
    g = gold("CONSULT", ["RUS"], ["PAK"], evidence=["trips to Islamabad"])
    elsewhere = event("CONSULT", ["RUS"], ["PAK"], sentence="Ryabkov is visiting Islamabad.")
    there = event("CONSULT", ["RUS"], ["PAK"], sentence="Overchuk\u2019s  TRIPS to Islamabad in 2024.")
    assert match_record(record("r", g), [elsewhere]).missed == [g]
    m = match_record(record("r", g), [elsewhere, there])
    assert m.pairs == [(g, there)] and m.spurious == [elsewhere]


def test_greedy_takes_the_best_pair_not_the_first():
    # the AGREE gold could take the CONSULT system event (countries overlap), but the typed pair scores higher
    g_agree = gold("AGREE", ["PAK", "RUS"], symmetric=True)
    g_consult = gold("CONSULT", ["RUS"], ["PAK"])
    consult, agree = event("CONSULT", ["RUS"], ["PAK"]), event("AGREE", ["PAK", "RUS"])
    m = match_record(record("r", g_agree, g_consult), [consult, agree])
    assert m.pairs == [(g_agree, agree), (g_consult, consult)]


def test_actor_names_break_ties_between_look_alike_events():
    g1 = gold("CONSULT", ["RUS"], ["PAK"], actor_names=["Alexei Overchuk"])
    g2 = gold("CONSULT", ["RUS"], ["PAK"], actor_names=["Mikhail Mishustin"])
    mishustin = event("CONSULT", ["RUS"], ["PAK"], names={"RUS": "Mikhail Mishustin"})
    overchuk = event("CONSULT", ["RUS"], ["PAK"], names={"RUS": "Alexei Overchuk"})
    m = match_record(record("r", g1, g2), [mishustin, overchuk])
    assert m.pairs == [(g1, overchuk), (g2, mishustin)]


def test_optional_gold_is_neither_a_miss_nor_a_false_alarm():
    required = gold("COOPERATE", ["PAK", "RUS"], symmetric=True)
    optional = gold("COOPERATE", ["PAK", "RUS"], symmetric=True, optional=True, evidence=["arms trade"])
    found_required = event("COOPERATE", ["PAK", "RUS"], sentence="joint exercises")
    found_optional = event("COOPERATE", ["PAK", "RUS"], sentence="The arms trade grew.")
    s = score_events([record("r", required, optional)], [extraction(found_required, found_optional)])
    d = s.detection
    assert (d.precision, d.recall, d.false_alarms, d.missed) == (1.0, 1.0, 0, 0)
    s = score_events([record("r", required, optional)], [extraction(found_required)])
    assert (s.detection.recall, s.detection.missed) == (1.0, 0)


def test_may_merge_with_lets_one_system_event_answer_two_gold_events():
    g1 = gold("CONSULT", ["RUS"], ["PAK"], id="e1", evidence=["meeting between"])
    g4 = gold("CONSULT", ["RUS"], ["PAK"], id="e4", evidence=["is visiting"], may_merge_with="e1")
    merged = event("CONSULT", ["RUS"], ["PAK"], sentence="a meeting between them")
    merged.mentions.append(merged.mentions[0].__class__(article_id="art-1", sentence_index=3,
                                                        sentence="Ryabkov is visiting Islamabad", sentence_start=0,
                                                        sentence_end=10))
    d = score_events([record("r", g1, g4)], [extraction(merged)]).detection
    assert (d.matched_gold, d.missed, d.matched_system, d.false_alarms) == (2, 0, 1, 0)
    assert d.precision == 1.0 and d.recall == 1.0
    # without the permission the second gold event is a miss
    g4.may_merge_with = None
    assert score_events([record("r", g1, g4)], [extraction(merged)]).detection.missed == 1


def test_extra_events_in_a_non_exhaustive_record_are_not_false_alarms():
    s = score_events([record("r", gold("AGREE", ["PAK"]), exhaustive=False)],
                     [extraction(event("AGREE", ["PAK"]), event("PROTEST", ["FRA"]))])
    assert s.detection.false_alarms == 0 and s.detection.precision == 1.0


def test_field_checks_date_place_cameo_mode():
    g = gold("CONSULT", ["RUS"], ["PAK"], dates=["2024"], granularity="year", place="PAK", cameo=["04"], mode=["visit"])
    g_undated = gold("COOPERATE", ["PAK", "RUS"], symmetric=True, dates=[None], granularity="unknown")
    s = score_events([record("r", g, g_undated)],
                     [extraction(event("CONSULT", ["RUS"], ["PAK"], date="2024-05-01", place="RUS", cameo="042", mode="visit"),
                                 event("COOPERATE", ["PAK", "RUS"], date=None))])
    f = s.fields
    assert (f["date"].hits, f["date"].total) == (1, 2)          # a day where the text says only the year is wrong
    assert (f["place_country"].hits, f["place_country"].total) == (0, 1)
    assert f["cameo_root"].value == 1.0 and f["mode"].value == 1.0
    by_field = {m.field: (m.expected, m.found) for m in s.mismatches}
    assert by_field["date"] == ("2024", "2024-05-01") and by_field["place_country"] == ("PAK", "RUS")


def test_actor_codes_for_organisations():
    assert actor_code(actor(None, kind="igo", name="United Nations")) == "IGO"
    assert actor_code(actor(None, kind="organization", name="Human Rights Watch")) == "NSA"
    assert actor_code(actor("usa")) == "USA"
    s = score_events([record("r", gold("ACCUSE", ["NSA"], ["SDN"]))],
                     [extraction(event("ACCUSE", [None], ["SDN"]))])
    assert s.fields["actor_country"].value == 1.0


def test_directed_actor_and_recipient_are_checked_separately():
    s = score_events([record("r", gold("SANCTION", ["USA"], ["IRN"]))], [extraction(event("SANCTION", ["IRN"], ["USA"]))])
    assert s.fields["actor_country"].value == 0.0
    assert s.fields["recipient_country"].value == 0.0
    assert s.fields["dyad_countries"].value == 1.0


def test_facts_found_with_tolerance_and_period():
    facts = [GoldFact("trade_volume", 1e9, "USD", period="2024"), GoldFact("agreements_signed", 8, period="2024")]
    found = [Fact(id="f1", article_id="a", indicator="trade_volume", subjects=[], value=1.001e9, unit="USD",
                  period=_TimeRef(value="2024", granularity="year", source="text")),
             Fact(id="f2", article_id="a", indicator="agreements_signed", subjects=[], value=8, unit="count",
                  period=_TimeRef(value="2025", granularity="year", source="text"))]
    s = score_events([record("r", facts=facts)], [Extraction(article=Article(text="x"), facts=found)])
    assert (s.facts.hits, s.facts.total) == (1, 2)


def test_group_by_type_recall_and_precision():
    records = [record("r1", gold("AGREE", ["PAK"])), record("r2", gold("AGREE", ["IND"])),
               record("r3", gold("REJECT", ["CHN"]))]
    system = [extraction(event("AGREE", ["PAK"])), extraction(event("REJECT", ["IND"])), extraction(event("REJECT", ["CHN"]))]
    s = score_events(records, system, by="type")
    assert s.groups["AGREE"].detection.recall == 1.0                 # both AGREE gold events matched...
    assert s.groups["AGREE"].fields["type"].value == 0.5             # ...one of them typed REJECT
    assert s.groups["REJECT"].detection.precision == 0.5             # 2 REJECT predictions, 1 right


def test_group_by_actor_counts_each_country():
    records = [record("r1", gold("AGREE", ["PAK", "RUS"], symmetric=True)), record("r2", gold("REJECT", ["RUS"]))]
    system = [extraction(event("AGREE", ["PAK", "RUS"])), extraction()]
    s = score_events(records, system, by="actor")
    assert s.groups["RUS"].detection.recall == 0.5 and s.groups["PAK"].detection.recall == 1.0


def test_timex_value_accuracy_by_type():
    from datetime import date

    from dateline.evaluate.gold import GoldRecord
    rec = GoldRecord(id="m", text="x", published=date(2025, 4, 18), timexes=[
        GoldTimex("Thursday", "2025-04-17"), GoldTimex("last year", "2024"), GoldTimex("two years", "P2Y", type="DURATION")])
    answers = {"Thursday": "2025-04-17", "last year": "2023", "two years": "P2Y"}
    s = score_timexes([rec], lambda text, dct: answers[text])
    assert (s.all.hits, s.all.total) == (2, 3)
    assert s.by_type["DATE"].value == 0.5 and s.by_type["DURATION"].value == 1.0
    assert [(w.timex.text, w.found) for w in s.wrong] == [("last year", "2023")]


def test_records_and_extractions_must_line_up():
    with pytest.raises(ValueError, match="2 gold records but 1 extractions"):
        score_events([record("a"), record("b")], [extraction()])
