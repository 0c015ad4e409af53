// The dashboard: pick two countries and a period, see their relationship, open any event's evidence.
import { el, clear, QUADS, quadClass, whenLabel, number, money, counted } from "./dom.js";
import { drawTimeline, drawIndex, drawNetwork, hbars } from "./charts.js";
import { renderEvidence } from "./evidence.js";
import { renderRegisters } from "./registers.js";
import { tableCSV, chartSVG, save } from "./download.js";

const $ = (id) => document.getElementById(id);
const state = { a: null, b: null, start: "", end: "", modality: "asserted", minConfidence: "", summary: null, timeline: null,
  interval: "month", selected: null, loads: 0, file: null, direction: "all" };

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

function say(text) { $("message").textContent = text || ""; }

function legend() {
  const box = $("quad-legend");
  for (const q of [1, 2, 3, 4]) box.append(el("span", {}, el("i", { class: `swatch ${quadClass(q)}` }), QUADS[q]));
}

async function loadCountries() {
  const countries = await getJSON("/api/countries");
  for (const id of ["country-a", "country-b"]) {
    const select = clear($(id));
    for (const c of countries) select.append(el("option", { value: c.iso3 }, `${c.name} (${c.iso3})`));
  }
  return countries;
}

function readHash() {
  const [pair, start = "", end = ""] = decodeURIComponent(window.location.hash.slice(1)).split("/");
  const m = /^([A-Z0-9]{2,8})-([A-Z0-9]{2,8})$/.exec(pair || "");
  return m ? { a: m[1], b: m[2], start, end } : null;
}

function stat(value, label, note = null) {
  return el("div", { class: "stat" }, el("b", {}, value), el("span", {}, label), note);
}

function signed(x, digits) {
  return `${x > 0 ? "+" : ""}${digits === undefined ? x : x.toFixed(digits)}`;
}

// The headline index covers dated events only; say so, with the undated events' own mean, when there are any.
function undatedNote(t) {
  if (!t.undated) return null;
  const score = t.undated_index === null || t.undated_index === undefined ? "" : ` (${signed(t.undated_index, 1)})`;
  return el("small", { id: "index-note", class: "stat-note" }, `dated events · ${number(t.undated)} undated${score} not included`);
}

function renderHeadline(s) {
  const [a, b] = s.dyad;
  $("title").textContent = `${s.names[a]} – ${s.names[b]}`;
  const t = s.totals;
  const coop = (t.by_quad[1] || 0) + (t.by_quad[2] || 0), conf = (t.by_quad[3] || 0) + (t.by_quad[4] || 0);
  const idx = t.index === null ? "—" : signed(t.index);
  clear($("stats")).append(stat(number(t.events), "events"), stat(number(t.sources), "article reports"),
    stat(idx, "coop.–conflict index", undatedNote(t)), stat(`${number(coop)} / ${number(conf)}`, "cooperation / conflict"),
    stat(number(t.undated), "without a date"));
}

// Every chart and table says which events it counts (the selection the API answered with).
function renderIncluded(s) {
  const apart = s.totals.announced ? ` · ${number(s.totals.announced)} announced not counted` : "";
  const text = `Counting ${s.selection.label}${apart}.`;
  for (const node of document.querySelectorAll(".included")) node.textContent = node.id === "included" ? text : `Counting ${s.selection.label}.`;
}

function renderActors(s) {
  const box = clear($("actors"));
  for (const side of s.dyad) {
    const col = el("div", {}, el("h3", {}, s.names[side]));
    const list = el("div");
    hbars(list, s.actors[side] || [], { label: (a) => el("span", {}, a.name, " ", el("span", { class: "actor-kind" }, a.kind || "")),
      empty: "No named actors." });
    col.append(list);
    box.append(col);
  }
}

