"""Sector codes and the nouns that name a country's group of that sector (sectors.tsv)."""
from __future__ import annotations

from dataclasses import dataclass

from dateline.knowledge.loader import KnowledgeFileError, split_list


@dataclass(frozen=True, slots=True)
class Sector:
    code: str
    label: str
    nouns: tuple[str, ...]


class SectorTable:
    def __init__(self, rows: tuple[dict[str, str], ...]) -> None:
        self._by_code: dict[str, Sector] = {}
        self._by_noun: dict[str, str] = {}
        for row in rows:
            code = row.get("code", "").upper()
            if not code:
                raise KnowledgeFileError(f"sectors.tsv: row needs a code: {row}")
            s = Sector(code=code, label=row.get("label", code), nouns=tuple(split_list(row.get("nouns", ""))))
            self._by_code[code] = s
            for n in s.nouns:
                self._by_noun[n.lower()] = code

    def __iter__(self):
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def label(self, code: str) -> str:
        return self._by_code[code].label if code in self._by_code else code

    def for_noun(self, noun: str) -> str | None:
        """Sector named by a head noun: "officials" -> GOV, "troops" -> MIL."""
        return self._by_noun.get(noun.lower())

    def nouns(self) -> dict[str, str]:
        return dict(self._by_noun)
