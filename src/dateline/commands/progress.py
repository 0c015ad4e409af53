"""Progress of a long run on stderr: articles done of the total, the time left, and the command's
own counts. Drawn only when stderr is a terminal, so logs, pipes and tests get the summary line alone."""
from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)


def article_progress(console: Console, paths: Iterable[str | Path], counts: str | None = None) -> tuple[Progress, int]:
    """A Progress for a run over ``paths`` (not started) and its task id. ``counts`` is a Rich text
    template over the task's fields, e.g. "{task.fields[events]} events". The total is counted
    first, only when the bar is shown; when it cannot be counted the bar shows the rate alone."""
    shown = console.is_terminal
    total = None
    if shown:
        from dateline.ingest.count import count_articles
        total = count_articles(paths)
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    if counts:
        columns.append(TextColumn(counts))
    columns += [TextColumn("ETA"), TimeRemainingColumn(), TextColumn("elapsed"), TimeElapsedColumn()]
    # Output on stdout goes above the bar when it is the same terminal; when stdout is a pipe it is left
    # alone (redirecting it would send records to stderr).
    progress = Progress(*columns, console=console, disable=not shown, transient=False,
                        redirect_stdout=sys.stdout.isatty(), redirect_stderr=True)
    task = progress.add_task("", total=total)
    return progress, task


def advance_to(progress: Progress, task: int, done: int) -> None:
    """Set the articles done; an estimated total that proves too small grows with the run."""
    total = next(t.total for t in progress.tasks if t.id == task)
    if total is not None and done > total:
        progress.update(task, total=done)
    progress.update(task, completed=done)
