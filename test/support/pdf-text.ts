/** The text of PDFs as their lines, and their metadata, read back with pdf-parse (pdf.js) in a child node process. */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

export interface PdfText {
  lines: string[];
  info: Record<string, unknown>;
  pages: number;
  /** The text of each page, in order. */
  pageTexts: string[];
}

export function pdfTexts(pdfs: Buffer[]): PdfText[] {
  const r = spawnSync(process.execPath, [path.join(__dirname, "read-pdf.mjs")], {
    input: JSON.stringify(pdfs.map((b) => b.toString("base64"))),
    encoding: "utf8",
    maxBuffer: 1 << 28,
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`read-pdf.mjs failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { text: string; pages: number; pageTexts: string[]; info: Record<string, unknown> }[]).map((t) => ({
    lines: t.text.split("\n").filter((l) => l.trim() && !/^-- \d+ of \d+ --$/.test(l)),
    info: t.info,
    pages: t.pages,
    pageTexts: t.pageTexts,
  }));
}

export const pdfLines = (pdf: Buffer): PdfText => pdfTexts([pdf])[0]!;
