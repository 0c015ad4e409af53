"""`dateline panel`: a dyad- or country-period table of event counts and scores, as CSV, Parquet or Stata."""
from __future__ import annotations

from pathlib import Path

import click

from dateline.commands.options import (check_period, filter_value, period_end_option, period_start_option,
                                       selection_options)

FORMATS = ("csv", "parquet", "stata")


def _format(out: str, fmt: str | None) -> str:
    if fmt:
        return fmt
    suffix = Path(out).suffix.lower()
    return {".parquet": "parquet", ".dta": "stata"}.get(suffix, "csv")


@click.command()
@click.option("--unit", type=click.Choice(["dyad-month", "dyad-year", "country-month", "country-year"]),
              required=True, help="Rows: a country pair or a country, per month or year.")
@click.option("--directed", is_flag=True, help="Dyad units: actor country -> recipient country (joint acts "
                                               "count both ways); default: unordered pairs.")
@click.option("--from", "start", metavar="DATE", callback=period_start_option,
              help="First day: YYYY, YYYY-MM or YYYY-MM-DD (balanced panels start at its period).")
@click.option("--to", "end", metavar="DATE", callback=period_end_option,
              help="Last day: YYYY, YYYY-MM or YYYY-MM-DD (balanced panels end at its period).")
@click.option("--balanced", is_flag=True, help="Write zero rows: every unit seen gets every period.")
@click.option("--date-fallback", type=click.Choice(["none", "publication"]), default="none", show_default=True,
              help="'publication': count undated events at their first publication "
                   "(column events_dated_by_publication); 'none' leaves them out.")
@click.option("--out", required=True, help="Output file ('-' for standard output, CSV only).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the file name: .parquet, .dta, else CSV).")
@click.option("--db", help="Store URL or SQLite path (default: $DATELINE_DB or the embedded store).")
@click.option("--type", "types", help="Only these PLOVER types, comma-separated.")
@click.option("--quad", help="Only these quad classes, comma-separated.")
@click.option("--actor", help="Only events with this actor id or ISO3 country.")
@click.option("--place", "place_country", help="Only events that took place in this ISO3 country.")
@selection_options
def panel(unit, directed, start, end, balanced, date_fallback, out, fmt, db, types, quad, actor,
          place_country, selection) -> None:
    """Events per dyad or country and month or year: counts by quad class and PLOVER type,
    Goldstein sum and mean, PLOVER score mean, distinct articles (docs/export-formats.md#panels).

    \b
    Examples:
      dateline panel --unit dyad-month --from 2024 --to 2024 --balanced --out dyads.csv
      dateline panel --unit country-year --out countries.dta
      dateline panel --unit dyad-year --directed --date-fallback publication --out directed.parquet
    """
    import sys

    from dateline.analysis.panel import PanelError, build_panel
    from dateline.commands import validate
    from dateline.export import tables
    from dateline.export.batching import with_articles
    from dateline.store.commands import _open
    from dateline.store.errors import StoreError
    from dateline.store.query import EventQuery

    check_period(start, end)
    fmt = _format(out, fmt)
    if out == "-" and fmt != "csv":
        raise click.UsageError(f"{fmt} is a binary format: give a file path with --out")
    if directed and not unit.startswith("dyad"):
        raise click.UsageError("--directed applies to dyad units only")
    # undated events have no interval: with the fallback they are filtered by publication day here
    q = EventQuery(types=filter_value(validate.event_types, types, "--type"),
                   quad_classes=filter_value(validate.quad_classes, quad, "--quad"), actor=actor,
                   place_country=filter_value(validate.country, place_country, "--place"),
                   start=None if date_fallback == "publication" else start,
                   end=None if date_fallback == "publication" else end, limit=None, selection=selection)
    store = _open(db, create=False)
    try:
        rows, columns, report = build_panel(with_articles(store.iter_events(q), store.get_articles), unit,
                                            directed=directed, balanced=balanced, start=start, end=end,
                                            date_fallback=date_fallback)
    except (StoreError, PanelError) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    try:
        if out == "-":
            tables.write_csv_rows(rows, columns, sys.stdout)
        elif fmt == "csv":
            with open(out, "w", encoding="utf-8", newline="") as stream:
                tables.write_csv_rows(rows, columns, stream)
        elif fmt == "parquet":
            tables.write_parquet_rows(rows, columns, Path(out))
        else:
            tables.write_stata_rows(rows, columns, Path(out))
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
    left = [f"{n} {what}" for n, what in ((report.undated, "undated (see --date-fallback)"),
                                          (report.too_coarse, f"dated too coarsely for a {unit.split('-')[1]}"),
                                          (report.no_unit, "without a country pair" if unit.startswith("dyad")
                                           else "without a country"))
            if n]
    click.echo(f"{len(rows)} row{'' if len(rows) == 1 else 's'} from {report.counted} "
               f"event{'' if report.counted == 1 else 's'} written to {'stdout' if out == '-' else out} ({fmt}; "
               f"{selection.label()})"
               + (f"; left out: {', '.join(left)}" if left else ""), err=True)
