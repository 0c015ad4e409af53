"""Titles and roles (titles.tsv): "Deputy Prime Minister" -> role, sector, abbreviations."""
from __future__ import annotations

from dataclasses import dataclass

from dateline.knowledge.loader import KnowledgeFileError, split_list


@dataclass(frozen=True, slots=True)
class Title:
    title: str                    # as written in the table
    role: str                     # canonical role recorded on the actor
    sector: str | None
    abbreviations: tuple[str, ...] = ()
    country: str | None = None    # ISO3 when only one country has this title


class TitleTable:
    def __init__(self, rows: tuple[dict[str, str], ...]) -> None:
        self._by_phrase: dict[str, Title] = {}
        self._by_abbrev: dict[str, Title] = {}
        self._by_role: dict[str, Title] = {}
        for row in rows:
            if not row.get("title") or not row.get("role"):
                raise KnowledgeFileError(f"titles.tsv: row needs a title and a role: {row}")
            t = Title(title=row["title"], role=row["role"], sector=row.get("sector") or None,
                      abbreviations=tuple(split_list(row.get("abbreviations", ""))),
                      country=(row.get("country") or "").upper() or None)
            self._by_phrase[t.title.lower()] = t      # later rows (user files) win
            self._by_role.setdefault(t.role.lower(), t)
            for ab in t.abbreviations:
                self._by_abbrev[ab] = t

    def __iter__(self):
        return iter(self._by_phrase.values())

    def lookup(self, text: str) -> Title | None:
        """A title from its words (any case) or its abbreviation (exact case)."""
        text = " ".join(text.split())
        return (self._by_phrase.get(text.lower()) or self._by_abbrev.get(text.rstrip("."))
                or self._by_abbrev.get(text.replace(".", "")))          # "Lt. Gen." is "Lt Gen"

    def by_role(self, role: str) -> Title | None:
        return self._by_role.get(role.lower())

    def phrases(self) -> list[str]:
        return [t.title for t in self._by_phrase.values()]

    def abbreviations(self) -> dict[str, Title]:
        return dict(self._by_abbrev)
