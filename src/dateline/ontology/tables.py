"""Reads the ontology's own TSV files (ontology/data/): fixed definitions, not user-extensible."""
from __future__ import annotations

import csv
import functools
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


class OntologyDataError(ValueError):
    pass


@functools.lru_cache(maxsize=16)
def rows(name: str) -> tuple[dict[str, str], ...]:
    path = DATA_DIR / name
    if not path.is_file():
        raise OntologyDataError(f"ontology data file missing: {path}")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    out = []
    for lineno, row in enumerate(reader, start=2):
        if None in row:
            raise OntologyDataError(f"{path}: row {lineno} has more columns than the header")
        out.append({k: (v or "").strip() for k, v in row.items()})
    return tuple(out)
