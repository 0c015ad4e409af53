"""`dateline knowledge ...`: import PETRARCH dictionaries, explain a name, count what is loaded."""
from __future__ import annotations

from pathlib import Path

import click

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group()
def knowledge() -> None:
    """Knowledge tables: import dictionaries, explain a match, show what is loaded."""


@knowledge.command("import-petrarch")
@click.option("--actors", "actors", multiple=True, type=_FILE, help="PETRARCH actor dictionary (repeatable).")
@click.option("--agents", "agents", multiple=True, type=_FILE, help="PETRARCH agent dictionary (repeatable).")
@click.option("--verbs", "verbs", multiple=True, type=_FILE, help="PETRARCH verb dictionary (repeatable).")
@click.option("--discards", "discards", multiple=True, type=_FILE, help="PETRARCH discard list (repeatable).")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to write dateline tables into (use it with DATELINE_KNOWLEDGE or --knowledge).")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every unconvertible line (file:line: why) to this file.")
def import_petrarch_command(actors, agents, verbs, discards, out, report_file) -> None:
    """Convert PETRARCH-format dictionaries into dateline's own knowledge tables in OUT."""
    from dateline.config import Settings
    from dateline.knowledge.petrarch import import_petrarch

    if not (actors or agents or verbs or discards):
        raise click.UsageError("give at least one of --actors, --agents, --verbs, --discards")
    report = import_petrarch(out, list(actors), list(agents), list(verbs), list(discards),
                             extra=tuple(Settings().knowledge_paths))
    for line in report.summary():
        click.echo(line)
    if report_file:
        report_file.write_text("".join(f"{p}\n" for p in report.problems.lines()), encoding="utf-8")
        click.echo(f"all {len(report.problems):,} unconvertible lines listed in {report_file}")


def _kb(paths):
    from dateline.config import Settings
    from dateline.knowledge import load_knowledge

    return load_knowledge(tuple(Settings().knowledge_paths) + tuple(paths))


@knowledge.command("explain")
@click.argument("name")
@click.option("--date", "day", callback=lambda c, p, v: __import__("datetime").date.fromisoformat(v) if v else None,
              help="The article's publication date, YYYY-MM-DD (dated roles hold only inside their terms).")
@click.option("--country", default=None, help="A country the article gives for the name (ISO3).")
@click.option("--knowledge", "paths", multiple=True, type=click.Path(exists=True),
              help="Your knowledge directory (also from DATELINE_KNOWLEDGE). Repeatable.")
def explain_command(name, day, country, paths) -> None:
    """Which table entry NAME resolves to on a date, from which file, and why."""
    from dateline.knowledge.explain import explain

    for line in explain(_kb(paths), name, day, country.upper() if country else None):
        click.echo(line)


@knowledge.command("stats")
@click.option("--knowledge", "paths", multiple=True, type=click.Path(exists=True),
              help="Your knowledge directory (also from DATELINE_KNOWLEDGE). Repeatable.")
def stats_command(paths) -> None:
    """What is loaded: rows per table and per source."""
    from dateline.config import Settings
    from dateline.knowledge.stats import dictionary_summary, stats

    extra = tuple(Settings().knowledge_paths) + tuple(paths)
    for table, source, n in stats(extra):
        click.echo(f"{table:28} {n:>8,}  {source}")
    for line in dictionary_summary(_kb(paths)):
        click.echo(line)
