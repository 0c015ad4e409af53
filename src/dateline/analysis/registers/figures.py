"""Figures by year: each indicator per year with every report, its qualifier, and target vs actual.

A fact whose indicator ends in "_target" (the facts extractor marks goals so) is the target kind of
its indicator: "a goal of raising trade to $100 billion" is listed as a trade_volume target, never
as a trade volume.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from dateline.analysis.registers.records import Figure, FigureReport
from dateline.model import Fact

TARGET_SUFFIX = "_target"


def figures_register(facts: list[Fact]) -> list[Figure]:
    groups: dict[tuple[str, str, int | None, str], list[Fact]] = defaultdict(list)
    for f in sorted(facts, key=lambda f: (f.article_id, f.id)):
        target = f.indicator.endswith(TARGET_SUFFIX)
        indicator = f.indicator[: -len(TARGET_SUFFIX)] if target else f.indicator
        groups[(indicator, "target" if target else "actual", _year(f), f.unit)].append(f)
    out = []
    for (indicator, kind, year, unit), group in groups.items():
        tally = Counter((f.value, f.qualifier) for f in group)
        (value, qualifier), _ = max(tally.items(), key=lambda kv: (kv[1], kv[0][0], kv[0][1] or ""))
        reports = [FigureReport(f.value, f.unit, f.qualifier, f.period.value if f.period else None, f.article_id,
                                f.id, f.evidence.sentence if f.evidence else None) for f in group]
        out.append(Figure(indicator=indicator, kind=kind, year=year, unit=unit, value=value, qualifier=qualifier,
                          reports=reports, fact_ids=[f.id for f in group],
                          article_ids=list(dict.fromkeys(f.article_id for f in group))))
    return sorted(out, key=lambda g: (g.indicator, g.kind, g.year is None, g.year or 0, g.unit))


def _year(f: Fact) -> int | None:
    value = f.period.value if f.period else None
    return int(value[:4]) if value and value[:4].isdigit() else None
