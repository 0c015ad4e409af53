"""Known actors (actors.tsv, built-in and user): names, countries, and roles held over dated terms."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from dateline.knowledge.loader import KnowledgeFileError, shown_source, split_list, where
from dateline.model import Actor, slugify

__all__ = ["KnownActor", "KnownActorTable", "actor_id", "slugify"]

_REGNAL = re.compile(r"[ivxl]+")        # "Abdullah II": the numeral is no surname


_PARTICLES = ("al-", "el-", "ul-", "as-", "ash-", "ad-", "an-", "at-", "az-")


def _surname_keys(last: str) -> list[str]:
    """Lookup keys for a last name: itself and, for "al-Assad", "Assad"."""
    key = last.casefold()
    if _REGNAL.fullmatch(key) or len(key) < 3:
        return []
    out = [key]
    for p in _PARTICLES:
        if key.startswith(p) and len(key) > len(p) + 2:
            out.append(key[len(p):])
    return out


def actor_id(kind: str, name: str, country: str | None) -> str:
    if kind == "person":
        return f"person:{slugify(name)}"
    if kind == "igo":
        return f"igo:{slugify(name)}"
    return f"org:{country or 'INT'}:{slugify(name)}"


def parse_date(value: str, row) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KnowledgeFileError(f"actors.tsv: '{value}' is not an ISO date (YYYY-MM-DD) in row {row}") from None


_parse_date = parse_date


@dataclass(frozen=True, slots=True)
class KnownActor:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    kind: str
    roles: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    source: str = ""                 # file:line the row was read from
    code: str = ""                   # the dictionary code it was converted from ("ARGGOVBUS")
    dictionary: bool = False         # from actors_dictionary.tsv (ranks below the hand-kept tables)

    def sector_on(self, day: date | None) -> str | None:
        """A dictionary row's sector holds only inside its term; a hand-kept row's always."""
        return self.sector if not self.dictionary or self.valid_on(day) else None

    def valid_on(self, day: date | None) -> bool:
        """Undated rows always hold; dated rows only when the article's date is inside the term."""
        if self.valid_from is None and self.valid_to is None:
            return True
        if day is None:
            return False
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass(slots=True)
class _Identity:
    rows: list[KnownActor] = field(default_factory=list)


class KnownActorTable:
    def __init__(self, rows: tuple[dict[str, str], ...], dictionary=None) -> None:
        self.dictionary = dictionary     # DictionaryActors or None: consulted after these rows
        self.rows: list[KnownActor] = []
        self._by_name: dict[str, _Identity] = {}
        for row in rows:
            name, kind = row.get("name", ""), row.get("kind") or "person"
            if not name:
                raise KnowledgeFileError(f"actors.tsv: row needs a name: {row}")
            country = (row.get("country") or "").upper() or None
            entry = KnownActor(
                id=row.get("id") or actor_id(kind, name, country), name=name,
                aliases=tuple(split_list(row.get("aliases", ""))), country=country,
                sector=row.get("sector") or None, kind=kind, roles=tuple(split_list(row.get("roles", ""))),
                valid_from=_parse_date(row.get("valid_from", ""), row),
                valid_to=_parse_date(row.get("valid_to", ""), row), source=where(row, "actors.tsv"))
            if entry.valid_from and entry.valid_to and entry.valid_to < entry.valid_from:
                raise KnowledgeFileError(f"actors.tsv: valid_to before valid_from for {name}")
            self.rows.append(entry)
            for n in (name, *entry.aliases):
                self._by_name.setdefault(n.casefold(), _Identity()).rows.append(entry)
        # Surnames ("Lavrov", "Assad" for "Bashar al-Assad") of known people, from names and aliases.
        # A surname that is also a given name elsewhere ("Hussein" in "Hussein bin Talal") is ambiguous.
        owners: dict[str, set[str]] = {}
        inner: set[str] = set()
        for r in self.rows:
            if r.kind != "person":
                continue
            for n in (r.name, *r.aliases):
                words = n.split()
                if len(words) < 2:
                    continue
                inner.update(w.casefold() for w in words[:-1])
                for key in _surname_keys(words[-1]):
                    owners.setdefault(key, set()).add(r.name)
        self._by_surname = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1 and k not in inner}
        # A surname several known people share is still one country when all of them are of it
        # ("President Bush", "President Assad").
        self._surname_country: dict[str, str] = {}
        for k, names in owners.items():
            countries = {self.lookup(n).country for n in names}
            if len(countries) == 1 and (c := countries.pop()):
                self._surname_country[k] = c

    def names(self) -> list[str]:
        seen = {}
        for r in self.rows:
            for n in (r.name, *r.aliases):
                seen.setdefault(n, None)
        return list(seen)

    def lookup(self, name: str) -> KnownActor | None:
        """The last row for this name (user rows come last, so a user's row wins)."""
        ident = self._by_name.get(" ".join(name.split()).casefold())
        return ident.rows[-1] if ident else None

    def curated(self, name: str) -> list[KnownActor]:
        ident = self._by_name.get(" ".join(name.split()).casefold())
        return list(ident.rows) if ident else []

    def lookup_on(self, name: str, day: date | None, country: str | None = None,
                  dictionary: bool = True) -> KnownActor | None:
        """The row for this name whose term holds on ``day`` (a person who served two countries,
        "Eduard Shevardnadze"), else the last row; a name in no hand-kept table is looked up in
        the dictionary (actors_dictionary.tsv), where the article's ``country`` and the date decide."""
        ident = self._by_name.get(" ".join(name.split()).casefold())
        if not ident:
            if dictionary and self.dictionary is not None:
                return self.dictionary.pick(name, day, country)[0]
            return None
        dated = [r for r in ident.rows if (r.valid_from or r.valid_to) and r.valid_on(day)]
        return dated[-1] if dated else ident.rows[-1]

    def by_surname(self, surname: str, day: date | None = None) -> KnownActor | None:
        """The one known person with this surname, if exactly one has it; with ``day``, only when
        one of that person's rows is undated or holds on ``day`` (a bare "Munir" in 2025 is not a
        minister of another country in office in 1990)."""
        name = self._by_surname.get(surname.casefold())
        if not name:
            return None
        if day is not None and not any(r.valid_on(day) for r in self._by_name[name.casefold()].rows):
            return None
        return self.lookup(name)

    def surname_country(self, surname: str) -> str | None:
        """The country shared by every known person with this surname, if they all share one."""
        return self._surname_country.get(surname.casefold())

    def roles_on(self, name: str, day: date | None) -> list[str]:
        ident = self._by_name.get(" ".join(name.split()).casefold())
        roles: list[str] = []
        for r in ident.rows if ident else ():
            if r.valid_on(day):
                roles.extend(x for x in r.roles if x not in roles)
        return roles

    def holder(self, role: str, country: str | None, day: date | None) -> KnownActor | None:
        """Who held ``role`` in ``country`` on ``day`` (dated rows only count inside their term)."""
        role_l = role.lower()
        found = None
        for r in self.rows:
            if r.country == country and any(x.lower() == role_l for x in r.roles) and r.valid_on(day):
                found = r                              # the last matching row wins
        return found

    def actor(self, entry: KnownActor, day: date | None) -> Actor:
        return Actor(id=entry.id, name=entry.name, kind=entry.kind, country=entry.country,
                     sector=entry.sector_on(day), roles=self.roles_on(entry.name, day),
                     source=shown_source(entry.source) or None)
