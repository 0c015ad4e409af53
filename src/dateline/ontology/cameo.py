"""The CAMEO codebook (code, name, Goldstein score) and the CAMEO <-> PLOVER mapping."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from dateline.ontology import plover
from dateline.ontology.tables import rows


class UnknownCameoCode(KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    root: str


@dataclass(frozen=True, slots=True)
class PloverCoding:
    type: str | None          # None for CAMEO statements (01x), which PLOVER does not code
    mode: str | None
    contexts: tuple[str, ...]
    source: str               # "CAMEO2PLOVER-2021" or "dateline"


@functools.lru_cache(maxsize=1)
def codebook() -> dict[str, CameoCode]:
    return {r["code"]: CameoCode(r["code"], r["name"], float(r["goldstein"]), r["code"][:2])
            for r in rows("cameo_codes.tsv")}


def lookup(code: str) -> CameoCode:
    try:
        return codebook()[code]
    except KeyError:
        raise UnknownCameoCode(f"unknown CAMEO code {code!r} (codes are 2-4 digits, e.g. '042')") from None


def goldstein(code: str | None) -> float | None:
    """Goldstein score of a code; a code missing from the book falls back to its parent code."""
    book = codebook()
    while code:
        if code in book:
            return book[code].goldstein
        code = code[:-1] if len(code) > 2 else ""
    return None


@functools.lru_cache(maxsize=1)
def _to_plover() -> dict[str, PloverCoding]:
    return {r["code"]: PloverCoding(r["type"] or None, r["mode"] or None,
                                    tuple(c for c in r["contexts"].split("|") if c), r["source"])
            for r in rows("cameo_plover.tsv")}


def to_plover(code: str) -> PloverCoding:
    """CAMEO -> PLOVER. A two-digit root maps like its 'X0' code (e.g. '04' like '040')."""
    table = _to_plover()
    key = code + "0" if len(code) == 2 else code
    if key in table:
        return table[key]
    if len(code) == 4 and code[:3] in table:
        return table[code[:3]]
    raise UnknownCameoCode(f"CAMEO code {code!r} has no PLOVER mapping")


def from_plover(type_name: str, mode_name: str | None = None) -> str:
    """PLOVER -> the nearest CAMEO code: the mode's code when it has one, else the type's."""
    if mode_name:
        try:
            return plover.mode(type_name, mode_name).cameo
        except plover.UnknownPloverCode:
            pass
    return plover.event_type(type_name).cameo
