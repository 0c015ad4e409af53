"""Version stamps written into every research export: which dateline and which knowledge tables.

``knowledge_version`` is the first 12 hex digits of a SHA-256 over the built-in knowledge tables and
the user's tables of the same names (``DATELINE_KNOWLEDGE``), so two exports made with the same
tables carry the same stamp and a changed actor or lexicon row changes it.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from dateline import __version__
from dateline.knowledge.loader import DATA_DIR


def dateline_version() -> str:
    return __version__


def knowledge_version(extra_dirs: tuple[str, ...] | None = None) -> str:
    if extra_dirs is None:
        from dateline.config import Settings

        extra_dirs = tuple(Settings().knowledge_paths)
    return _digest(tuple(extra_dirs))


@functools.lru_cache(maxsize=8)
def _digest(extra_dirs: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    names = sorted(p.name for p in DATA_DIR.glob("*.tsv"))
    for name in names:
        h.update(name.encode("utf-8") + b"\0" + (DATA_DIR / name).read_bytes() + b"\0")
    for d in extra_dirs:
        base = Path(d)
        for name in names:
            path = base if base.is_file() and base.name == name else base / name
            if path.is_file():
                h.update(b"user\0" + name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:12]
