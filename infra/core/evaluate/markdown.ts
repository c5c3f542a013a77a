/** The evaluation as markdown in Bahasa Indonesia (`pusdat evaluate`, the default output). */
import type { Case } from "./cases";
import { calendarText, type Evaluation, minutesText, percentText } from "./evaluation";
import type { Incident } from "./incidents";
import type { GroupStats } from "./stats";
import { type Step, STEP_LABELS, STEPS, TARGETS } from "./targets";

export const INCIDENT_LABELS: Record<Incident["type"], string> = {
  "apply-failed": "penerapan gagal",
  "verify-failed": "verifikasi gagal",
  monitoring: "pemantauan",
};

/** The rules of the computation, said once for every output. */
export const METHOD: string[] = [
  "Waktu dihitung dalam menit kerja menurut kalender kantor di konfigurasi stack (WIB, jam kerja, istirahat, hari libur); waktu kalender ditampilkan sebagai pembanding.",
  "Nota Dinas dihitung sejak jam buka kantor pada tanggalnya (07.30 WIB Senin–Kamis, 06.30 WIB Jumat pada kalender bawaan; 07.30 WIB bila tanggalnya hari libur).",
  "Perubahan (penambahan resource) dihitung dari Nota Dinas hanya bila tanggal Nota Dinas diganti; bila tidak, dari saat PR dibuka.",
  "Disetujui = persetujuan pertama oleh pejabat di pusdat:approvers (selain pembuat PR); bila tidak ada, saat PR digabungkan. Perubahan tanpa PR (push langsung ke main) dihitung sejak masuk main.",
  "Selesai = verifikasi setelah penerapan berhasil (atau penerapan berhasil bila tidak ada verifikasi). VPS PDN selesai saat perubahan yang menetapkan status active diterapkan.",
  "Target VPS PDN: 30 + 60 + 120 menit ditambah 4 hari (1 hari penilaian + 3 hari penyediaan), 1 hari = 450 menit kerja; penambahan resource PDN 4 hari.",
  "Median: nilai tengah (rata-rata dua nilai tengah bila jumlahnya genap). P90: metode peringkat terdekat, nilai ke-⌈0,9 × n⌉ dari yang terurut.",
  "Permintaan masuk periode menurut tanggal PR digabungkan (WIB).",
];

const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
const within = (g: GroupStats) => (g.completed ? `${g.withinTarget} dari ${g.completed} (${percentText(g.share)})` : "-");
const stepText = (s: Step | null) => (s ? STEP_LABELS[s] : "-");

function statsRow(name: string, g: GroupStats): string {
  return row([name, String(g.count), String(g.completed), minutesText(g.median), minutesText(g.p90), within(g), stepText(g.longestStep)]);
}

const STATS_HEAD = [row(["", "Jumlah", "Selesai", "Median", "P90", "Dalam target", "Langkah terlama"]), "|---|---:|---:|---:|---:|---|---|"];

const caseStatus = (c: Case) => (c.workingMinutes === null ? "belum selesai" : c.withinTarget ? "dalam target" : "melewati target");

export function formatMarkdown(ev: Evaluation): string {
  const L: string[] = [];
  L.push(`# Evaluasi Layanan Pusat Data — ${ev.period.label}`, "");
  L.push(`Stack: ${ev.stack} · Periode: ${ev.period.from} s.d. ${ev.period.to} · Permintaan: ${ev.total.count} · Selesai: ${ev.total.completed} · Insiden: ${ev.incidents.length}`, "");
  L.push("## Ringkasan per layanan", "");
  if (ev.services.length) {
    L.push(row(["Layanan", "Target (menit kerja)", "Jumlah", "Selesai", "Median", "P90", "Median kalender", "Dalam target", "Langkah terlama"]));
    L.push("|---|---:|---:|---:|---:|---:|---:|---|---|");
    for (const s of ev.services) {
      L.push(row([s.label, minutesText(s.target), String(s.count), String(s.completed), minutesText(s.median), minutesText(s.p90), calendarText(s.medianCalendar), within(s), stepText(s.longestStep)]));
    }
  } else L.push("Tidak ada permintaan dengan target SOP dalam periode ini.");
  L.push("", "Median, P90 dan target dalam menit kerja.", "");
  L.push("## Per OPD", "");
  if (ev.opds.length) {
    L.push(STATS_HEAD[0]!.replace("|  |", "| OPD |"), STATS_HEAD[1]!);
    for (const o of ev.opds) L.push(statsRow(o.opd, o));
  } else L.push("Tidak ada.");
  L.push("", "## Per bulan", "");
  L.push(STATS_HEAD[0]!.replace("|  |", "| Bulan |"), STATS_HEAD[1]!);
  for (const m of ev.months) L.push(statsRow(m.label, m));
  L.push("", "## Ke mana waktu habis", "");
  if (ev.services.some((s) => s.completed)) {
    L.push(row(["Layanan", ...STEPS.map((s) => STEP_LABELS[s])]), `|---|${STEPS.map(() => "---:").join("|")}|`);
    for (const s of ev.services.filter((x) => x.completed)) {
      const sum = STEPS.reduce((n, st) => n + s.stepMinutes[st], 0);
      L.push(row([s.label, ...STEPS.map((st) => `${minutesText(s.stepMinutes[st])} (${percentText(sum ? s.stepMinutes[st] / sum : null)})`)]));
    }
    L.push("", "Jumlah menit kerja tiap langkah atas permintaan yang selesai (bagian dari total).");
  } else L.push("Belum ada permintaan yang selesai.");
  L.push("", "## Rincian permintaan", "");
  if (ev.cases.length) {
    L.push(row(["Permintaan", "Layanan", "OPD", "PR", "Digabung", "Menit kerja", "Waktu kalender", "Target", "Status"]));
    L.push("|---|---|---|---:|---|---:|---:|---:|---|");
    for (const c of ev.cases) {
      L.push(row([c.id, TARGETS[c.service].label, c.opd, c.pullRequest === null ? "-" : `#${c.pullRequest}`, c.date, minutesText(c.workingMinutes), calendarText(c.calendarMinutes), minutesText(c.target), caseStatus(c)]));
    }
  } else L.push("Tidak ada.");
  L.push("", "## Insiden", "");
  if (ev.incidents.length) {
    L.push(row(["Tanggal", "Jenis", "Tentang", "Keterangan"]), "|---|---|---|---|");
    for (const i of ev.incidents) L.push(row([i.date, INCIDENT_LABELS[i.type], i.subject, i.detail]));
  } else L.push("Tidak ada insiden tercatat.");
  L.push("", "## Pengamatan", "");
  for (const o of ev.observations) L.push(`- ${o}`);
  L.push("", "## Cara menghitung", "");
  for (const m of METHOD) L.push(`- ${m}`);
  return `${L.join("\n")}\n`;
}
