"""The dyad summary in the terminal: headline numbers, a compact monthly chart, mixes, actors, figures."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.analysis.records import QUAD_NAMES, DyadSummary, DyadTotals, SeriesPoint
from dateline.model import Event

QUAD_STYLE = {1: "cyan", 2: "green", 3: "yellow", 4: "red"}
BAR_WIDTH = 24
HALF = 10   # characters either side of zero on the index bar


def continuous(points: list[SeriesPoint], by: str) -> list[SeriesPoint]:
    """Fill empty months/years so the chart's time axis has no silent jumps."""
    if not points:
        return []
    have = {p.period: p for p in points}
    out: list[SeriesPoint] = []
    if by == "year":
        first, last = int(points[0].period), int(points[-1].period)
        return [have.get(str(y), SeriesPoint(period=str(y))) for y in range(first, last + 1)]
    y, m = map(int, points[0].period.split("-"))
    while True:
        key = f"{y:04d}-{m:02d}"
        out.append(have.get(key, SeriesPoint(period=key)))
        if key == points[-1].period:
            return out
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def collapse_gaps(series: list[SeriesPoint], keep: int = 2) -> list[SeriesPoint | str]:
    """Runs of more than ``keep`` empty periods become one line, so long quiet spells stay short."""
    out: list[SeriesPoint | str] = []
    run: list[SeriesPoint] = []

    def flush() -> None:
        if len(run) > keep:
            out.append(f"{len(run)} without events")
        else:
            out.extend(run)
        run.clear()

    for p in series:
        if p.events:
            flush()
            out.append(p)
        else:
            run.append(p)
    flush()
    return out


def count_bar(p: SeriesPoint, most: int) -> Text:
    """Event count as a bar split by quad class colour."""
    text = Text()
    if not p.events:
        return text
    width = max(1, round(p.events / most * BAR_WIDTH))
    for quad in (1, 2, 3, 4):
        n = p.by_quad.get(quad, 0)
        if n:
            text.append("█" * max(1, round(n / p.events * width)), style=QUAD_STYLE[quad])
    return text


def index_bar(value: float | None) -> Text:
    if value is None:
        return Text(" " * HALF + "·" + " " * HALF, style="dim")
    cells = min(HALF, round(abs(value) / 10 * HALF))
    if value >= 0:
        return Text(" " * HALF + "│") + Text("▬" * cells, style="green") + Text(" " * (HALF - cells))
    return Text(" " * (HALF - cells)) + Text("▬" * cells, style="red") + Text("│")  + Text(" " * HALF)


def signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1f}"


def undated_note(t: DyadTotals) -> str:
    """"1 undated event (+9.5) not in the index": the headline index covers dated events only."""
    n = t.undated
    score = f" ({signed(t.undated_index)})" if t.undated_index is not None else ""
    return f"{n} undated event{'s' if n != 1 else ''}{score} not in the index"


def included_note(s: DyadSummary) -> str:
    """"counting asserted events (--modality, --min-confidence); 2 announced not counted"."""
    label = s.selection.get("label", "the default selection")
    apart = f"; {s.totals.announced} announced not counted" if s.totals.announced else ""
    return f"counting {label} (--modality, --min-confidence){apart}"


def choose_interval(s: DyadSummary, by: str) -> str:
    if by != "auto":
        return by
    return "year" if len(s.months) <= 1 and len(s.years) > 1 or len(continuous(s.months, "month")) > 36 else "month"


