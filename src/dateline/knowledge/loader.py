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
    """A knowledge file that cannot be used; the message says which file (and line) and why."""


class UnknownCountryError(KnowledgeFileError):
    """A row names a country code that no countries.tsv (built-in or the user's) declares."""

    def __init__(self, where: str, code: str, column: str = "country") -> None:
        self.where, self.code, self.column = where, code, column
        super().__init__(f"{where}: unknown iso3 {code!r} in column {column!r} (not in countries.tsv; "
                         f"declare your own codes in a countries.tsv in your knowledge directory)")


class Row(dict):
    """One table row (column -> cell), remembering the file and line it was read from."""

    __slots__ = ("path", "line")

    def __init__(self, cells: dict[str, str], path: str = "", line: int = 0) -> None:
        super().__init__(cells)
        self.path, self.line = path, line

    def __reduce__(self):
        return (Row, (dict(self), self.path, self.line))


def where(row: dict[str, str], table: str) -> str:
    """ "path/actors.tsv:12" for a row read from a file, else the table's name."""
    if isinstance(row, Row) and row.path:
        return f"{row.path}:{row.line}"
    return table


def origin(row: dict[str, str], table: str) -> str:
    """Where a row came from, for an event's coding trace: "actors.tsv:12" for a built-in table, the
    full path and line for a user's file (see ``shown_source``)."""
    return shown_source(where(row, table))


def shown_source(source: str) -> str:
    """A "path:line" with the built-in data folder left out (it differs from one installation to
    another): "actors.tsv:12"; a user's file keeps its path."""
    prefix = str(DATA_DIR) + "/"
    return source[len(prefix):] if source.startswith(prefix) else source


def _read_tsv(path: Path) -> list[dict[str, str]]:
    try:
        numbered = [(n, ln) for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                    if ln.strip() and not ln.lstrip().startswith("#")]
    except UnicodeDecodeError as exc:
        raise KnowledgeFileError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    if not numbered:
        return []
    reader = csv.DictReader([ln for _, ln in numbered], delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for (lineno, _), row in zip(numbered[1:], reader):
        if None in row:
            raise KnowledgeFileError(f"{path}:{lineno}: row has more columns than the header")
        rows.append(Row({k.strip(): (v or "").strip() for k, v in row.items()}, str(path), lineno))
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




def read_cells(name: str, extra_dirs: tuple[str, ...] = ()) -> list[tuple[str, list[str], list[tuple[int, list[str]]]]]:
    """For big tables: (path, header, [(line, cells)]) of the built-in file and each user file,
    split on tabs without building a dict per row (the caller indexes what it needs)."""
    paths = [DATA_DIR / name] + [Path(d) if Path(d).is_file() and Path(d).name == name else Path(d) / name
                                 for d in extra_dirs]
    out = []
    for path in paths:
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise KnowledgeFileError(f"{path}: not UTF-8 text ({exc.reason})") from exc
        header: list[str] | None = None
        body: list[tuple[int, list[str]]] = []
        for n, ln in enumerate(text.splitlines(), start=1):
            if not ln.strip() or ln.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in ln.split("\t")]
            if header is None:
                header = cells
                continue
            if len(cells) > len(header):
                raise KnowledgeFileError(f"{path}:{n}: row has more columns than the header")
            body.append((n, cells + [""] * (len(header) - len(cells))))
        out.append((str(path), header or [], body))
    return out
