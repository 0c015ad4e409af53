// Small DOM helpers. Text always goes in through textContent / text nodes, never innerHTML,
// so article text with markup or <script> shows as text and never runs.
const SVG_NS = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Only http(s) links are followed: a stored "javascript:" URL must never become a link.
export function safeUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

export const QUADS = {
  1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
};

export function quadClass(q) {
  return q >= 1 && q <= 4 ? `q${q}` : "q0";
}

export function quadColour(q) {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${quadClass(q)}`).trim() || "#999";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function monthLabel(ym) {
  const [y, m] = ym.split("-");
  return `${MONTHS[Number(m) - 1]} ${y}`;
}

export function whenLabel(p) {
  if (p.granularity === "day" && p.day) return p.day;
  if (p.month) return monthLabel(p.month);
  if (p.year) return String(p.year);
  return "date not stated";
}

export function number(n) {
  return Number(n).toLocaleString("en-US");
}

// "1 event", "2 events", "1,204 events"
export function counted(n, noun) {
  return `${number(n)} ${noun}${Number(n) === 1 ? "" : "s"}`;
}

export function money(value, unit) {
  const abs = Math.abs(value);
  const scaled = abs >= 1e9 ? `${(value / 1e9).toFixed(value % 1e9 ? 2 : 0)} bn`
    : abs >= 1e6 ? `${(value / 1e6).toFixed(value % 1e6 ? 1 : 0)} m` : number(value);
  return unit === "count" ? number(value) : `${scaled} ${unit}`;
}
