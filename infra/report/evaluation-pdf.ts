/**
 * The SOP 14 evaluation report as a PDF for the Kabid's coordination meeting, in Bahasa Indonesia:
 * letterhead and key figures, the summary per service with charts (median vs target, share within
 * target), per OPD and per month, where the time goes, every case, incidents, generated observations,
 * the method, and the signature block of the first approver in the stack configuration.
 */
import type { Approver, Organisation } from "../core/config/site";
import { calendarText, type Evaluation, minutesText, percentText } from "../core/evaluate/evaluation";
import { INCIDENT_LABELS, METHOD } from "../core/evaluate/markdown";
import { MONTHS_ID } from "../core/evaluate/period";
import type { GroupStats } from "../core/evaluate/stats";
import { STEP_LABELS, STEPS, TARGETS } from "../core/evaluate/targets";
import {
  barChart, bullets, COLOR, contentWidth, createDocument, type Doc, FONT, heading, letterhead, pageNumbers, paragraph, stackedBars, table, toBuffer,
} from "./pdf";

export interface EvaluationPdfContext {
  organisation?: Organisation;
  approvers: Approver[];
  /** The instant the data stands at (the main commit's date): the document's date, never the clock. */
  asOf: Date;
  /** "main 1a2b3c4d5e6f (…) · arsip 9f8e7d6c5b4a" */
  source: string;
  /** Skipped inputs, shown in the method section. */
  notes: string[];
}