function renderFacts(s) {
  const box = clear($("facts"));
  if (!s.facts.length) { box.append(el("p", { class: "empty" }, "No figures reported for this pair.")); return; }
  const table = el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "figure"), el("th", {}, "period"), el("th", {}, "value"))));
  const body = el("tbody");
  for (const series of s.facts) {
    series.points.forEach((p, i) => {
      const qual = p.qualifier ? `${p.qualifier.replace(/_/g, " ")} ` : "";
      body.append(el("tr", { title: p.sentence || "" },
        el("td", { class: "indicator" }, i === 0 ? series.indicator.replace(/_/g, " ") : ""),
        el("td", {}, p.period || "not stated"), el("td", { class: "num" }, qual + money(p.value, p.unit))));
    });
  }
  table.append(body);
  box.append(table);
}

function renderList(events, total) {
  $("list-count").textContent = total > events.length ? `(latest ${events.length} of ${number(total)})` : `(${events.length})`;
  const box = clear($("event-list"));
  if (!events.length) { box.append(el("p", { class: "empty" }, "No events.")); return; }
  const names = (xs) => xs.map((x) => x.name).join(" + ") || "—";
  const body = el("tbody");
  for (const e of events) {
    const when = e.time && e.time.value ? e.time.value : "not stated";
    body.append(el("tr", { dataset: { eventId: e.id }, tabindex: 0, class: e.id === state.selected ? "selected" : null,
      onclick: () => select(e.id), onkeydown: (ev) => { if (ev.key === "Enter") select(e.id); } },
      el("td", { class: "when" }, when),
      el("td", {}, el("span", { class: `type-chip ${quadClass(e.quad_class)}` }, e.type)),
      el("td", {}, `${names(e.actors)} → ${names(e.recipients)}`),
      el("td", { class: "ev" }, (e.evidence || "").slice(0, 180))));
  }
  box.append(el("table", { class: "events-table" },
    el("thead", {}, el("tr", {}, el("th", {}, "when"), el("th", {}, "type"), el("th", {}, "who → whom"), el("th", {}, "reported as"))), body));
}

// The registers say what they count: the file always reads announced events too, as the planned rows.
function renderFile(file) {
  const [a, b] = file.dyad;
  const select = clear($("direction"));
  for (const [value, label] of [["all", "both ways"], [`${a}>${b}`, `${a} → ${b}`], [`${b}>${a}`, `${b} → ${a}`]]) {
    select.append(el("option", { value, selected: value === state.direction }, label));
  }
  renderRegisters($("registers"), file, { onSelect: select_, direction: state.direction });
  $("registers-included").textContent = `Counting ${file.selection.label} (announced ones are the planned rows) · `
    + `${counted(file.n_events, "event")}, ${counted(Object.keys(file.articles).length, "article")} cited.`;
}

// A → B and B → A: events with one side as actor and the other as recipient, cooperation vs conflict.
function renderDirected(s, counts) {
  const [a, b] = s.dyad;
  const body = el("tbody");
  for (const [from, to, [all, coop, conf]] of [[a, b, counts.slice(0, 3)], [b, a, counts.slice(3)]]) {
    body.append(el("tr", { dataset: { direction: `${from}>${to}` } }, el("td", { class: "dir" }, `${s.names[from]} → ${s.names[to]}`),
      el("td", { class: "num" }, number(all)), el("td", { class: "num" }, number(coop)), el("td", { class: "num" }, number(conf))));
  }
  clear($("directed")).append(el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "direction"),
    el("th", {}, "events"), el("th", {}, "cooperation"), el("th", {}, "conflict"))), body));
}

function renderPartners(country, names, partners) {
  $("partners-of").textContent = names[country] || country;
  const open = (iso3) => { $("country-a").value = country; $("country-b").value = iso3; fromForm(); };
  hbars($("partners"), partners, { empty: "No partners in this period.",
    label: (p) => el("button", { type: "button", class: "link", dataset: { partner: p.country }, onclick: () => open(p.country),
      title: `index ${p.index === null ? "—" : signed(p.index)} · ${p.cooperation} cooperation / ${p.conflict} conflict` }, p.name) });
}

