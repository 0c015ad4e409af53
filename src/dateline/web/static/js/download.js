// Download what is shown: a table as CSV (its cells as displayed, or a cell's data-csv), a chart as SVG.

// A cell that starts like a formula (=, +, -, @) would run in a spreadsheet: it is quoted as text,
// unless it is a plain number ("+7", "-2.5").
function csvCell(text) {
  let t = String(text).replace(/\s+/g, " ").trim();
  if (/^[=+\-@]/.test(t) && !/^[+-]?\d+(\.\d+)?$/.test(t)) t = `'${t}`;
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function tableCSV(table) {
  return [...table.rows].map((row) => [...row.cells].flatMap((cell) => {
    const text = cell.dataset.csv ?? cell.textContent;
    return [csvCell(text), ...Array(Math.max(0, cell.colSpan - 1)).fill("")];
  }).join(",")).join("\r\n") + "\r\n";
}

// The chart with its computed colours written in, so the file looks the same outside the page.
const STYLED = ["fill", "stroke", "stroke-width", "opacity", "font-size", "font-family", "stroke-linecap"];
export function chartSVG(root) {
  const copy = root.cloneNode(true);
  const from = [root, ...root.querySelectorAll("*")], to = [copy, ...copy.querySelectorAll("*")];
  from.forEach((node, i) => {
    const style = getComputedStyle(node);
    for (const p of STYLED) to[i].setAttribute(p, style.getPropertyValue(p));
  });
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

export function save(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
