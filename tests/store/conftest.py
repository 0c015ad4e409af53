"""Store fixtures: every store test runs on SQLite, and on PostgreSQL when DATELINE_TEST_PG_URL is set.

Each PostgreSQL test gets its own schema (via search_path), so runs never see each other's rows.
"""
from __future__ import annotations

import dataclasses
import os
import uuid
from datetime import date

import pytest

from dateline.model import Actor, Article, Event, Evidence, Extraction, Fact, Place, TextSpan, TimeRef

PG_URL = os.environ.get("DATELINE_TEST_PG_URL")


def _pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if not PG_URL:
        pytest.skip("set DATELINE_TEST_PG_URL (see .ci/postgres.sh) to run the PostgreSQL tests")
    import sqlalchemy as sa

    schema = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield _pg_schema_url(schema)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture
def store(store_url):
    from dateline.store import open_store

    s = open_store(store_url)
    yield s
    s.close()


PAK = Actor(id="country:PAK", name="Pakistan", kind="country", country="PAK", sector="GOV")
RUS = Actor(id="country:RUS", name="Russia", kind="country", country="RUS", sector="GOV")
DAR = Actor(id="person:ishaq-dar", name="Ishaq Dar", kind="person", country="PAK", sector="GOV",
            roles=["foreign minister"])
RUDENKO = Actor(id="person:andrey-rudenko", name="Andrey Rudenko", kind="person", country="RUS", sector="GOV",
                roles=["deputy foreign minister"])


def _span(text: str, part: str) -> TextSpan:
    start = text.index(part)
    return TextSpan(start, start + len(part), part)


def meeting_extraction(text: str, published: date, when: date | None, outlet: str, actors, recipients,
                       trigger: str, version: str = "test-1", event_type: str = "CONSULT",
                       place: Place | None = None, extra_events: list[Event] | None = None) -> Extraction:
    """One article reporting one event: the whole text is the one sentence behind it."""
    article = Article(text=text, title=f"{outlet} report", outlet=outlet, published=published,
                      source=f"{outlet.lower()}.txt", url=f"https://{outlet.lower()}.example/news/1")
    time = (TimeRef(value=when.isoformat(), granularity="day", source="text", earliest=when, latest=when)
            if when else TimeRef(value=None, granularity="unknown", source="none", fallback=published))
    evidence = Evidence(article_id=article.id, sentence_index=0, sentence=text, sentence_start=0,
                        sentence_end=len(text), trigger=_span(text, trigger))
    event = Event(id=f"evt-{article.id[4:]}-0", article_id=article.id, type=event_type, mode="visit",
                  cameo="042" if event_type == "CONSULT" else "057", quad_class=1, plover_score=2.0, goldstein=1.9,
                  actors=list(actors), recipients=list(recipients), time=time, place=place,
                  dimensions=["diplomacy"], trigger=trigger, confidence=0.9, mentions=[evidence])
    evs = [event] + [
        dataclasses.replace(e, article_id=article.id) for e in extra_events or []]
    fact = Fact(id=f"fact-{article.id[4:]}-0", article_id=article.id, indicator="agreements_signed",
                subjects=[PAK, RUS], value=3, unit="count", qualifier=None,
                period=TimeRef(value="2025", granularity="year", source="text", earliest=date(2025, 1, 1),
                               latest=date(2025, 12, 31)), evidence=evidence)
    return Extraction(article=article, actors=list({a.id: a for a in [*actors, *recipients]}.values()),
                      events=evs, facts=[fact], version=version)


@pytest.fixture
def meeting_pair() -> tuple[Extraction, Extraction]:
    """Two outlets report the same Islamabad meeting of 17 April 2025, in different words."""
    islamabad = Place(name="Islamabad", country="PAK", feature="city")
    dawn = meeting_extraction(
        "Foreign Minister Ishaq Dar met Russian Deputy Foreign Minister Andrey Rudenko in Islamabad on Thursday.",
        date(2025, 4, 18), date(2025, 4, 17), "Dawn", [DAR], [RUDENKO], "met", place=islamabad)
    tass = meeting_extraction(
        "Russia's Andrey Rudenko held consultations with Pakistani officials in Islamabad on April 17.",
        date(2025, 4, 17), date(2025, 4, 17), "TASS", [RUDENKO], [PAK], "held consultations", place=islamabad)
    return dawn, tass


@pytest.fixture
def make():
    """Builders and actors for tests (importing conftest is not possible under --import-mode=importlib)."""
    from types import SimpleNamespace

    return SimpleNamespace(meeting=meeting_extraction, PAK=PAK, RUS=RUS, DAR=DAR, RUDENKO=RUDENKO)
