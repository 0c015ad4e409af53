"""The offline gazetteer: place names -> places with country, coordinates and population.

Reads ``data/gazetteer.tsv`` (GeoNames via scripts/build_gazetteer.py) plus ``place_aliases.tsv``
(English names news uses: Bombay, Kiev) once per process. Lookups are dictionary hits on a
case-folded name; results are ranked by population, so "Moscow" is the Russian capital before
the Idaho town.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from dateline.knowledge.loader import KnowledgeFileError, read_table, split_list
from dateline.model import Place


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    geonames_id: int
    name: str
    country: str          # ISO3
    lat: float | None
    lon: float | None
    population: int
    feature: str          # city | capital | country

    def to_place(self, source: str = "sentence") -> Place:
        feature = "country" if self.feature == "country" else "city"
        return Place(name=self.name, country=self.country, lat=self.lat, lon=self.lon,
                     geonames_id=self.geonames_id, feature=feature, source=source)


def name_key(text: str) -> str:
    """Lookup key: case-folded, accents dropped, curly quotes and spacing evened out."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split()).casefold()


def _float(value: str) -> float | None:
    return float(value) if value else None


class Gazetteer:
    def __init__(self, rows: tuple[dict[str, str], ...], aliases: tuple[dict[str, str], ...] = ()) -> None:
        index: dict[str, list[GazetteerEntry]] = {}
        by_name_country: dict[tuple[str, str], GazetteerEntry] = {}
        self.size = 0
        for row in rows:
            try:
                entry = GazetteerEntry(int(row["geonameid"]), row["name"], row["country"],
                                       _float(row["lat"]), _float(row["lon"]),
                                       int(row["population"] or 0), row["feature"])
            except (KeyError, ValueError) as exc:
                raise KnowledgeFileError(f"gazetteer.tsv: bad row {row.get('geonameid')!r}: {exc}") from exc
            self.size += 1
            keys = {name_key(entry.name), name_key(row.get("asciiname", ""))}
            keys.update(name_key(a) for a in split_list(row.get("alternates", "")))
            for key in keys - {""}:
                index.setdefault(key, []).append(entry)
            by_name_country.setdefault((name_key(entry.name), entry.country), entry)
        for row in aliases:
            target = by_name_country.get((name_key(row.get("name", "")), row.get("country", "").upper()))
            if target is None:
                raise KnowledgeFileError(
                    f"place_aliases.tsv: {row.get('alias')!r} points at {row.get('name')!r} "
                    f"({row.get('country')}), which is not in the gazetteer")
            index.setdefault(name_key(row["alias"]), []).insert(0, target)
        for key, entries in index.items():
            # biggest first; an exact name match beats an alternate name of a bigger place;
            # a hand-kept alias (inserted first) stays first
            unique = list(dict.fromkeys(entries))
            index[key] = sorted(unique, key=lambda e: (name_key(e.name) != key and e not in entries[:1],
                                                      -e.population))
        self._index = index
        self._countries = {e.country: e for es in index.values() for e in es if e.feature == "country"}

    def __len__(self) -> int:
        return self.size

    def entries(self, name: str) -> list[GazetteerEntry]:
        return self._index.get(name_key(name), [])

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` (name, ASCII name or kept alternate; case-insensitive), biggest first."""
        return [e.to_place() for e in self.entries(name)]

    def country(self, iso3: str | None) -> GazetteerEntry | None:
        """The country row (feature "country") for an ISO3 code."""
        return self._countries.get(iso3.upper()) if iso3 else None


@functools.lru_cache(maxsize=4)
def load_gazetteer(extra_dirs: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer (built-in plus user files of the same names), loaded once per process. Its
    country codes must be declared in countries.tsv (built-in or the user's), as in every table."""
    from dateline.knowledge import load_knowledge

    rows, aliases = read_table("gazetteer.tsv", extra_dirs), read_table("place_aliases.tsv", extra_dirs)
    countries = load_knowledge(extra_dirs).countries
    countries.check(rows, "gazetteer.tsv")
    countries.check(aliases, "place_aliases.tsv")
    return Gazetteer(rows, aliases)
