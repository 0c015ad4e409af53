"""`dateline file A B` in the terminal: the four registers as rich tables."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dateline.analysis.registers.records import RelationshipFile
from dateline.commands.text import plural
from dateline.analysis.registers.text import (figure_text, gaps_text, indicator_text, person_text, place_text,
                                              value_text, when_text)


def print_file(rf: RelationshipFile, console: Console, ids: bool = False) -> None:
    a, b = rf.dyad
    period = f"{rf.start or '…'} – {rf.end or '…'}" if rf.start or rf.end else "all time"
    console.print(f"[bold]{rf.names[a]} – {rf.names[b]}[/bold]: relationship file, {period} "
                  f"({plural(rf.n_events, 'event')}, {plural(len(rf.articles), 'article')} cited)")
    if rf.selection:
        console.print(f"[dim]reading {rf.selection['label']} (--modality, --min-confidence)[/dim]")

    t = _table("Visits", "date", "visitor", "to", "occasion", "met", "articles", ids=ids)
    for v in rf.visits:
        status = "" if v.status == "held" else f" [{v.status}]"
        _row(t, ids, v.event_ids, when_text(v.when), person_text(v) + status, place_text(v.city, v.host_country),
             v.occasion or "—", ", ".join(v.met) or "—", str(len(v.article_ids)))
    _show(console, t, rf.visits)

    t = _table("Agreements", "date", "status", "what", "number", "venue", "at", "articles", ids=ids)
    for g in rf.agreements:
        _row(t, ids, g.event_ids, when_text(g.when), g.status, g.what, str(g.number) if g.number else "—",
             place_text(g.venue, g.venue_country), g.session or "—", str(len(g.article_ids)))
    _show(console, t, rf.agreements)

    t = _table("Mechanisms", "mechanism", "session", "date", "venue", "outcome", "articles", ids=ids)
    for m in rf.mechanisms:
        for i, s in enumerate(m.sessions):
            _row(t, ids, s.event_ids, m.name if i == 0 else "", s.label, when_text(s.when),
                 place_text(s.venue, s.venue_country), "; ".join(s.outcomes) or "—", str(len(s.article_ids)))
        if m.missing:
            t.add_row("", f"[dim]{gaps_text(m)}[/dim]", *([""] * (len(t.columns) - 2)))
    _show(console, t, rf.mechanisms)

    t = _table("Figures by year", "indicator", "year", "value", "kind", "reports", ids=False)
    for f in rf.figures:
        others = sorted({value_text(r.value, r.unit, r.qualifier) for r in f.reports} - {figure_text(f)})
        value = figure_text(f) + (f" (also: {', '.join(others)})" if others else "")
        t.add_row(indicator_text(f.indicator), str(f.year or "—"), value, f.kind, str(len(f.reports)))
    _show(console, t, rf.figures)


def _table(title: str, *columns: str, ids: bool) -> Table:
    t = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for c in columns:
        t.add_column(c, overflow="fold")
    if ids:
        t.add_column("events", overflow="fold")
    return t


def _row(t: Table, ids: bool, event_ids: list[str], *cells: str) -> None:
    t.add_row(*cells, *([", ".join(event_ids)] if ids else []))


def _show(console: Console, t: Table, rows: list) -> None:
    if rows:
        console.print(t)
    else:
        console.print(f"[bold]{t.title}[/bold]: none in the store for this period")
