// The evidence panel: an event's coding and every sentence that reports it, parts highlighted.
import { el, clear, safeUrl, QUADS, quadClass } from "./dom.js";

const PRIORITY = ["trigger", "actor", "recipient", "time", "place"];

// Spans of one mention as [start, end, kind] relative to the sentence; overlapping lower-priority
// spans are dropped. A span whose offsets do not match the sentence is looked up by its text.
export function sentenceSpans(m) {
  const found = [];
  const add = (span, kind) => {
    if (!span || span.text === undefined) return;
    let s = span.start - m.sentence_start;
    if (m.sentence.slice(s, s + span.text.length) !== span.text) s = m.sentence.indexOf(span.text);
    if (s < 0 || !span.text) return;
    found.push([s, s + span.text.length, kind]);
  };
  add(m.trigger, "trigger");
  (m.actors || []).forEach((s) => add(s, "actor"));
  (m.recipients || []).forEach((s) => add(s, "recipient"));
  add(m.time, "time");
  add(m.place, "place");
  found.sort((a, b) => PRIORITY.indexOf(a[2]) - PRIORITY.indexOf(b[2]));
  const kept = [];
  for (const span of found) {
    if (!kept.some((k) => span[0] < k[1] && k[0] < span[1])) kept.push(span);
  }
  return kept.sort((a, b) => a[0] - b[0]);
}

// The sentence as text nodes and <mark>s: article text never passes through HTML parsing.
export function highlighted(m) {
  const out = el("div", { class: "sentence" });
  let at = 0;
  for (const [s, e, kind] of sentenceSpans(m)) {
    if (s > at) out.append(m.sentence.slice(at, s));
    out.append(el("mark", { class: kind, title: kind }, m.sentence.slice(s, e)));
    at = e;
  }
  out.append(m.sentence.slice(at));
  return out;
}

const names = (actors) => (actors || []).map((a) => (a.kind === "country" ? a.name : `${a.name} (${a.country || a.sector || "?"})`)).join(" + ") || "—";

function timeText(t) {
  if (!t || !t.value) return "not stated in the text";
  const how = t.source === "publication_date" ? ", from the publication date" : "";
  return `${t.value} (${t.granularity}${how})`;
}

function sourceLine(article, m, loadArticle) {
  const meta = [article.outlet, article.published, article.title].filter(Boolean).join(" · ") || article.id;
  const line = el("div", { class: "source" }, meta, ` · sentence ${m.sentence_index + 1}`);
  const url = safeUrl(article.url);
  if (url) line.append(" · ", el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, "source"));
  const details = el("details", {}, el("summary", {}, "read the article"));
  details.addEventListener("toggle", async () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = "1";
    const body = el("div", { class: "article-text" }, "loading…");
    details.append(body);
    try {
      const a = await loadArticle(article.id);
      clear(body);
      const text = a.text || "";
      body.append(text.slice(0, m.sentence_start), el("mark", { class: "actor" }, text.slice(m.sentence_start, m.sentence_end)),
        text.slice(m.sentence_end));
    } catch (err) {
      body.textContent = `could not load the article: ${err.message}`;
    }
  });
  line.append(details);
  return line;
}

export function renderEvidence(panel, e, { loadArticle }) {
  clear(panel);
  panel.append(el("h2", {}, "Evidence"));
  const head = el("div", { class: "ev-head" },
    el("span", { class: `type-chip ${quadClass(e.quad_class)}` }, e.type),
    " ", el("span", { class: "title" }, (e.recipients || []).length ? `${names(e.actors)} → ${names(e.recipients)}`
      : `${names(e.actors)} (together)`));
  const flags = ["negated", "future", "hypothetical", "historical"].filter((f) => e[f]);
  const meta = el("dl", { class: "ev-meta" },
    el("dt", {}, "coded"), el("dd", {}, [e.type, e.mode].filter(Boolean).join(" · "), e.cameo ? ` · CAMEO ${e.cameo}` : "",
      ` · ${QUADS[e.quad_class] || "unclassified"}`, e.plover_score !== null && e.plover_score !== undefined ? ` (${e.plover_score > 0 ? "+" : ""}${e.plover_score})` : ""),
    el("dt", {}, "when"), el("dd", {}, timeText(e.time)),
    el("dt", {}, "where"), el("dd", {}, e.place ? [e.place.name, e.place.country].filter(Boolean).join(", ") : "—"),
    el("dt", {}, "trigger"), el("dd", {}, e.trigger || "—"),
    flags.length ? [el("dt", {}, "modality"), el("dd", {}, flags.join(", "))] : null,
    e.quantity ? [el("dt", {}, "quantity"), el("dd", {}, String(e.quantity))] : null,
    el("dt", {}, "reported by"), el("dd", {}, `${e.source_count} article${e.source_count === 1 ? "" : "s"}, ${e.mentions.length} sentence${e.mentions.length === 1 ? "" : "s"}`));
  const tags = el("div", {}, (e.contexts || []).map((c) => el("span", { class: "chip" }, c)),
    (e.dimensions || []).map((d) => el("span", { class: "chip", title: "dimension" }, `◇ ${d}`)));
  panel.append(head, meta, tags);
  panel.append(el("div", { class: "key" }, el("mark", { class: "trigger" }, "trigger"), el("mark", { class: "actor" }, "actor"),
    el("mark", { class: "recipient" }, "recipient"), el("mark", { class: "time" }, "time"), el("mark", { class: "place" }, "place")));
  for (const m of e.mentions) {
    const article = (e.articles && e.articles[m.article_id]) || { id: m.article_id };
    panel.append(el("blockquote", { class: "mention", dataset: { articleId: m.article_id } },
      highlighted(m), sourceLine(article, m, loadArticle)));
  }
}
