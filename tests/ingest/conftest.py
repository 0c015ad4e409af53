"""Fixture for the ingest tests: write files into a temporary folder, read them back."""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.ingest import InputError, read_inputs
from dateline.model import Article


class Files:
    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, name: str, content: str | bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    @staticmethod
    def read_all(*paths, **kwargs) -> list[Article | InputError]:
        return list(read_inputs([str(p) for p in paths], **kwargs))

    def read_one(self, path, **kwargs) -> Article:
        items = self.read_all(path, **kwargs)
        assert len(items) == 1, items
        assert isinstance(items[0], Article), items[0]
        return items[0]

    def read_error(self, path, **kwargs) -> InputError:
        items = self.read_all(path, **kwargs)
        assert len(items) == 1, items
        assert isinstance(items[0], InputError), items[0]
        return items[0]


@pytest.fixture
def files(tmp_path: Path) -> Files:
    return Files(tmp_path)
