"""The terminal every command prints to."""
from __future__ import annotations

import os
import sys

from rich.console import Console

PIPED_WIDTH = 160  # Rich falls back to 80 columns off a terminal, which crushes wide tables


def make_console(stderr: bool = False) -> Console:
    """A Rich console; when output goes to a file or a pipe the tables stay readable
    (COLUMNS still wins when set)."""
    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty() or os.environ.get("COLUMNS"):
        return Console(stderr=stderr)
    return Console(stderr=stderr, width=PIPED_WIDTH)
