"""`dateline knowledge stats`: rows per knowledge table and per source file (built-in, the user's)."""
from __future__ import annotations

from pathlib import Path

from dateline.knowledge.loader import DATA_DIR, read_cells


def table_names(extra_dirs: tuple[str, ...]) -> list[str]:
    names = {p.name for p in DATA_DIR.glob("*.tsv")}
    for d in extra_dirs:
        p = Path(d)
        names |= {p.name} if p.is_file() else {q.name for q in p.glob("*.tsv")}
    return sorted(names)


def stats(extra_dirs: tuple[str, ...] = ()) -> list[tuple[str, str, int]]:
    """(table, source, rows) for every table file found; source 'built-in' or the user's path."""
    out = []
    for name in table_names(extra_dirs):
        for path, _, body in read_cells(name, extra_dirs):
            source = "built-in" if Path(path).parent == DATA_DIR else path
            out.append((name, source, len(body)))
    return out


def dictionary_summary(kb) -> list[str]:
    d = kb.actors.dictionary
    if d is None or not len(d):
        return []
    people = {e.name for e in d.all_entries() if e.kind == "person"}
    dated = {e.name for e in d.all_entries() if e.kind == "person" and (e.valid_from or e.valid_to)}
    return [f"dictionary actors: {len(d):,} rows, {len(people):,} people, {len(dated):,} with dated codes"]
