"""The brief's tables as header + rows of plain strings (with a footnote number per row), shared by
the HTML and Markdown writers."""
from __future__ import annotations

from dateline.analysis.registers.records import RelationshipFile
from dateline.analysis.registers.text import (figure_text, gaps_text, indicator_text, person_text, place_text,
                                              value_text, when_text)
from dateline.export.brief.notes import Notes

Table = tuple[str, list[str], list[tuple[list[str], int | None]]]   # title, header, (cells, note)


def tables(rf: RelationshipFile, notes: Notes) -> list[Table]:
    visits = [([when_text(v.when), person_text(v) + ("" if v.status == "held" else f" ({v.status})"),
                place_text(v.city, v.host_country), v.occasion or "—", ", ".join(v.met) or "—"], notes.row(v))
              for v in rf.visits]
    agreements = [([when_text(g.when), g.status, g.what, str(g.number) if g.number else "—",
                    place_text(g.venue, g.venue_country), g.session or "—"], notes.row(g)) for g in rf.agreements]
    sessions: list[tuple[list[str], int | None]] = []
    for m in rf.mechanisms:
        for i, s in enumerate(m.sessions):
            sessions.append(([m.name if i == 0 else "", s.label, when_text(s.when), place_text(s.venue, s.venue_country),
                              "; ".join(s.outcomes) or "—"], notes.row(s)))
        if m.missing:
            sessions.append((["", gaps_text(m), "", "", ""], None))
    figures = []
    for f in rf.figures:
        others = sorted({value_text(r.value, r.unit, r.qualifier) for r in f.reports} - {figure_text(f)})
        figures.append(([indicator_text(f.indicator), str(f.year or "—"), figure_text(f), f.kind,
                         f"{len(f.reports)}" + (f" (also {', '.join(others)})" if others else "")], notes.row(f)))
    return [
        ("Visits", ["date", "visitor", "to", "occasion", "met"], visits),
        ("Agreements", ["date", "status", "what", "number", "venue", "at"], agreements),
        ("Dialogue mechanisms", ["mechanism", "session", "date", "venue", "outcome"], sessions),
        ("Figures by year", ["indicator", "year", "value", "kind", "reports"], figures),
    ]
