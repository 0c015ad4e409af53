"""The figures articles report about a dyad (trade volume by year...), through the store's fact query."""
from __future__ import annotations

from dateline.analysis.period import Period
from dateline.analysis.records import FactPoint, FactSeries


def fact_series(store, sides: tuple[str, str], period: Period) -> list[FactSeries]:
    """Figures the articles report about the pair (trade volume by year...), one series per indicator."""
    from dateline.store.query import FactQuery

    facts = store.query_facts(FactQuery(dyad=sides, start=period.start, end=period.end, limit=2000))
    series: dict[tuple[str, str], FactSeries] = {}
    for f in facts:
        s = series.setdefault((f.indicator, f.unit), FactSeries(indicator=f.indicator, unit=f.unit))
        s.points.append(FactPoint(period=f.period.value if f.period else None, value=f.value, unit=f.unit,
                                  qualifier=f.qualifier, article_id=f.article_id, fact_id=f.id,
                                  sentence=f.evidence.sentence if f.evidence else None))
    for s in series.values():
        s.points.sort(key=lambda p: (p.period is None, p.period or "", p.value))
    return sorted(series.values(), key=lambda s: (-len(s.points), s.indicator))
