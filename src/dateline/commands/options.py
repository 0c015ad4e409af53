"""Option parsing shared by every command, so each says the same thing about the same mistake."""
from __future__ import annotations

from datetime import date

import click


def date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """click callback: YYYY-MM-DD -> date, or a usage error that shows the expected form."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date in YYYY-MM-DD form") from None
