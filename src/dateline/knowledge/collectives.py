"""Collective actors (collectives.tsv, collective_members.tsv): bodies of several countries that act
as one, such as the G7, NATO or the EU. Their actors stay international organisations (kind igo, no
country); the collective's code is what the store's dyads, the CLI, the API and the dashboard call
them ("G7-RUS"). Members are kept by date.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from dateline.knowledge.loader import KnowledgeFileError, read_table, where

CODE = re.compile(r"^[A-Z0-9]{2,8}$")


@dataclass(frozen=True, slots=True)
class Membership:
    member: str                  # ISO3
    start: date | None
    end: date | None

    def on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Collective:
    code: str
    name: str
    org: str                     # organizations.tsv key: the actor "igo:<org>"
    members: tuple[Membership, ...] = field(default=())

    def members_on(self, day: date | None = None) -> list[str]:
        """ISO3 codes of the members on ``day`` (today's members when None), sorted."""
        return sorted({m.member for m in self.members if m.on(day)})


class CollectiveTable:
    def __init__(self, rows, member_rows, country_codes: frozenset[str] | None = None) -> None:
        self.by_code: dict[str, Collective] = {}
        self._by_actor: dict[str, str] = {}
        members: dict[str, list[Membership]] = {}
        for row in member_rows:
            at = where(row, "collective_members.tsv")
            code, member = row.get("code", "").upper(), row.get("member", "").upper()
            if country_codes is not None and member not in country_codes:
                raise KnowledgeFileError(f"{at}: member {member!r} is not a code of countries.tsv")
            members.setdefault(code, []).append(Membership(member, _day(row.get("from", ""), at),
                                                           _day(row.get("to", ""), at)))
        for row in rows:
            at = where(row, "collectives.tsv")
            code = row.get("code", "").strip().upper()
            if not CODE.match(code):
                raise KnowledgeFileError(f"{at}: code {code!r} must be 2-8 letters or digits")
            if country_codes is not None and code in country_codes:
                raise KnowledgeFileError(f"{at}: code {code!r} is a country's ISO3 code; choose another")
            org = row.get("org", "").strip().lower()
            if not org:
                raise KnowledgeFileError(f"{at}: a collective needs the organizations.tsv key of its actor")
            self.by_code[code] = Collective(code, row.get("name") or code, org, tuple(members.get(code, ())))
            self._by_actor[f"igo:{org}"] = code        # a later row (a user's file) wins
        unknown = sorted(set(members) - set(self.by_code))
        if unknown:
            raise KnowledgeFileError(f"collective_members.tsv: members of undeclared collectives {', '.join(unknown)}")

    def code_of(self, actor_id: str) -> str | None:
        """The collective code of an actor id ("igo:g7" -> "G7"), or None."""
        return self._by_actor.get(actor_id)

    def get(self, code: str) -> Collective | None:
        return self.by_code.get(code.strip().upper())

    def __iter__(self):
        return iter(self.by_code.values())


def _day(text: str, at: str) -> date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise KnowledgeFileError(f"{at}: {text!r} is not a date (YYYY-MM-DD)") from None


def collective_table(extra: tuple[str, ...], countries) -> CollectiveTable:
    """The built-in collectives and a user's (``extra``: knowledge directories), members checked
    against ``countries`` (the CountryTable of the same directories)."""
    return CollectiveTable(read_table("collectives.tsv", extra), read_table("collective_members.tsv", extra),
                           frozenset(c.iso3 for c in countries))


@functools.lru_cache(maxsize=8)
def load_collectives(extra: tuple[str, ...] = ()) -> CollectiveTable:
    """The collectives alone, for the store and the CLI's checks, which need no other knowledge
    (``load_knowledge`` builds the same table beside its countries)."""
    from dateline.knowledge.countries import CountryTable

    return collective_table(extra, CountryTable(read_table("countries.tsv", extra),
                                                read_table("country_variants.tsv", extra)))


def dyad_code(actor) -> str | None:
    """What a dyad calls an actor: its country, else its collective's code (built-in and
    $DATELINE_KNOWLEDGE tables), else None."""
    if actor.country:
        return actor.country
    if actor.kind != "igo":
        return None
    return load_collectives(_user_dirs()).code_of(actor.id)


def _user_dirs() -> tuple[str, ...]:
    from dateline.config import Settings

    return tuple(str(p) for p in Settings().knowledge_paths)
