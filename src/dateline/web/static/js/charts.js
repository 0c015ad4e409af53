// Hand-drawn SVG charts: the event timeline, the cooperation–conflict bars, horizontal bars.
import { el, svg, clear, quadColour, whenLabel, monthLabel, QUADS, number } from "./dom.js";

const DAY = 86400000;

// [start, end] in ms for an event's time at its granularity; null when undated.
export function eventRange(p) {
  if (p.granularity === "day" && p.day) { const t = Date.parse(p.day); return [t, t]; }
  if (p.granularity === "week" && p.day) { const t = Date.parse(p.day); return [t, t + 6 * DAY]; }   // day: the Monday
  if (p.day && !p.month && !p.year) { const t = Date.parse(p.day); return [t, t]; }
  if (p.month) {
    const [y, m] = p.month.split("-").map(Number);
    return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1) - DAY];
  }
  if (p.day) { const t = Date.parse(p.day); return [t, t]; }
  if (p.year) return [Date.UTC(p.year, 0, 1), Date.UTC(p.year + 1, 0, 1) - DAY];
  return null;
}

function timeTicks(t0, t1) {
  const start = new Date(t0), end = new Date(t1);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
  const steps = [1, 2, 3, 6, 12, 24, 60, 120];
  const step = steps.find((s) => months / s <= 9) || 120;
  const ticks = [];
  let y = start.getUTCFullYear(), m = start.getUTCMonth();
  if (step >= 12) { m = 0; y = y - (y % (step / 12)); } else { m = m - (m % step); }
  for (let guard = 0; guard < 200; guard++) {
    const t = Date.UTC(y, m, 1);
    if (t > t1) break;
    if (t >= t0) ticks.push({ t, label: step >= 12 ? String(y) : monthLabel(`${y}-${String(m + 1).padStart(2, "0")}`) });
    m += step; y += Math.floor(m / 12); m %= 12;
  }
  return ticks;
}

// Timeline: one lane per PLOVER type, one dot per event, coloured by quad class.
export function drawTimeline(box, points, { start, end, onSelect, selected } = {}) {
  clear(box);
  if (!points.length) { box.appendChild(el("p", { class: "empty" }, "No events for this pair and period.")); return; }
  const counts = new Map();
  for (const p of points) counts.set(p.type, (counts.get(p.type) || 0) + 1);
  const lanes = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b));
  const dated = points.map((p) => ({ p, r: eventRange(p) }));
  const ranges = dated.filter((d) => d.r);
  const undated = dated.filter((d) => !d.r);

  let t0 = start ? Date.parse(start) : Math.min(...ranges.map((d) => d.r[0]));
  let t1 = end ? Date.parse(end) : Math.max(...ranges.map((d) => d.r[1]));
  if (!ranges.length) { t0 = Date.now() - 365 * DAY; t1 = Date.now(); }
  if (t1 - t0 < 60 * DAY) { const mid = (t0 + t1) / 2; t0 = mid - 30 * DAY; t1 = mid + 30 * DAY; }
  const pad = (t1 - t0) * 0.03; t0 -= pad; t1 += pad;

  const width = Math.max(box.clientWidth || 800, 420);
  const laneH = 28, left = 104, right = undated.length ? 86 : 12, top = 6, axisH = 22;
  const height = top + lanes.length * laneH + axisH;
  const plotR = width - right;
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (plotR - left);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
    "aria-label": `${points.length} events on a timeline` });

  lanes.forEach((type, i) => {
    const y = top + i * laneH;
    if (i % 2 === 0) root.appendChild(svg("rect", { class: "lane-band", x: left, y, width: plotR - left, height: laneH }));
    root.appendChild(svg("text", { class: "lane-label", x: left - 8, y: y + laneH / 2 + 4, "text-anchor": "end" }, type));
  });
  const axis = svg("g", { class: "axis" });
  const ticks = timeTicks(t0, t1);
  for (const tick of ticks) {
    const tx = x(tick.t);
    axis.appendChild(svg("line", { x1: tx, x2: tx, y1: top, y2: top + lanes.length * laneH }));
    axis.appendChild(svg("text", { x: tx, y: height - 6, "text-anchor": "middle" }, tick.label));
  }
  // the axis starts mid-year (or mid-month): name that first year or month at the left edge too
  const first = new Date(t0), label0 = ticks.length && /^\d{4}$/.test(ticks[0].label) ? String(first.getUTCFullYear())
    : monthLabel(`${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, "0")}`);
  if (!ticks.length || (ticks[0].label !== label0 && x(ticks[0].t) - left > label0.length * 7 + 12)) {
    axis.appendChild(svg("text", { class: "first-tick", x: left, y: height - 6, "text-anchor": "start" }, label0));
  }
  root.appendChild(axis);
  if (undated.length) {
    root.appendChild(svg("rect", { class: "undated-band", x: plotR + 8, y: top, width: right - 10, height: lanes.length * laneH }));
    root.appendChild(svg("text", { class: "lane-label", x: plotR + 8 + (right - 10) / 2, y: height - 6, "text-anchor": "middle" }, "no date"));
  }

  // dots that would sit on top of each other are fanned out vertically
  const taken = new Map();
  const place = (lane, px) => {
    const key = `${lane}:${Math.round(px / 9)}`;
    const k = taken.get(key) || 0;
    taken.set(key, k + 1);
    const shift = k === 0 ? 0 : (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 7;
    return Math.max(-11, Math.min(11, shift));
  };
  const dots = svg("g");
  const draw = ({ p, r }) => {
    const lane = lanes.indexOf(p.type);
    const colour = quadColour(p.quad_class);
    let cx;
    if (r) {
      cx = x((r[0] + r[1]) / 2);
      if (r[1] > r[0]) dots.appendChild(svg("line", { class: "range", x1: x(r[0]), x2: x(r[1]),
        y1: top + lane * laneH + laneH / 2, y2: top + lane * laneH + laneH / 2, stroke: colour }));
    } else {
      cx = plotR + 8 + (right - 10) / 2;
    }
    const cy = top + lane * laneH + laneH / 2 + place(lane, cx);
    const label = `${p.type} · ${whenLabel(p)} · ${QUADS[p.quad_class] || "unclassified"} · ${p.sources} source${p.sources === 1 ? "" : "s"}`;
    const dot = svg("circle", { class: "dot" + (p.id === selected ? " selected" : ""), cx, cy,
      r: Math.min(4 + Math.log2(p.sources || 1) * 1.5, 9), fill: colour, tabindex: 0, role: "button",
      "aria-label": label, dataset: { eventId: p.id, type: p.type } }, svg("title", {}, label));
    const choose = () => onSelect && onSelect(p.id);
    dot.addEventListener("click", choose);
    dot.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(); } });
    dots.appendChild(dot);
  };
  ranges.forEach(draw);
  undated.forEach(draw);
  root.appendChild(dots);
  box.appendChild(root);
}

