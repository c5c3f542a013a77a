/**
 * PDF building blocks for every pusdat document (evaluation report, Berita Acara, …): an A4 document
 * with the DejaVu Sans TrueType fonts embedded from the `dejavu-fonts-ttf` npm package (so `npm ci`
 * is all a machine needs, and Indonesian text, "–", "≥" and "→" print everywhere), the letterhead
 * (kop surat), headings, tables that break across pages, and bar charts drawn as vectors.
 *
 * Deterministic: the same content gives the same bytes. CreationDate and ModDate come from the caller
 * (a date derived from the inputs, never the clock) and pdfkit derives the file ID from the info
 * dictionary, so it is fixed too.
 */
import PDFDocument from "pdfkit";
import type { Organisation } from "../core/config/site";
import { parsedFont } from "../docs/pdf";

export type Doc = PDFKit.PDFDocument;

export const FONT = { regular: "DejaVu", bold: "DejaVu-Bold" } as const;
export const COLOR = { text: "#1a1a1a", muted: "#555555", rule: "#999999", head: "#dfe6ee", zebra: "#f4f6f8", good: "#2e7d32", bad: "#c62828", bar: "#1f5f99", target: "#9e9e9e" };
export const A4_MARGIN = 56; // 2 cm

export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  keywords?: string;
  /** Written as CreationDate and ModDate: derive it from the inputs, not the clock. */
  date: Date;
}

