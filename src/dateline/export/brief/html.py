"""The brief as one self-contained HTML page: inline CSS and SVG, nothing fetched, A4 print styles."""
from __future__ import annotations

from html import escape

from dateline.export.brief import BriefData
from dateline.export.brief.charts import events_chart, index_chart
from dateline.export.brief.notes import Notes
from dateline.export.brief.summary import paragraph
from dateline.export.brief.tables import tables

CSS = """
body{font:11pt/1.45 Georgia,"Times New Roman",serif;color:#222;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:18pt;margin:0 0 .2rem}h2{font-size:13pt;margin:1.4rem 0 .4rem;border-bottom:1px solid #999}
.meta{color:#555;font-size:9pt}table{border-collapse:collapse;width:100%;font-size:9pt;margin:.3rem 0}
th,td{border-bottom:1px solid #ddd;padding:.2rem .35rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}svg{width:100%;height:auto;max-height:14rem}.empty{color:#777;font-style:italic}
sup a{text-decoration:none}ol.notes{font-size:8.5pt;color:#333}ol.notes li{margin:.2rem 0}
ol.notes q{font-style:italic}.ids{color:#777;font-family:monospace;font-size:7.5pt}
@page{size:A4;margin:16mm 14mm}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr,li,svg{break-inside:avoid}
a{color:inherit;text-decoration:none}}
"""


def render(data: BriefData) -> str:
    rf, s = data.file, data.summary
    a, b = rf.dyad
    title = f"{rf.names[a]} – {rf.names[b]}: relationship brief"
    notes = Notes(rf)
    out = [f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
           f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head><body>',
           f"<h1>{escape(title)}</h1>",
           f'<p class="meta">Period: {escape(_period(rf))} · written {escape(data.generated)} by dateline '
           f'from {len(rf.articles)} cited articles · counting {escape(s.selection.get("label", ""))}</p>',
           f"<p>{escape(paragraph(rf, s))}</p>",
           "<h2>Timeline</h2>", events_chart(s.months, s.years),
           "<h2>Cooperation–conflict index</h2>", index_chart(s.months, s.years)]
    for name, header, rows in tables(rf, notes):
        out.append(f"<h2>{escape(name)}</h2>")
        if not rows:
            out.append('<p class="empty">None reported for this period.</p>')
            continue
        out.append("<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "<th>src</th></tr></thead><tbody>")
        for cells, note in rows:
            ref = f'<sup><a href="#n{note}" id="r{note}">[{note}]</a></sup>' if note else ""
            out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + f"<td>{ref}</td></tr>")
        out.append("</tbody></table>")
    out.append("<h2>Evidence</h2><ol class=\"notes\">")
    for n in notes.notes:
        lines = "".join(f"<br><q>{escape(sentence)}</q> — {escape(label)}" for sentence, label in n.lines)
        out.append(f'<li id="n{n.number}"><a href="#r{n.number}">↑</a> <span class="ids">{escape(", ".join(n.ids))}'
                   f"</span>{lines}</li>")
    out.append("</ol></body></html>")
    return "\n".join(out) + "\n"


def _period(rf) -> str:
    return f"{rf.start or '…'} – {rf.end or '…'}" if rf.start or rf.end else "all time"
