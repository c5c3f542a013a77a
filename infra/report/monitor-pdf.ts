/**
 * "Laporan Data Back Up dan Monitoring" (SOP 2, 5, 8, 12): the letterhead, the round's summary, the
 * status of every service, the findings and the --heal actions. Deterministic: the date comes from
 * the report, not the clock.
 */
import type { Organisation } from "../core/config/site";
import { healLine, KIND_LABEL, summaryLine } from "../core/monitor/format";
import type { MonitorReport } from "../core/monitor/types";
import { bullets, createDocument, heading, letterhead, pageNumbers, paragraph, table, toBuffer } from "./pdf";

export const MONITOR_TITLE = "Laporan Data Back Up dan Monitoring";
const STATUS = { ok: "Normal", warning: "Peringatan", error: "Galat" } as const;

export function monitorPdf(r: MonitorReport, organisation: Organisation | undefined): Promise<Buffer> {
  const doc = createDocument({ title: MONITOR_TITLE, subject: `Pemantauan layanan stack ${r.stack}`, author: organisation?.agency ?? "pusdat", keywords: "pemantauan, cadangan, SOP 2, SOP 5, SOP 8, SOP 12", date: new Date(r.at) });
  letterhead(doc, organisation);
  heading(doc, MONITOR_TITLE.toUpperCase(), 13);
  paragraph(doc, `Stack ${r.stack}; waktu pemantauan ${r.at} (UTC).`);
  paragraph(doc, `Ringkasan: ${summaryLine(r)}.`);
  heading(doc, "Status layanan", 11);
  table(
    doc,
    [
      { header: "Jenis", width: 14 },
      { header: "ID", width: 18 },
      { header: "Status", width: 12 },
      { header: "Keterangan", width: 56 },
    ],
    r.targets.map((t) => [KIND_LABEL[t.kind], t.id, STATUS[t.status], t.summary]),
  );
  heading(doc, "Temuan", 11);
  if (r.findings.length) bullets(doc, r.findings.map((f) => `${f.severity === "error" ? "Galat" : "Peringatan"} — ${KIND_LABEL[f.kind]} ${f.id}: ${f.message}`));
  else paragraph(doc, "Tidak ada temuan: semua layanan normal.");
  heading(doc, "Tindakan pemulihan (--heal)", 11);
  if (r.heal.length) bullets(doc, r.heal.map(healLine));
  else paragraph(doc, "Tidak ada tindakan pemulihan otomatis pada putaran ini.");
  pageNumbers(doc, `${MONITOR_TITLE} — ${r.at.slice(0, 10)}`);
  return toBuffer(doc);
}
