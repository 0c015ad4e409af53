"""Readable terminal rendering of one Extraction (Rich tables)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dateline.commands.console import make_console
from dateline.commands.text import plural
from dateline.model import Actor, Event, Extraction, TimeRef
QUAD_STYLE = {1: "green", 2: "bold green", 3: "yellow", 4: "bold red"}


def actor_label(actors: list[Actor]) -> str:
    parts = []
    for a in actors:
        code = a.country or a.sector or ""
        parts.append(f"{a.name} ({code})" if a.kind == "person" or a.kind not in ("country",) else a.name)
    return " + ".join(parts) if parts else "—"


def time_label(t: TimeRef | None) -> str:
    if t is None or t.value is None:
        return "[dim]not stated[/dim]"
    mark = "" if t.source == "text" else " [dim](pub. date)[/dim]"
    return f"{t.value} [dim]{t.granularity}[/dim]{mark}"


def modality_label(e: Event) -> str:
    flags = [name for name in ("negated", "future", "hypothetical", "historical") if getattr(e, name)]
    return ",".join(flags)


def print_extraction(ex: Extraction, console: Console | None = None) -> None:
    console = console or make_console()
    a = ex.article
    meta = " · ".join(str(v) for v in (a.outlet, a.published, a.author, a.dateline) if v)
    console.rule(f"[bold]{a.title or a.source or a.id}[/bold]")
    if meta:
        console.print(f"[dim]{meta}   {a.source or ''}   id {a.id}[/dim]")
    table = Table(show_lines=False, expand=True, header_style="bold")
    for col, kw in (("#", {"justify": "right"}), ("type · mode", {}), ("CAMEO", {}), ("conf.", {"justify": "right"}),
                    ("actor → recipient", {"ratio": 3}),
                    ("when", {}), ("where", {}), ("contexts / dims", {"ratio": 2}), ("evidence", {"ratio": 4})):
        table.add_column(col, **kw)
    for i, e in enumerate(ex.events, 1):
        kind = e.type + (f" · {e.mode}" if e.mode else "")
        if modality_label(e):
            kind += f" [magenta]({modality_label(e)})[/magenta]"
        where = f"{e.place.name}, {e.place.country}" if e.place else "—"
        tags = ", ".join(e.contexts) + (" | " + ", ".join(e.dimensions) if e.dimensions else "")
        m = e.mentions[0] if e.mentions else None
        evidence = (m.sentence if m else "")[:160] + (f" [dim](+{len(e.mentions) - 1} more)[/dim]" if len(e.mentions) > 1 else "")
        table.add_row(str(i), f"[{QUAD_STYLE.get(e.quad_class, '')}]{kind}[/]", e.cameo or "", f"{e.confidence:.2f}",
                      f"{actor_label(e.actors)} → {actor_label(e.recipients)}", time_label(e.time), where, tags, evidence)
    console.print(table)
    if ex.facts:
        facts = Table(title="Facts", header_style="bold", expand=True)
        for col in ("indicator", "subjects", "value", "period", "evidence"):
            facts.add_column(col)
        for f in ex.facts:
            qual = f"{f.qualifier.replace('_', ' ')} " if f.qualifier else ""
            facts.add_row(f.indicator, " – ".join(s.country or s.name for s in f.subjects),
                          f"{qual}{f.value:,.0f} {f.unit}", time_label(f.period),
                          (f.evidence.sentence[:120] if f.evidence else ""))
        console.print(facts)
    console.print(f"[dim]{plural(len(ex.events), 'event')}, {plural(len(ex.facts), 'fact')}, "
                  f"{plural(len(ex.actors), 'actor')}[/dim]")
