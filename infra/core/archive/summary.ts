/**
 * The outcome of an applied change in Bahasa Indonesia (Markdown), from its archive record: the
 * comment on the merged pull request and the workflow's summary. Only what the record holds, so no
 * secret can appear; a failed apply or access test is said first, with what failed.
 */
import { type ArchiveRecord, recordPath } from "./record";

const HASIL = { passed: "berhasil", failed: "GAGAL", skipped: "tidak diuji" } as const;
const CHANGE = { create: "baru", update: "diubah", decommission: "dihentikan", remove: "dihapus" } as const;
const DOC = { "berita-acara": "Berita Acara", "nota-dinas-balasan": "Nota Dinas Balasan", "perjanjian-api": "Perjanjian Penggunaan API" } as const;

/** Whether the change needs attention: the apply failed or an access test failed. */
export const recordFails = (r: ArchiveRecord) => r.apply.result === "failed" || r.requests.some((q) => q.verify.result === "failed");

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ");

export function recordSummary(r: ArchiveRecord, numbers: Record<string, string> = {}): string {
  const c12 = r.commit.slice(0, 12);
  const failedChecks = r.requests.flatMap((q) => q.verify.checks.filter((c) => c.result === "failed").map((c) => ({ id: q.id, ...c })));
  const out: string[] = [];
  if (r.apply.result === "failed") out.push(`### ❌ Penerapan commit \`${c12}\` GAGAL`, "", "`pulumi up` tidak selesai; lihat log workflow. Tidak ada dokumen yang diterbitkan.");
  else if (failedChecks.length || r.requests.some((q) => q.verify.result === "failed")) out.push(`### ⚠️ Commit \`${c12}\` diterapkan, tetapi uji akses GAGAL`);
  else out.push(`### ✅ Commit \`${c12}\` diterapkan; tidak ada uji akses yang gagal`);
  out.push("", `Stack \`${r.stack}\`, penerapan ${r.apply.startedAt} – ${r.apply.finishedAt} (UTC).`);
  if (failedChecks.length) {
    out.push("", "**Pemeriksaan yang gagal:**", "");
    for (const c of failedChecks) out.push(`- \`${c.id}\` ${c.name}: ${c.detail}`);
  }
  if (r.requests.length) {
    out.push("", "| Permintaan | Jenis | Perubahan | Uji akses | Dokumen |", "|---|---|---|---|---|");
    for (const q of r.requests) {
      const docs = q.documents.map((d) => `${DOC[d.type]}${numbers[d.path] ? ` (${numbers[d.path]})` : ""}`).join(", ") || "-";
      out.push(`| \`${q.id}\` | ${q.kind} | ${CHANGE[q.change]} | ${HASIL[q.verify.result]} | ${cell(docs)} |`);
    }
  } else out.push("", "Tidak ada permintaan yang berubah pada commit ini.");
  out.push("", `Catatan arsip: \`${recordPath(r)}\` di cabang \`arsip\`. Kata sandi dan kredensial tidak pernah dicantumkan di sini; diserahkan terpisah kepada narahubung OPD.`);
  return `${out.join("\n")}\n`;
}