export function createDocument(meta: PdfMeta): Doc {
  const doc = new PDFDocument({
    size: "A4",
    margin: A4_MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: "id-ID",
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Keywords: meta.keywords ?? "",
      Creator: "pusdat",
      Producer: "pusdat (PDFKit)",
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  });
  doc.registerFont(FONT.regular, parsedFont("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
  doc.registerFont(FONT.bold, parsedFont("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"));
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
  return doc;
}

/** Ends the document and collects its bytes: the letters' own helper. */
export { pdfBytes as toBuffer } from "../docs/pdf";

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when fewer than `height` points are left. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** The kop surat: government and agency in capitals, division, address, and a double rule. */
export function letterhead(doc: Doc, org: Organisation | undefined): void {
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  doc.y = doc.page.margins.top;
  if (org) {
    doc.font(FONT.bold).fontSize(13).text(org.government.toUpperCase(), x, doc.y, { width: w, align: "center" });
    doc.fontSize(14).text(org.agency.toUpperCase(), { width: w, align: "center" });
    doc.font(FONT.regular).fontSize(10).text(org.division, { width: w, align: "center" });
    doc.fontSize(9).fillColor(COLOR.muted).text(org.address, { width: w, align: "center" }).fillColor(COLOR.text);
  } else {
    doc.font(FONT.bold).fontSize(13).text("LAYANAN PUSAT DATA", x, doc.y, { width: w, align: "center" });
    doc.font(FONT.regular).fontSize(9).fillColor(COLOR.muted).text("(kop surat belum diisi: pusdat:organisation di konfigurasi stack)", { width: w, align: "center" }).fillColor(COLOR.text);
  }
  const y = doc.y + 6;
  doc.save().lineWidth(2).moveTo(x, y).lineTo(x + w, y).stroke(COLOR.text).lineWidth(0.6).moveTo(x, y + 3).lineTo(x + w, y + 3).stroke(COLOR.text).restore();
  doc.x = x;
  doc.y = y + 16;
}

/** A section heading, kept on the same page as the `keep` points that follow it (never orphaned). */
export function heading(doc: Doc, text: string, size = 13, keep = 48): void {
  ensureSpace(doc, size * 3 + keep);
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(size).fillColor(COLOR.text).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  doc.font(FONT.regular).fontSize(10);
}

export function paragraph(doc: Doc, text: string, opts: { size?: number; color?: string; indent?: number } = {}): void {
  const size = opts.size ?? 10;
  const x = doc.page.margins.left + (opts.indent ?? 0);
  const w = contentWidth(doc) - (opts.indent ?? 0);
  doc.font(FONT.regular).fontSize(size);
  ensureSpace(doc, doc.heightOfString(text, { width: w }) + 2);
  doc.fillColor(opts.color ?? COLOR.text).text(text, x, doc.y, { width: w }).fillColor(COLOR.text);
}

/** A bulleted list with hanging indentation. */
export function bullets(doc: Doc, items: string[], size = 10): void {
  const x = doc.page.margins.left;
  const w = contentWidth(doc) - 14;
  doc.font(FONT.regular).fontSize(size);
  for (const item of items) {
    ensureSpace(doc, doc.heightOfString(item, { width: w }) + 3);
    const y = doc.y;
    doc.text("•", x, y, { width: 12 });
    doc.text(item, x + 14, y, { width: w });
    doc.moveDown(0.25);
  }
}

export interface Column {
  header: string;
  /** Share of the content width (the shares are scaled to fill it). */
  width: number;
  align?: "left" | "right" | "center";
}

export interface TableOptions {
  size?: number;
  /** Rows drawn bold (e.g. a total). */
  bold?: number[];
}

/** A table with a shaded header row, repeated on every page it spans. */
export function table(doc: Doc, columns: Column[], rows: string[][], opts: TableOptions = {}): void {
  const size = opts.size ?? 8.5;
  const pad = 3;
  const x0 = doc.page.margins.left;
  const total = columns.reduce((n, c) => n + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, fill: string | null) => {
    const h = heightOf(cells, font);
    const y = doc.y;
    let x = x0;
    if (fill) doc.save().rect(x0, y, contentWidth(doc), h).fill(fill).restore();
    doc.font(font).fontSize(size).fillColor(COLOR.text);
    cells.forEach((t, i) => {
      doc.text(t, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? "left" });
      x += widths[i]!;
    });
    doc.save().lineWidth(0.4).moveTo(x0, y + h).lineTo(x0 + contentWidth(doc), y + h).stroke(COLOR.rule).restore();
    doc.x = x0;
    doc.y = y + h;
  };
  const header = columns.map((c) => c.header);
  const headerHeight = heightOf(header, FONT.bold);
  const whole = headerHeight + rows.reduce((n, r) => n + heightOf(r, FONT.bold), 0);
  // a short table is kept on one page; a long one starts with at least its first row
  ensureSpace(doc, whole < 240 ? whole : headerHeight + (rows[0] ? heightOf(rows[0], FONT.regular) : 0));
  drawRow(header, FONT.bold, COLOR.head);
  rows.forEach((r, i) => {
    const bold = opts.bold?.includes(i) ?? false;
    const h = heightOf(r, bold ? FONT.bold : FONT.regular);
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      drawRow(header, FONT.bold, COLOR.head);
    }
    drawRow(r, bold ? FONT.bold : FONT.regular, i % 2 ? COLOR.zebra : null);
  });
  doc.moveDown(0.5);
}

export interface Bar {
  label: string;
  value: number;
  /** Text printed after the bar (e.g. "200 mnt"). */
  valueText: string;
  color?: string;
  /** A second, thinner reference bar drawn under the first (e.g. the target). */
  reference?: { value: number; text: string };
}

export interface BarChartOptions {
  title: string;
  /** The value at the full bar length; default: the largest value or reference. */
  max?: number;
  legend?: { color: string; text: string }[];
}

