/**
 * Reusable PDF pieces for every pusdat document (letters now, monitoring and evaluation reports
 * later): a pdfkit document that is byte-identical for the same content, the embedded font (Arimo,
 * metric-compatible with Arial, the face of Indonesian government letters, shipped as TTF by an npm
 * package so `npm ci` is all a machine needs), the kop surat and the page footer.
 */
import * as fs from "node:fs";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import type { Letterhead } from "./model";

export const FONT = { regular: "pusdat-regular", bold: "pusdat-bold", italic: "pusdat-italic" } as const;

const FONT_FILES = {
  [FONT.regular]: "@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf",
  [FONT.bold]: "@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf",
  [FONT.italic]: "@expo-google-fonts/arimo/400Regular_Italic/Arimo_400Regular_Italic.ttf",
};

/** A4 with the margins of Indonesian official letters (left 2.5 cm, others 2 cm), room for the footer. */
export const PAGE = { width: 595.28, height: 841.89, left: 71, right: 57, top: 45, bottom: 70 } as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  /** ISO 8601: CreationDate and ModDate, which also fix the file ID. */
  date: string;
}

const fonts = new Map<string, fontkit.Font>();
/**
 * The TTF file (a package path), parsed once per process. pdfkit takes a parsed fontkit font as well
 * as bytes; parsing the font again for every document was most of a letter's rendering time (eight
 * letters: 520 ms → 125 ms), and the bytes written are the same.
 */
export function parsedFont(file: string): Buffer {
  let f = fonts.get(file);
  if (!f) fonts.set(file, (f = fontkit.create(fs.readFileSync(require.resolve(file))) as fontkit.Font));
  // pdfkit's types name only paths and bytes; its font factory takes any object with `layout`.
  return f as unknown as Buffer;
}

/** A new document whose bytes depend only on what is drawn and on `meta`. */
export function newPdf(meta: PdfMeta): PDFKit.PDFDocument {
  const date = new Date(meta.date);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    autoFirstPage: true,
    lang: "id-ID",
    displayTitle: true,
    info: { Title: meta.title, Subject: meta.subject, Author: meta.author, Creator: "pusdat", Producer: "pusdat (PDFKit)", CreationDate: date, ModDate: date },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, parsedFont(file));
  doc.font(FONT.regular);
  return doc;
}

/** The finished document's bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** The kop surat: government, agency, division, address, then the double rule. Leaves y below it. */
export function drawLetterhead(doc: PDFKit.PDFDocument, k: Letterhead): void {
  const x = PAGE.left;
  const w = TEXT_WIDTH;
  doc.fillColor("black");
  doc.font(FONT.bold).fontSize(14).text(k.government.toUpperCase(), x, PAGE.top, { width: w, align: "center" });
  doc.font(FONT.bold).fontSize(16).text(k.agency.toUpperCase(), x, doc.y, { width: w, align: "center" });
  doc.font(FONT.bold).fontSize(11).text(k.division.toUpperCase(), x, doc.y + 1, { width: w, align: "center" });
  doc.font(FONT.regular).fontSize(9.5).text(k.address, x, doc.y + 2, { width: w, align: "center" });
  const y = doc.y + 4;
  doc.save().lineWidth(2.2).moveTo(x, y).lineTo(x + w, y).stroke();
  doc.lineWidth(0.6).moveTo(x, y + 3.2).lineTo(x + w, y + 3.2).stroke().restore();
  doc.x = x;
  doc.y = y + 16;
}

/** On every page: the footer line (commit and record) and "Halaman i dari n". */
export function drawFooters(doc: PDFKit.PDFDocument, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not open a page
    const y = PAGE.height - 48;
    doc.save().lineWidth(0.4).strokeColor("#777777").moveTo(PAGE.left, y - 4).lineTo(PAGE.left + TEXT_WIDTH, y - 4).stroke().restore();
    doc.font(FONT.regular).fontSize(7.5).fillColor("#444444");
    drawText(doc, text, PAGE.left, y, TEXT_WIDTH - 90);
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, PAGE.left + TEXT_WIDTH - 80, y, { width: 80, align: "right" });
    doc.fillColor("black");
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Lines of `text` that fit `width`, broken at spaces only (pdfkit's own wrapping also breaks after
 * '/' and '-', which would split a letter number or a host name across lines). A single word wider
 * than the line stays whole on its own line.
 */
export function wrapLines(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const out: string[] = [];
  for (const hard of text.split("\n")) {
    let line = "";
    for (const word of hard.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (!line || doc.widthOfString(candidate) <= width) line = candidate;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}

export interface TextOptions {
  align?: "left" | "center" | "right" | "justify";
  lineGap?: number;
  underline?: boolean;
}

const lineHeight = (doc: PDFKit.PDFDocument, o: TextOptions) => doc.currentLineHeight(true) + (o.lineGap ?? 0);

/** The height `text` takes in `width` with the current font. */
export function textHeight(doc: PDFKit.PDFDocument, text: string, width: number, o: TextOptions = {}): number {
  return wrapLines(doc, text, width).length * lineHeight(doc, o);
}

/**
 * Draws `text` at (x, y) within `width`, line by line (justified lines get the word spacing that
 * fills them; a paragraph's last line stays left), opening a new page at the bottom margin.
 * Returns the y below the text.
 */
export function drawText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, o: TextOptions = {}): number {
  const lh = lineHeight(doc, o);
  const lines = wrapLines(doc, text, width);
  let cy = y;
  lines.forEach((line, i) => {
    if (cy + lh > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      cy = PAGE.top;
    }
    const w = doc.widthOfString(line);
    const spaces = (line.match(/ /g) ?? []).length;
    const justify = o.align === "justify" && i < lines.length - 1 && spaces > 0;
    const lx = o.align === "center" ? x + (width - w) / 2 : o.align === "right" ? x + width - w : x;
    doc.text(line, lx, cy, { lineBreak: false, underline: o.underline ?? false, wordSpacing: justify ? (width - w) / spaces : 0 });
    cy += lh;
  });
  doc.x = x;
  doc.y = cy;
  return cy;
}
