"""An API client over a SQLite store of the hand-made articles (tests/analysis/dyad_data.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))

import dyad_data  # noqa: E402


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    from dateline.store import open_store

    path = tmp_path_factory.mktemp("web") / "store.db"
    store = open_store(str(path))
    dyad_data.fill(store, dyad_data.core_extractions() + [dyad_data.hostile_markup()])
    store.close()
    return str(path)


@pytest.fixture(scope="module")
def client(store_path):
    from fastapi.testclient import TestClient

    from dateline.web.app import create_app

    with TestClient(create_app(store_path, token="")) as c:
        yield c
