// Prints the text of each page of a PDF as a JSON array (pdf-parse). A separate process because
// pdf.js loads its worker with a dynamic import, which jest's CommonJS sandbox does not allow.
import fs from "node:fs";
import { PDFParse } from "pdf-parse";

const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(process.argv[2])) });
try {
  const info = await parser.getInfo();
  const text = await parser.getText();
  process.stdout.write(JSON.stringify({ pages: text.pages.map((p) => p.text), title: info.info?.Title ?? null }));
} finally {
  await parser.destroy();
}