function download(button) {
  const target = document.querySelector(button.dataset.csv || button.dataset.svg);
  if (!target) return;
  const name = `${state.a}-${state.b}${state.start || state.end ? `-${state.start}-${state.end}` : ""}-${button.dataset.name}`;
  if (button.dataset.csv) save(`${name}.csv`, tableCSV(target), "text/csv;charset=utf-8");
  else save(`${name}.svg`, chartSVG(target), "image/svg+xml");
}

// A short period also reads by week or by day, from the timeline's dots: events known to the day
// (or, by week, to the week); those dated only to a month or year are left out, and the note says how many.
function finerSeries(points, interval) {
  const buckets = new Map();
  let left = 0;
  for (const p of points) {
    const fits = p.day && (p.granularity === "day" || (interval === "week" && p.granularity === "week"));
    if (!fits) { if (p.month || p.year) left += 1; continue; }
    const t = Date.parse(p.day), key = interval === "day" ? p.day
      : new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * 86400000).toISOString().slice(0, 10);
    const b = buckets.get(key) || { period: key, events: 0, sum: 0, scored: 0 };
    b.events += 1;
    if (p.score !== null && p.score !== undefined) { b.sum += p.score; b.scored += 1; }
    buckets.set(key, b);
  }
  const series = [...buckets.values()].sort((x, y) => x.period.localeCompare(y.period))
    .map((b) => ({ period: b.period, events: b.events, index: b.scored ? Math.round((b.sum / b.scored) * 100) / 100 : null }));
  return { series, left };
}

const short = (s) => s.months.length > 0 && s.months.length <= 3 && s.years.length <= 1;

function drawCharts() {
  if (!state.summary) return;
  drawTimeline($("timeline"), state.timeline.events, { start: state.summary.start, end: state.summary.end,
    onSelect: select, selected: state.selected });
  let series = state.interval === "year" ? state.summary.years : state.summary.months, note = "";
  if (state.interval === "week" || state.interval === "day") {
    const finer = finerSeries(state.timeline.events, state.interval);
    series = finer.series;
    if (finer.left) note = `${number(finer.left)} event${finer.left === 1 ? "" : "s"} dated only to the month or year not shown by ${state.interval}.`;
  }
  drawIndex($("index-chart"), series, state.interval);
  $("interval-note").textContent = note;
  for (const b of document.querySelectorAll(".toggle .finer")) b.hidden = !short(state.summary);
  for (const b of document.querySelectorAll(".toggle button")) b.setAttribute("aria-pressed", String(b.dataset.interval === state.interval));
}

const select_ = (id) => select(id);

async function select(id) {
  state.selected = id;
  for (const node of document.querySelectorAll("[data-event-id]")) node.classList.toggle("selected", node.dataset.eventId === id);
  const panel = $("evidence");
  try {
    const event = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    renderEvidence(panel, event, { loadArticle: (aid) => getJSON(`/api/articles/${encodeURIComponent(aid)}`) });
    // one column (phone): the panel is below the list, so bring it into view
    if (window.matchMedia("(max-width: 1000px)").matches) panel.scrollIntoView({ block: "start" });
  } catch (err) {
    clear(panel).append(el("h2", {}, "Evidence"), el("p", { class: "message" }, `Could not load the event: ${err.message}`));
  }
}

