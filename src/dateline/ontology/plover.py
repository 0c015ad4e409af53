"""PLOVER v2: the 16 event types, their modes, quad classes, contexts and conflict-cooperation scores."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from dateline.ontology.tables import rows

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}


class UnknownPloverCode(KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad_class: int
    score: float
    requires_recipient: bool
    cameo: str
    gloss: str
    modes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mode:
    type: str
    name: str
    score: float
    cameo: str
    gloss: str


@functools.lru_cache(maxsize=1)
def _modes() -> dict[tuple[str, str], Mode]:
    out = {}
    types = {r["type"]: float(r["score"]) for r in rows("plover_types.tsv")}
    for r in rows("plover_modes.tsv"):
        score = float(r["score"]) if r["score"] else types[r["type"]]
        out[(r["type"], r["mode"])] = Mode(r["type"], r["mode"], score, r["cameo"], r["gloss"])
    return out


@functools.lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """The 16 types in the manual's order (cooperation first, material conflict last)."""
    modes = _modes()
    out = {}
    for r in rows("plover_types.tsv"):
        name = r["type"]
        out[name] = EventType(name, int(r["quad_class"]), float(r["score"]),
                              r["requires_recipient"] == "yes", r["cameo"], r["gloss"],
                              tuple(m for (t, m) in modes if t == name))
    return out


EVENT_TYPES: tuple[str, ...] = tuple(event_types())


@functools.lru_cache(maxsize=1)
def contexts() -> tuple[str, ...]:
    return tuple(r["context"] for r in rows("plover_contexts.tsv"))


def event_type(name: str) -> EventType:
    try:
        return event_types()[name]
    except KeyError:
        raise UnknownPloverCode(f"unknown PLOVER event type {name!r}; expected one of "
                                f"{', '.join(EVENT_TYPES)}") from None


def mode(type_name: str, mode_name: str) -> Mode:
    try:
        return _modes()[(type_name, mode_name)]
    except KeyError:
        raise UnknownPloverCode(f"unknown PLOVER mode {mode_name!r} for {type_name}; expected one of "
                                f"{', '.join(event_type(type_name).modes) or '(none)'}") from None


def quad_class(type_name: str) -> int:
    return event_type(type_name).quad_class


def score(type_name: str, mode_name: str | None = None) -> float:
    """PLOVER score of a type, or of its mode when the mode has one; cooperation is positive."""
    if mode_name:
        m = _modes().get((type_name, mode_name))
        if m is not None:
            return m.score
    return event_type(type_name).score


def is_context(name: str) -> bool:
    return name in contexts()