// Fills the gaps so the time axis is honest: months or years with no event still get a slot.
export function continuous(series, interval) {
  if (!series.length) return [];
  const byKey = new Map(series.map((s) => [s.period, s]));
  const out = [];
  if (interval === "year") {
    const ys = series.map((s) => Number(s.period));
    for (let y = Math.min(...ys); y <= Math.max(...ys); y++) out.push(byKey.get(String(y)) || { period: String(y), events: 0, index: null });
    return out;
  }
  if (interval === "week" || interval === "day") {   // periods are ISO days (a week: its Monday)
    const step = (interval === "week" ? 7 : 1) * DAY, last = Date.parse(series[series.length - 1].period);
    for (let t = Date.parse(series[0].period); t <= last && out.length < 400; t += step) {
      const key = new Date(t).toISOString().slice(0, 10);
      out.push(byKey.get(key) || { period: key, events: 0, index: null });
    }
    return out;
  }
  let [y, m] = series[0].period.split("-").map(Number);
  const last = series[series.length - 1].period;
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    out.push(byKey.get(key) || { period: key, events: 0, index: null });
    if (key === last) break;
    m += 1; if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

// Cooperation–conflict: the index as diverging bars around zero, event counts as grey bars below.
export function drawIndex(box, series, interval) {
  clear(box);
  const data = continuous(series, interval);
  if (!data.length) { box.appendChild(el("p", { class: "empty" }, `No events dated to the ${interval}.`)); return; }
  const width = Math.max(box.clientWidth || 800, 420);
  const left = 48, right = 8, top = 8, idxH = 120, gap = 8, cntH = 36, axisH = 20;
  const height = top + idxH + gap + cntH + axisH;
  const slot = (width - left - right) / data.length;
  const barW = Math.max(2, Math.min(38, slot * 0.7));
  const zero = top + idxH / 2;
  const yIdx = (v) => zero - (v / 10) * (idxH / 2);
  const maxN = Math.max(1, ...data.map((d) => d.events));
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
    "aria-label": `cooperation–conflict index by ${interval}` });
  for (const v of [10, 5, 0, -5, -10]) {
    root.appendChild(svg("line", { class: v === 0 ? "zero" : "gridline", x1: left, x2: width - right, y1: yIdx(v), y2: yIdx(v) }));
    root.appendChild(svg("text", { class: "bar-label", x: left - 6, y: yIdx(v) + 3, "text-anchor": "end" }, v > 0 ? `+${v}` : String(v)));
  }
  // axis titles: the index above, the number of events below
  const title = (y, text) => svg("text", { class: "axis-title", transform: `translate(11 ${y}) rotate(-90)`, "text-anchor": "middle" }, text);
  root.append(title(zero, "index"), title(top + idxH + gap + cntH / 2, "events"));
  const every = Math.ceil(data.length / Math.max(1, Math.floor((width - left) / (interval === "month" || interval === "year" ? 64 : 84))));
  data.forEach((d, i) => {
    const cx = left + slot * i + slot / 2;
    const label = interval === "month" ? monthLabel(d.period) : interval === "week" ? `week of ${d.period}` : d.period;
    if (d.index !== null && d.index !== undefined) {
      const y = yIdx(d.index);
      root.appendChild(svg("rect", { class: d.index >= 0 ? "bar-pos" : "bar-neg", x: cx - barW / 2,
        y: Math.min(y, zero), width: barW, height: Math.max(1, Math.abs(zero - y)) },
        svg("title", {}, `${label}: index ${d.index > 0 ? "+" : ""}${d.index} over ${d.events} event${d.events === 1 ? "" : "s"}`)));
    }
    const h = (d.events / maxN) * cntH;
    const base = top + idxH + gap + cntH;
    root.appendChild(svg("rect", { class: "bar-count", x: cx - barW / 2, y: base - h, width: barW, height: h },
      svg("title", {}, `${label}: ${d.events} events`)));
    if (d.events && slot > 16) root.appendChild(svg("text", { class: "bar-label", x: cx, y: base - h - 2, "text-anchor": "middle" }, String(d.events)));
    if (i % every === 0) root.appendChild(svg("text", { class: "bar-label", x: cx, y: height - 5, "text-anchor": "middle" }, label));
  });
  box.appendChild(root);
}

