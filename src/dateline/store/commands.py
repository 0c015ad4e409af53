"""CLI commands over the store: `dateline ingest`, `events`, `export` and `status`."""
from __future__ import annotations

import contextlib
import json
import math
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import click
from sqlalchemy import exc as sa_exc

from dateline.commands import validate
from dateline.commands.options import (check_period, date_option, filter_value, period_end_option,
                                       period_start_option, selection_options)
from dateline.commands.text import plural, shorten
from dateline.distributed.cluster import SCHEDULER_HELP
from dateline.store.errors import StoreError
from dateline.store.query import MAX_COUNT

# Bounds of the commands' numbers; out of range is a usage error naming the option (exit status 2),
# never "everything" (--limit -1) or a database overflow (--limit 99999999999999999999).
MAX_ARTICLE_MB = 1000.0
MAX_BATCH = 10_000
LIMIT = click.IntRange(0, MAX_COUNT)          # events --limit: 0 prints only the count
OFFSET = click.IntRange(0, MAX_COUNT)
EXPORT_LIMIT = click.IntRange(1, MAX_COUNT)   # export --limit: unset means all


class PositiveSize(click.FloatRange):
    """A size in MB: above 0, at most ``max`` (neither inf nor nan gets through)."""

    name = "size"

    def __init__(self, max: float) -> None:
        super().__init__(min=0, max=max, min_open=True)

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number of MB", param, ctx)
        return number


DB_HELP = ("Store: sqlite:///path.db, postgresql://user:password@host/db or a plain file path "
           "(default: $DATELINE_DB or the embedded store under $DATELINE_HOME / ~/.local/share/dateline).")


def demo_hint(db: str | None) -> str:
    """When the default store is missing but `dateline demo` filled its own: how to read that one."""
    import os

    from dateline.config import default_data_dir

    demo = default_data_dir() / "demo.db"
    if db or os.environ.get("DATELINE_DB") or not demo.exists():
        return ""
    return f" (`dateline demo` keeps its own store: add --db {demo})"


def _open(db: str | None, create: bool = True):
    from dateline.store import open_store

    try:
        return open_store(db, create=create)
    except StoreError as exc:
        raise click.ClickException(str(exc) + ("" if create else demo_hint(db))) from None


# -- ingest -------------------------------------------------------------------------------------
@dataclass
class IngestCounts:
    articles: int = 0       # stored now (added or re-processed)
    updated: int = 0        # stored again because their metadata changed (a corrected date, title, outlet)
    unchanged: int = 0      # already stored from this extractor version, with the same metadata
    events: int = 0
    merged: int = 0
    failures: int = 0


# The database refused this article's values; the next article may well be stored.
_DATA_FAULTS = (sa_exc.IntegrityError, sa_exc.DataError)


def is_article_fault(exc: BaseException) -> bool:
    """True when storing failed because of one article's data (record it and go on); False for
    connection, lock and disk problems, which every later article would meet too (end the run)."""
    if isinstance(exc, (ValueError, TypeError, *_DATA_FAULTS)):
        return True
    if isinstance(exc, StoreError):
        cause = exc.__cause__
        return isinstance(cause, _DATA_FAULTS) and not cause.connection_invalidated
    return False


def _describe(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, StoreError) else f"{type(exc).__name__}: {exc}"


def _extract_safely(pipeline, batch: list) -> Iterator[tuple[object, object]]:
    """(article, Extraction or Exception) per article: a batch that fails is redone one by one,
    so one bad article is recorded as failed instead of stopping the run. A pipeline with
    ``extract_each`` reports its failed articles as values itself."""
    each = getattr(pipeline, "extract_each", None)
    try:
        results = list(each(batch) if each is not None else pipeline.extract_many(batch))
    except Exception:  # noqa: BLE001 - any extractor fault becomes a recorded failure
        for article in batch:
            try:
                yield article, pipeline.extract(article)
            except Exception as exc:  # noqa: BLE001
                yield article, exc
        return
    yield from zip(batch, results)