async function load() {
  const { a, b, start, end } = state;
  if (!a || !b) return;
  if (a === b) { say("Pick two different countries."); return; }
  say("");
  document.body.setAttribute("aria-busy", "true");
  const ticket = ++state.loads;   // a later choice wins: answers to an earlier one are dropped
  const period = { start, end, modality: state.modality, min_confidence: state.minConfidence };
  try {
    const total = (from, to, quad) => getJSON(`/api/events${query({ dyad: `${from}-${to}`, directed: true, quad_class: quad, ...period, limit: 1 })}`)
      .then((r) => r.total);
    const [summary, timeline, list, file, partners, network, ...directed] = await Promise.all([
      getJSON(`/api/dyads/${a}/${b}/summary${query(period)}`),
      getJSON(`/api/dyads/${a}/${b}/timeline${query(period)}`),
      getJSON(`/api/events${query({ dyad: `${a}-${b}`, ...period, limit: 200 })}`),
      getJSON(`/api/dyads/${a}/${b}/file${query(period)}`),
      getJSON(`/api/countries/${a}/partners${query({ ...period, limit: 10 })}`),
      getJSON(`/api/network${query({ ...period, limit: 60 })}`),
      ...[[a, b], [b, a]].flatMap(([from, to]) => [total(from, to, ""), total(from, to, "1,2"), total(from, to, "3,4")]),
    ]);
    if (ticket !== state.loads) return;
    state.summary = summary;
    state.timeline = timeline;
    // a period of a single month says little by month; fall back to years when that shows more
    state.interval = summary.months.length <= 1 && summary.years.length > 1 ? "year" : short(summary) ? "week" : "month";
    renderHeadline(summary);
    renderIncluded(summary);
    drawCharts();
    hbars($("dimensions"), summary.dimensions, { empty: "No partnership dimensions named." });
    hbars($("contexts"), summary.contexts, { empty: "No contexts coded." });
    renderActors(summary);
    renderFacts(summary);
    renderList(list.events, list.total);
    state.file = file;
    renderFile(file);
    renderDirected(summary, directed);
    renderPartners(a, summary.names, partners);
    drawNetwork($("network"), network, { focus: a, pair: [a, b],
      onPair: (x, y) => { $("country-a").value = x; $("country-b").value = y; fromForm(); } });
    document.body.dataset.loaded = `${a}-${b}`;
  } catch (err) {
    say(`Could not load ${a}–${b}: ${err.message}`);
  } finally {
    if (ticket === state.loads) document.body.removeAttribute("aria-busy");
  }
}

function fromForm() {
  state.a = $("country-a").value;
  state.b = $("country-b").value;
  state.start = $("start").value.trim();
  state.end = $("end").value.trim();
  state.modality = $("modality").value;
  state.minConfidence = $("min-confidence").value.trim();
  state.selected = null;
  state.direction = "all";
  const hash = `#${state.a}-${state.b}` + (state.start || state.end ? `/${state.start}/${state.end}` : "");
  if (window.location.hash !== hash) history.replaceState(null, "", hash);
  load();
}

async function main() {
  legend();
  let countries;
  try {
    countries = await loadCountries();
  } catch (err) {
    say(`Could not reach the store: ${err.message}`);
    return;
  }
  if (countries.length < 2) { say("The store holds no country pairs yet: ingest some articles first (dateline ingest …)."); return; }
  let initial = readHash();
  if (!initial) {
    const net = await getJSON("/api/network?limit=1").catch(() => ({ edges: [] }));
    const top = net.edges[0];
    initial = top ? { a: top.source, b: top.target, start: "", end: "" } : { a: countries[0].iso3, b: countries[1].iso3 };
  }
  $("country-a").value = initial.a;
  $("country-b").value = initial.b;
  $("start").value = initial.start || "";
  $("end").value = initial.end || "";
  $("picker").addEventListener("submit", (e) => { e.preventDefault(); fromForm(); });
  for (const id of ["country-a", "country-b", "modality", "min-confidence"]) $(id).addEventListener("change", fromForm);
  $("direction").addEventListener("change", () => { state.direction = $("direction").value; if (state.file) renderFile(state.file); });
  document.addEventListener("click", (e) => { const b = e.target.closest("button.dl"); if (b) download(b); });
  for (const b of document.querySelectorAll(".toggle button")) b.addEventListener("click", () => { state.interval = b.dataset.interval; drawCharts(); });
  let resize;
  window.addEventListener("resize", () => { clearTimeout(resize); resize = setTimeout(drawCharts, 150); });
  fromForm();
}

main();
