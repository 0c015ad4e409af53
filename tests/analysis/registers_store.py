"""Stores for the relationship-file tests: the reference article alone, and with the shipped samples."""
from __future__ import annotations

from pathlib import Path


def build(db: Path, paths: list[Path], pipeline) -> str:
    from dateline.ingest import InputError, read_inputs
    from dateline.store import open_store

    url = f"sqlite:///{db}"
    store = open_store(url)
    try:
        articles = [a for a in read_inputs(paths) if not isinstance(a, InputError)]
        for extraction in pipeline.extract_many(articles):
            store.add(extraction)
    finally:
        store.close()
    return url
