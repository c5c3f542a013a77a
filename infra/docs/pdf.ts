/**
 * Reusable PDF pieces for every pusdat document (letters now, monitoring and evaluation reports
 * later): a pdfkit document that is byte-identical for the same content, the embedded font (Arimo,
 * metric-compatible with Arial, the face of Indonesian government letters, shipped as TTF by an npm
 * package so `npm ci` is all a machine needs), the kop surat and the page footer.
 */
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
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, require.resolve(file));
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
    doc.text(text, PAGE.left, y, { width: TEXT_WIDTH - 80, lineBreak: true });
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, PAGE.left + TEXT_WIDTH - 80, y, { width: 80, align: "right" });
    doc.fillColor("black");
    doc.page.margins.bottom = bottom;
  }
}