def print_summary(s: DyadSummary, latest: list[Event], console: Console, by: str = "auto") -> None:
    a, b = s.dyad
    t = s.totals
    period = "all time" if not (s.start or s.end) else f"{s.start or '…'} – {s.end or '…'}"
    console.rule(f"[bold]{s.names[a]} – {s.names[b]}[/bold]  [dim]{period}[/dim]")
    coop = t.by_quad.get(1, 0) + t.by_quad.get(2, 0)
    conflict = t.by_quad.get(3, 0) + t.by_quad.get(4, 0)
    events = "event" if t.events == 1 else "events"
    reports = "article report" if t.sources == 1 else "article reports"
    console.print(f"[bold]{t.events}[/bold] {events} from [bold]{t.sources}[/bold] {reports} · "
                  f"cooperation–conflict index [bold]{signed(t.index)}[/bold] (dated events) · "
                  f"cooperation {coop} / conflict {conflict} · {t.undated} without a date")
    console.print(f"[dim]   {included_note(s)}[/dim]")
    if t.undated:
        console.print(f"[dim]   {undated_note(t)}[/dim]")
    if not t.events:
        console.print("[dim]No events for this pair and period.[/dim]")
        return

    interval = choose_interval(s, by)
    series = continuous(s.years if interval == "year" else s.months, interval)
    if series:
        chart = Table(box=None, header_style="bold", pad_edge=False, title_justify="left",
                      title=f"by {interval}: events (colour = quad class) and mean PLOVER score of distinct events")
        chart.add_column(interval, style="dim")
        chart.add_column("events", justify="right")
        chart.add_column("", no_wrap=True)
        chart.add_column("conflict ◀ index ▶ cooperation", no_wrap=True)
        chart.add_column("", justify="right")
        most = max(p.events for p in series) or 1
        for p in collapse_gaps(series):
            if isinstance(p, str):
                chart.add_row("…", "", Text(p, style="dim"), "", "")
            else:
                chart.add_row(p.period, str(p.events or ""), count_bar(p, most), index_bar(p.index), signed(p.index))
        console.print(chart)
        legend = Text("   ")
        for quad, name in QUAD_NAMES.items():
            legend.append("█ ", style=QUAD_STYLE[quad]).append(name + "   ", style="dim")
        console.print(legend)
        if interval == "month" and t.dated > t.month_dated:
            n = t.dated - t.month_dated
            console.print(f"[dim]   {n} event{'s' if n != 1 else ''} dated only to a year "
                          f"{'are' if n != 1 else 'is'} counted in the yearly view (--by year)[/dim]")

    mix = Table.grid(padding=(0, 2))
    mix.add_column(style="bold")
    mix.add_column()
    mix.add_row("dimensions", ", ".join(f"{c.name} {c.events}" for c in s.dimensions) or "—")
    mix.add_row("contexts", ", ".join(f"{c.name} {c.events}" for c in s.contexts) or "—")
    mix.add_row("types", ", ".join(f"{k} {v}" for k, v in t.by_type.items()))
    for side in s.dyad:
        people = ", ".join(f"{x.name} {x.events}" for x in s.actors.get(side, [])) or "—"
        mix.add_row(f"actors {side}", people)
    console.print(mix)

    if s.facts:
        facts = Table(title="reported figures", title_justify="left", header_style="bold", box=None)
        for col in ("figure", "period", "value", "articles", "reported as"):
            facts.add_column(col, justify="right" if col == "articles" else "left")
        for series_ in s.facts:
            for p in series_.points:
                qual = f"{p.qualifier.replace('_', ' ')} " if p.qualifier else ""
                facts.add_row(series_.indicator.replace("_", " "), p.period or "—", f"{qual}{p.value:,.0f} {p.unit}",
                              str(p.n_articles), Text((p.sentence or "")[:90]))
        console.print(facts)

    if latest:
        events = Table(title="latest events", title_justify="left", header_style="bold", box=None, expand=True)
        events.add_column("when", no_wrap=True)
        events.add_column("type", no_wrap=True)
        events.add_column("who → whom", ratio=2)
        events.add_column("evidence", ratio=4)
        for e in latest:
            when = e.time.value if e.time and e.time.value else "not stated"
            who = " + ".join(x.name for x in e.actors) + " → " + (" + ".join(x.name for x in e.recipients) or "—")
            sentence = e.mentions[0].sentence if e.mentions else ""
            events.add_row(when, Text(e.type, style=QUAD_STYLE.get(e.quad_class or 0, "")), who,
                           Text(sentence[:140]))   # Text(): article words are never read as Rich markup
        console.print(events)
