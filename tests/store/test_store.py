"""Store behaviour on every backend: idempotence, re-processing, merging, queries, facts, failures."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest
import sqlalchemy as sa

from dateline.model import Actor, Article, Extraction, Place, TimeRef
from dateline.store import EventQuery, FactQuery
from dateline.store.schema import actor_roles, article_history, articles, event_dyads, event_mentions, events
from dateline.store.synthetic import make_extraction


def table_count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def test_same_article_twice_stores_nothing_new(store):
    extraction = make_extraction(1)
    first = store.add(extraction)
    assert first.status == "added" and first.n_events == 8
    before = (table_count(store, events), table_count(store, event_mentions), store.status().facts)
    again = store.add(make_extraction(1))
    assert again.status == "unchanged"
    assert (table_count(store, events), table_count(store, event_mentions), store.status().facts) == before
    assert store.status().articles == 1


def test_reprocessing_after_upgrade_replaces_events_and_keeps_history(store):
    old = make_extraction(3, events_per_article=5, version="1.0")
    store.add(old)
    assert store.status().article_events == 5
    new = dataclasses.replace(old, events=old.events[:2], version="2.0")
    result = store.add(new)
    assert result.status == "reprocessed"
    st = store.status()
    assert st.article_events == 2 and st.events == 2 and st.mentions == 2
    assert st.versions == {"2.0": 1}
    with store.engine.connect() as conn:
        history = conn.execute(sa.select(article_history.c.version, article_history.c.n_events)
                               .order_by(article_history.c.id)).all()
    assert [tuple(h) for h in history] == [("1.0", 5), ("2.0", 2)]


def test_two_articles_reporting_one_meeting_merge(store, meeting_pair):
    dawn, tass = meeting_pair
    assert store.add(dawn).n_new == 1
    result = store.add(tass)
    assert (result.n_new, result.n_merged) == (0, 1)
    found = store.query_events(EventQuery(dyad=("PAK", "RUS")))
    assert len(found) == 1
    event = found[0]
    assert event.source_count == 2
    assert {m.article_id for m in event.mentions} == {dawn.article.id, tass.article.id}
    assert {m.sentence for m in event.mentions} == {dawn.article.text, tass.article.text}
    assert event.time.earliest == date(2025, 4, 17)
    # the per-article ids still lead to the merged event
    assert store.get_event(tass.events[0].id).id == event.id
    assert store.get_event(dawn.events[0].id).id == event.id
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(event_dyads.c.dyad, event_dyads.c.n_sources, event_dyads.c.month)).all()
    assert [tuple(r) for r in rows] == [("PAK-RUS", 2, "2025-04")]


def test_same_meeting_in_another_month_stays_apart(store, meeting_pair, make):
    dawn, _ = meeting_pair
    later = make.meeting(
        "Ishaq Dar met Andrey Rudenko again in Islamabad on 12 June.", date(2025, 6, 13), date(2025, 6, 12),
        "Nation", [make.DAR], [make.RUDENKO], "met")
    store.add(dawn)
    result = store.add(later)
    assert (result.n_new, result.n_merged) == (1, 0)
    found = store.query_events(EventQuery(dyad=("PAK", "RUS")))
    assert [e.source_count for e in found] == [1, 1]
    assert [e.time.earliest for e in found] == [date(2025, 4, 17), date(2025, 6, 12)]


def test_different_type_or_place_country_stays_apart(store, meeting_pair, make):
    dawn, _ = meeting_pair
    agree = make.meeting("Pakistan and Russia agreed on 17 April to expand trade.", date(2025, 4, 18),
                               date(2025, 4, 17), "Express", [make.PAK, make.RUS], [], "agreed", event_type="AGREE")
    moscow = make.meeting("Dar met Rudenko in Moscow on 17 April.", date(2025, 4, 18), date(2025, 4, 17),
                                "Kommersant", [make.DAR], [make.RUDENKO], "met",
                                place=Place(name="Moscow", country="RUS", feature="city"))
    for extraction in (dawn, agree, moscow):
        store.add(extraction)
    assert store.count_events(EventQuery(dyad=("PAK", "RUS"))) == 3


def test_repeats_within_one_article_merge_and_undated_only_within_article(store, make):
    text = "Dar met Rudenko. Later the two ministers met again, officials said."
    undated = TimeRef(value=None, granularity="unknown", source="none")
    base = make.meeting(text, date(2025, 4, 18), None, "Dawn", [make.DAR], [make.RUDENKO], "met")
    repeat = dataclasses.replace(base.events[0], id="evt-repeat", time=undated)
    one = make.meeting(text, date(2025, 4, 18), None, "Dawn", [make.DAR], [make.RUDENKO], "met", extra_events=[repeat])
    other = make.meeting("Dar met Rudenko, the ministry said.", date(2025, 4, 19), None, "Nation",
                               [make.DAR], [make.RUDENKO], "met")
    assert store.add(one).n_new == 1
    assert store.add(other).n_new == 1
    found = store.query_events(EventQuery(dyad=("PAK", "RUS")))
    assert sorted(len(e.mentions) for e in found) == [1, 2]
    assert all(e.time.earliest is None for e in found)


def test_merge_survives_reprocessing_of_one_source(store, meeting_pair):
    dawn, tass = meeting_pair
    store.add(dawn)
    store.add(tass)
    upgraded = dataclasses.replace(dawn, version="test-2", events=[])
    store.add(upgraded)
    found = store.query_events(EventQuery(dyad=("PAK", "RUS")))
    assert len(found) == 1 and found[0].source_count == 1
    assert [m.article_id for m in found[0].mentions] == [tass.article.id]
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(event_dyads.c.n_sources)).scalars().all() == [1]


def test_queries_filter_on_every_field(store):
    for i in range(40):
        store.add(make_extraction(i, events_per_article=5))
    everything = store.query_events(EventQuery(limit=None))
    assert len(everything) == store.count_events(EventQuery()) == store.status().events

    def expect(q: EventQuery, keep) -> None:
        want = sorted(e.id for e in everything if keep(e))
        got = sorted(e.id for e in store.query_events(dataclasses.replace(q, limit=None)))
        assert got == want
        assert store.count_events(q) == len(want)

    def countries(e, side):
        return {a.country for a in getattr(e, side)}

    expect(EventQuery(dyad=("PAK", "RUS")),
           lambda e: {"PAK", "RUS"} <= countries(e, "actors") | countries(e, "recipients")
           and ("PAK" in countries(e, "actors") or "RUS" in countries(e, "actors")))
    # directed: PAK acts on RUS, or both act jointly (a joint event has no direction)
    expect(EventQuery(dyad=("PAK", "RUS"), directed=True),
           lambda e: "PAK" in countries(e, "actors") and "RUS" in countries(e, "recipients") | countries(e, "actors"))
    expect(EventQuery(dyad=("RUS", "PAK"), directed=True),
           lambda e: "RUS" in countries(e, "actors") and "PAK" in countries(e, "recipients") | countries(e, "actors"))
    expect(EventQuery(actor="CHN"), lambda e: "CHN" in countries(e, "actors") | countries(e, "recipients"))
    expect(EventQuery(actor="country:IND"), lambda e: "IND" in countries(e, "actors") | countries(e, "recipients"))
    expect(EventQuery(types=["AGREE", "ASSAULT"]), lambda e: e.type in ("AGREE", "ASSAULT"))
    expect(EventQuery(quad_classes=[4]), lambda e: e.quad_class == 4)
    expect(EventQuery(dimensions=["trade"]), lambda e: "trade" in e.dimensions)
    expect(EventQuery(start=date(2021, 1, 1), end=date(2021, 12, 31)),
           lambda e: e.time.earliest <= date(2021, 12, 31) and e.time.latest >= date(2021, 1, 1))
    expect(EventQuery(place_country="USA"), lambda e: e.place is not None and e.place.country == "USA")
    page = store.query_events(EventQuery(limit=7, offset=3))
    assert [e.id for e in page] == [e.id for e in everything[3:10]]
    assert [e.id for e in store.iter_events(EventQuery(), batch=13)] == sorted(e.id for e in everything)
    dates = [e.time.earliest for e in everything]
    assert dates == sorted(dates)


def test_joint_events_answer_both_directed_queries(store, make):
    joint = make.meeting("Pakistan and Russia agreed on 17 April to expand trade.", date(2025, 4, 18),
                         date(2025, 4, 17), "Express", [make.PAK, make.RUS], [], "agreed", event_type="AGREE")
    pak_to_rus = make.meeting("Dar met Rudenko in Moscow on 2 May.", date(2025, 5, 3), date(2025, 5, 2),
                              "Dawn", [make.DAR], [make.RUDENKO], "met")
    rus_to_pak = make.meeting("Rudenko visited Dar in Islamabad on 9 June.", date(2025, 6, 10), date(2025, 6, 9),
                              "TASS", [make.RUDENKO], [make.DAR], "visited")
    # both act and PAK also receives: still joint (event_dyads stores it in sorted order)
    both_ways = make.meeting("Russia and Pakistan praised Pakistan's role on 1 July.", date(2025, 7, 2),
                             date(2025, 7, 1), "Nation", [make.RUS, make.PAK], [make.PAK], "praised",
                             event_type="SUPPORT")
    for extraction in (joint, pak_to_rus, rus_to_pak, both_ways):
        store.add(extraction)

    def trigger_words(a: str, b: str) -> list[str]:
        found = store.query_events(EventQuery(dyad=(a, b), directed=True))
        assert store.count_events(EventQuery(dyad=(a, b), directed=True)) == len(found)
        return sorted(e.trigger for e in found)

    assert trigger_words("PAK", "RUS") == ["agreed", "met", "praised"]
    assert trigger_words("RUS", "PAK") == ["agreed", "praised", "visited"]
    assert store.count_events(EventQuery(dyad=("PAK", "RUS"))) == 4
    assert trigger_words("PAK", "CHN") == []


def test_every_event_comes_back_with_its_evidence(store):
    extraction = make_extraction(5, events_per_article=6)
    store.add(extraction)
    by_id = {e.id: e for e in store.query_events(EventQuery())}
    article = store.get_article(extraction.article.id)
    assert article.text == extraction.article.text and article.published == extraction.article.published
    for original in extraction.events:
        stored = store.get_event(original.id)
        mention = [m for m in stored.mentions if m.sentence_index == original.mentions[0].sentence_index][0]
        assert mention == original.mentions[0]
        assert article.text[mention.trigger.start:mention.trigger.end] == mention.trigger.text
        assert stored.id in by_id


def test_facts_actors_and_roles(store, meeting_pair):
    dawn, tass = meeting_pair
    store.add(dawn)
    store.add(tass)
    facts = store.query_facts(FactQuery(dyad=("PAK", "RUS")))
    assert len(facts) == 2 and {f.article_id for f in facts} == {dawn.article.id, tass.article.id}
    assert facts[0].value == 3 and facts[0].period.earliest == date(2025, 1, 1)
    assert store.query_facts(FactQuery(country="CHN")) == []
    assert len(store.query_facts(FactQuery(indicator="agreements_signed", start=date(2025, 6, 1)))) == 2
    assert store.query_facts(FactQuery(end=date(2024, 12, 31))) == []
    assert [a.id for a in store.actors(country="RUS")] == ["person:andrey-rudenko", "country:RUS"]
    dar = store.actors(search="dar")
    assert [a.id for a in dar] == ["person:ishaq-dar"] and dar[0].roles == ["foreign minister"]


def test_failures_are_recorded_and_cleared_by_success(store, meeting_pair):
    dawn, _ = meeting_pair
    store.record_failure("broken.html", "broken.html: no text found")
    store.record_failure(dawn.article.source, "extraction failed: boom", dawn.article)
    store.record_failure(dawn.article.source, "extraction failed: boom again", dawn.article)
    st = store.status()
    assert st.articles_failed == 2 and st.articles == 0
    assert sorted(f.error for f in st.failures) == ["broken.html: no text found", "extraction failed: boom again"]
    store.add(dawn)
    st = store.status()
    assert [f.source for f in st.failures] == ["broken.html"] and st.articles == 1 and st.events == 1


def test_distinct_events_the_extractor_kept_apart_in_one_article_stay_apart(store, make):
    # "Pakistan and Russia agreed ..." and "Dar reaffirmed commitment to ties with Russia": same type,
    # same day, overlapping countries, but the extractor coded two events; the store must not fold them.
    text = "Pakistan and Russia agreed to advance ties. Dar reaffirmed commitment to Russia."
    first = make.meeting(text, date(2025, 4, 18), date(2025, 4, 17), "Dawn", [make.PAK, make.RUS], [], "agreed")
    second = dataclasses.replace(first.events[0], id="evt-reaffirm", actors=[make.DAR], recipients=[make.RUS])
    article = dataclasses.replace(first, events=[dataclasses.replace(first.events[0], type="AGREE"),
                                                 dataclasses.replace(second, type="AGREE")])
    assert store.add(article).n_new == 2
    assert store.count_events(EventQuery(dyad=("PAK", "RUS"))) == 2


def test_reference_article_keeps_every_extracted_event_in_the_store(store, pipeline):
    from dateline.ingest import read_inputs
    from shared_data import REFERENCE_ARTICLE, needs_shared

    [article] = list(read_inputs([needs_shared(REFERENCE_ARTICLE)]))
    extraction = pipeline.extract(article)
    result = store.add(extraction)
    assert result.n_new == len(extraction.events)
    # every candidate is stored, whatever its confidence; reads count them all at threshold 0
    from dateline.store.selection import MODALITIES, Selection
    every = Selection(frozenset(MODALITIES), min_confidence=0.0)
    assert store.count_events(EventQuery(dyad=("PAK", "RUS"), selection=every)) == len(extraction.events)
    shown = [e for e in extraction.events if e.confidence >= 0.5 and not (e.negated or e.hypothetical or e.future)]
    assert store.count_events(EventQuery(dyad=("PAK", "RUS"), selection=Selection(min_confidence=0.5))) == len(shown)


def test_failure_of_new_content_under_a_stored_article_id_keeps_the_stored_article(store):
    # An edited story keeps its article id; when the new version fails to extract, the stored
    # version must stay and the failure must still be recorded (no UNIQUE clash on articles.id).
    store.add(Extraction(article=Article(id="art-x", text="v1", source="dawn.txt"), version="test-1"))
    store.record_failure("dawn.txt", "extraction failed: boom", Article(id="art-x", text="v2", source="dawn.txt"))
    st = store.status()
    assert st.articles == 1
    assert [(f.source, f.article_id, f.error) for f in st.failures] == [("dawn.txt", "art-x",
                                                                         "extraction failed: boom")]
    assert store.get_articles(["art-x"])["art-x"].text == "v1"


def test_failure_replaces_an_earlier_failed_row_with_the_same_id_or_content(store):
    store.record_failure("a.txt", "first reason", Article(id="art-y", text="version one"))
    # same id, other content: the older failed row is replaced, not clashed with
    store.record_failure("a.txt", "second reason", Article(id="art-y", text="version two"))
    # same content under another id: replaced as well
    store.record_failure("b.txt", "third reason", Article(id="art-z", text="version two"))
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(articles.c.id, articles.c.status, articles.c.error, articles.c.text)).all()
    assert [(r.id, r.status, r.error, r.text) for r in rows] == [("art-z", "failed", "third reason", "version two")]
    assert store.status().articles_failed == 2


@pytest.mark.parametrize("search", ["%", "_", "a_d", "50%"])
def test_actor_search_treats_like_wildcards_as_plain_text(store, make, search):
    fund = Actor(id="org:fund_50pct", name="Fund 50% Group", kind="org", country="PAK", sector="BUS")
    store.add(make.meeting("Dar met Fund 50% Group in Islamabad.", date(2025, 4, 18), date(2025, 4, 17), "Dawn",
                           [make.DAR], [fund], "met"))
    expected = {"%": ["org:fund_50pct"], "_": ["org:fund_50pct"], "a_d": [], "50%": ["org:fund_50pct"]}[search]
    assert [a.id for a in store.actors(search=search)] == expected


def test_long_role_is_found_again_and_its_period_extended(store, make):
    role = "special envoy " + "for regional connectivity " * 10
    assert len(role) > 200
    envoy = dataclasses.replace(make.DAR, roles=[role])
    store.add(make.meeting("Dar met Rudenko in Islamabad.", date(2025, 4, 18), date(2025, 4, 17), "Dawn",
                           [envoy], [make.RUDENKO], "met"))
    store.add(make.meeting("Dar met Rudenko in Moscow.", date(2025, 6, 2), date(2025, 6, 1), "Dawn",
                           [envoy], [make.RUDENKO], "met"))
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(actor_roles.c.role, actor_roles.c.first_seen, actor_roles.c.last_seen)
                            .where(actor_roles.c.actor_id == envoy.id)).all()
    assert len(rows) == 1 and rows[0].role == role[:200]
    assert (str(rows[0].first_seen)[:10], str(rows[0].last_seen)[:10]) == ("2025-04-18", "2025-06-02")
