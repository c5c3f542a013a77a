/** Lays a DocumentModel out as a PDF: the kop surat, the head of a letter or berita acara, the body, signatures. */
import type { Block, DocumentModel, LetterHead, MinutesHead, Signer } from "./model";
import { drawFooters, drawLetterhead, drawText, FONT, newPdf, PAGE, pdfBytes, TEXT_WIDTH, textHeight } from "./pdf";

const SIZE = 11;
const GAP = 6;
const PARA = { align: "justify", lineGap: 1.5 } as const;
type Doc = PDFKit.PDFDocument;

function ensure(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.height - PAGE.bottom) {
    doc.addPage();
    doc.y = PAGE.top;
  }
}

/** Label : value rows; the value wraps under itself. */
function fields(doc: Doc, rows: [string, string][], x: number, width: number, labelWidth: number): void {
  doc.font(FONT.regular).fontSize(SIZE);
  const vx = x + labelWidth + 10;
  const vw = width - labelWidth - 10;
  for (const [label, value] of rows) {
    ensure(doc, textHeight(doc, value, vw));
    const y = doc.y;
    doc.text(label, x, y, { lineBreak: false });
    doc.text(":", x + labelWidth, y, { lineBreak: false });
    doc.y = drawText(doc, value, vx, y, vw) + 1.5;
  }
  doc.x = PAGE.left;
}

function labelWidthOf(doc: Doc, rows: [string, string][], max: number): number {
  doc.font(FONT.regular).fontSize(SIZE);
  return Math.min(max, Math.max(...rows.map(([l]) => doc.widthOfString(l))) + 4);
}

function table(doc: Doc, b: Extract<Block, { t: "table" }>): void {
  const widths = b.widths.map((f) => f * TEXT_WIDTH);
  const pad = 4;
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(SIZE - 1);
    const h = Math.max(...cells.map((c, i) => textHeight(doc, c, widths[i]! - 2 * pad))) + 2 * pad;
    ensure(doc, h);
    const y = doc.y;
    let x = PAGE.left;
    if (bold) doc.save().rect(PAGE.left, y, TEXT_WIDTH, h).fill("#e8e8e8").restore();
    cells.forEach((c, i) => {
      doc.save().lineWidth(0.6).rect(x, y, widths[i]!, h).stroke().restore();
      doc.fillColor("black");
      drawText(doc, c, x + pad, y + pad, widths[i]! - 2 * pad, { align: bold ? "center" : "left" });
      x += widths[i]!;
    });
    doc.y = y + h;
  };
  row(b.head, true);
  for (const r of b.rows) row(r, false);
  doc.x = PAGE.left;
  doc.y += GAP;
}

function block(doc: Doc, b: Block): void {
  doc.font(FONT.regular).fontSize(SIZE);
  switch (b.t) {
    case "para":
      ensure(doc, doc.currentLineHeight(true) * 2);
      drawText(doc, b.text, PAGE.left, doc.y, TEXT_WIDTH, PARA);
      doc.y += GAP;
      return;
    case "heading":
      ensure(doc, doc.currentLineHeight(true) * 3);
      doc.font(FONT.bold);
      drawText(doc, b.text, PAGE.left, doc.y + 2, TEXT_WIDTH);
      doc.y += 3;
      return;
    case "fields": {
      const indent = b.indent ? 18 : 0;
      fields(doc, b.rows, PAGE.left + indent, TEXT_WIDTH - indent, labelWidthOf(doc, b.rows, 175));
      doc.y += GAP;
      return;
    }
    case "list":
      b.items.forEach((item, n) => {
        ensure(doc, textHeight(doc, item, TEXT_WIDTH - 22, PARA));
        const y = doc.y;
        doc.text(`${n + 1}.`, PAGE.left + 4, y, { lineBreak: false });
        doc.y = drawText(doc, item, PAGE.left + 22, y, TEXT_WIDTH - 22, PARA) + 2;
      });
      doc.x = PAGE.left;
      doc.y += GAP;
      return;
    case "table":
      table(doc, b);
  }
}

function letterHead(doc: Doc, h: LetterHead): void {
  doc.font(FONT.regular).fontSize(SIZE);
  drawText(doc, h.place, PAGE.left + TEXT_WIDTH * 0.55, doc.y, TEXT_WIDTH * 0.45);
  doc.y += 8;
  fields(doc, h.fields, PAGE.left, TEXT_WIDTH * 0.82, labelWidthOf(doc, h.fields, 80));
  doc.y += 12;
  for (const line of h.to) drawText(doc, line, PAGE.left + (line.startsWith(" ") ? 18 : 0), doc.y, TEXT_WIDTH);
  doc.y += 16;
}

