/**
 * `pusdat audit --request ID`: one request's whole life (every change to it, its pull request,
 * approvals, apply, verification and documents with their sha256) as text, Markdown, CSV, or JSON
 * in the shape `pusdat-audit-request/v1` (documented in the README section of the audit).
 */
import { jakartaDate } from "../infra/core/archive/record";
import type { LifeEntry } from "../infra/core/audit/life";
import type { AuditReport } from "../infra/core/audit/types";
import { type AuditFormat, type AuditMeta, cell, csvLine, findingText, scopeText, SEVERITY_WORD, summaryText } from "./audit-format";

export const LIFE_SCHEMA = "pusdat-audit-request/v1";

const STATUS: Record<string, string> = { A: "ditambah", M: "diubah", D: "dihapus", T: "diubah jenisnya" };
const short = (sha: string | null) => (sha ? sha.slice(0, 12) : "-");

/** The facts of one change in the life, as lines of Bahasa Indonesia (without indentation). */
function facts(e: LifeEntry, id: string): string[] {
  const { change: c, record, entry } = e;
  const lines = [`berkas: ${c.paths.map((p) => `${p.path} (${STATUS[p.status] ?? p.status})`).join(", ")}`];
  if (!record) return [...lines, `commit oleh: ${c.author}`, "catatan: tidak ada di arsip"];
  const pr = record.record.pullRequest;
  if (pr) {
    lines.push(`pull request: #${pr.number} ${pr.url} ${JSON.stringify(pr.title)}`);
    lines.push(`pengusul: ${pr.author}; dibuat ${pr.createdAt}; digabung oleh ${pr.mergedBy} pada ${pr.mergedAt}; head ${short(pr.headSha)}`);
    const approvals = pr.approvals.map((a) => `${a.login} (${a.submittedAt}, untuk ${short(a.commit)})`);
    lines.push(`persetujuan: ${approvals.join(", ") || "tidak ada"}`);
  } else {
    lines.push("pull request: tidak ada (pullRequest: null)");
  }
  lines.push(`disetujui oleh (yang sah): ${c.approvedBy.join(", ") || "-"}`);
  const { apply } = record.record;
  lines.push(`penerapan: ${apply.result} (${apply.startedAt} s.d. ${apply.finishedAt}); catatan ${record.path}`);
  if (!entry) return [...lines, `catatan ini tidak menyebut permintaan ${id}`];
  lines.push(`perubahan: ${entry.change} (${entry.kind}); verifikasi: ${entry.verify.result} (${entry.verify.at})`);
  for (const k of entry.verify.checks) lines.push(`  - ${k.name}: ${k.result}${k.detail ? ` (${k.detail})` : ""}`);
  if (entry.documents.length === 0) lines.push("dokumen: tidak ada");
  else lines.push("dokumen:", ...entry.documents.map((d) => `  - ${d.type} ${d.path} sha256 ${d.sha256}`));
  return lines;
}

const verdict = (e: LifeEntry) => (e.change.findings.length ? e.change.findings.join(", ") : "sesuai");

function heading(e: LifeEntry): string {
  return `${jakartaDate(e.change.date)} commit ${short(e.change.commit)} ${JSON.stringify(e.change.subject)}`;
}

function text(id: string, life: LifeEntry[], r: AuditReport, m: AuditMeta): string {
  const out = [`Riwayat permintaan ${id}: ${scopeText(m)}`, `${life.length} perubahan (tanggal WIB)`];
  for (const e of life) out.push("", heading(e), ...[...facts(e, id), `temuan: ${verdict(e)}`].map((l) => `  ${l}`));
  out.push("", `Temuan (${r.findings.length}):`);
  if (r.findings.length === 0) out.push("  tidak ada temuan");
  for (const f of r.findings) out.push(`  ${findingText(f)}`);
  out.push("", `Ringkasan: ${summaryText(r.summary)}.`);
  return `${out.join("\n")}\n`;
}

function markdown(id: string, life: LifeEntry[], r: AuditReport, m: AuditMeta): string {
  const out = [`## Riwayat permintaan \`${id}\``, "", `${cell(scopeText(m))}.`];
  for (const e of life) {
    out.push("", `### ${cell(heading(e))}`, "");
    for (const l of [...facts(e, id), `temuan: ${verdict(e)}`]) out.push(l.startsWith("  - ") ? `  ${l.trimStart()}` : `- ${l}`);
  }
  out.push("", "### Temuan", "");
  if (r.findings.length === 0) out.push("Tidak ada temuan.");
  for (const f of r.findings) out.push(`- ${SEVERITY_WORD[f.severity]} \`${f.code}\` \`${short(f.commit)}\`: ${f.message}`);
  out.push("", `**Ringkasan:** ${summaryText(r.summary)}.`);
  return `${out.join("\n")}\n`;
}

export function lifeJson(id: string, life: LifeEntry[], r: AuditReport, m: AuditMeta): object {
  return {
    schema: LIFE_SCHEMA,
    stack: m.stack,
    request: id,
    changes: life.map(({ change: c, record, entry }) => ({
      commit: c.commit,
      date: c.date,
      subject: c.subject,
      gitAuthor: c.author,
      files: c.paths,
      record: record?.path ?? null,
      pullRequest: record ? record.record.pullRequest : null,
      approvedBy: c.approvedBy,
      apply: record ? record.record.apply : null,
      request: entry,
      findings: c.findings,
    })),
    findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, commit: f.commit, pullRequest: f.pullRequest, requests: f.requests, message: f.message })),
    summary: r.summary,
  };
}

function csv(life: LifeEntry[]): string {
  let out = csvLine(["commit", "date", "pullRequest", "url", "author", "mergedBy", "approvedBy", "apply", "change", "verify", "documents", "findings"]);
  for (const { change: c, record, entry } of life) {
    const pr = record?.record.pullRequest ?? null;
    out += csvLine([
      c.commit, c.date, pr?.number ?? null, pr?.url ?? "", pr?.author ?? "", pr?.mergedBy ?? "", c.approvedBy.join(" "),
      record?.record.apply.result ?? "", entry?.change ?? "", entry?.verify.result ?? "",
      entry ? entry.documents.map((d) => `${d.path} sha256:${d.sha256}`).join(" ") : "", c.findings.join(" "),
    ]);
  }
  return out;
}

export function formatLife(id: string, life: LifeEntry[], r: AuditReport, m: AuditMeta, format: AuditFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(lifeJson(id, life, r, m), null, 2)}\n`;
    case "csv":
      return csv(life);
    case "markdown":
      return markdown(id, life, r, m);
    default:
      return text(id, life, r, m);
  }
}
