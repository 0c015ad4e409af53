"""`dateline evaluate`: score the system against a gold file and list what it got wrong."""
from __future__ import annotations

from pathlib import Path

import click

from dateline.evaluate.gold import GoldFormatError, write_gold as save_gold
from dateline.evaluate.run import FORMATS, GoldArticleError, evaluate as run_evaluation, load_gold
from dateline.evaluate.score import GROUPINGS


@click.command("evaluate")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a Markdown report (figures, confusion matrix, every mismatch) to this file.")
@click.option("--by", type=click.Choice(GROUPINGS), help="Break the figures down by gold type, context or actor country.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Gold format: dateline gold JSONL, a PLOVER gold-standard file, or a MEANTIME folder.")
@click.option("--mismatches", type=int, default=20, show_default=True,
              help="Mismatches to print here (0: all). The report lists all of them.")
@click.option("--limit", type=int, help="Evaluate only the first N gold records (a quick look).")
@click.option("--write-gold", type=click.Path(dir_okay=False, path_type=Path),
              help="Also save the gold records, converted to dateline's gold JSONL, to this file.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Count only system events at or above this confidence (0: every candidate).")
def evaluate(gold: Path, report_path: Path | None, by: str | None, fmt: str, mismatches: int,
             limit: int | None, write_gold: Path | None, min_confidence: float) -> None:
    """Score extraction against GOLD (see docs/evaluation.md for the format and matching rule)."""
    from dateline.evaluate.report import mismatch_table, render_markdown, render_text

    from dateline.evaluate.news import is_news_gold
    if fmt == "news" or (fmt == "auto" and is_news_gold(gold)):
        _evaluate_news(gold, limit, mismatches, min_confidence, report_path)
        return
    try:
        records, notes = load_gold(gold, fmt)
    except GoldFormatError as exc:
        raise click.ClickException(str(exc)) from None
    if limit is not None:
        records = records[:limit]
    if write_gold is not None:
        count = save_gold(records, write_gold)
        click.echo(f"wrote {count} gold records to {write_gold}", err=True)
    try:
        result = run_evaluation(records, name=gold.name, gold_path=str(gold), by=by, notes=notes,
                                min_confidence=min_confidence)
    except (GoldFormatError, GoldArticleError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(render_text(result))
    if result.events is not None and result.events.mismatches:
        shown = None if mismatches == 0 else mismatches
        click.echo(f"\nmismatches ({len(result.events.mismatches)}):")
        for line in mismatch_table(result.events.mismatches, shown):
            click.echo(line)
    if report_path is not None:
        report_path.write_text(render_markdown(result, mismatch_limit=None), encoding="utf-8")
        click.echo(f"\nreport written to {report_path}", err=True)


def _evaluate_news(gold: Path, limit: int | None, mismatches: int, min_confidence: float,
                   report_path: Path | None) -> None:
    """Story-level gold (voa-dev): the fixed real-news matching rule in dateline.evaluate.news."""
    from dateline.evaluate.news import error_lines, evaluate_news, summary_lines

    try:
        scores = evaluate_news(gold, min_confidence=min_confidence, limit=limit)
    except GoldFormatError as exc:
        raise click.ClickException(str(exc)) from None
    lines = summary_lines(scores)
    click.echo("\n".join(lines))
    errors = error_lines(scores, limit=None if mismatches == 0 else mismatches)
    if errors:
        click.echo(f"\nerrors (missed {len(scores.missed)}, false alarms {len(scores.false_alarms)}):")
        click.echo("\n".join(errors))
    if report_path is not None:
        body = ["# Real-news evaluation: " + gold.name, "", *[f"- {line}" for line in lines], "",
                "## Errors", "", *[f"- {line}" for line in error_lines(scores, limit=None)]]
        report_path.write_text("\n".join(body) + "\n", encoding="utf-8")
        click.echo(f"\nreport written to {report_path}", err=True)
