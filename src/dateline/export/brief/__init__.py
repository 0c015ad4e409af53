"""The brief: one printable document on a country pair, written from the store.

``gather`` reads what the brief shows (the relationship file and the dyad summary); ``brief_html``
writes one self-contained HTML page (inline SVG charts, no external assets, A4 print styles) and
``brief_markdown`` the same as Markdown. ``dateline brief A B --out brief.html`` drives them.
"""
from __future__ import annotations

from dataclasses import dataclass

from dateline.analysis.period import Period
from dateline.analysis.records import DyadSummary
from dateline.analysis.registers.records import RelationshipFile

__all__ = ["BriefData", "brief_html", "brief_markdown", "gather"]


@dataclass(slots=True)
class BriefData:
    file: RelationshipFile
    summary: DyadSummary
    generated: str                       # ISO date the brief was written


def gather(store, a: str, b: str, period: Period = Period(), today: str | None = None,
           selection=None) -> BriefData:
    """``selection``: the events counted (dateline.store.selection.Selection; None: the default)."""
    from datetime import date

    from dateline.analysis import DyadAnalytics
    from dateline.analysis.registers import relationship_file

    return BriefData(file=relationship_file(store, a, b, period, selection=selection),
                     summary=DyadAnalytics(store).summary(a, b, period, selection=selection),
                     generated=today or date.today().isoformat())


def brief_html(data: BriefData) -> str:
    from dateline.export.brief.html import render
    return render(data)


def brief_markdown(data: BriefData) -> str:
    from dateline.export.brief.markdown import render
    return render(data)