/** Horizontal bars with their labels on the left and values on the right, drawn as vector paths. */
export function barChart(doc: Doc, bars: Bar[], opts: BarChartOptions): void {
  const x0 = doc.page.margins.left;
  const w = contentWidth(doc);
  const labelW = w * 0.34;
  const valueW = w * 0.2;
  const barW = w - labelW - valueW - 8;
  const rowH = bars.some((b) => b.reference) ? 26 : 16;
  const height = 22 + bars.length * rowH + (opts.legend ? 16 : 0);
  ensureSpace(doc, height);
  const max = opts.max ?? Math.max(1, ...bars.flatMap((b) => [b.value, b.reference?.value ?? 0]));
  doc.font(FONT.bold).fontSize(9.5).fillColor(COLOR.text).text(opts.title, x0, doc.y, { width: w });
  let y = doc.y + 4;
  const bx = x0 + labelW + 4;
  doc.save().lineWidth(0.5).moveTo(bx, y).lineTo(bx, y + bars.length * rowH).stroke(COLOR.rule).restore();
  for (const b of bars) {
    const len = (v: number) => Math.max(0, Math.min(1, v / max)) * barW;
    doc.font(FONT.regular).fontSize(8).fillColor(COLOR.text).text(b.label, x0, y + 3, { width: labelW - 4, align: "right", lineBreak: false, ellipsis: true });
    doc.save().rect(bx, y + 2, Math.max(len(b.value), 0.5), 10).fill(b.color ?? COLOR.bar).restore();
    doc.fontSize(8).fillColor(COLOR.text).text(b.valueText, bx + barW + 8, y + 3, { width: valueW, lineBreak: false });
    if (b.reference) {
      doc.save().rect(bx, y + 14, Math.max(len(b.reference.value), 0.5), 6).fill(COLOR.target).restore();
      doc.fontSize(7).fillColor(COLOR.muted).text(b.reference.text, bx + barW + 8, y + 13.5, { width: valueW, lineBreak: false });
    }
    y += rowH;
  }
  y += 4;
  if (opts.legend) {
    let lx = bx;
    for (const l of opts.legend) {
      doc.save().rect(lx, y + 1, 10, 7).fill(l.color).restore();
      doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted).text(l.text, lx + 13, y, { lineBreak: false });
      lx += 13 + doc.widthOfString(l.text) + 16;
    }
    y += 14;
  }
  doc.fillColor(COLOR.text);
  doc.x = x0;
  doc.y = y + 6;
}

export interface Segment {
  value: number;
  color: string;
}

/** One horizontal bar per row split into coloured segments that add up to 100%. */
export function stackedBars(doc: Doc, title: string, rows: { label: string; segments: Segment[] }[], legend: { color: string; text: string }[]): void {
  const x0 = doc.page.margins.left;
  const w = contentWidth(doc);
  const labelW = w * 0.34;
  const barW = w - labelW - 8;
  const rowH = 16;
  ensureSpace(doc, 40 + rows.length * rowH);
  doc.font(FONT.bold).fontSize(9.5).fillColor(COLOR.text).text(title, x0, doc.y, { width: w });
  let y = doc.y + 4;
  const bx = x0 + labelW + 4;
  for (const r of rows) {
    doc.font(FONT.regular).fontSize(8).fillColor(COLOR.text).text(r.label, x0, y + 3, { width: labelW - 4, align: "right", lineBreak: false, ellipsis: true });
    const sum = r.segments.reduce((n, s) => n + s.value, 0);
    let x = bx;
    for (const s of r.segments) {
      const len = sum ? (s.value / sum) * barW : 0;
      if (len > 0) doc.save().rect(x, y + 2, len, 10).fill(s.color).restore();
      x += len;
    }
    y += rowH;
  }
  y += 4;
  let lx = bx;
  for (const l of legend) {
    const tw = doc.font(FONT.regular).fontSize(7.5).widthOfString(l.text);
    if (lx + 13 + tw > x0 + w) {
      lx = bx;
      y += 12;
    }
    doc.save().rect(lx, y + 1, 10, 7).fill(l.color).restore();
    doc.fillColor(COLOR.muted).text(l.text, lx + 13, y, { lineBreak: false });
    lx += 13 + tw + 14;
  }
  doc.fillColor(COLOR.text);
  doc.x = x0;
  doc.y = y + 20;
}

/** "Halaman n dari N" and a running title at the foot of every page (call just before toBuffer). */
export function pageNumbers(doc: Doc, running: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom + 18;
    const x = doc.page.margins.left;
    const w = contentWidth(doc);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted);
    doc.text(running, x, y, { width: w * 0.7, lineBreak: false });
    doc.text(`Halaman ${i + 1} dari ${range.count}`, x + w * 0.7, y, { width: w * 0.3, align: "right", lineBreak: false });
    doc.page.margins.bottom = keep;
  }
  doc.fillColor(COLOR.text);
}
