"""Governments, ministries, armed forces and international organisations (organizations.tsv)."""
from __future__ import annotations

from dataclasses import dataclass

from dateline.knowledge.loader import KnowledgeFileError, origin, split_list
from dateline.model import Actor

KINDS = {"government", "military", "organization", "igo", "group"}


@dataclass(frozen=True, slots=True)
class Organization:
    key: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    sector: str | None
    scope: str                    # "any": every country has one; "fixed": one country; "international"
    country: str | None = None    # ISO3 for fixed bodies
    holder: str | None = None     # the role whose office this is ("Prime Minister's Office": Prime Minister)
    origin: str = ""              # file:line of the row, for the coding trace

    @property
    def needs_country(self) -> bool:
        return self.scope == "any"


class OrganizationTable:
    def __init__(self, rows: tuple[dict[str, str], ...]) -> None:
        self.entries: list[Organization] = []
        self._by_alias: dict[str, Organization] = {}
        self._generic_names: dict[str, str] = {}
        self._fixed_names: dict[tuple[str, str], str] = {}
        for row in rows:
            key, kind = row.get("key", ""), row.get("kind", "")
            if not key or kind not in KINDS:
                raise KnowledgeFileError(
                    f"organizations.tsv: row needs a key and a kind in {sorted(KINDS)}: {row}")
            raw = row.get("country", "").strip()
            scope = "any" if raw == "*" else ("fixed" if raw else "international")
            org = Organization(key=key, name=row.get("name") or key, kind=kind,
                               aliases=tuple(split_list(row.get("aliases", ""))) or (row.get("name", key),),
                               sector=row.get("sector") or None, scope=scope,
                               country=raw.upper() if scope == "fixed" else None,
                               holder=row.get("holder") or None, origin=origin(row, "organizations.tsv"))
            self.entries.append(org)
            for alias in org.aliases:
                self._by_alias[alias] = org           # later rows (user files) win
            if scope == "any":
                self._generic_names.setdefault(key, org.name)
            elif scope == "fixed":
                self._fixed_names.setdefault((key, org.country or ""), org.name)

    def lookup(self, text: str) -> Organization | None:
        text = " ".join(text.replace("’", "'").split())
        if text.lower().startswith("the "):
            text = text[4:]
        return self._by_alias.get(text) or self._by_alias.get(text.lower())

    def actor(self, org: Organization, country: str | None, country_name: str | None = None) -> Actor:
        """The Actor for a body; bodies every country has need the country the text gives them."""
        if org.scope == "international":
            prefix = "igo" if org.kind == "igo" else "org:INT"      # NGOs and movements without a country
            return Actor(id=f"{prefix}:{org.key}", name=org.name, kind=org.kind, country=None, sector=org.sector,
                         source=org.origin)
        iso3 = org.country if org.scope == "fixed" else country
        if not iso3:
            raise ValueError(f"organisation '{org.key}' needs a country")
        name = self._fixed_names.get((org.key, iso3))
        if name is None:
            base = self._generic_names.get(org.key, org.name)
            name = f"{base} ({country_name or iso3})"
        return Actor(id=f"org:{iso3}:{org.key}", name=name, kind=org.kind, country=iso3, sector=org.sector,
                     source=org.origin)
