"""Inline SVG charts for the brief: events per period (cooperative above, conflictual below the
axis) and the cooperation–conflict index. Colour-blind-safe colours (Okabe–Ito blue and vermillion)."""
from __future__ import annotations

from html import escape

from dateline.analysis.records import SeriesPoint

COOP, CONFLICT, INK = "#0072B2", "#D55E00", "#333333"
W, H, PAD = 640, 200, 36


def _points(months: list[SeriesPoint], years: list[SeriesPoint]) -> list[SeriesPoint]:
    """Months when they fit (two years or less of them), else years."""
    return months if months and len(months) <= 24 else years


def events_chart(months: list[SeriesPoint], years: list[SeriesPoint]) -> str:
    pts = _points(months, years)
    if not pts:
        return '<p class="empty">No dated events to chart.</p>'
    top = max(max(sum(v for k, v in p.by_quad.items() if k in (1, 2)),
                  sum(v for k, v in p.by_quad.items() if k in (3, 4))) for p in pts) or 1
    mid = PAD + (H - 2 * PAD) / 2
    half = (H - 2 * PAD) / 2
    step = (W - 2 * PAD) / len(pts)
    bars = []
    for i, p in enumerate(pts):
        x = PAD + i * step + step * 0.15
        co = sum(v for k, v in p.by_quad.items() if k in (1, 2))
        cf = sum(v for k, v in p.by_quad.items() if k in (3, 4))
        hc, hf = half * co / top, half * cf / top
        label = escape(f"{p.period}: {co} cooperative, {cf} conflictual")
        bars.append(f'<g><title>{label}</title><rect x="{x:.1f}" y="{mid - hc:.1f}" width="{step * 0.7:.1f}" '
                    f'height="{hc:.1f}" fill="{COOP}"/><rect x="{x:.1f}" y="{mid:.1f}" width="{step * 0.7:.1f}" '
                    f'height="{hf:.1f}" fill="{CONFLICT}"/></g>')
    labels = _x_labels(pts, step)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" '
            f'aria-label="Events per period">'
            f'<line x1="{PAD}" y1="{mid}" x2="{W - PAD}" y2="{mid}" stroke="{INK}"/>{"".join(bars)}{labels}'
            f'<text x="4" y="{PAD - 8}" font-size="11" fill="{INK}">events ({top} max): '
            f'cooperative above, conflictual below</text></svg>')


def index_chart(months: list[SeriesPoint], years: list[SeriesPoint]) -> str:
    pts = [p for p in _points(months, years) if p.index is not None]
    if not pts:
        return '<p class="empty">No scored events to chart.</p>'
    step = (W - 2 * PAD) / max(len(pts), 1)

    def y(v: float) -> float:
        return PAD + (10 - v) / 20 * (H - 2 * PAD)

    xy = [(PAD + (i + 0.5) * step, y(p.index)) for i, p in enumerate(pts)]
    line = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in xy)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="3" fill="{COOP if p.index >= 0 else CONFLICT}">'
                   f'<title>{escape(p.period)}: {p.index:+.1f}</title></circle>' for (x, yy), p in zip(xy, pts))
    grid = "".join(f'<line x1="{PAD}" y1="{y(v):.1f}" x2="{W - PAD}" y2="{y(v):.1f}" stroke="#ccc"/>'
                   f'<text x="4" y="{y(v) + 4:.1f}" font-size="10" fill="{INK}">{v:+d}</text>' for v in (10, 0, -10))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" '
            f'aria-label="Cooperation–conflict index">{grid}'
            f'<polyline points="{line}" fill="none" stroke="{INK}" stroke-width="1.5"/>{dots}'
            f'{_x_labels(pts, step)}<text x="{PAD}" y="{PAD - 12}" font-size="11" fill="{INK}">mean PLOVER score '
            f'(−10 conflict … +10 cooperation)</text></svg>')


def _x_labels(pts: list[SeriesPoint], step: float) -> str:
    every = max(1, len(pts) // 8)
    return "".join(f'<text x="{PAD + (i + 0.5) * step:.1f}" y="{H - 10}" font-size="10" text-anchor="middle" '
                   f'fill="{INK}">{escape(p.period)}</text>' for i, p in enumerate(pts) if i % every == 0
                   or i == len(pts) - 1)
