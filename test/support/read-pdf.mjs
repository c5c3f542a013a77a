// Reads PDFs (base64, a JSON list on stdin) and prints their text and metadata as JSON. Run as a
// separate node process: pdf.js loads its worker by dynamic import, which jest's module sandbox refuses.
import { PDFParse } from "pdf-parse";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const b64 of JSON.parse(input)) {
  const p = new PDFParse({ data: new Uint8Array(Buffer.from(b64, "base64")) });
  try {
    const t = await p.getText();
    const info = await p.getInfo();
    out.push({ text: t.text, pages: t.total, pageTexts: t.pages.map((pg) => pg.text), info: info.info });
  } finally {
    await p.destroy();
  }
}
process.stdout.write(JSON.stringify(out));
