"""The sample corpus shipped inside the package (src/dateline/samples/)."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from dateline.ingest.files import SUPPORTED_SUFFIXES


def samples_dir() -> Path:
    return Path(str(files("dateline") / "samples"))


def sample_paths() -> list[Path]:
    """Paths of the shipped sample articles (every supported file; README.md excluded), sorted."""
    folder = samples_dir()
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith("."))
