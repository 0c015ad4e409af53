"""The real-news matching rule on story-level gold written here (not the voa-dev data)."""
import json

from dateline.evaluate.news import NewsGoldEvent, NewsStory, match_story, NewsScores, read_news_gold, score_news
from dateline.model import Actor, Event, Evidence, Extraction, Article, TimeRef

TEXT = ("Kenya's president visited Ethiopia on Monday. The two sides signed a trade pact. "
        "Analysts said ties were warm.")


def gold(plover, evidence, required=True, root=None, countries=("KEN",), date=None):
    start = TEXT.index(evidence)
    return NewsGoldEvent(plover=plover, cameo_root=root, actor_countries=list(countries), recipient_countries=[],
                         date=date, evidence=evidence, start=start, end=start + len(evidence), required=required)


def event(etype, sentence, cameo="042", countries=("KEN",), value=None, granularity="unknown"):
    start = TEXT.index(sentence)
    return Event(id=f"e-{etype}-{start}", article_id="a", type=etype, cameo=cameo,
                 actors=[Actor(id=f"country:{c}", name=c, kind="country", country=c) for c in countries],
                 time=TimeRef(value=value, granularity=granularity, source="text" if value else "none"),
                 mentions=[Evidence(article_id="a", sentence_index=0, sentence=sentence,
                                    sentence_start=start, sentence_end=start + len(sentence))])


def test_precision_counts_absorbed_events_out_and_misses_only_required():
    story = NewsStory(id="s", text=TEXT, published=None, title=None, events=[
        gold("CONSULT", "visited Ethiopia", root="04", date="2025-03-03"),
        gold("SUPPORT", "signed a trade pact", required=False)])
    events = [event("CONSULT", "Kenya's president visited Ethiopia on Monday.", value="2025-03-03", granularity="day"),
              event("SUPPORT", "The two sides signed a trade pact.", cameo="057"),
              event("AGREE", "Analysts said ties were warm.", cameo="030")]
    scores = score_news([story], [Extraction(article=Article(text=TEXT), events=events)])
    assert scores.matched == 1 and scores.absorbed == 1 and len(scores.false_alarms) == 1
    assert scores.precision == 1 / 2          # 1 matched of (3 counted - 1 absorbed)
    assert scores.recall == 1.0
    assert scores.date_accuracy() == (1, 1) and scores.type_accuracy() == (1, 1)
    # doc-level: gold types {CONSULT}; system {CONSULT, AGREE} (the absorbed SUPPORT left out)
    assert scores.doc_type_f1() == {"AGREE": 0.0, "CONSULT": 1.0}


def test_same_type_wins_over_earlier_candidate_and_pairs_are_one_to_one():
    story = NewsStory(id="s", text=TEXT, published=None, title=None,
                      events=[gold("CONSULT", "visited Ethiopia", root="04")])
    sentence = "Kenya's president visited Ethiopia on Monday."
    events = [event("AGREE", sentence, cameo="030"), event("CONSULT", sentence)]
    scores = NewsScores()
    match_story(story, events, scores)
    assert [p.event.type for p in scores.pairs] == ["CONSULT"]
    assert [e.type for _, e in scores.false_alarms] == ["AGREE"]


def test_coarser_date_is_wrong_and_negated_events_are_not_counted():
    story = NewsStory(id="s", text=TEXT, published=None, title=None,
                      events=[gold("CONSULT", "visited Ethiopia", date="2025-03-03")])
    sentence = "Kenya's president visited Ethiopia on Monday."
    coarse = event("CONSULT", sentence, value="2025-03", granularity="month")
    negated = event("CONSULT", sentence)
    negated.negated = True
    scores = score_news([story], [Extraction(article=Article(text=TEXT), events=[coarse, negated])])
    assert scores.emitted == 1 and scores.flagged == 1
    assert scores.date_accuracy() == (0, 1)


def test_reader_locates_evidence_and_rejects_a_span_not_in_the_text(tmp_path):
    good = {"id": "x", "text": TEXT, "published": "2025-03-04", "events": [
        {"plover": "CONSULT", "cameo": "042", "cameo_root": "04", "actor": [{"name": "Kenya", "country": "KEN"}],
         "recipient": [{"name": "Ethiopia", "country": "ETH"}], "date": "2025-03-03", "evidence": "visited Ethiopia",
         "trigger": "visited", "required": True}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    [story] = read_news_gold(path)
    assert TEXT[story.events[0].start:story.events[0].end] == "visited Ethiopia"
    assert story.events[0].countries == {"KEN", "ETH"}
    good["events"][0]["evidence"] = "not in the text"
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    import pytest
    from dateline.evaluate.gold import GoldFormatError
    with pytest.raises(GoldFormatError, match="not a substring"):
        read_news_gold(path)
