"""`dateline show EVENT_ID`: one stored event, how it was coded, and every sentence that reports it."""
from __future__ import annotations

import json
import sys

import click

from dateline.commands.text import plural


def coding_lines(ev) -> list[tuple[str, str]]:
    """(what, value) rows: the coding trace from trigger to scores, time, place and modality."""
    t, p = ev.time, ev.place
    flags = [name for name in ("negated", "future", "hypothetical", "historical") if getattr(ev, name)]
    when = "undated" if t is None or t.earliest is None else (
        f"{t.value} ({t.granularity}, from {t.source}; {t.earliest} .. {t.latest or t.earliest})")
    return [
        ("id", ev.id),
        ("trigger", ev.trigger or "-"),
        ("PLOVER", f"{ev.type}" + (f" / {ev.mode}" if ev.mode else "")),
        ("CAMEO", f"{ev.cameo or '-'} (quad class {ev.quad_class if ev.quad_class is not None else '-'})"),
        ("scores", f"Goldstein {ev.goldstein if ev.goldstein is not None else '-'}, "
                   f"PLOVER {ev.plover_score if ev.plover_score is not None else '-'}"),
        ("confidence", f"{ev.confidence:.2f}"),
        ("modality", ", ".join(flags) or "asserted"),
        ("coded by", ev.coded_by or "-"),
        ("actors", "; ".join(_actor(a) for a in ev.actors) or "-"),
        ("recipients", "; ".join(_actor(a) for a in ev.recipients) or "-"),
        ("time", when),
        ("place", f"{p.name} ({p.country or '?'}, from the {p.source})" if p else "-"),
        ("contexts", ", ".join(ev.contexts) or "-"),
        ("dimensions", ", ".join(ev.dimensions) or "-"),
        ("quantity", "-" if ev.quantity is None else f"{ev.quantity:g}"),
        ("sources", f"{plural(ev.source_count, 'article')}, {plural(len(ev.mentions), 'sentence')}"),
    ]


def _actor(a) -> str:
    """ "Ishaq Dar [person:ishaq-dar, from actors.tsv:15]": the id and the table row that resolved it."""
    return f"{a.name} [{a.id}" + (f", from {a.source}" if a.source else "") + "]"


def marked(sentence: str, start: int, m) -> str:
    """The sentence with the trigger in [brackets] (offsets are into the article text)."""
    if m.trigger is None:
        return sentence
    a, b = m.trigger.start - start, m.trigger.end - start
    if not (0 <= a < b <= len(sentence)):
        return sentence
    return f"{sentence[:a]}[{sentence[a:b]}]{sentence[b:]}"


@click.command()
@click.argument("event_id")
@click.option("--db", help="Store URL or SQLite path (default: $DATELINE_DB or the embedded store).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(event_id: str, db: str | None, fmt: str) -> None:
    """One event by id (as `dateline events` lists it, or the id one article gave it): its coding,
    and every sentence that reports it with its article's outlet, headline, date and URL."""
    from dateline.model import to_jsonable
    from dateline.store.commands import _open
    from dateline.store.errors import StoreError

    store = _open(db, create=False)
    try:
        ev = store.get_event(event_id)
        articles = store.get_articles({m.article_id for m in ev.mentions} | {ev.article_id}) if ev else {}
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    if ev is None:
        raise click.ClickException(f"no event {event_id!r} in the store (`dateline events` lists the ids)")
    if fmt == "json":
        record = to_jsonable(ev)
        record["articles"] = {i: {"outlet": a.outlet, "title": a.title, "url": a.url,
                                  "published": a.published.isoformat() if a.published else None}
                              for i, a in articles.items()}
        json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    coding = Table(title=f"event {ev.id}", show_header=False)
    coding.add_column("what", style="bold")
    coding.add_column("value", overflow="fold")
    for what, value in coding_lines(ev):
        coding.add_row(what, escape(value))
    console.print(coding)
    for n, m in enumerate(ev.mentions, start=1):
        a = articles.get(m.article_id)
        cite = ", ".join(x for x in (a.outlet, a.title, a.published.isoformat() if a.published else None) if x) \
            if a else m.article_id
        console.print(f"[bold]{n}.[/bold] {escape(cite)} (sentence {m.sentence_index}, {m.article_id})",
                      highlight=False)
        if a is not None and a.url:
            console.print(f"   {escape(a.url)}", highlight=False)
        console.print(f"   {escape(marked(m.sentence, m.sentence_start, m))}", highlight=False)
