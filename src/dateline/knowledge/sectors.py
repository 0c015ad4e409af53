"""Sector codes and the nouns that name a country's group of that sector (sectors.tsv)."""
from __future__ import annotations

from dataclasses import dataclass

from dateline.knowledge.loader import KnowledgeFileError, split_list


UNNAMED = ("home", "place", "-")


@dataclass(frozen=True, slots=True)
class Sector:
    code: str
    label: str
    nouns: tuple[str, ...]
    unnamed: str = "-"          # a bare noun is an actor: "home" | "place" country; "-": it is not


class SectorTable:
    def __init__(self, rows: tuple[dict[str, str], ...]) -> None:
        self._by_code: dict[str, Sector] = {}
        self._by_noun: dict[str, str] = {}
        self._noun_unnamed: dict[str, str] = {}   # "authorities:home": this noun's own rule when alone
        for row in rows:
            code = row.get("code", "").upper()
            if not code:
                raise KnowledgeFileError(f"sectors.tsv: row needs a code: {row}")
            unnamed = (row.get("unnamed") or "-").strip().lower()
            if unnamed not in UNNAMED:
                raise KnowledgeFileError(f"sectors.tsv: {code}: unnamed must be one of {', '.join(UNNAMED)}, "
                                         f"not {unnamed!r}")
            nouns = []
            for entry in split_list(row.get("nouns", "")):
                noun, _, own = entry.partition(":")
                noun = noun.strip().lower()
                if own:
                    if own.strip().lower() not in UNNAMED:
                        raise KnowledgeFileError(f"sectors.tsv: {code}: {entry!r}: after ':' comes one of "
                                                 f"{', '.join(UNNAMED)}")
                    self._noun_unnamed[noun] = own.strip().lower()
                nouns.append(noun)
            s = Sector(code=code, label=row.get("label", code), nouns=tuple(nouns), unnamed=unnamed)
            self._by_code[code] = s
            for n in s.nouns:
                self._by_noun[n] = code

    def __iter__(self):
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def label(self, code: str) -> str:
        return self._by_code[code].label if code in self._by_code else code

    def for_noun(self, noun: str) -> str | None:
        """Sector named by a head noun: "officials" -> GOV, "troops" -> MIL."""
        return self._by_noun.get(noun.lower())

    def unnamed(self, code: str, noun: str) -> str:
        """Whether the bare ``noun`` of sector ``code`` is an actor, and its country's source: the
        noun's own rule ("authorities:home") or its sector's."""
        own = self._noun_unnamed.get(noun.lower())
        if own is not None:
            return own
        sector = self._by_code.get(code)
        return sector.unnamed if sector else "-"

    def get(self, code: str) -> Sector | None:
        return self._by_code.get(code)

    def nouns(self) -> dict[str, str]:
        return dict(self._by_noun)
