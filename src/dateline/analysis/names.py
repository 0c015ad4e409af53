"""Display names of countries: the knowledge table first, then country actors in the store."""
from __future__ import annotations

import functools

from dateline.knowledge.loader import read_table


@functools.lru_cache(maxsize=1)
def _knowledge_names() -> dict[str, str]:
    names = {row["code"].upper(): row["name"] for row in read_table("collectives.tsv") if row.get("code") and row.get("name")}
    names.update({row["iso3"]: row["name"] for row in read_table("countries.tsv") if row.get("iso3") and row.get("name")})
    return names


class CountryNames:
    """ISO3 -> name. Unknown codes answer with the code itself, never an error."""

    def __init__(self, store=None) -> None:
        self._store = store
        self._from_store: dict[str, str] | None = None

    def name(self, iso3: str) -> str:
        known = _knowledge_names().get(iso3)
        if known:
            return known
        if self._from_store is None:
            self._from_store = self._store_names()
        return self._from_store.get(iso3, iso3)

    def _store_names(self) -> dict[str, str]:
        if self._store is None:
            return {}
        return {a.country: a.name for a in self._store.actors(limit=5000)
                if a.kind == "country" and a.country}
