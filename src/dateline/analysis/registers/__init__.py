"""The relationship file of a country pair: registers of visits, agreements and mechanism sessions,
and figures by year, built from the store at read time.

    >>> from dateline.analysis.registers import relationship_file
    >>> rf = relationship_file(store, "PAK", "RUS", Period.parse("2023", "2025"))   # doctest: +SKIP

Rows trace to the stored events (``event_ids``), facts (``fact_ids``) and articles (``article_ids``)
behind them. Mechanism sessions are recognised in the stored evidence sentences with the knowledge
tables of dateline.knowledge.mechanisms, so adding a mechanism needs no re-extraction.
"""
from __future__ import annotations

from dateline.analysis.period import Period
from dateline.analysis.registers.agreements import agreements_register
from dateline.analysis.registers.figures import figures_register
from dateline.analysis.registers.mechanisms import mechanisms_register, session_labels, sightings
from dateline.analysis.registers.records import (Agreement, Figure, FigureReport, MechanismRecord, Person,
                                                 RelationshipFile, Session, Source, Visit, When)
from dateline.analysis.registers.visits import visits_register
__all__ = ["Agreement", "Figure", "FigureReport", "MechanismRecord", "Person", "RelationshipFile", "Session",
           "Source", "Visit", "When", "relationship_file"]

def relationship_file(store, a: str, b: str, period: Period = Period(), *,
                      knowledge: tuple[str, ...] | None = None, selection=None) -> RelationshipFile:
    """The four registers of the pair ``a``-``b`` (ISO3 codes) in ``period``.

    ``knowledge``: the user's knowledge directories (default: DATELINE_KNOWLEDGE). ``selection``: the
    events read (dateline.store.selection.Selection; default: asserted ones at the default threshold);
    announced events are always read too, as the "planned" rows."""
    from dateline.analysis.names import CountryNames
    from dateline.knowledge.mechanisms import load_mechanisms
    from dateline.store.query import EventQuery, FactQuery
    from dateline.store.selection import Selection, with_announced

    a, b = a.upper(), b.upper()
    pair = (a, b)
    if knowledge is None:
        from dateline.config import Settings
        knowledge = tuple(Settings().knowledge_paths)
    selection = with_announced(selection or Selection())
    events = store.query_events(EventQuery(dyad=pair, start=period.start, end=period.end, limit=None,
                                           selection=selection))
    facts = store.query_facts(FactQuery(dyad=pair, start=period.start, end=period.end, limit=None))
    found = sightings(events, load_mechanisms(knowledge))
    labels = session_labels(found)
    names = CountryNames(store)
    rf = RelationshipFile(
        dyad=pair, names={a: names.name(a), b: names.name(b)},
        start=period.start.isoformat() if period.start else None,
        end=period.end.isoformat() if period.end else None,
        visits=visits_register(events, pair, labels),
        agreements=agreements_register(events, facts, pair, labels),
        mechanisms=mechanisms_register(found),
        figures=figures_register(facts), n_events=len(events), selection=selection.to_json())
    rf.articles = _articles(store, rf)
    return rf


def _articles(store, rf: RelationshipFile) -> dict[str, dict]:
    """Title, outlet, date and address of every article a row cites, for footnotes."""
    ids = [i for row in (*rf.visits, *rf.agreements, *rf.figures) for i in row.article_ids]
    ids += [i for m in rf.mechanisms for s in m.sessions for i in s.article_ids]
    found = store.get_articles(dict.fromkeys(ids))
    return {i: {"title": x.title, "outlet": x.outlet, "published": x.published.isoformat() if x.published else None,
                "url": x.url} for i, x in sorted(found.items())}
