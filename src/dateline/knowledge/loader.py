"""The one loader for knowledge files: tab-separated tables with a header row and '#' comments.

Built-in tables live in ``knowledge/data/``. A user adds rows by putting a file of the same name
in a directory listed in ``DATELINE_KNOWLEDGE`` (or passed as ``extra_dirs``); user rows come
after built-in rows, so code that keeps the last entry for a key lets the user win.
"""
from __future__ import annotations

import csv
import functools
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


class KnowledgeFileError(ValueError):
    pass


def _read_tsv(path: Path) -> list[dict[str, str]]:
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and not ln.lstrip().startswith("#")]
    except UnicodeDecodeError as exc:
        raise KnowledgeFileError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    if not lines:
        return []
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row:
            raise KnowledgeFileError(f"{path}: row {lineno} has more columns than the header")
        rows.append({k.strip(): (v or "").strip() for k, v in row.items()})
    return rows


@functools.lru_cache(maxsize=64)
def read_table(name: str, extra_dirs: tuple[str, ...] = ()) -> tuple[dict[str, str], ...]:
    """Rows of ``knowledge/data/<name>`` followed by rows of ``<dir>/<name>`` for each extra dir."""
    rows = _read_tsv(DATA_DIR / name) if (DATA_DIR / name).exists() else []
    for d in extra_dirs:
        p = Path(d)
        path = p if p.is_file() and p.name == name else p / name
        if path.is_file():
            rows.extend(_read_tsv(path))
    return tuple(rows)


def split_list(value: str, sep: str = "|") -> list[str]:
    """Multi-valued cells use '|' : "Foreign Minister|Deputy Prime Minister"."""
    return [v.strip() for v in value.split(sep) if v.strip()] if value else []