function minutesHead(doc: Doc, h: MinutesHead): void {
  doc.font(FONT.bold).fontSize(12.5);
  drawText(doc, h.title, PAGE.left, doc.y, TEXT_WIDTH, { align: "center", underline: true });
  doc.font(FONT.regular).fontSize(SIZE);
  drawText(doc, `Nomor: ${h.nomor}`, PAGE.left, doc.y + 2, TEXT_WIDTH, { align: "center" });
  doc.y += 14;
}

const SIGN_SPACE = 58;

function signerHeight(doc: Doc, s: Signer, width: number): number {
  doc.font(FONT.regular).fontSize(SIZE);
  return s.role.reduce((a, l) => a + textHeight(doc, l, width), 0) + SIGN_SPACE + 4 + doc.currentLineHeight(true) * 2;
}

function signer(doc: Doc, s: Signer, x: number, y: number, width: number): number {
  doc.font(FONT.regular).fontSize(SIZE);
  let cy = y;
  for (const line of s.role) cy = drawText(doc, line, x, cy, width, { align: "center" });
  cy += SIGN_SPACE;
  if (s.name) {
    doc.font(FONT.bold);
    cy = drawText(doc, s.name, x, cy, width, { align: "center", underline: true });
  } else cy = drawText(doc, "(.......................................)", x, cy, width, { align: "center" });
  doc.font(FONT.regular);
  if (s.nip !== undefined) cy = drawText(doc, s.nip ? `NIP ${s.nip}` : "NIP ...................................", x, cy, width, { align: "center" });
  return cy;
}

const COL = (m: DocumentModel) => TEXT_WIDTH * (m.signers.length === 1 ? 0.55 : 0.48);

function signerRows(m: DocumentModel): Signer[][] {
  return m.signers.length === 1 ? [[m.signers[0]!]] : [m.signers.slice(0, 2), ...(m.signers[2] ? [[m.signers[2]]] : [])];
}

/** The height of the first row of signatures with the place and date above it. */
function signaturesHeight(doc: Doc, m: DocumentModel): number {
  return Math.max(...signerRows(m)[0]!.map((s) => signerHeight(doc, s, COL(m)))) + (m.signedAt ? 20 : 0) + 8;
}

function signatures(doc: Doc, m: DocumentModel): void {
  const col = COL(m);
  const rightX = PAGE.left + TEXT_WIDTH - col;
  ensure(doc, signaturesHeight(doc, m));
  doc.y += 8;
  if (m.signedAt) {
    doc.font(FONT.regular).fontSize(SIZE);
    doc.y = drawText(doc, m.signedAt, rightX, doc.y, col, { align: "center" }) + 4;
  }
  for (const row of signerRows(m)) {
    ensure(doc, Math.max(...row.map((s) => signerHeight(doc, s, col))));
    const y = doc.y;
    let end = y;
    if (row.length === 1) end = signer(doc, row[0]!, m.signers.length === 1 ? rightX : PAGE.left + (TEXT_WIDTH - col) / 2, y, col);
    else row.forEach((s, i) => (end = Math.max(end, signer(doc, s, i === 0 ? PAGE.left : rightX, y, col))));
    doc.y = end + 18;
  }
}

export async function renderPdf(m: DocumentModel): Promise<Buffer> {
  const doc = newPdf({ title: m.title, subject: m.subject, author: `${m.letterhead.agency}, ${m.letterhead.government}`, date: m.date });
  drawLetterhead(doc, m.letterhead);
  if (m.head.kind === "surat") letterHead(doc, m.head);
  else minutesHead(doc, m.head);
  const last = m.blocks[m.blocks.length - 1];
  for (const b of m.blocks.slice(0, -1)) block(doc, b);
  if (last) {
    // The closing sentence stays on the page of the signatures: a signature alone on a page is not signed.
    doc.font(FONT.regular).fontSize(SIZE);
    const closing = last.t === "para" ? textHeight(doc, last.text, TEXT_WIDTH, PARA) + GAP : 0;
    ensure(doc, closing + signaturesHeight(doc, m));
    block(doc, last);
  }
  signatures(doc, m);
  drawFooters(doc, m.footer);
  return pdfBytes(doc);
}
