"""Option parsing shared by every command, so each says the same thing about the same mistake."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

import click

PERIOD_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


def date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """click callback for one exact day (e.g. --published): YYYY-MM-DD -> date, or a usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date in YYYY-MM-DD form") from None


def _period_bound(end: bool) -> Callable[[click.Context, click.Parameter, str | None], date | None]:
    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
        from dateline.analysis.period import PeriodError, parse_bound

        try:
            return parse_bound(value, end=end)
        except PeriodError as exc:
            raise click.BadParameter(str(exc)) from None

    return callback


# click callbacks for the bounds of a period: a year or a month stands for all its days, so
# "--from 2024 --to 2024-06" is 2024-01-01 .. 2024-06-30.
period_start_option = _period_bound(end=False)
period_end_option = _period_bound(end=True)


def check_period(start: date | None, end: date | None, hint: str = "--from/--to") -> None:
    """A usage error when the period ends before it starts (it would match nothing)."""
    if start and end and end < start:
        raise click.BadParameter(f"the period ends ({end}) before it starts ({start})", param_hint=hint)


def filter_value(check: Callable, value, option: str):
    """Run a dateline.commands.validate check; its error becomes a usage error naming ``option``."""
    from dateline.commands.validate import InvalidFilter

    if value is None or value == "":
        return None
    try:
        return check(value)
    except InvalidFilter as exc:
        raise click.BadParameter(str(exc), param_hint=f"'{option}'") from None


def _selection_callback(ctx: click.Context, param: click.Parameter, value):
    """Turns --modality / --min-confidence into one dateline.store.selection.Selection (params['selection'])."""
    from dateline.store.selection import Selection, SelectionError

    ctx.meta.setdefault("dateline_selection", {})[param.name] = value
    given = ctx.meta["dateline_selection"]
    if "modality" in given and "min_confidence" in given:
        try:
            ctx.params["selection"] = Selection.parse(given["modality"], given["min_confidence"])
        except (SelectionError, ValueError) as exc:
            raise click.BadParameter(str(exc), param_hint="'--modality' / '--min-confidence'") from None
    return value


def selection_options(f):
    """--modality and --min-confidence: the command receives ``selection`` (a Selection) and not
    ``modality`` / ``min_confidence``. One definition for every read command (events, export, timeline,
    panel, file, brief)."""
    from dateline.config import DEFAULT_MIN_CONFIDENCE
    from dateline.store.selection import CONFIDENCE_HELP, MODALITY_HELP

    f = click.option("--min-confidence", "min_confidence", type=click.FloatRange(0, 1), default=None,
                     metavar="X", expose_value=False, is_eager=False, callback=_selection_callback,
                     help=CONFIDENCE_HELP.format(default=DEFAULT_MIN_CONFIDENCE))(f)
    return click.option("--modality", "modality", default=None, metavar="WHICH", expose_value=False,
                        callback=_selection_callback, help=MODALITY_HELP)(f)
