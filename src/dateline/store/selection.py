"""Which stored events a read counts: the one selection every view, count, index, panel and export takes.

An event has one **modality**, from its flags (``modality_of``):

- ``asserted``: the text reports it as done (the default; the only events in counts and the index);
- ``announced``: future or intended ("will visit", "plans to sign"), counted apart, never in the index;
- ``negated``: the text says it did not happen ("did not sign");
- ``hypothetical``: conditional or speculative ("could impose", "should the talks collapse").

A negated or hypothetical announcement is negated or hypothetical. ``historical`` is no modality: a
past act reported as background is still asserted.

And a **confidence** (the learned scorer's probability that the candidate is a real event of its
type): a read keeps events with ``confidence >= min_confidence``. The default threshold is
``DEFAULT_MIN_CONFIDENCE``, overridden by ``DATELINE_MIN_CONFIDENCE`` (``dateline.config.Settings``),
then by ``--min-confidence`` / ``min_confidence=``; 0 keeps every candidate.

    >>> Selection.parse("asserted,announced", 0.5).label()
    'asserted and announced events, confidence ≥ 0.5'
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, case, func, or_, true

from dateline.config import DEFAULT_MIN_CONFIDENCE  # noqa: F401  (the one default threshold, set there)

MODALITIES = ("asserted", "announced", "negated", "hypothetical")
DEFAULT_MODALITIES = ("asserted",)
MODALITY_HELP = ("Which events count: asserted (default), announced (future/intended), negated, hypothetical, "
                 "a comma-separated mix, or all.")
CONFIDENCE_HELP = ("Leave out events whose confidence is below this (0..1; 0 keeps all; default "
                   "$DATELINE_MIN_CONFIDENCE or {default}).")

# The per-dyad totals (store.aggregates) are kept per confidence bin, so any threshold is answered
# exactly: bins at or above it from the totals, the one bin it cuts through from the events.
# Bin b holds confidences c with EDGES[b] <= c < EDGES[b + 1] (1.0 in the last bin); both the Python
# and the SQL form compare with these same floats, so they always agree.
EDGES = tuple(i / 10 for i in range(11))


class SelectionError(ValueError):
    pass


def modality_of(negated: bool, future: bool, hypothetical: bool) -> str:
    """The modality of an event with these flags (see the module text)."""
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    return "announced" if future else "asserted"


def event_modality(event) -> str:
    return modality_of(event.negated, event.future, event.hypothetical)


def confidence_bin(confidence: float | None) -> int:
    c = 1.0 if confidence is None else confidence
    return min(max(bisect_right(EDGES, c) - 1, 0), len(EDGES) - 1)


def confidence_bin_sql(col) -> ColumnElement[int]:
    """``confidence_bin`` as SQL, for grouping rows that were not binned on write."""
    return case(*((col >= EDGES[i], i) for i in range(len(EDGES) - 1, 0, -1)), else_=0)


def default_min_confidence() -> float:
    from dateline.config import Settings

    return Settings().min_confidence


def _default_modalities() -> frozenset[str]:
    return frozenset(DEFAULT_MODALITIES)


def with_announced(selection: Selection) -> Selection:
    """The selection with announced events too (same threshold): the relationship file lists them as
    "planned" rows, apart from what was held or signed."""
    return Selection(selection.modalities | {"announced"}, selection.min_confidence)


@dataclass(frozen=True)
class Selection:
    """The events a read keeps: these modalities, at or above this confidence."""

    modalities: frozenset[str] = field(default_factory=_default_modalities)
    min_confidence: float = field(default_factory=default_min_confidence)

    def __post_init__(self) -> None:
        unknown = set(self.modalities) - set(MODALITIES)
        if unknown or not self.modalities:
            raise SelectionError(f"unknown modality '{','.join(sorted(unknown))}'; choose from "
                                 f"{', '.join(MODALITIES)} or all")
        if not 0.0 <= self.min_confidence <= 1.0:   # (nan fails this too)
            raise SelectionError(f"min_confidence {self.min_confidence} is not between 0 and 1")
        object.__setattr__(self, "modalities", frozenset(self.modalities))

    @classmethod
    def parse(cls, modality: str | Iterable[str] | None = None, min_confidence: float | None = None) -> Selection:
        """From the CLI's/API's values: "asserted", "asserted,announced", "all" (or a list of these);
        None means the default."""
        if modality is None:
            modalities = _default_modalities()
        else:
            parts = [modality] if isinstance(modality, str) else list(modality)
            words = [w.strip().lower() for p in parts for w in p.split(",") if w.strip()]
            modalities = frozenset(MODALITIES) if "all" in words else frozenset(words)
        if min_confidence is None:
            return cls(modalities)
        return cls(modalities, float(min_confidence))

    @classmethod
    def everything(cls) -> Selection:
        return cls(frozenset(MODALITIES), 0.0)

    @property
    def all_modalities(self) -> bool:
        return self.modalities == frozenset(MODALITIES)

    def keeps(self, event) -> bool:
        return event_modality(event) in self.modalities and event.confidence >= self.min_confidence

    def filter(self, events: Iterable) -> list:
        return [e for e in events if self.keeps(e)]

    def clause(self, table, by_index: bool = True) -> ColumnElement[bool]:
        """The SQL condition on a table with ``modality`` and ``confidence`` columns (events, event_dyads).
        ``by_index=False`` keeps the database from reading the selection's index: a keyset walk must
        read the sort column's index, and a planner without statistics (a store never ANALYZEd)
        would take ``modality = ?`` for the narrower range and sort every event instead."""
        c = table.c
        conds = []
        if not self.all_modalities:
            modality = c.modality if by_index else func.coalesce(c.modality, "")   # same value, no index
            conds.append(modality.in_(sorted(self.modalities)))
        if self.min_confidence > 0:
            # a missing confidence counts as 1, as in the totals (confidence_bin): rows written
            # before the scorer, or by a bulk load, are not hidden from lists that summaries count
            conds.append(or_(c.confidence >= self.min_confidence, c.confidence.is_(None)))
        return and_(*conds) if conds else true()

    def _first_bin(self) -> int:
        """The first confidence bin wholly at or above the threshold."""
        return bisect_left(EDGES, self.min_confidence)

    def totals_clause(self, table) -> ColumnElement[bool]:
        """The condition on a per-dyad totals table (``modality``, ``confidence_bin``): the bins wholly
        at or above the threshold. The bin the threshold cuts through is ``cut_clause``'s."""
        c = table.c
        conds = []
        if not self.all_modalities:
            conds.append(c.modality.in_(sorted(self.modalities)))
        if self._first_bin() > 0:
            conds.append(c.confidence_bin >= self._first_bin())
        return and_(*conds) if conds else true()

    def cut_clause(self, table) -> ColumnElement[bool] | None:
        """The events (event_dyads rows, with ``clause`` applied) of the bin the threshold cuts through,
        which the totals cannot answer; None when the threshold is a bin edge (0, 0.1 ... 1)."""
        k = self._first_bin()
        if k == 0 or (k < len(EDGES) and EDGES[k] == self.min_confidence):
            return None
        return table.c.confidence < EDGES[k] if k < len(EDGES) else true()

    def modality_names(self) -> list[str]:
        return [m for m in MODALITIES if m in self.modalities]

    def label(self) -> str:
        """What is included, for the caption of a chart or table."""
        names = self.modality_names()
        what = "all events" if self.all_modalities else " and ".join(names) + " events"
        return what + (f", confidence ≥ {self.min_confidence:g}" if self.min_confidence > 0 else "")

    def to_json(self) -> dict:
        return {"modality": self.modality_names(), "min_confidence": self.min_confidence, "label": self.label()}


def confident(extraction, min_confidence: float | None = None):
    """The extraction with the events at or above the threshold (None: the default), of every modality:
    what `dateline extract` and ``dateline.extract()`` return. The store keeps every candidate."""
    import dataclasses

    threshold = default_min_confidence() if min_confidence is None else min_confidence
    if threshold <= 0:
        return extraction
    return dataclasses.replace(extraction, events=[e for e in extraction.events if e.confidence >= threshold])
