"""The brief as Markdown: the same summary, registers and evidence notes (charts left out)."""
from __future__ import annotations

from dateline.export.brief import BriefData
from dateline.export.brief.notes import Notes
from dateline.export.brief.summary import paragraph
from dateline.export.brief.tables import tables


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(data: BriefData) -> str:
    rf = data.file
    a, b = rf.dyad
    notes = Notes(rf)
    period = f"{rf.start or '…'} – {rf.end or '…'}" if rf.start or rf.end else "all time"
    out = [f"# {rf.names[a]} – {rf.names[b]}: relationship brief", "",
           f"Period: {period} · written {data.generated} by dateline from {len(rf.articles)} cited articles"
           f" · counting {data.summary.selection.get('label', '')}", "",
           paragraph(rf, data.summary), ""]
    for name, header, rows in tables(rf, notes):
        out += [f"## {name}", ""]
        if not rows:
            out += ["None reported for this period.", ""]
            continue
        out.append("| " + " | ".join(header + ["src"]) + " |")
        out.append("|" + "---|" * (len(header) + 1))
        for cells, note in rows:
            out.append("| " + " | ".join(_cell(c) for c in cells) + f" | {f'[^{note}]' if note else ''} |")
        out.append("")
    out += ["## Evidence", ""]
    for n in notes.notes:
        body = " ".join(f"“{sentence}” — {label}." for sentence, label in n.lines)
        out.append(f"[^{n.number}]: {body} (ids: {', '.join(n.ids)})")
    return "\n".join(out) + "\n"