def _batched(items, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@click.command()
# readable=False: an unreadable input is one failed input of the run (read_inputs reports it), not a usage error
@click.argument("inputs", nargs=-1, type=click.Path(path_type=str, readable=False))
@click.option("--db", help=DB_HELP)
@click.option("--published", callback=date_option, help="Publication date (YYYY-MM-DD) for every input.")
@click.option("--outlet", help="Outlet name for every input.")
@click.option("--sample", is_flag=True, help="Also ingest the sample corpus shipped with dateline.")
@click.option("--allow-undated", is_flag=True, help="Store articles with no publication date (times stay unresolved).")
@click.option("--max-size", type=PositiveSize(MAX_ARTICLE_MB), default=5.0, show_default=True,
              help=f"Largest article accepted, in MB (above 0, at most {MAX_ARTICLE_MB:g}).")
@click.option("--batch-size", type=click.IntRange(1, MAX_BATCH), default=32, show_default=True,
              help="Articles per extraction batch.")
@click.option("--dask", "dask_scheduler", metavar="SCHEDULER",
              help=SCHEDULER_HELP + " The store is written from this process only.")
def ingest(inputs, db, published, outlet, sample, allow_undated, max_size, batch_size, dask_scheduler) -> None:
    """Extract events from articles and keep them in the store (idempotent and resumable).

    \b
    Examples:
      dateline ingest ~/news/2025-04/ feeds.jsonl
      dateline ingest corpus.jsonl --db postgresql://user@host/dateline
      dateline ingest --sample
    Articles already stored from this extractor version are skipped; a run that was killed
    can simply be started again. An article read again with corrected metadata (publication
    date, title, outlet) is re-extracted and replaces its stored version ("updated").
    Failed inputs are recorded with their reason (see `dateline status`).
    """
    from rich.console import Console

    from dateline import __version__
    from dateline.commands.progress import advance_to, article_progress
    from dateline.ingest import InputError, read_inputs, sample_paths
    from dateline.pipeline import ExtractionFailed, Pipeline

    paths = list(inputs) + ([str(p) for p in sample_paths()] if sample else [])
    if not paths:
        raise click.UsageError("give at least one input file or folder (or --sample)")
    store = _open(db)
    counts = IngestCounts()
    console = Console(stderr=True)
    stack = contextlib.ExitStack()
    try:
        if dask_scheduler:  # one cluster for the whole run, closed however it ends
            from dateline.distributed import DaskExtractor
            try:
                dask = stack.enter_context(DaskExtractor(dask_scheduler, max_articles=batch_size))
            except ValueError as exc:
                raise click.BadParameter(str(exc), param_hint="--dask") from None
        else:
            pipeline = Pipeline()
        progress, task = article_progress(console, paths, "{task.fields[events]} events · "
                                          "{task.fields[failures]} failed · {task.fields[unchanged]} unchanged")
        progress.update(task, description="ingesting", events=0, failures=0, unchanged=0)
        with progress:
            def refresh() -> None:
                progress.update(task, events=counts.events, failures=counts.failures, unchanged=counts.unchanged)
                advance_to(progress, task, counts.articles + counts.updated + counts.unchanged + counts.failures)

            def fail(source: str, message: str, article=None) -> None:
                counts.failures += 1
                try:
                    store.record_failure(source, message, article)
                except Exception as exc:  # noqa: BLE001
                    # the article's own data may be what the database refuses: keep the reason without it
                    if article is None or not is_article_fault(exc):
                        raise
                    store.record_failure(source, message)
                progress.console.print(f"[red]failed[/red] {source}: {message}", markup=True, highlight=False,
                                       soft_wrap=True)   # one line, however long the path
                refresh()

            def store_outcome(article, outcome) -> None:
                if isinstance(outcome, Exception):  # one line: the error's type and first sentence
                    fail(article.source or article.id, ExtractionFailed.of(article, outcome).reason, article)
                    return
                try:
                    result = store.add(outcome)
                except Exception as exc:  # noqa: BLE001 - sorted below: article fault or store down
                    if not is_article_fault(exc):
                        raise
                    fail(article.source or article.id, f"storing failed: {_describe(exc)}", article)
                    return
                if result.status == "unchanged":
                    counts.unchanged += 1
                else:
                    if result.status == "updated":
                        counts.updated += 1
                    else:
                        counts.articles += 1
                    counts.events += result.n_events
                    counts.merged += result.n_merged
                refresh()

            def to_extract():
                """The articles to extract, read lazily; bad and unchanged ones are counted here."""
                for item in read_inputs(paths, published=published, outlet=outlet,
                                        max_bytes=int(max_size * 1_000_000)):
                    if isinstance(item, InputError):
                        fail(item.source, item.message)
                        continue
                    if item.published is None and not allow_undated:
                        fail(item.source or item.id, "no publication date found; relative dates cannot be "
                                                     "resolved (pass --published YYYY-MM-DD or --allow-undated)", item)
                        continue
                    if store.is_current(item, __version__):
                        counts.unchanged += 1
                        refresh()
                        continue
                    yield item

            if dask_scheduler:  # results come back in input order, as the workers finish them
                pairs = dask.extract_pairs(to_extract())
            else:
                pairs = (pair for batch in _batched(to_extract(), batch_size)
                         for pair in _extract_safely(pipeline, batch))
            for article, outcome in pairs:
                store_outcome(article, outcome)
    except StoreError as exc:
        raise click.ClickException(f"{exc} (kept: {plural(counts.articles, 'article')} stored before the error)") \
            from None
    finally:
        try:
            stack.close()  # the Dask cluster, if any: no worker outlives the run
        finally:
            store.close()
    click.echo(f"{plural(counts.articles, 'article')} stored, {plural(counts.events, 'event')} "
               f"({counts.merged} merged into events already stored), {counts.updated} updated, "
               f"{counts.unchanged} unchanged, "
               f"{counts.failures} failed", err=True)
    if counts.failures:
        sys.exit(1)


# -- events / export ----------------------------------------------------------------------------
def query_options(f):
    """The filters `events` and `export` share, with the selection (--modality, --min-confidence)."""
    options = [selection_options,
        click.option("--db", help=DB_HELP),
        click.option("--dyad", help="Country pair, e.g. PAK-RUS (unordered unless --directed)."),
        click.option("--directed", is_flag=True, help="With --dyad: first country acts, second receives."),
        click.option("--actor", help="Actor id (person:ishaq-dar) or ISO3 country code."),
        click.option("--type", "types", help="PLOVER types, comma-separated (CONSULT,AGREE)."),
        click.option("--quad", help="Quad classes, comma-separated (1 verbal coop ... 4 material conflict)."),
        click.option("--context", "contexts", help="PLOVER contexts, comma-separated."),
        click.option("--dimension", "dimensions", help="Partnership dimensions, comma-separated (trade,energy)."),
        click.option("--from", "start", metavar="DATE", callback=period_start_option,
                     help="Events on or after this day: YYYY, YYYY-MM or YYYY-MM-DD (from the period's first day)."),
        click.option("--to", "end", metavar="DATE", callback=period_end_option,
                     help="Events on or before this day: YYYY, YYYY-MM or YYYY-MM-DD (to the period's last day)."),
        click.option("--place", "place_country", help="ISO3 country where events took place."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def build_query(dyad, directed, actor, types, quad, contexts, dimensions, start, end, place_country,
                limit: int | None, offset: int = 0, selection=None):
    """An EventQuery from the shared filters; a value dateline does not know is a usage error naming its
    option, never a query that silently matches nothing."""
    from dateline.store.query import EventQuery

    pair = filter_value(validate.dyad, dyad, "--dyad")
    if directed and not pair:
        raise click.UsageError("--directed needs --dyad")
    check_period(start, end)
    return EventQuery(dyad=pair, directed=directed, actor=actor,
                      types=filter_value(validate.event_types, types, "--type"),
                      quad_classes=filter_value(validate.quad_classes, quad, "--quad"),
                      contexts=filter_value(validate.contexts, contexts, "--context"),
                      dimensions=filter_value(validate.dimensions, dimensions, "--dimension"),
                      start=start, end=end, place_country=filter_value(validate.country, place_country, "--place"),
                      limit=limit, offset=offset, **({"selection": selection} if selection else {}))


def _side_text(actors) -> str:
    return ", ".join(a.name for a in actors) or "-"


@click.command()
@query_options
@click.option("--limit", type=LIMIT, default=50, show_default=True,
              help="At most this many events (0: only the count).")
@click.option("--offset", type=OFFSET, default=0, help="Skip this many events first.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
def events(db, dyad, directed, actor, types, quad, contexts, dimensions, start, end, place_country,
           limit, offset, fmt, selection) -> None:
    """Query stored (merged) events.

    \b
    Examples:
      dateline events --dyad PAK-RUS --from 2024-01-01 --type CONSULT,AGREE
      dateline events --actor person:ishaq-dar --format jsonl
    """
    from dateline.model import to_jsonable

    q = build_query(dyad, directed, actor, types, quad, contexts, dimensions, start, end, place_country, limit, offset,
                    selection)
    store = _open(db, create=False)
    try:
        found = store.query_events(q)
        total = store.count_events(q)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    if fmt == "jsonl":
        for ev in found:
            sys.stdout.write(json.dumps(to_jsonable(ev), ensure_ascii=False) + "\n")
        return
    if fmt == "json":
        json.dump([to_jsonable(ev) for ev in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(found)} of {plural(total, 'event')} ({q.selection.label()})", show_lines=False,
                  caption="dateline show ID: one event with all its sentences" if found else None)
    table.add_column("id", no_wrap=True)
    for col in ("date", "type", "cameo", "actors", "recipients", "place", "src", "evidence"):
        table.add_column(col, overflow="fold")
    for ev in found:
        when = ev.time.value if ev.time and ev.time.value else "undated"
        sentence = ev.mentions[0].sentence if ev.mentions else ""
        table.add_row(ev.id, when, ev.type, ev.cameo or "", _side_text(ev.actors), _side_text(ev.recipients),
                      ev.place.name if ev.place else "", str(ev.source_count), shorten(sentence, 100))
    Console().print(table)


EXPORT_FORMATS = ("csv", "jsonl", "parquet", "plover-json", "gdelt-tsv", "dyadic-csv", "dyadic-parquet", "stata")
DATE_FALLBACK_HELP = ("'publication': date undated events by their first article's publication day "
                      "(flagged in the date_fallback column); 'none' leaves them undated.")


@click.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS),
              required=True, help="Output format (see docs/export-formats.md); dyadic-* and stata: one row per "
                                  "actor-recipient pair.")
@click.option("--out", required=True, help="Output file ('-' for standard output, text formats only).")
@query_options
@click.option("--limit", type=EXPORT_LIMIT, default=None, help="At most this many events (default: all).")
@click.option("--date-fallback", type=click.Choice(["none", "publication"]), default="none", show_default=True,
              help=DATE_FALLBACK_HELP)
def export(fmt, out, db, dyad, directed, actor, types, quad, contexts, dimensions, start, end, place_country,
           limit, date_fallback, selection) -> None:
    """Export stored events: CSV, JSONL, Parquet, PLOVER JSON, GDELT-style TSV, or dyadic rows
    (one per actor-recipient pair) as CSV, Parquet or Stata .dta.

    \b
    Examples:
      dateline export --format parquet --out events.parquet
      dateline export --format csv --out pak-rus.csv --dyad PAK-RUS --from 2024-01-01
      dateline export --format stata --out dyads.dta --date-fallback publication
    """
    from dateline.export import ExportError, write_events

    q = build_query(dyad, directed, actor, types, quad, contexts, dimensions, start, end, place_country, limit,
                    selection=selection)
    store = _open(db, create=False)
    try:
        target = sys.stdout if out == "-" else out
        n = write_events(store.iter_events(q), fmt, target, articles=store.get_articles, date_fallback=date_fallback)
    except (StoreError, ExportError) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    what = "row" if fmt.startswith("dyadic") or fmt in ("stata", "gdelt-tsv") else "event"
    click.echo(f"{n} {what}{'' if n == 1 else 's'} written to {'stdout' if out == '-' else out} ({fmt}; "
               f"{q.selection.label()})", err=True)


# -- status -------------------------------------------------------------------------------------
@click.command()
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--failures", "max_failures", type=click.IntRange(0, MAX_COUNT), default=20, show_default=True,
              help="How many recent failures to list.")
def status(db, fmt, max_failures) -> None:
    """What the store holds: articles, events, merges, facts, extractor versions, and what failed and why."""
    from dateline.model import to_jsonable

    store = _open(db, create=False)
    try:
        st = store.status(max_failures=max_failures)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    if fmt == "json":
        json.dump(to_jsonable(st), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"dateline store: {st.url}", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    rows = [("backend", f"{st.backend} (schema {st.schema_revision})"), ("articles stored", st.articles),
            ("inputs failed", st.articles_failed), ("events (merged)", st.events),
            ("events as reported by articles", st.article_events), ("evidence sentences", st.mentions),
            ("events reported by 2+ articles", st.multi_source_events), ("facts", st.facts), ("actors", st.actors),
            ("event dates", f"{st.first_event or '-'} .. {st.last_event or '-'}")]
    rows += [(f"extractor {v or '?'}", n) for v, n in st.versions.items()]
    for k, v in rows:
        table.add_row(k, str(v))
    console.print(table)
    if st.failures:
        ft = Table(title="failures (latest first)")
        for col in ("source", "reason", "when"):
            ft.add_column(col, overflow="fold")
        for f in st.failures:
            ft.add_row(f.source, f.error, f.failed_at.isoformat(sep=" ") if f.failed_at else "")
        console.print(ft)
