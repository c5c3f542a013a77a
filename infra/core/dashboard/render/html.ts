/** Small HTML helpers of the dashboard: escaping, Indonesian numbers and WIB dates, the page frame. Pure. */
import { STYLE } from "./style";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESC[c]!);

/** 1234567 → "1.234.567" (Indonesian grouping, independent of the machine's locale data). */
export const num = (n: number) => (n < 0 ? "-" : "") + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/**
 * A number the browser test checks against data.json: `path` is its place there
 * (`totals.services`, `capacity.nodes.0.meters.1.used`).
 */
export const n = (value: number, path: string) => `<span data-num="${esc(path)}">${num(value)}</span>`;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

/** `2026-11-20T05:04:30Z` → `20 Nov 2026 12.04 WIB`. */
export function wib(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 7 * 3600_000);
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}.${mm} WIB`;
}

/** `2026-11-20` → `20 Nov 2026`. */
export function day(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : date;
}

/** A badge: `tone` picks the colour (ok, warning, error, muted, info); the text says it in words. */
export const badge = (text: string, tone: "ok" | "warning" | "error" | "muted" | "info") => `<span class="badge ${tone}">${esc(text)}</span>`;

export interface PageFrame {
  title: string;
  /** Relative path back to the site's root: "" for index.html, "../" for opd/<slug>.html. */
  root: string;
  heading: string;
  subheading: string;
  body: string;
  script?: string;
}

export function page(f: PageFrame): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="id">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${esc(f.title)}</title>`,
    // an empty icon: browsers would otherwise ask the server for /favicon.ico and log a 404
    '<link rel="icon" href="data:,">',
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    '<a class="skip" href="#isi">Lewati ke isi</a>',
    `<header class="top"><div class="wrap"><p class="org">${esc(f.subheading)}</p><h1>${esc(f.heading)}</h1></div></header>`,
    `<main id="isi" class="wrap">${f.body}</main>`,
    `<footer class="wrap"><p>Dibuat oleh <code>pusdat dashboard</code> dari repositori layanan (cabang utama dan cabang <code>arsip</code>). ` +
      `Data mentah: <a href="${f.root}data.json">data.json</a>. Kontak pribadi, kata sandi dan kredensial tidak pernah ditampilkan.</p></footer>`,
    f.script ? `<script>${f.script}</script>` : "",
    "</body>",
    "</html>",
    "",
  ]
    .filter((l) => l !== "")
    .join("\n");
}
