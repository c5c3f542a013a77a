/**
 * Capacity as bars: one small inline SVG per resource (no script, no library, works from file://),
 * the numbers beside it in text, and the SVG labelled for screen readers. Pure.
 */
import type { CapacityRow, Meter } from "../types";
import { esc, n, num } from "./html";

/** ok below 75 %, warning from 75 %, error from 100 % of the ceiling. */
export const toneOf = (percent: number) => (percent >= 100 ? "error" : percent >= 75 ? "warning" : "ok");

export function bar(m: Meter, path: string): string {
  const width = Math.min(100, Math.max(0, m.percent));
  const alt = `${m.label}: ${num(m.used)} dari ${num(m.limit)} ${m.unit} (${m.percent}%)`;
  const svg =
    `<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${esc(alt)}">` +
    `<title>${esc(alt)}</title>` +
    `<rect class="track" x="0" y="0" width="100" height="8" rx="1.5"/>` +
    `<rect class="fill ${toneOf(m.percent)}" x="0" y="0" width="${width}" height="8" rx="1.5"/>` +
    `</svg>`;
  return (
    `<div class="meter"><div class="meter-head"><span class="meter-label">${esc(m.label)}</span>` +
    `<span class="meter-value">${n(m.used, `${path}.used`)} / ${n(m.limit, `${path}.limit`)} ${esc(m.unit)} ` +
    `(<span data-num="${esc(path)}.percent">${m.percent}</span>%)</span></div>${svg}</div>`
  );
}

export interface CapacityCard {
  row: CapacityRow;
  /** Its place in data.json, e.g. `capacity.opds.3`. */
  path: string;
  href?: string | null;
  /** Show only the resources in use (the index's OPD overview); the OPD's own page shows all. */
  onlyUsed?: boolean;
}

/** One card per row (a node or an OPD), its meters stacked. */
export function capacityCards(cards: CapacityCard[]): string {
  if (!cards.length) return '<p class="muted">Tidak ada data kapasitas.</p>';
  const html = cards.map(({ row, path, href, onlyUsed }) => {
    const name = href ? `<a href="${esc(href)}">${esc(row.label)}</a>` : esc(row.label);
    const meters = row.meters.map((m, j) => (onlyUsed && m.used === 0 ? "" : bar(m, `${path}.meters.${j}`))).join("");
    return `<div class="card cap"><h3>${name}</h3>${meters || '<p class="muted small">belum memakai kapasitas yang dihitung</p>'}</div>`;
  });
  return `<div class="grid">${html.join("")}</div>`;
}