/** "30 September 2026" for a `YYYY-MM-DD`. */
export const longDate = (d: string) => `${Number(d.slice(8, 10))} ${MONTHS_ID[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
const jakartaDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

const within = (g: GroupStats) => (g.completed ? `${g.withinTarget}/${g.completed} (${percentText(g.share)})` : "-");
const STEP_COLORS = ["#8fb3d9", "#e0a458", "#1f5f99", "#6aa84f"];

function keyFigures(doc: Doc, ev: Evaluation): void {
  const figures: [string, string][] = [
    ["Permintaan", String(ev.total.count)],
    ["Selesai", String(ev.total.completed)],
    ["Dalam target", ev.total.completed ? `${ev.total.withinTarget} (${percentText(ev.total.share)})` : "-"],
    ["Insiden", String(ev.incidents.length)],
  ];
  const x0 = doc.page.margins.left;
  const w = contentWidth(doc);
  const boxW = (w - 3 * 10) / 4;
  const y = doc.y;
  figures.forEach(([label, value], i) => {
    const x = x0 + i * (boxW + 10);
    doc.save().lineWidth(0.8).roundedRect(x, y, boxW, 52, 4).stroke(COLOR.rule).restore();
    doc.font(FONT.bold).fontSize(16).fillColor(COLOR.bar).text(value, x, y + 8, { width: boxW, align: "center" });
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.muted).text(label, x, y + 33, { width: boxW, align: "center" });
  });
  doc.fillColor(COLOR.text);
  doc.x = x0;
  doc.y = y + 66;
}

function titlePage(doc: Doc, ev: Evaluation, ctx: EvaluationPdfContext): void {
  letterhead(doc, ctx.organisation);
  const w = contentWidth(doc);
  const x = doc.page.margins.left;
  doc.moveDown(1.5);
  doc.font(FONT.bold).fontSize(16).text("LAPORAN EVALUASI LAYANAN PUSAT DATA", x, doc.y, { width: w, align: "center" });
  doc.font(FONT.regular).fontSize(11).text("Pelaksanaan SOP 14 — Evaluasi Layanan Pusat Data", { width: w, align: "center" });
  doc.moveDown(0.4);
  doc.font(FONT.bold).fontSize(13).text(ev.period.label, { width: w, align: "center" });
  doc.font(FONT.regular).fontSize(10).text(`${longDate(ev.period.from)} s.d. ${longDate(ev.period.to)}`, { width: w, align: "center" });
  doc.moveDown(1.5);
  keyFigures(doc, ev);
  table(
    doc,
    [{ header: "Keterangan", width: 1 }, { header: "", width: 2.6 }],
    [
      ["Bahan rapat", "Rapat koordinasi evaluasi layanan pusat data"],
      ["Stack", ev.stack],
      ["Sumber data", ctx.source],
      ["Data per tanggal", longDate(jakartaDay(ctx.asOf))],
      ["Satuan waktu", "menit kerja menurut kalender kantor (WIB, jam kerja, istirahat dan hari libur di konfigurasi stack)"],
    ],
    { size: 9 },
  );
  heading(doc, "Pengamatan utama", 11);
  bullets(doc, ev.observations.slice(0, 3));
}

function summary(doc: Doc, ev: Evaluation): void {
  heading(doc, "1. Ringkasan per layanan terhadap target SOP");
  if (!ev.services.length) {
    paragraph(doc, "Tidak ada permintaan dengan target SOP dalam periode ini.");
    return;
  }
  table(
    doc,
    [
      { header: "Layanan", width: 2.0 },
      { header: "Target", width: 0.85, align: "right" },
      { header: "Jml", width: 0.6, align: "right" },
      { header: "Selesai", width: 0.9, align: "right" },
      { header: "Median", width: 0.9, align: "right" },
      { header: "P90", width: 0.75, align: "right" },
      { header: "Median kalender", width: 1.15, align: "right" },
      { header: "Dalam target", width: 1.05, align: "right" },
      { header: "Langkah terlama", width: 1.8 },
    ],
    ev.services.map((s) => [s.label, minutesText(s.target), String(s.count), String(s.completed), minutesText(s.median), minutesText(s.p90), calendarText(s.medianCalendar), within(s), s.longestStep ? STEP_LABELS[s.longestStep] : "-"]),
    { size: 8 },
  );
  paragraph(doc, "Target, median dan P90 dalam menit kerja; median kalender dalam hari (hr), jam (j) dan menit (mnt).", { size: 8, color: COLOR.muted });
  doc.moveDown(0.8);
  const done = ev.services.filter((s) => s.completed);
  if (done.length) {
    barChart(
      doc,
      done.map((s) => ({
        label: s.label,
        value: s.median!,
        valueText: `${minutesText(s.median)} mnt`,
        color: s.median! <= s.target ? COLOR.good : COLOR.bad,
        reference: { value: s.target, text: `target ${minutesText(s.target)}` },
      })),
      {
        title: "Median waktu penyelesaian dibanding target (menit kerja)",
        legend: [
          { color: COLOR.good, text: "median dalam target" },
          { color: COLOR.bad, text: "median melewati target" },
          { color: COLOR.target, text: "target SOP" },
        ],
      },
    );
    barChart(
      doc,
      done.map((s) => ({ label: s.label, value: (s.share ?? 0) * 100, valueText: `${percentText(s.share)} (${s.withinTarget}/${s.completed})`, color: COLOR.bar })),
      { title: "Bagian permintaan yang selesai dalam target", max: 100 },
    );
  }
}

function groups(doc: Doc, ev: Evaluation): void {
  const cols = (first: string) => [
    { header: first, width: 2.9 },
    { header: "Jumlah", width: 0.85, align: "right" as const },
    { header: "Selesai", width: 0.85, align: "right" as const },
    { header: "Median", width: 0.9, align: "right" as const },
    { header: "P90", width: 0.9, align: "right" as const },
    { header: "Dalam target", width: 1.2, align: "right" as const },
    { header: "Langkah terlama", width: 1.7 },
  ];
  const row = (name: string, g: GroupStats) => [name, String(g.count), String(g.completed), minutesText(g.median), minutesText(g.p90), within(g), g.longestStep ? STEP_LABELS[g.longestStep] : "-"];
  heading(doc, "2. Per Perangkat Daerah (OPD)");
  if (ev.opds.length) table(doc, cols("OPD"), ev.opds.map((o) => row(o.opd, o)));
  else paragraph(doc, "Tidak ada permintaan.");
  heading(doc, "3. Per bulan");
  table(doc, cols("Bulan"), [...ev.months.map((m) => row(m.label, m)), row("Seluruh periode", ev.total)], { bold: [ev.months.length] });
}

function timeSpent(doc: Doc, ev: Evaluation): void {
  const done = ev.services.filter((s) => s.completed);
  heading(doc, "4. Ke mana waktu habis", 13, 80 + done.length * 16);
  if (!done.length) {
    paragraph(doc, "Belum ada permintaan yang selesai.");
    return;
  }
  paragraph(doc, "Jumlah menit kerja tiap langkah atas permintaan yang selesai, dan bagiannya dari total layanan itu.", { size: 9 });
  doc.moveDown(0.4);
  stackedBars(
    doc,
    "Bagian waktu per langkah",
    done.map((s) => ({ label: s.label, segments: STEPS.map((st, i) => ({ value: s.stepMinutes[st], color: STEP_COLORS[i]! })) })),
    STEPS.map((st, i) => ({ color: STEP_COLORS[i]!, text: STEP_LABELS[st] })),
  );
  table(
    doc,
    [{ header: "Layanan", width: 2.2 }, ...STEPS.map((st) => ({ header: STEP_LABELS[st], width: 1.3, align: "right" as const }))],
    done.map((s) => {
      const sum = STEPS.reduce((n, st) => n + s.stepMinutes[st], 0);
      return [s.label, ...STEPS.map((st) => `${minutesText(s.stepMinutes[st])} (${percentText(sum ? s.stepMinutes[st] / sum : null)})`)];
    }),
  );
}

function cases(doc: Doc, ev: Evaluation): void {
  heading(doc, "5. Rincian permintaan");
  if (!ev.cases.length) {
    paragraph(doc, "Tidak ada permintaan.");
    return;
  }
  table(
    doc,
    [
      // widths measured at 7.5 pt: a date, "melewati target" and the "Target" heading stay on one line
      { header: "Permintaan", width: 1.2 },
      { header: "Layanan", width: 1.8 },
      { header: "OPD", width: 1.5 },
      { header: "PR", width: 0.45, align: "right" },
      { header: "Digabung", width: 1.1 },
      { header: "Menit kerja", width: 0.75, align: "right" },
      { header: "Waktu kalender", width: 1.1, align: "right" },
      { header: "Target", width: 0.75, align: "right" },
      { header: "Status", width: 1.4 },
    ],
    ev.cases.map((c) => [
      c.id,
      TARGETS[c.service].label,
      c.opd,
      c.pullRequest === null ? "-" : `#${c.pullRequest}`,
      c.date,
      minutesText(c.workingMinutes),
      calendarText(c.calendarMinutes),
      minutesText(c.target),
      c.workingMinutes === null ? "belum selesai" : c.withinTarget ? "dalam target" : "melewati target",
    ]),
    { size: 7.5 },
  );
}

