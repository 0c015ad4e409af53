"""Dictionary-grade actors (actors_dictionary.tsv: PETRARCH imports, built-in and the user's).

Tens of thousands of rows, so the table is indexed by name when it loads and a row becomes a
``KnownActor`` only when a name is looked up. These rows rank below the hand-kept tables (a name
in actors.tsv or actors_historical.tsv never reaches them) and below evidence in the article:

- a name in several countries is resolved only by the article's country or date, else not at all;
- a row's sector holds only inside its dated term; outside, the name keeps its country only;
- no bare-surname lookups: "Munir" alone never becomes a dictionary person.
"""
from __future__ import annotations

from datetime import date

from dateline.knowledge.known_actors import KnownActor, actor_id, parse_date
from dateline.knowledge.loader import KnowledgeFileError, UnknownCountryError, read_cells, split_list

TABLE = "actors_dictionary.tsv"
_NEEDED = ("name", "aliases", "country", "sector", "kind", "valid_from", "valid_to")


class DictionaryActors:
    def __init__(self, extra_dirs: tuple[str, ...] = (), countries=None) -> None:
        self._rows: list[tuple[str, int, list[str], dict[str, int]]] = []
        self._by_name: dict[str, list[int]] = {}
        self._entries: dict[int, KnownActor] = {}
        self.sources: dict[str, int] = {}
        for path, header, body in read_cells(TABLE, extra_dirs):
            col = {h: i for i, h in enumerate(header)}
            missing = [c for c in ("name", "country") if c not in col]
            if missing:
                raise KnowledgeFileError(f"{path}: {TABLE} needs columns {', '.join(missing)}")
            ci, ni, ai = col["country"], col["name"], col.get("aliases")
            self.sources[path] = len(body)
            for n, cells in body:
                code = cells[ci].upper()
                if code and countries is not None and countries.get(code) is None:
                    raise UnknownCountryError(f"{path}:{n}", code, "country")
                if not cells[ni]:
                    raise KnowledgeFileError(f"{path}:{n}: row needs a name")
                k = len(self._rows)
                self._rows.append((path, n, cells, col))
                names = [cells[ni], *(split_list(cells[ai]) if ai is not None else [])]
                for name in dict.fromkeys(" ".join(x.split()).casefold() for x in names):
                    self._by_name.setdefault(name, []).append(k)

    def __len__(self) -> int:
        return len(self._rows)

    def _entry(self, k: int) -> KnownActor:
        if k not in self._entries:
            path, n, cells, col = self._rows[k]

            def get(c: str) -> str:
                return cells[col[c]] if c in col else ""
            where = f"{path}:{n}"
            name, kind, country = get("name"), get("kind") or "person", get("country").upper() or None
            self._entries[k] = KnownActor(
                id=get("id") or actor_id(kind, name, country), name=name,
                aliases=tuple(split_list(get("aliases"))), country=country, sector=get("sector") or None,
                kind=kind, roles=tuple(split_list(get("roles"))),
                valid_from=parse_date(get("valid_from"), where), valid_to=parse_date(get("valid_to"), where),
                source=where, code=get("code"), dictionary=True)
        return self._entries[k]

    def all_entries(self) -> list[KnownActor]:
        return [self._entry(k) for k in range(len(self._rows))]

    def candidates(self, name: str, kind: str | None = None) -> list[KnownActor]:
        rows = [self._entry(k) for k in self._by_name.get(" ".join(name.split()).casefold(), ())]
        return [r for r in rows if kind is None or r.kind == kind]

    def pick(self, name: str, day: date | None, country: str | None = None,
             kind: str | None = "person") -> tuple[KnownActor | None, str]:
        """The row for ``name`` on ``day``, and why (for `dateline knowledge explain`)."""
        cands = self.candidates(name, kind)
        if not cands:
            return None, "not in the dictionary"
        if country:
            same = [r for r in cands if r.country == country]
            if not same:
                return None, (f"the article places the name in {country}; the dictionary only in "
                              f"{', '.join(sorted({r.country or '-' for r in cands}))}: the article wins")
            cands = same
        dated = [r for r in cands if r.valid_from or r.valid_to]
        valid = [r for r in dated if r.valid_on(day)]
        if valid:
            best = max(valid, key=lambda r: (r.sector is not None, r.valid_from or date.min))
            if len({r.country for r in valid}) == 1:
                return best, f"term {best.valid_from or '…'} to {best.valid_to or '…'} holds on {day}"
            return None, f"several countries hold on {day}: ambiguous"
        if len({r.country for r in cands}) > 1:
            return None, "several countries and no term holding on the date: ambiguous"
        undated = [r for r in cands if not (r.valid_from or r.valid_to)]
        if undated:
            return undated[-1], "no term holds on the date: the undated (default) code"
        near = min(dated, key=lambda r: _distance(r, day))
        return near, "no term holds on the date: the nearest term's country, no sector"


def _distance(r: KnownActor, day: date | None) -> int:
    if day is None:
        return 0
    if r.valid_to and day > r.valid_to:
        return (day - r.valid_to).days
    if r.valid_from and day < r.valid_from:
        return (r.valid_from - day).days
    return 0
