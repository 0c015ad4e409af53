// The relationship file (GET /api/dyads/A/B/file) as four tables: visits, agreements, mechanisms with
// their sessions in order and the unreported ones shown, figures by year. Every row links to its evidence.
import { el, clear, number, money } from "./dom.js";

const when = (w, status) => `${(w && w.value) || "date not stated"}${status && status !== "held" && status !== "signed" ? ` (${status})` : ""}`;
const ordinal = (n) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] || "th"}`;
const place = (city, country) => [city, country].filter(Boolean).join(", ") || "—";
const dash = (xs) => (xs && xs.length ? xs.join(", ") : "—");

// "not reported: 1–14" from [1, 2, ..., 14]; runs of consecutive numbers become ranges.
export function runs(numbers) {
  const out = [];
  for (const n of numbers) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n; else out.push([n, n]);
  }
  return out;
}
const runLabel = ([a, b]) => (a === b ? String(a) : `${a}–${b}`);

// The evidence cell: one button per event (opens it in the evidence panel); in the CSV, the event ids.
function evidenceCell(ids, onSelect) {
  const td = el("td", { class: "evidence-links", dataset: { csv: ids.join(" ") } });
  ids.forEach((id, i) => td.append(el("button", { type: "button", class: "link", dataset: { eventId: id },
    title: `open event ${id}`, onclick: () => onSelect(id) }, ids.length > 1 ? `evidence ${i + 1}` : "evidence")));
  return td;
}

function table(heads, rows) {
  if (!rows.length) return el("p", { class: "empty" }, "None reported.");
  return el("div", { class: "scroll" }, el("table", { class: "register" },
    el("thead", {}, el("tr", {}, heads.map((h) => el("th", {}, h)))), el("tbody", {}, rows)));
}

function section(id, title, count, body) {
  return el("section", { id, class: "register-part" }, el("div", { class: "card-head" },
    el("h3", {}, title, " ", el("small", {}, `(${count})`)),
    el("button", { type: "button", class: "dl", dataset: { csv: `#${id} table`, name: id.replace("reg-", "") } }, "CSV")), body);
}

function visits(file, onSelect, direction) {
  const names = file.names;
  const rows = file.visits.filter((v) => direction === "all" || `${v.visitor.country}>${v.host_country}` === direction).map((v) => {
    const who = `${dash(v.visitor.roles) === "—" ? "" : `${v.visitor.roles.join(", ")} `}${v.visitor.name}`;
    return el("tr", {}, el("td", { class: "when" }, when(v.when, v.status)), el("td", {}, who),
      el("td", { class: "dir" }, `${v.visitor.country || "?"} → ${v.host_country}`),
      el("td", {}, place(v.city, names[v.host_country] || v.host_country)), el("td", {}, v.occasion || "—"),
      el("td", {}, dash(v.met)), el("td", { class: "num" }, number(v.article_ids.length)), evidenceCell(v.event_ids, onSelect));
  });
  return section("reg-visits", "Visits", rows.length,
    table(["date", "visitor", "direction", "to", "occasion", "met", "articles", "evidence"], rows));
}

function agreements(file, onSelect) {
  const rows = file.agreements.map((a) => el("tr", {}, el("td", { class: "when" }, when(a.when)),
    el("td", {}, a.status), el("td", {}, a.what || "—"), el("td", { class: "num" }, a.number === null ? "—" : number(a.number)),
    el("td", {}, dash(a.sectors)), el("td", {}, place(a.venue, file.names[a.venue_country] || a.venue_country)), el("td", {}, a.session || "—"),
    el("td", { class: "num" }, number(a.article_ids.length)), evidenceCell(a.event_ids, onSelect)));
  return section("reg-agreements", "Agreements", rows.length,
    table(["date", "status", "what", "number", "sectors", "venue", "at", "articles", "evidence"], rows));
}

// Numbered sessions in order, a "not reported" row before each gap's next session; unnumbered ones last.
function mechanisms(file, onSelect) {
  const rows = [];
  for (const m of file.mechanisms) {
    const numbered = m.sessions.filter((s) => s.ordinal !== null).sort((x, y) => x.ordinal - y.ordinal);
    const gaps = runs(m.missing || []);
    const ordered = [];
    for (const s of numbered) {
      while (gaps.length && gaps[0][1] < s.ordinal) ordered.push(gaps.shift());
      ordered.push(s);
    }
    ordered.push(...gaps, ...m.sessions.filter((s) => s.ordinal === null));
    ordered.forEach((s, i) => {
      const name = el("td", { class: "indicator" }, i === 0 ? m.name : "");
      if (Array.isArray(s)) {
        rows.push(el("tr", { class: "gap" }, name, el("td", { colspan: 7 }, `not reported: ${runLabel(s)}`)));
        return;
      }
      rows.push(el("tr", {}, name, el("td", {}, s.label || (s.ordinal ? `${ordinal(s.ordinal)} ${s.unit}` : s.unit)),
        el("td", { class: "when" }, when(s.when)), el("td", {}, place(s.venue, file.names[s.venue_country] || s.venue_country)), el("td", {}, dash(s.people)),
        el("td", {}, dash(s.outcomes)), el("td", { class: "num" }, number(s.article_ids.length)), evidenceCell(s.event_ids, onSelect)));
    });
  }
  return section("reg-mechanisms", "Mechanisms", file.mechanisms.length,
    table(["mechanism", "session", "date", "venue", "people", "outcome", "articles", "evidence"], rows));
}

// Figures come from facts, not events: the evidence is the reports' sentences, each with its article.
function figures(file) {
  const rows = file.figures.map((f) => {
    const qual = f.qualifier ? `${f.qualifier.replace(/_/g, " ")} ` : "";
    const reports = el("details", {}, el("summary", {}, `${f.reports.length} report${f.reports.length === 1 ? "" : "s"}`),
      f.reports.map((r) => {
        const a = file.articles[r.article_id] || {};
        return el("blockquote", { class: "report" }, el("span", { class: "sentence" }, r.sentence || ""),
          el("span", { class: "source" }, ` — ${[a.outlet, a.published, a.title].filter(Boolean).join(" · ") || r.article_id}`));
      }));
    return el("tr", {}, el("td", { class: "indicator" }, f.indicator.replace(/_/g, " ")), el("td", {}, f.year === null ? "—" : String(f.year)),
      el("td", { class: "num" }, qual + money(f.value, f.unit)), el("td", {}, f.kind),
      el("td", { class: "evidence-links", dataset: { csv: f.fact_ids.join(" ") } }, reports));
  });
  return section("reg-figures", "Figures by year", rows.length, table(["indicator", "year", "value", "kind", "evidence"], rows));
}

// direction: "all" or "A>B" (visits only: agreements, sessions and figures belong to both sides).
export function renderRegisters(box, file, { onSelect, direction = "all" }) {
  clear(box).append(visits(file, onSelect, direction), agreements(file, onSelect), mechanisms(file, onSelect), figures(file));
}
