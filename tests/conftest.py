"""Shared fixtures. The spaCy model and the full pipeline load once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
REFERENCE_ARTICLE = SHARED / "data" / "seed" / "dawn-2025-04-18-pakistan-russia.txt"


def needs_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(scope="session")
def nlp():
    from dateline.pipeline import load_nlp
    return load_nlp()


@pytest.fixture(scope="session")
def pipeline():
    from dateline.pipeline import Pipeline
    return Pipeline()
