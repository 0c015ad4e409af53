"""`dateline timeline A B`: a country pair's relationship in the terminal."""
from __future__ import annotations

import json

import click

from dateline.commands.options import selection_options


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--from", "start", metavar="DATE", help="First day: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--to", "end", metavar="DATE", help="Last day: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--db", envvar="DATELINE_DB", default=None, metavar="URL|PATH",
              help="Store URL or SQLite file (default: the embedded store; env DATELINE_DB).")
@click.option("--by", type=click.Choice(["auto", "month", "year"]), default="auto", show_default=True,
              help="Interval of the chart.")
@click.option("--events", "n_events", default=8, show_default=True, type=click.IntRange(0, 500),
              help="How many of the latest events to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON instead.")
@selection_options
def timeline(a: str, b: str, start: str | None, end: str | None, db: str | None, by: str, n_events: int,
             as_json: bool, selection) -> None:
    """How countries A and B (ISO3 codes, e.g. PAK RUS) get on: events by month, cooperation–conflict
    index, dimensions, key actors and reported figures."""
    from rich.console import Console

    from dateline.analysis import DyadAnalytics, Period, PeriodError
    from dateline.analysis.render import print_summary
    from dateline.commands import validate
    from dateline.commands.options import filter_value
    from dateline.model import to_jsonable
    from dateline.store import open_store
    from dateline.store.errors import StoreError

    # Codes are checked against the country table: a typo (PAK XXX) is an error, not an empty timeline.
    codes = [filter_value(validate.country, code, name) for name, code in (("A", a), ("B", b))]
    if codes[0] == codes[1]:
        raise click.BadParameter(f"give two different countries, not {codes[0]} twice", param_hint="A B")
    try:
        period = Period.parse(start, end)
    except PeriodError as exc:
        raise click.BadParameter(str(exc), param_hint="--from/--to") from None

    try:
        store = open_store(db, create=False)
    except StoreError as exc:
        from dateline.store.commands import demo_hint
        raise click.ClickException(str(exc) + demo_hint(db)) from None
    try:
        analytics = DyadAnalytics(store)
        summary = analytics.summary(codes[0], codes[1], period, selection=selection)
        if as_json:
            click.echo(json.dumps(to_jsonable(summary), ensure_ascii=False, indent=2))
            return
        ids = ([p.id for p in analytics.timeline(codes[0], codes[1], period, limit=n_events, selection=selection)]
               if n_events else [])
        latest = [e for e in (store.get_event(i) for i in ids) if e is not None]
        print_summary(summary, latest, Console(), by=by)
    finally:
        store.close()
