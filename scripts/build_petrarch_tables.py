"""Build the bundled dictionary actors (src/dateline/knowledge/data/actors_dictionary.tsv) from
PETRARCH2's MIT-licensed Phoenix actor dictionaries in ../shared/data/petrarch2.

What ships, and why (precision on real news comes first):
- people only (kind person) with two or more name words (aliases too): a single word ("Suharto", "Muhammad")
  would turn every bare mention of it into one dictionary person;
- rows whose country dateline knows (codes such as USR or YUG stay out of the bundle; a user can
  import them with `dateline knowledge import-petrarch`, which declares them);
- verbs from CAMEO.2.0.txt (src/dateline/knowledge/data/event_lexicon_petrarch.tsv) only for the lemmas
  dateline's own event_lexicon.tsv does not have: a fallback that proposes more candidates, which the
  learned event scorer then judges; dateline's own senses are never overridden (docs/events.md);
- no agents or discards.

    python scripts/build_petrarch_tables.py            # write the table
    python scripts/build_petrarch_tables.py --check    # exit 1 if the shipped table differs
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "data" / "petrarch2"
FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"]
TARGET = REPO / "src" / "dateline" / "knowledge" / "data" / "actors_dictionary.tsv"
VERBS = "CAMEO.2.0.txt"
LEXICON_TARGET = REPO / "src" / "dateline" / "knowledge" / "data" / "event_lexicon_petrarch.tsv"
LEXICON_HEADER = """\
Verbs and verb patterns from PETRARCH2's CAMEO.2.0.txt (MIT License, Copyright (c) 2014 Open Event
Data Alliance; see README, Licences), converted by scripts/build_petrarch_tables.py, CAMEO mapped to
PLOVER. Only lemmas that dateline's own event_lexicon.tsv lacks: read after it, as a fallback
(dateline.knowledge.lexicon). source = file:line of the pattern."""
HEADER = """\
People from PETRARCH2's Phoenix actor dictionaries (Phoenix.Countries.actors.txt,
Phoenix.International.actors.txt; MIT License, Copyright (c) 2014 Open Event Data Alliance;
see README, Licences), converted by scripts/build_petrarch_tables.py. One row per name and
dated code: country and sector read from the code (ARGGOVBUS: ARG, GOV), code as written,
source = file:line of the entry. Stale after 2015. Ranks below actors.tsv and
actors_historical.tsv and below evidence in the article (docs/actors.md)."""


def build(out: Path) -> dict[str, int]:
    sys.path.insert(0, str(REPO / "src"))
    from dateline.knowledge.petrarch.importer import ACTOR_COLUMNS, ImportReport, _write, convert_actors
    from dateline.knowledge.loader import read_table

    known = frozenset(r["iso3"] for r in read_table("countries.tsv"))
    report = ImportReport(out.parent)
    rows, _ = convert_actors([SOURCE / f for f in FILES], report, known)
    kept = [r for r in rows if r["kind"] == "person" and len(r["name"].split()) >= 2
            and (not r["country"] or r["country"] in known)]
    for r in kept:                       # one-word aliases ("Assad") would only ever be bare surnames
        r["aliases"] = "|".join(a for a in r["aliases"].split("|") if len(a.split()) >= 2)
    _write(out, ACTOR_COLUMNS, kept, HEADER)
    names = {r["name"] for r in kept}
    dated = {r["name"] for r in kept if r["valid_from"] or r["valid_to"]}
    return {"rows": len(kept), "people": len(names), "people with dated codes": len(dated),
            "rows left out": len(rows) - len(kept), "unconvertible lines": len(report.problems)}


def build_lexicon(out: Path) -> dict[str, int]:
    sys.path.insert(0, str(REPO / "src"))
    from dateline.knowledge.loader import read_table
    from dateline.knowledge.petrarch.importer import ImportReport, _write
    from dateline.knowledge.petrarch.lexicon_rows import lexicon_rows
    from dateline.knowledge.petrarch.verbs import read_verbs

    own = {(r["lemma"].lower(), r["pos"].lower()) for r in read_table("event_lexicon.tsv")}
    report = ImportReport(out.parent)
    rows = lexicon_rows(read_verbs(SOURCE / VERBS, report.problems), report)
    kept = [r for r in rows if (r["lemma"].lower(), r["pos"].lower()) not in own]
    columns = ["lemma", "pos", "requires", "type", "mode", "cameo", "shape", "contexts", "source"]
    _write(out, columns, kept, LEXICON_HEADER)
    return {"lexicon rows": len(kept), "lemmas": len({(r["lemma"], r["pos"]) for r in kept}),
            "rows left out (lemma in dateline's own lexicon)": len(rows) - len(kept)}


TARGETS = ((TARGET, build), (LEXICON_TARGET, build_lexicon))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped table instead of writing")
    args = ap.parse_args()
    if not SOURCE.is_dir():
        print(f"no PETRARCH2 dictionaries at {SOURCE}", file=sys.stderr)
        return 2
    if args.check:
        differs = []
        with tempfile.TemporaryDirectory() as tmp:
            for target, builder in TARGETS:
                fresh = Path(tmp) / target.name
                builder(fresh)
                if not (target.is_file() and fresh.read_bytes() == target.read_bytes()):
                    differs.append(target)
        for target, _ in TARGETS:
            print(("DIFFERS from what the script builds: " if target in differs else "up to date: ") + str(target))
        return 1 if differs else 0
    for target, builder in TARGETS:
        for k, v in builder(target).items():
            print(f"{k}: {v:,}")
        print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