function incidents(doc: Doc, ev: Evaluation): void {
  heading(doc, "6. Insiden");
  if (!ev.incidents.length) {
    paragraph(doc, "Tidak ada insiden tercatat (penerapan gagal, verifikasi gagal, temuan pemantauan) dalam periode ini.");
    return;
  }
  table(
    doc,
    [{ header: "Tanggal", width: 1 }, { header: "Jenis", width: 1.2 }, { header: "Tentang", width: 1.5 }, { header: "Keterangan", width: 3.3 }],
    ev.incidents.map((i) => [i.date, INCIDENT_LABELS[i.type], i.subject, i.detail]),
  );
}

function closing(doc: Doc, ev: Evaluation, ctx: EvaluationPdfContext): void {
  heading(doc, "7. Pengamatan");
  bullets(doc, ev.observations);
  heading(doc, "8. Cara menghitung");
  bullets(doc, [...METHOD, ...TARGET_LINES, ...ctx.notes.map((n) => `Dilewati: ${n}`)], 8.5);
  const signer = ctx.approvers[0];
  if (!signer) return;
  const x = doc.page.margins.left + contentWidth(doc) * 0.55;
  const w = contentWidth(doc) * 0.45;
  if (doc.y + 130 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(1.5);
  const city = ctx.organisation?.city ?? "";
  doc.font(FONT.regular).fontSize(10).text(`${city ? `${city}, ` : ""}${longDate(jakartaDay(ctx.asOf))}`, x, doc.y, { width: w });
  doc.text(signer.position, x, doc.y, { width: w });
  doc.moveDown(3.5);
  doc.font(FONT.bold).text(signer.name, x, doc.y, { width: w, underline: true });
  doc.font(FONT.regular).text(`NIP ${signer.nip}`, x, doc.y, { width: w });
}

const TARGET_LINES = Object.values(TARGETS).map((t) => `Target ${t.label}: ${minutesText(t.minutes)} menit kerja (${t.basis}).`);

export async function evaluationPdf(ev: Evaluation, ctx: EvaluationPdfContext): Promise<Buffer> {
  const title = `Laporan Evaluasi Layanan Pusat Data — ${ev.period.label}`;
  const doc = createDocument({
    title,
    subject: "SOP 14 Evaluasi Layanan Pusat Data",
    author: ctx.organisation?.agency ?? "pusdat",
    keywords: `pusdat, evaluasi, ${ev.period.id}, ${ev.stack}`,
    date: ctx.asOf,
  });
  titlePage(doc, ev, ctx);
  doc.addPage();
  summary(doc, ev);
  groups(doc, ev);
  timeSpent(doc, ev);
  cases(doc, ev);
  incidents(doc, ev);
  closing(doc, ev, ctx);
  pageNumbers(doc, title);
  return toBuffer(doc);
}
