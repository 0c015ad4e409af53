"""Shared fixtures. The spaCy model and the full pipeline load once per test session."""
from __future__ import annotations

import pytest

from shared_data import REFERENCE_ARTICLE, REPO, SHARED, needs_shared  # noqa: F401  (re-exported for tests)


@pytest.fixture(scope="session")
def nlp():
    from dateline.pipeline import load_nlp
    return load_nlp()


@pytest.fixture(scope="session")
def pipeline():
    from dateline.pipeline import Pipeline
    return Pipeline()
