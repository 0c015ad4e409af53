"""A user's knowledge directory adds rows to the number and time tables, and every extractor that
reads those tables (facts, time, events) sees them."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.extractors.facts import FactExtractor
from dateline.extractors.time import TimeResolver, timex_value
from dateline.knowledge import load_knowledge
from dateline.knowledge.loader import KnowledgeFileError
from dateline.knowledge.numbers import number_words
from dateline.model import Article

FRIDAY = date(2025, 4, 18)


def _write(directory: Path, name: str, header: str, *rows: str) -> None:
    (directory / name).write_text("# test rows\n" + "\n".join([header, *rows]) + "\n", encoding="utf-8")


@pytest.fixture()
def user_dir(tmp_path: Path) -> Path:
    # "fourty": a common misspelling of forty; "yore" and "fortnightly" are not in the built-in tables
    _write(tmp_path, "number_words.tsv", "word\tvalue\tkind", "fourty\t40\tnumber", "zero\t0\tnumber")
    _write(tmp_path, "time_vague.tsv", "phrase\tref", "days of yore\tPAST_REF")
    _write(tmp_path, "time_lexicon.tsv", "phrase\ttimex\tkind", "fortnightly\tP2W\tset")
    return tmp_path


def test_number_reader_takes_the_user_word(user_dir):
    assert number_words().parse("fourty") is None
    user = number_words((str(user_dir),))
    assert user.parse("fourty") == 40
    assert user.parse("fourty-two") == 42
    assert user.parse("eight") == 8               # built-in rows are still there


def test_user_number_word_makes_a_fact(nlp, user_dir):
    text = "Pakistan and Russia signed fourty agreements in 2024."
    doc = nlp(text)
    article = Article(text=text, published=FRIDAY)

    def agreements(kb):
        resolver = TimeResolver(kb)
        facts = FactExtractor(kb).extract(doc, article, [], resolver.find(doc, article))
        return [(f.indicator, f.value, f.unit) for f in facts]

    assert agreements(load_knowledge()) == []
    assert agreements(load_knowledge((str(user_dir),))) == [("agreements_signed", 40, "count")]


def test_user_number_word_makes_a_duration(user_dir):
    extra = (str(user_dir),)
    assert timex_value("fourty years", FRIDAY) is None
    assert timex_value("fourty years", FRIDAY, extra=extra) == "P40Y"
    assert timex_value("fourty-five days", FRIDAY, extra=extra) == "P45D"


def test_user_number_word_in_a_date_found_in_an_article(nlp, user_dir):
    text = "The border post was closed fourty days ago, officials said."
    doc = nlp(text)
    article = Article(text=text, published=FRIDAY)
    found = TimeResolver(load_knowledge((str(user_dir),))).find(doc, article)
    assert [(t.span.text, t.value) for t in found] == [("fourty days ago", "2025-03-09")]


def test_user_vague_and_lexicon_rows_take_effect(user_dir):
    extra = (str(user_dir),)
    assert timex_value("in the days of yore", FRIDAY) is None
    assert timex_value("in the days of yore", FRIDAY, extra=extra) == "PAST_REF"
    assert timex_value("fortnightly", FRIDAY) is None
    assert timex_value("fortnightly", FRIDAY, extra=extra) == "P2W"


def test_resolver_with_the_kb_resolves_a_user_vague_phrase(user_dir):
    resolver = TimeResolver(load_knowledge((str(user_dir),)))
    ref = resolver.resolve("the days of yore", FRIDAY)
    # vague: no calendar value, but bounded by the publication day
    assert (ref.value, ref.granularity, ref.earliest, ref.latest) == (None, "unknown", None, FRIDAY)
    assert TimeResolver().resolve("the days of yore", FRIDAY) is None


def test_user_number_word_sets_an_event_quantity(nlp, user_dir):
    from dateline.extractors.actors import ActorResolver
    from dateline.extractors.events import EventExtractor

    # spaCy parses "zero" (not "fourty") as a number modifier, which is what the event stage reads
    text = "Pakistan and Russia signed zero agreements on Thursday."
    doc = nlp(text)
    article = Article(text=text, published=FRIDAY)

    def quantities(kb):
        mentions = ActorResolver(kb).resolve(doc, article)
        events = EventExtractor(kb).extract(doc, article, mentions, TimeResolver(kb).find(doc, article), [])
        return [e.quantity for e in events]

    assert quantities(load_knowledge()) == [None]
    assert quantities(load_knowledge((str(user_dir),))) == [0]


def test_bad_number_row_is_a_clear_error(tmp_path):
    _write(tmp_path, "number_words.tsv", "word\tvalue\tkind", "zillion\tlots\tmultiplier")
    with pytest.raises(KnowledgeFileError, match="zillion"):
        number_words((str(tmp_path),))
