"""Relationship views of the store: dyad timelines, cooperation–conflict index, mixes, partners, network.

>>> from dateline.store import open_store
>>> from dateline.analysis import DyadAnalytics, Period
>>> summary = DyadAnalytics(open_store()).summary("PAK", "RUS", Period.parse("2024", "2025"))
"""
from __future__ import annotations

from dateline.analysis.dyad import DyadAnalytics
from dateline.analysis.period import Period, PeriodError, parse_bound
from dateline.analysis.records import QUAD_NAMES, DyadSummary, Network, Partner, SeriesPoint, TimelinePoint
from dateline.analysis.sql import dyad_key

__all__ = ["DyadAnalytics", "Period", "PeriodError", "parse_bound", "QUAD_NAMES", "DyadSummary", "Network",
           "Partner", "SeriesPoint", "TimelinePoint", "dyad_key"]
