"""Build the bundled dictionary actors (src/dateline/knowledge/data/actors_dictionary.tsv) from
PETRARCH2's MIT-licensed Phoenix actor dictionaries in ../shared/data/petrarch2.

What ships, and why (precision on real news comes first):
- people only (kind person) with two or more name words (aliases too): a single word ("Suharto", "Muhammad")
  would turn every bare mention of it into one dictionary person;
- rows whose country dateline knows (codes such as USR or YUG stay out of the bundle; a user can
  import them with `dateline knowledge import-petrarch`, which declares them);
- no verbs, agents or discards: the bundled lexicon stays dateline's own (see docs/actors.md).

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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped table instead of writing")
    args = ap.parse_args()
    if not SOURCE.is_dir():
        print(f"no PETRARCH2 dictionaries at {SOURCE}", file=sys.stderr)
        return 2
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / TARGET.name
            stats = build(fresh)
            same = TARGET.is_file() and fresh.read_bytes() == TARGET.read_bytes()
        print(("up to date: " if same else "DIFFERS from what the script builds: ") + str(TARGET))
        return 0 if same else 1
    stats = build(TARGET)
    for k, v in stats.items():
        print(f"{k}: {v:,}")
    print(f"wrote {TARGET} ({TARGET.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
