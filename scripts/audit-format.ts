/**
 * `pusdat audit`'s report as text and Markdown (people, Bahasa Indonesia), JSON (`pusdat-audit/v1`,
 * exactly as ARCHIVE.md gives it) and CSV (spreadsheets: one row per finding, and one per change
 * without any). Pure: the command hands it the report and where it came from.
 */
import { jakartaDate } from "../infra/core/archive/record";
import type { AuditedChange, AuditFilter, AuditFinding, AuditReport } from "../infra/core/audit/types";

export type AuditFormat = "text" | "markdown" | "json" | "csv";

export interface AuditMeta {
  stack: string;
  main: { ref: string; commit: string };
  arsip: { ref: string; commit: string };
  filter: AuditFilter;
}

export const AUDIT_SCHEMA = "pusdat-audit/v1";

const short = (sha: string | null) => (sha ? sha.slice(0, 12) : "-");
export const SEVERITY_WORD = { error: "galat", warning: "peringatan" } as const;

export function summaryText(s: AuditReport["summary"]): string {
  return `${s.changes} perubahan, ${s.errors} galat, ${s.warnings} peringatan`;
}

export function scopeText(m: AuditMeta): string {
  const parts = [`stack ${m.stack}`, `main = ${m.main.ref} (${short(m.main.commit)})`, `arsip = ${m.arsip.ref} (${short(m.arsip.commit)})`];
  if (m.filter.since || m.filter.until) parts.push(`tanggal ${m.filter.since ?? "awal"} s.d. ${m.filter.until ?? "kini"} WIB`);
  return parts.join("; ");
}

/** What a change touched, for people: its request ids, else the other files. */
function touched(c: AuditedChange): string {
  return c.requests.length ? c.requests.join(", ") : c.paths.map((p) => p.path).join(", ");
}

function prText(c: AuditedChange): string {
  if (c.records.length === 0) return "tanpa catatan";
  return c.pullRequest === null ? "tanpa PR" : `PR #${c.pullRequest}`;
}

const verdict = (c: AuditedChange) => (c.findings.length ? c.findings.join(", ") : "sesuai");

export function findingText(f: AuditFinding): string {
  const pr = f.pullRequest === null ? "" : ` PR #${f.pullRequest}`;
  const reqs = f.requests.length ? ` [${f.requests.join(", ")}]` : "";
  return `${SEVERITY_WORD[f.severity]} ${f.code} ${short(f.commit)}${pr}${reqs}: ${f.message}`;
}

function text(r: AuditReport, m: AuditMeta): string {
  const out = [`Audit arsip: ${scopeText(m)}`, ""];
  out.push(`Perubahan (${r.changes.length}; tanggal WIB):`);
  if (r.changes.length === 0) out.push("  tidak ada perubahan");
  for (const c of r.changes) {
    out.push(`  ${jakartaDate(c.date)} ${short(c.commit)} ${prText(c)} [${touched(c)}] disetujui: ${c.approvedBy.join(", ") || "-"} — ${verdict(c)}`);
  }
  out.push("", `Temuan (${r.findings.length}):`);
  if (r.findings.length === 0) out.push("  tidak ada temuan");
  for (const f of r.findings) out.push(`  ${findingText(f)}`);
  out.push("", `Ringkasan: ${summaryText(r.summary)}.`);
  return `${out.join("\n")}\n`;
}

export const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function markdown(r: AuditReport, m: AuditMeta): string {
  const out = [`## Audit arsip stack \`${m.stack}\``, "", `${cell(scopeText(m))}.`, ""];
  out.push("| Tanggal (WIB) | Commit | PR | Permintaan | Disetujui oleh | Temuan |", "|---|---|---|---|---|---|");
  for (const c of r.changes) {
    out.push(`| ${jakartaDate(c.date)} | \`${short(c.commit)}\` | ${prText(c)} | ${cell(touched(c))} | ${cell(c.approvedBy.join(", ") || "-")} | ${verdict(c)} |`);
  }
  if (r.changes.length === 0) out.push("| - | - | - | - | - | tidak ada perubahan |");
  out.push("", "### Temuan", "");
  if (r.findings.length === 0) out.push("Tidak ada temuan.");
  else {
    out.push("| Tingkat | Kode | Commit | PR | Permintaan | Keterangan |", "|---|---|---|---|---|---|");
    for (const f of r.findings) {
      out.push(`| ${SEVERITY_WORD[f.severity]} | \`${f.code}\` | \`${short(f.commit)}\` | ${f.pullRequest === null ? "-" : `#${f.pullRequest}`} | ${cell(f.requests.join(", ") || "-")} | ${cell(f.message)} |`);
    }
  }
  out.push("", `**Ringkasan:** ${summaryText(r.summary)}.`);
  return `${out.join("\n")}\n`;
}

/** The JSON of ARCHIVE.md, field for field. */
export function auditJson(r: AuditReport): object {
  return {
    schema: AUDIT_SCHEMA,
    changes: r.changes.map((c) => ({ commit: c.commit, date: c.date, pullRequest: c.pullRequest, requests: c.requests, approvedBy: c.approvedBy, findings: c.findings })),
    findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, commit: f.commit, pullRequest: f.pullRequest, requests: f.requests, message: f.message })),
    summary: r.summary,
  };
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end in CRLF. */
export const csvField = (v: string | number | null): string => {
  const s = v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csvLine = (fields: Array<string | number | null>) => `${fields.map(csvField).join(",")}\r\n`;

function csv(r: AuditReport): string {
  let out = csvLine(["commit", "date", "pullRequest", "requests", "approvedBy", "code", "severity", "message"]);
  const ofChange = new Set<AuditFinding>();
  for (const c of r.changes) {
    const mine = r.findings.filter((f) => f.commit === c.commit);
    const base = [c.commit, c.date, c.pullRequest, c.requests.join(" "), c.approvedBy.join(" ")];
    if (mine.length === 0) out += csvLine([...base, "", "", ""]);
    for (const f of mine) {
      ofChange.add(f);
      out += csvLine([...base.slice(0, 3), f.requests.join(" "), base[4]!, f.code, f.severity, f.message]);
    }
  }
  for (const f of r.findings) {
    if (!ofChange.has(f)) out += csvLine([f.commit, "", f.pullRequest, f.requests.join(" "), "", f.code, f.severity, f.message]);
  }
  return out;
}

export function formatAudit(r: AuditReport, m: AuditMeta, format: AuditFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(auditJson(r), null, 2)}\n`;
    case "csv":
      return csv(r);
    case "markdown":
      return markdown(r, m);
    default:
      return text(r, m);
  }
}
