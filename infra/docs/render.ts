/** Lays a DocumentModel out as a PDF: the kop surat, the head of a letter or berita acara, the body, signatures. */
import type { Block, DocumentModel, LetterHead, MinutesHead, Signer } from "./model";
import { drawFooters, drawLetterhead, FONT, newPdf, PAGE, pdfBytes, TEXT_WIDTH } from "./pdf";

const SIZE = 11;
const GAP = 6;
type Doc = PDFKit.PDFDocument;

const bottomLimit = () => PAGE.height - PAGE.bottom;

function ensure(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit()) {
    doc.addPage();
    doc.y = PAGE.top;
  }
}

/** Label : value rows; the value wraps under itself. */
function fields(doc: Doc, rows: [string, string][], x: number, width: number, labelWidth: number): void {
  doc.font(FONT.regular).fontSize(SIZE);
  for (const [label, value] of rows) {
    const vx = x + labelWidth + 10;
    const h = doc.heightOfString(value, { width: width - labelWidth - 10 });
    ensure(doc, h);
    const y = doc.y;
    doc.text(label, x, y, { width: labelWidth, lineBreak: false });
    doc.text(":", x + labelWidth, y, { lineBreak: false });
    doc.text(value, vx, y, { width: width - labelWidth - 10 });
    doc.y = Math.max(doc.y, y + h) + 1.5;
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
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    ensure(doc, h);
    const y = doc.y;
    let x = PAGE.left;
    if (bold) doc.save().rect(PAGE.left, y, TEXT_WIDTH, h).fill("#e8e8e8").restore();
    cells.forEach((c, i) => {
      doc.save().lineWidth(0.6).rect(x, y, widths[i]!, h).stroke().restore();
      doc.fillColor("black").text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: bold ? "center" : "left" });
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
      ensure(doc, doc.currentLineHeight() * 2);
      doc.text(b.text, PAGE.left, doc.y, { width: TEXT_WIDTH, align: "justify", lineGap: 1.5 });
      doc.y += GAP;
      return;
    case "heading":
      ensure(doc, doc.currentLineHeight() * 3);
      doc.font(FONT.bold).text(b.text, PAGE.left, doc.y + 2, { width: TEXT_WIDTH });
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
        const h = doc.heightOfString(item, { width: TEXT_WIDTH - 22 });
        ensure(doc, h);
        const y = doc.y;
        doc.text(`${n + 1}.`, PAGE.left + 4, y, { lineBreak: false });
        doc.text(item, PAGE.left + 22, y, { width: TEXT_WIDTH - 22, align: "justify", lineGap: 1.5 });
        doc.y += 2;
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
  const right = PAGE.left + TEXT_WIDTH * 0.55;
  doc.text(h.place, right, doc.y, { width: TEXT_WIDTH * 0.45 });
  doc.y += 8;
  fields(doc, h.fields, PAGE.left, TEXT_WIDTH * 0.82, labelWidthOf(doc, h.fields, 80));
  doc.y += 12;
  for (const line of h.to) doc.text(line, PAGE.left, doc.y, { width: TEXT_WIDTH });
  doc.y += 16;
}

function minutesHead(doc: Doc, h: MinutesHead): void {
  doc.font(FONT.bold).fontSize(12.5).text(h.title, PAGE.left, doc.y, { width: TEXT_WIDTH, align: "center", underline: true });
  doc.font(FONT.regular).fontSize(SIZE).text(`Nomor: ${h.nomor}`, PAGE.left, doc.y + 2, { width: TEXT_WIDTH, align: "center" });
  doc.y += 14;
}

function signerHeight(doc: Doc, s: Signer, width: number): number {
  doc.font(FONT.regular).fontSize(SIZE);
  const role = s.role.reduce((a, l) => a + doc.heightOfString(l, { width }), 0);
  return role + 62 + doc.currentLineHeight() * 2;
}

function signer(doc: Doc, s: Signer, x: number, y: number, width: number): number {
  doc.font(FONT.regular).fontSize(SIZE);
  let cy = y;
  for (const line of s.role) {
    doc.text(line, x, cy, { width, align: "center" });
    cy = doc.y;
  }
  cy += 58;
  if (s.name) doc.font(FONT.bold).text(s.name, x, cy, { width, align: "center", underline: true });
  else doc.font(FONT.regular).text("(.......................................)", x, cy, { width, align: "center" });
  cy = doc.y;
  if (s.nip !== undefined) doc.font(FONT.regular).text(s.nip ? `NIP ${s.nip}` : "NIP ...................................", x, cy, { width, align: "center" });
  return doc.y;
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
  const leftX = PAGE.left;
  const rightX = PAGE.left + TEXT_WIDTH - col;
  const rows = signerRows(m);
  ensure(doc, signaturesHeight(doc, m));
  doc.y += 8;
  if (m.signedAt) {
    doc.font(FONT.regular).fontSize(SIZE).text(m.signedAt, rightX, doc.y, { width: col, align: "center" });
    doc.y += 4;
  }
  for (const row of rows) {
    const h = Math.max(...row.map((s) => signerHeight(doc, s, col)));
    ensure(doc, h);
    const y = doc.y;
    let end = y;
    if (row.length === 1) end = signer(doc, row[0]!, m.signers.length === 1 ? rightX : PAGE.left + (TEXT_WIDTH - col) / 2, y, col);
    else row.forEach((s, i) => (end = Math.max(end, signer(doc, s, i === 0 ? leftX : rightX, y, col))));
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
    const closing = last.t === "para" ? doc.heightOfString(last.text, { width: TEXT_WIDTH, lineGap: 1.5 }) + GAP : 0;
    ensure(doc, closing + signaturesHeight(doc, m));
    block(doc, last);
  }
  signatures(doc, m);
  drawFooters(doc, m.footer);
  return pdfBytes(doc);
}
