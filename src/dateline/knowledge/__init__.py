"""Knowledge the extractors use, loaded once from data files (built-in plus the user's own).

``load_knowledge()`` is cached: every stage of a process shares one ``Knowledge``. User files with
the same names as the built-in tables (countries.tsv, country_variants.tsv, titles.tsv,
organizations.tsv, actors.tsv, sectors.tsv, non_actors.tsv) add rows; for keyed tables the user's
row wins. actors_historical.tsv (built-in only) holds earlier office holders, read before actors.tsv;
actors_dictionary.tsv (converted PETRARCH dictionaries, built-in and the user's) ranks below both.
Country codes in every table must be declared in countries.tsv (a user may declare their own
there); an unknown code is an ``UnknownCountryError`` (a ``KnowledgeFileError``) at load time.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from dateline.knowledge.collectives import CollectiveTable, collective_table
from dateline.knowledge.countries import Country, CountryTable
from dateline.knowledge.dictionary_actors import DictionaryActors
from dateline.knowledge.known_actors import KnownActor, KnownActorTable, slugify
from dateline.knowledge.loader import KnowledgeFileError, UnknownCountryError, read_table
from dateline.knowledge.organizations import Organization, OrganizationTable
from dateline.knowledge.sectors import Sector, SectorTable
from dateline.knowledge.titles import Title, TitleTable

__all__ = [
    "Country", "CountryTable", "KnownActor", "KnownActorTable", "Knowledge", "KnowledgeFileError",
    "NonActors", "Organization", "OrganizationTable", "Sector", "SectorTable", "Title", "TitleTable",
    "UnknownCountryError", "load_knowledge", "slugify",
]


@dataclass(frozen=True, slots=True)
class NonActors:
    """Phrases never read as actors (outlets, credits, bare abbreviations, commodities, projects)."""

    phrases: frozenset[str]
    iso3_words: frozenset[str]      # ISO3-looking English words ("AND", "CAN") never read as codes
    name_heads: frozenset[str]      # last words that make a name a thing ("... Pipeline", "... Cup")
    by_kind: dict[str, frozenset[str]]
    thing_nouns: frozenset[str] = frozenset()   # nouns before a name that make it a thing ("the tanker X")

    @classmethod
    def from_rows(cls, rows: tuple[dict[str, str], ...]) -> "NonActors":
        by_kind: dict[str, set[str]] = {}
        for row in rows:
            if not row.get("phrase"):
                raise KnowledgeFileError(f"non_actors.tsv: row needs a phrase: {row}")
            by_kind.setdefault(row.get("kind") or "other", set()).add(row["phrase"])
        special = {"word", "head", "before"}
        phrases = set().union(*[v for k, v in by_kind.items() if k not in special]) if by_kind else set()
        return cls(frozenset(phrases), frozenset(by_kind.get("word", ())), frozenset(by_kind.get("head", ())),
                   {k: frozenset(v) for k, v in by_kind.items()},
                   frozenset(w.lower() for w in by_kind.get("before", ())))


@dataclass(frozen=True, slots=True)
class Knowledge:
    countries: CountryTable
    titles: TitleTable
    organizations: OrganizationTable
    actors: KnownActorTable          # built-in office holders plus the user's actors
    sectors: SectorTable
    non_actors: NonActors
    collectives: CollectiveTable
    extra_paths: tuple[str, ...] = ()

    def table(self, name: str) -> tuple[dict[str, str], ...]:
        """Rows of any other knowledge table, built-in then the user's (for other stages' files)."""
        return read_table(name, self.extra_paths)


def load_knowledge(extra_paths: tuple[str, ...] | list[str] = ()) -> Knowledge:
    """All knowledge tables; ``extra_paths`` are user directories (or files named like a table).
    Cached: the same paths give the same ``Knowledge`` object."""
    return _load(tuple(str(p) for p in extra_paths))


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Knowledge:
    countries = CountryTable(read_table("countries.tsv", extra), read_table("country_variants.tsv", extra))
    titles = read_table("titles.tsv", extra)
    organizations = read_table("organizations.tsv", extra)
    # Historical office holders first: rows of actors.tsv (built-in, then the user's) come later and win.
    actors = read_table("actors_historical.tsv") + read_table("actors.tsv", extra)
    countries.check(titles, "titles.tsv")
    countries.check(organizations, "organizations.tsv", any_country="*")
    countries.check(actors, "actors.tsv")
    dictionary = DictionaryActors(extra, countries)
    return Knowledge(
        countries=countries,
        titles=TitleTable(titles),
        organizations=OrganizationTable(organizations),
        actors=KnownActorTable(actors, dictionary),
        sectors=SectorTable(read_table("sectors.tsv", extra)),
        non_actors=NonActors.from_rows(read_table("non_actors.tsv", extra)),
        # built here too, so that a bad collectives table is reported when the knowledge loads
        collectives=collective_table(extra, countries),
        extra_paths=extra)
