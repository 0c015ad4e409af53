"""`dateline file A B` (the registers in the terminal or as JSON) and `dateline brief A B --out FILE`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dateline.commands.options import PERIOD_FORMS, selection_options

_DB_HELP = "Store URL or SQLite file (default: the embedded store; env DATELINE_DB)."


def _pair(a: str, b: str) -> tuple[str, str]:
    """Two known, different ISO3 codes, or a usage error naming the argument."""
    from dateline.commands import validate
    from dateline.commands.options import filter_value

    codes = [filter_value(validate.country, code, name) for name, code in (("A", a), ("B", b))]
    if codes[0] == codes[1]:
        raise click.BadParameter(f"give two different countries, not {codes[0]} twice", param_hint="A B")
    return codes[0], codes[1]


def _period(start: str | None, end: str | None):
    from dateline.analysis import Period, PeriodError

    try:
        return Period.parse(start, end)
    except PeriodError as exc:
        raise click.BadParameter(str(exc), param_hint="--from/--to") from None


def _read(a: str, b: str, start: str | None, end: str | None, db: str | None, read):
    """``read(store, a, b, period)`` on the stored pair, with every input checked first (codes, period,
    store) and the store closed after."""
    from dateline.store import open_store
    from dateline.store.errors import StoreError

    pair = _pair(a, b)
    period = _period(start, end)
    try:
        store = open_store(db, create=False)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        return read(store, pair[0], pair[1], period)
    finally:
        store.close()


def build_file(a: str, b: str, start: str | None, end: str | None, db: str | None, selection=None):
    """The relationship file, with every input checked first (codes, period, store)."""
    from dateline.analysis.registers import relationship_file

    return _read(a, b, start, end, db, lambda store, x, y, period:
                 relationship_file(store, x, y, period, selection=selection))


def _common(f):
    f = click.option("--db", envvar="DATELINE_DB", default=None, metavar="URL|PATH", help=_DB_HELP)(f)
    f = click.option("--to", "end", metavar="DATE", help=f"Last day: {PERIOD_FORMS}.")(f)
    f = click.option("--from", "start", metavar="DATE", help=f"First day: {PERIOD_FORMS}.")(f)
    f = selection_options(f)
    f = click.argument("b")(f)
    return click.argument("a")(f)


@click.command("file")
@_common
@click.option("--json", "as_json", is_flag=True, help="Print the registers as JSON (as GET /api/dyads/A/B/file).")
@click.option("--ids", is_flag=True, help="Show the event ids behind each row.")
def file_command(a: str, b: str, start: str | None, end: str | None, db: str | None, as_json: bool,
                 ids: bool, selection) -> None:
    """The relationship file of countries A and B (ISO3, e.g. PAK RUS): visits, agreements, dialogue
    mechanisms with their numbered sessions, and figures by year, each row traced to its events.
    Announced visits and agreements are always read, and listed as planned."""
    from rich.console import Console

    from dateline.analysis.registers.render import print_file
    from dateline.analysis.registers.serialize import file_json

    rf = build_file(a, b, start, end, db, selection)
    if as_json:
        click.echo(json.dumps(file_json(rf), ensure_ascii=False, indent=2))
        return
    # a pipe or a file gets wide tables (rich would wrap them at 80 columns)
    print_file(rf, Console(width=None if sys.stdout.isatty() else 140), ids=ids)


@click.command("brief")
@_common
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="File to write (HTML, or Markdown with --format md).")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True,
              help="One self-contained HTML page (inline SVG, prints to A4) or Markdown.")
def brief_command(a: str, b: str, start: str | None, end: str | None, db: str | None, out: Path, fmt: str,
                  selection) -> None:
    """A printable brief on countries A and B: a summary written from the figures, the timeline and
    index charts, the registers, the figures table and evidence footnotes."""
    from dateline.export.brief import brief_html, brief_markdown, gather

    data = _read(a, b, start, end, db, lambda store, x, y, period:
                 gather(store, x, y, period, selection=selection))
    text = brief_html(data) if fmt == "html" else brief_markdown(data)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
    from dateline.commands.text import plural
    f = data.file
    click.echo(f"wrote {out} ({fmt}, {plural(len(f.visits), 'visit')}, {plural(len(f.agreements), 'agreement')}, "
               f"{plural(sum(len(m.sessions) for m in f.mechanisms), 'session')}, {plural(len(f.figures), 'figure')})")
