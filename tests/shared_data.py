"""Paths to the development data in ../shared (read in place, never copied into the repository)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
REFERENCE_ARTICLE = SHARED / "data" / "seed" / "dawn-2025-04-18-pakistan-russia.txt"


def needs_shared(path: Path) -> Path:
    """The path, or skip the test when ../shared is absent (a user's clone); CI has it."""
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path
