"""PETRARCH dictionaries -> dateline knowledge tables in one directory.

Writes (only for the dictionaries given):
  actors_dictionary.tsv   actors with dated codes read as country + sector (lowest precedence:
                          the hand-kept actors.tsv and actors_historical.tsv rows win for a name)
  countries.tsv           codes dateline does not know, declared so the tables load
  agents.tsv              common nouns with their agent codes and sectors
  event_lexicon.tsv       verbs and the patterns the lexicon can express, CAMEO mapped to PLOVER
  discards.tsv            sentence- and story-level discard phrases
Every line that could not be converted is counted and listed with file:line in the report.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dateline.knowledge.loader import DATA_DIR, read_table
from dateline.knowledge.petrarch.actors import ActorEntry, read_actors
from dateline.knowledge.petrarch.agents import read_agents
from dateline.knowledge.petrarch.codes import ActorCode, read_code
from dateline.knowledge.petrarch.discards import read_discards
from dateline.knowledge.petrarch.text import Problems, display_name
from dateline.knowledge.petrarch.verbs import read_verbs

ACTOR_COLUMNS = ["name", "aliases", "country", "sector", "kind", "roles", "valid_from", "valid_to",
                 "code", "source"]
_ORG_WORDS = frozenset("""army party front movement organization organisation council ministry union
association committee league brigade brigades group forces force government bank agency commission
court parliament assembly police company corporation university institute network alliance federation
office department service fund society church tribe militia jihad liberation revolutionary mujahideen
mujahidin coalition senate congress nations republic kingdom state states world international national
islamic democratic news times press radio television tv club foundation center centre industries
authority administration cabinet directorate brotherhood battalion regiment division corps squad
cartel gang republica republika""".split())
_BODY_SECTORS = frozenset({"REB", "IGO", "NGO", "BUS", "MED", "CRM"})


@dataclass(slots=True)
class ImportReport:
    out: Path
    written: Counter = field(default_factory=Counter)      # table -> rows written
    skipped: Counter = field(default_factory=Counter)      # reason -> entries left out on purpose
    declared: list[str] = field(default_factory=list)      # codes declared in countries.tsv
    problems: Problems = field(default_factory=Problems)

    def summary(self, show: int = 20) -> list[str]:
        lines = [f"wrote {n:,} rows to {self.out / t}" for t, n in sorted(self.written.items())]
        lines += [f"left out {n:,}: {why}" for why, n in self.skipped.most_common()]
        if self.declared:
            lines.append(f"declared {len(self.declared)} codes dateline does not know in countries.tsv: "
                         + " ".join(sorted(self.declared)))
        lines.append(f"{len(self.problems):,} lines could not be converted")
        lines += ["  " + p for p in self.problems.lines()[:show]]
        if len(self.problems) > show:
            lines.append(f"  ... and {len(self.problems) - show:,} more (--report FILE lists them all)")
        return lines


def _known_countries(extra: tuple[str, ...]) -> frozenset[str]:
    return frozenset(r["iso3"].upper() for r in read_table("countries.tsv", extra) if r.get("iso3"))


def _kind(words: list[str], code: ActorCode) -> str:
    lower = {w.lower().strip("'s") for w in words}
    body = bool(lower & _ORG_WORDS) or len(words) > 6 or (len(words) == 1 and code.sector in _BODY_SECTORS)
    if not body:
        return "person"
    return {"IGO": "igo", "REB": "group", "MIL": "military", "GOV": "government", "LEG": "government",
            "JUD": "government", "COP": "government"}.get(code.sector or "", "organization")


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


def _actor_rows(entry: ActorEntry, known: frozenset[str], report: ImportReport,
                declare: dict[str, str]) -> list[dict[str, str]]:
    source = f"{Path(entry.path).name}:{entry.line}"
    if not entry.terms:
        report.skipped["actor entries without any code (PETRARCH's null code)"] += 1
        return []
    codes = []
    for t in entry.terms:
        c = read_code(t.code, known)
        if c is None:
            report.problems.add(entry.path, entry.line, f"unreadable actor code {t.code!r}")
            continue
        codes.append((t, c))
    if not codes:
        return []
    if all(c.country and not c.sector and not c.detail for _, c in codes):
        # A country-level entry ("AFGHANISTAN_ [AFG]" with its cities as synonyms): countries.tsv
        # covers known countries; an unknown code is declared with its name.
        for _, c in codes:
            if c.unknown_country:
                declare.setdefault(c.country, display_name(entry.words))
        report.skipped["country-level entries (names of countries: countries.tsv's job)"] += 1
        return []
    name = display_name(entry.words)
    aliases = [a for a in dict.fromkeys(display_name(w) for w in entry.aliases) if a.casefold() != name.casefold()]
    rows = []
    for t, c in codes:
        if c.unknown_country:
            declare.setdefault(c.country, c.country)
        rows.append({"name": name.replace("|", "/"), "aliases": "|".join(a.replace("|", "/") for a in aliases),
                     "country": c.country or "", "sector": c.sector or "",
                     "kind": _kind(entry.words, c), "roles": "",
                     "valid_from": t.start.isoformat() if t.start else "",
                     "valid_to": t.end.isoformat() if t.end else "", "code": c.code, "source": source})
    return rows


def _write(path: Path, columns: list[str], rows: list[dict[str, str]], comment: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("".join(f"# {line}\n" for line in comment.splitlines()))
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(_clean(row.get(c, "")) for c in columns) + "\n")


def convert_actors(paths: list[Path], report: ImportReport, known: frozenset[str]
                   ) -> tuple[list[dict[str, str]], dict[str, str]]:
    rows: list[dict[str, str]] = []
    declare: dict[str, str] = {}
    for p in paths:
        for entry in read_actors(p, report.problems):
            rows.extend(_actor_rows(entry, known, report, declare))
    return rows, declare


def import_petrarch(out: Path, actors: list[Path] = (), agents: list[Path] = (), verbs: list[Path] = (),
                    discards: list[Path] = (), extra: tuple[str, ...] = ()) -> ImportReport:
    """Convert the given dictionaries into tables in ``out`` (created); returns what happened."""
    from dateline.knowledge.petrarch.lexicon_rows import lexicon_rows

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = ImportReport(out)
    known = _known_countries(extra)
    origin = "Converted by `dateline knowledge import-petrarch` from: "
    if actors:
        rows, declare = convert_actors(list(actors), report, known)
        _write(out / "actors_dictionary.tsv", ACTOR_COLUMNS, rows,
               origin + ", ".join(p.name for p in actors) + "\nOne row per name and dated code; "
               "code = the PETRARCH code as written; source = file:line of the entry.")
        report.written["actors_dictionary.tsv"] = len(rows)
        if declare:
            cols = ["iso3", "iso2", "name", "aliases", "demonyms", "capital", "capital_aliases", "sovereign"]
            _write(out / "countries.tsv", cols,
                   [{"iso3": k, "name": _clean(v), "sovereign": "0"} for k, v in sorted(declare.items())],
                   "Codes the dictionaries use that dateline does not know, declared by the importer;\n"
                   "give them proper names, aliases and demonyms here.")
            report.declared = sorted(declare)
            report.written["countries.tsv"] = len(declare)
    if agents:
        rows = []
        for p in agents:
            for a in read_agents(p, report.problems):
                c = read_code(a.code, known)
                if c is None:
                    report.problems.add(a.path, a.line, f"unreadable agent code {a.code!r}")
                    continue
                rows.append({"phrase": a.phrase, "plurals": "|".join(a.plurals), "code": a.code,
                             "sector": c.sector or "", "detail": "|".join(c.detail),
                             "position": "before" if a.before else "after",
                             "source": f"{Path(a.path).name}:{a.line}"})
        _write(out / "agents.tsv", ["phrase", "plurals", "code", "sector", "detail", "position", "source"],
               rows, origin + ", ".join(p.name for p in agents))
        report.written["agents.tsv"] = len(rows)
    if verbs:
        rows = []
        for p in verbs:
            rows.extend(lexicon_rows(read_verbs(p, report.problems), report))
        _write(out / "event_lexicon.tsv", ["lemma", "pos", "requires", "type", "mode", "cameo", "shape",
                                           "contexts", "source"], rows,
               origin + ", ".join(p.name for p in verbs) + "\nSame columns as dateline's event_lexicon.tsv.")
        report.written["event_lexicon.tsv"] = len(rows)
    if discards:
        rows = [{"phrase": d.phrase, "scope": d.scope, "match": "word" if d.whole_word else "stem",
                 "source": f"{Path(d.path).name}:{d.line}"}
                for p in discards for d in read_discards(p, report.problems)]
        _write(out / "discards.tsv", ["phrase", "scope", "match", "source"], rows,
               origin + ", ".join(p.name for p in discards))
        report.written["discards.tsv"] = len(rows)
    return report


__all__ = ["ACTOR_COLUMNS", "DATA_DIR", "ImportReport", "convert_actors", "import_petrarch"]
