"""The brief's opening paragraph, written from the figures: period, events, trend, dimensions, registers."""
from __future__ import annotations

from dateline.analysis.records import DyadSummary, SeriesPoint
from dateline.analysis.registers.records import RelationshipFile
from dateline.analysis.registers.text import figure_text, indicator_text, when_text


def trend(years: list[SeriesPoint]) -> str:
    """'rising cooperation' / 'falling' / 'steady' from the first and last scored years."""
    scored = [y for y in years if y.index is not None]
    if not scored:
        return "no scored events"
    if len(scored) == 1:
        return f"a mean cooperation–conflict index of {scored[0].index:+.1f} in {scored[0].period}"
    first, last = scored[0], scored[-1]
    change = last.index - first.index
    if change > 0.5:
        word = "grew more cooperative"
    elif change < -0.5:
        word = "grew less cooperative" if last.index >= 0 else "moved towards conflict"
    else:
        word = "held steady"
    return (f"a cooperation–conflict index that {word} ({first.index:+.1f} in {first.period}, "
            f"{last.index:+.1f} in {last.period})")


def paragraph(rf: RelationshipFile, s: DyadSummary) -> str:
    a, b = rf.dyad
    period = f"{s.years[0].period} and {s.years[-1].period}" if s.years else "the dates on record"
    if rf.start or rf.end:
        period = f"{rf.start or 'the first report'} and {rf.end or 'the last'}"
    t = s.totals
    coop = sum(v for k, v in t.by_quad.items() if k in (1, 2))
    conf = sum(v for k, v in t.by_quad.items() if k in (3, 4))
    parts = [f"Between {period}, the store holds {t.events} events between {rf.names[a]} and {rf.names[b]} "
             f"({coop} cooperative, {conf} conflictual) from {t.sources} reports, with {trend(s.years)}."]
    dims = [d.name for d in s.dimensions[:4]]
    if dims:
        parts.append(f"The most reported dimensions are {_join(dims)}.")
    if rf.visits:
        last = rf.visits[-1]
        parts.append(f"{len(rf.visits)} visit{'s' if len(rf.visits) != 1 else ''} are on record, the latest by "
                     f"{last.visitor.name} to {last.city or last.host_country} ({when_text(last.when)}).")
    sessions = [(m, x) for m in rf.mechanisms for x in m.sessions]
    if sessions:
        names = _join([m.name for m in rf.mechanisms])
        parts.append(f"{len(sessions)} session{'s' if len(sessions) != 1 else ''} of standing mechanisms are "
                     f"reported ({names}).")
    signed = [g for g in rf.agreements if g.status == "signed"]
    if signed:
        n = sum(g.number or 1 for g in signed)
        parts.append(f"Reports count {n} agreement{'s' if n != 1 else ''} signed.")
    actual = [f for f in rf.figures if f.kind == "actual" and f.indicator == "trade_volume" and f.year]
    if actual:
        f = max(actual, key=lambda f: f.year)
        parts.append(f"Bilateral trade was {figure_text(f)} in {f.year}.")
    targets = [f for f in rf.figures if f.kind == "target"]
    if targets:
        parts.append("Stated targets: " + "; ".join(f"{indicator_text(f.indicator)} {figure_text(f)}"
                                                    for f in targets) + ".")
    return " ".join(parts)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
