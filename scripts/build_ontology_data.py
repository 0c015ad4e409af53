"""Regenerate src/dateline/ontology/data/cameo_codes.tsv and cameo_plover.tsv from the shared sources.

Only facts are taken: each CAMEO code, its short name and Goldstein score (from the CAMEO codebook
in ../shared/reference/cameo-codes.csv), and the PLOVER event/mode/context each code converts to
(from ../shared/data/plover-gsr/CAMEO2PLOVER-2021.txt). Long descriptions are not copied.

    python scripts/build_ontology_data.py
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
OUT = REPO / "src" / "dateline" / "ontology" / "data"

# CAMEO roots 01 (statements) and 02 (appeals) are absent from the 2021 conversion table.
# PLOVER folds appeals into REQUEST ("all requests, demands, and orders"); statements have no type.
APPEAL_MODES = {"021": "assist", "022": "assist", "023": "assist", "024": "change",
                "025": "yield", "026": "meet", "027": "meet", "028": "meet"}


def build_codebook() -> list[tuple[str, str, str]]:
    path = SHARED / "reference" / "cameo-codes.csv"
    rows = []
    with path.open(encoding="cp1252", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            name = " ".join(row["name"].split())
            name = name[:1].upper() + name[1:].lower() if name.isupper() else name
            rows.append((row["code"], name, row["goldstein"]))
    return rows


def build_mapping(codes: list[str]) -> list[tuple[str, str, str, str, str]]:
    path = SHARED / "data" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
    mapping: dict[str, tuple[str, str, str, str]] = {}
    line_re = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,]*),?([^#]*)")
    for line in path.read_text(encoding="utf-8").splitlines():
        m = line_re.match(line.strip())
        if not m:
            continue
        code, ptype, mode, ctx = m.groups()
        mode = mode.strip().lower()
        contexts = "|".join(c.strip() for c in ctx.replace(";", ",").split(",") if c.strip())
        mapping.setdefault(code, (ptype, mode, contexts, "CAMEO2PLOVER-2021"))
    for code in codes:
        if code in mapping or len(code) < 3:
            continue
        if code.startswith("02"):
            mapping[code] = ("REQUEST", APPEAL_MODES.get(code[:3], ""), "", "dateline")
        elif code.startswith("01"):
            mapping[code] = ("", "", "", "dateline")
    return sorted((c, *v) for c, v in mapping.items())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    book = build_codebook()
    with (OUT / "cameo_codes.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# CAMEO codebook: code, short name, Goldstein score (-10 conflict .. +10 cooperation).\n")
        fh.write("# Facts from the public CAMEO codebook; regenerate with scripts/build_ontology_data.py\n")
        fh.write("code\tname\tgoldstein\n")
        for code, name, gs in book:
            fh.write(f"{code}\t{name}\t{gs}\n")
    rows = build_mapping([c for c, _, _ in book])
    with (OUT / "cameo_plover.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# CAMEO code -> PLOVER v2 event type, mode, contexts ('|'-separated).\n")
        fh.write("# source: CAMEO2PLOVER-2021 (PLOVER project conversion table) or 'dateline' for codes\n")
        fh.write("# that table leaves out (02x appeals -> REQUEST; 01x statements -> no PLOVER type).\n")
        fh.write("code\ttype\tmode\tcontexts\tsource\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"wrote {len(book)} codes and {len(rows)} mappings to {OUT}")


if __name__ == "__main__":
    main()
