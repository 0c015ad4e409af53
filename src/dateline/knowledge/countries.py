"""The country table: ISO codes, names, aliases, demonyms and capitals, read from countries.tsv."""
from __future__ import annotations

from dataclasses import dataclass, replace

from dateline.knowledge.loader import KnowledgeFileError, UnknownCountryError, split_list, where


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str = ""
    capital_aliases: tuple[str, ...] = ()
    sovereign: bool = True

    @property
    def capitals(self) -> tuple[str, ...]:
        return ((self.capital,) if self.capital else ()) + self.capital_aliases


def _norm(text: str) -> str:
    """Key for lookups: curly apostrophes straightened, 'the ' and a possessive 's dropped."""
    text = " ".join(text.replace("’", "'").split())
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text


class CountryTable:
    """Lookups by ISO3, name, alias, demonym, code and capital. User rows replace built-in rows."""

    def __init__(self, rows: tuple[dict[str, str], ...], variants: tuple[dict[str, str], ...] = ()) -> None:
        by_iso3: dict[str, Country] = {}
        for row in rows:
            iso3 = row.get("iso3", "").upper()
            if len(iso3) != 3 or not row.get("name"):
                raise KnowledgeFileError(f"{where(row, 'countries.tsv')}: row needs a 3-letter iso3 and a name: {row}")
            by_iso3[iso3] = Country(
                iso3=iso3, iso2=row.get("iso2", "").upper(), name=row["name"],
                aliases=tuple(split_list(row.get("aliases", ""))),
                demonyms=tuple(split_list(row.get("demonyms", ""))),
                capital=row.get("capital", ""),
                capital_aliases=tuple(split_list(row.get("capital_aliases", ""))),
                sovereign=row.get("sovereign", "1") != "0")
        # Other names a text may use (former names, spellings seen in wire copy): country_variants.tsv.
        for row in variants:
            iso3 = row.get("iso3", "").upper()
            if iso3 not in by_iso3:
                raise UnknownCountryError(where(row, "country_variants.tsv"), iso3, "iso3")
            c = by_iso3[iso3]
            by_iso3[iso3] = replace(
                c, aliases=tuple(dict.fromkeys((*c.aliases, *split_list(row.get("aliases", ""))))),
                demonyms=tuple(dict.fromkeys((*c.demonyms, *split_list(row.get("demonyms", ""))))))
        self._by_iso3 = by_iso3
        # Exact-case keys first (so "US" is not "us"), then case-folded keys for longer names.
        self._names: dict[str, Country] = {}
        self._folded: dict[str, Country] = {}
        self._demonyms: dict[str, Country] = {}
        self._capitals: dict[str, Country] = {}
        for c in by_iso3.values():
            for name in (c.name, *c.aliases):
                self._names.setdefault(_norm(name), c)
                if len(name) > 3:
                    self._folded.setdefault(_norm(name).casefold(), c)
            for d in c.demonyms:
                self._demonyms.setdefault(_norm(d), c)
            if c.sovereign:
                for cap in c.capitals:
                    self._capitals.setdefault(_norm(cap), c)
        # A capital that is also a country name (Singapore, Kuwait City is fine) stays a name.
        for key in list(self._capitals):
            if key in self._names:
                del self._capitals[key]

    def __iter__(self):
        return iter(self._by_iso3.values())

    def __len__(self) -> int:
        return len(self._by_iso3)

    def by_iso3(self, code: str) -> Country:
        try:
            return self._by_iso3[code.upper()]
        except KeyError:
            raise KeyError(f"unknown ISO3 country code: {code!r}") from None

    def check(self, rows: tuple[dict[str, str], ...], table: str, column: str = "country",
              any_country: str | None = None) -> None:
        """Every code in ``column`` of ``rows`` is a declared country (built-in or the user's own
        countries.tsv); empty cells and ``any_country`` ("*") pass. Raises UnknownCountryError naming
        the file, line and code, so a bad table fails when it loads, not in the middle of extraction."""
        for row in rows:
            code = (row.get(column) or "").strip().upper()
            if code and code != any_country and code not in self._by_iso3:
                raise UnknownCountryError(where(row, table), code, column)

    def get(self, code: str | None) -> Country | None:
        return self._by_iso3.get(code.upper()) if code else None

    def lookup(self, text: str) -> Country | None:
        """A country from its name, alias, demonym or ISO3 code; None when the text is none of these."""
        key = _norm(text)
        if not key:
            return None
        found = self._names.get(key) or self._demonyms.get(key)
        if found:
            return found
        if len(key) == 3 and key.isupper() and key in self._by_iso3:
            return self._by_iso3[key]
        return self._folded.get(key.casefold())

    def by_name(self, text: str) -> Country | None:
        return self._names.get(_norm(text))

    def by_demonym(self, text: str) -> Country | None:
        return self._demonyms.get(_norm(text))

    def by_capital(self, text: str) -> Country | None:
        """The country whose capital this is (sovereign states only: capitals as metonyms)."""
        return self._capitals.get(_norm(text))

    def names(self) -> dict[str, Country]:
        return dict(self._names)

    def demonyms(self) -> dict[str, Country]:
        return dict(self._demonyms)

    def capitals(self) -> dict[str, Country]:
        return dict(self._capitals)
