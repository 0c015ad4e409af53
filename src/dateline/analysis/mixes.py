"""The figures articles report about a dyad (trade volume by year...), through the store's fact query."""
from __future__ import annotations

from dateline.analysis.period import Period
from dateline.analysis.records import FactPoint, FactReport, FactSeries


def fact_series(store, sides: tuple[str, str], period: Period) -> list[FactSeries]:
    """Figures the articles report about the pair, one series per (indicator, unit).

    A figure several articles report (same period, value, unit and qualifier) is one point with the
    number of articles behind it; every report stays in the point's ``reports``."""
    from dateline.store.query import FactQuery

    facts = store.query_facts(FactQuery(dyad=sides, start=period.start, end=period.end, limit=2000))
    series: dict[tuple[str, str], FactSeries] = {}
    points: dict[tuple, FactPoint] = {}
    articles: dict[tuple, set[str]] = {}
    for f in sorted(facts, key=lambda f: (f.article_id, f.id)):   # first report: stable, whatever the row order
        s = series.setdefault((f.indicator, f.unit), FactSeries(indicator=f.indicator, unit=f.unit))
        when = f.period.value if f.period else None
        sentence = f.evidence.sentence if f.evidence else None
        key = (f.indicator, f.unit, when, f.value, f.qualifier)
        point = points.get(key)
        if point is None:
            point = points[key] = FactPoint(period=when, value=f.value, unit=f.unit, qualifier=f.qualifier,
                                            article_id=f.article_id, fact_id=f.id, sentence=sentence)
            articles[key] = set()
            s.points.append(point)
        point.reports.append(FactReport(article_id=f.article_id, fact_id=f.id, sentence=sentence))
        articles[key].add(f.article_id)
        point.n_articles = len(articles[key])
    for s in series.values():
        s.points.sort(key=lambda p: (p.period is None, p.period or "", p.value, p.qualifier or ""))
    return sorted(series.values(), key=lambda s: (-len(s.points), s.indicator))
