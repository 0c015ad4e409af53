"""A SQLite store holding the hand-made articles of dyad_data.py."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # dyad_data, shared with tests/web

import dyad_data  # noqa: E402


@pytest.fixture(scope="module")
def views_store(tmp_path_factory):
    from dateline.store import open_store

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('views') / 'store.db'}")
    dyad_data.fill(store, dyad_data.core_extractions())
    yield store
    store.close()


@pytest.fixture(scope="module")
def analytics(views_store):
    from dateline.analysis import DyadAnalytics

    return DyadAnalytics(views_store)


@pytest.fixture(scope="session")
def reference_store_url(tmp_path_factory, pipeline):
    """A SQLite store holding the reference article alone."""
    from registers_store import build
    from shared_data import REFERENCE_ARTICLE, needs_shared

    return build(tmp_path_factory.mktemp("reference") / "store.db", [needs_shared(REFERENCE_ARTICLE)], pipeline)


@pytest.fixture(scope="session")
def samples_store_url(tmp_path_factory, pipeline):
    """The reference article and every shipped sample, in one SQLite store."""
    from registers_store import build
    from shared_data import REFERENCE_ARTICLE, needs_shared

    from dateline.ingest import samples_dir
    return build(tmp_path_factory.mktemp("samples") / "store.db",
                 [needs_shared(REFERENCE_ARTICLE), samples_dir()], pipeline)