// Label | bar | count rows (dimensions, contexts, actors).
export function hbars(box, items, { label = (i) => i.name, empty = "Nothing recorded." } = {}) {
  clear(box);
  if (!items.length) { box.appendChild(el("p", { class: "empty" }, empty)); return; }
  const max = Math.max(...items.map((i) => i.events));
  const grid = el("div", { class: "hbars" });
  for (const item of items) {
    const fill = el("div", { class: "fill" });
    fill.style.width = `${(item.events / max) * 100}%`;   // CSSOM, allowed by the page's CSP
    grid.append(el("div", { class: "name" }, label(item)), el("div", { class: "track" }, fill),
      el("div", { class: "n" }, number(item.events)));
  }
  box.appendChild(grid);
}

// Network: the busiest countries on a circle, a line per pair (width: events; colour: index sign).
export function drawNetwork(box, net, { focus, pair = [], onPair } = {}) {
  clear(box);
  const nodes = net.nodes.filter((n) => net.edges.some((e) => e.source === n.id || e.target === n.id)).slice(0, 16);
  const ids = new Set(nodes.map((n) => n.id));
  const edges = net.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  if (!edges.length) { box.appendChild(el("p", { class: "empty" }, "No country pairs in this period.")); return; }
  const size = 300, r = 112, c = size / 2;
  const at = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n.id, [c + r * Math.cos(a), c + r * Math.sin(a)]];
  }));
  const maxE = Math.max(...edges.map((e) => e.events));
  const root = svg("svg", { viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: "img",
    "aria-label": `${nodes.length} countries and ${edges.length} pairs` });
  for (const e of edges) {
    const [[x1, y1], [x2, y2]] = [at.get(e.source), at.get(e.target)];
    const q = e.index === null ? 0 : e.index >= 0 ? 2 : 4;
    const current = pair.includes(e.source) && pair.includes(e.target);
    const label = `${e.source}–${e.target}: ${number(e.events)} events, index ${e.index === null ? "—" : e.index}`;
    const line = svg("line", { class: `edge${current ? " current" : ""}`, x1, y1, x2, y2, stroke: quadColour(q),
      "stroke-width": 1 + (5 * e.events) / maxE, tabindex: 0, role: "button", "aria-label": label,
      dataset: { pair: `${e.source}-${e.target}` } }, svg("title", {}, label));
    const open = () => onPair && onPair(e.source, e.target);
    line.addEventListener("click", open);
    line.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
    root.appendChild(line);
  }
  for (const n of nodes) {
    const [x, y] = at.get(n.id);
    root.appendChild(svg("g", { class: `node${n.id === focus ? " focus" : ""}`, dataset: { country: n.id } },
      svg("circle", { cx: x, cy: y, r: 13 }), svg("text", { x, y: y + 3.5, "text-anchor": "middle" }, n.id),
      svg("title", {}, `${n.name}: ${number(n.events)} events`)));
  }
  box.appendChild(root);
}
