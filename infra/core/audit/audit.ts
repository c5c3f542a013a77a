/**
 * `pusdat audit`'s decisions: git's changes against the archive's records, without I/O. Every
 * change gets at most one approval finding; records that name no first-parent commit are orphans.
 */
import { jakartaDate } from "../archive/record";
import { type ApproverList, approversFrom } from "./approvers";
import { judgeApproval } from "./approval";
import { type InvalidRecord, recordDay } from "./records";
import {
  type AuditedChange, type AuditFilter, type AuditFinding, type AuditInput, type AuditReport, type ChangeInput,
  type Code, CODES, SEVERITY, type TouchedPath, type ValidRecord,
} from "./types";

const REQUEST_FILE = /^requests\/[^/]+\/([^/]+)\.yaml$/;
const short = (sha: string) => sha.slice(0, 12);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The ids of the request files a change touched (added, changed or removed), sorted, each once. */
export function requestIds(paths: ReadonlyArray<TouchedPath>): string[] {
  const ids = new Set<string>();
  for (const p of paths) {
    const m = p.path.match(REQUEST_FILE);
    if (m) ids.add(m[1]!);
  }
  return [...ids].sort(byText);
}

/** Seconds since the epoch → `2026-11-20T05:00:00Z`. */
export const isoUtc = (time: number): string => new Date(time * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

const inDays = (day: string | null, f: AuditFilter): boolean =>
  day === null ? f.since === undefined && f.until === undefined : (f.since === undefined || day >= f.since) && (f.until === undefined || day <= f.until);

const finding = (code: Code, commit: string | null, pullRequest: number | null, requests: string[], message: string): AuditFinding => ({
  code, severity: SEVERITY[code], commit, pullRequest, requests, message,
});

export function audit(input: AuditInput, filter: AuditFilter = {}): AuditReport {
  const stackFile = `Pulumi.${input.stack}.yaml`;
  const { valid, invalid } = input.records;

  const recordsOf = new Map<string, ValidRecord[]>();
  for (const r of valid) {
    const list = recordsOf.get(r.record.commit) ?? [];
    list.push(r);
    recordsOf.set(r.record.commit, list);
  }
  for (const list of recordsOf.values()) list.sort((a, b) => byText(a.record.apply.finishedAt, b.record.apply.finishedAt) || byText(a.path, b.path));

  // An invalid record belongs to the change it names (by its commit field, else by its file name).
  const changeOf12 = new Map<string, string | null>();
  for (const c of input.changes) changeOf12.set(short(c.commit), changeOf12.has(short(c.commit)) ? null : c.commit);
  const isChange = new Set(input.changes.map((c) => c.commit));
  const invalidOf = new Map<string, InvalidRecord[]>();
  const unattributed: InvalidRecord[] = [];
  for (const r of invalid) {
    const commit = r.commit ?? (r.commit12 ? changeOf12.get(r.commit12) ?? null : null);
    if (commit && isChange.has(commit)) invalidOf.set(commit, [...(invalidOf.get(commit) ?? []), r]);
    else unattributed.push({ ...r, commit: r.commit ?? commit });
  }

  const approverCache = new Map<Buffer | null, ApproverList>();
  const approversOf = (c: ChangeInput): ApproverList => {
    let a = approverCache.get(c.stackAtParent);
    if (!a) approverCache.set(c.stackAtParent, (a = approversFrom(c.stackAtParent, stackFile)));
    return a;
  };

  const changes: AuditedChange[] = [];
  const findings: AuditFinding[] = [];
  for (const c of input.changes) {
    const date = isoUtc(c.time);
    const requests = requestIds(c.paths);
    if (!inDays(jakartaDate(date), filter)) continue;
    if (filter.request !== undefined && !requests.includes(filter.request)) continue;
    const records = recordsOf.get(c.commit) ?? [];
    const latest = records[records.length - 1];
    const pullRequest = latest?.record.pullRequest?.number ?? null;
    const { approvedBy, findings: mine } = latest ? judgeRecorded(c, latest, requests, approversOf(c)) : { approvedBy: [], findings: [] as AuditFinding[] };
    if (!latest && !invalidOf.has(c.commit)) {
      const what = `perubahan ${short(c.commit)} (${date}, oleh ${c.author || "?"}: ${JSON.stringify(c.subject)})`;
      mine.push(finding("unrecorded-change", c.commit, null, requests, `${what} tidak punya catatan di arsip: push langsung ke main, atau penerapan yang tidak menulis catatan`));
    }
    for (const r of invalidOf.get(c.commit) ?? []) mine.push(finding("invalid-record", c.commit, pullRequest, requests, invalidMessage(r)));
    // One request's life: another request's failed verification in the same change is not part of it.
    const kept = filter.request === undefined ? mine : mine.filter((f) => f.requests.includes(filter.request!));
    findings.push(...kept);
    const codes = CODES.filter((k) => kept.some((f) => f.code === k));
    changes.push({ commit: c.commit, parent: c.parent, date, author: c.author, subject: c.subject, paths: c.paths, pullRequest, requests, approvedBy, findings: codes, records });
  }

  for (const r of valid) {
    if (input.firstParent.has(r.record.commit)) continue;
    const ids = [...new Set(r.record.requests.map((q) => q.id))].sort(byText);
    if (!inDays(recordDay(r.path), filter)) continue;
    if (filter.request !== undefined && !ids.includes(filter.request)) continue;
    findings.push(
      finding("orphan-record", r.record.commit, r.record.pullRequest?.number ?? null, ids, `catatan ${r.path} menyebut commit ${short(r.record.commit)} yang tidak ada di riwayat first-parent main (riwayat ditulis ulang, atau catatan dari cabang lain)`),
    );
  }
  if (filter.request === undefined) {
    for (const r of unattributed) if (inDays(recordDay(r.path), filter)) findings.push(finding("invalid-record", r.commit, null, [], invalidMessage(r)));
  }

  const errors = findings.filter((f) => f.severity === "error").length;
  return { changes, findings, summary: { changes: changes.length, errors, warnings: findings.length - errors } };
}

/** What the latest record of a change says: the approval finding (if any), a failed apply, failed verifications. */
function judgeRecorded(c: ChangeInput, latest: ValidRecord, requests: string[], approvers: ApproverList): { approvedBy: string[]; findings: AuditFinding[] } {
  const out: AuditFinding[] = [];
  const pullRequest = latest.record.pullRequest?.number ?? null;
  const where = c.parent ? `commit induk ${short(c.parent)}` : `commit akar ${short(c.commit)} itu sendiri`;
  const verdict = judgeApproval(latest.record.pullRequest, approvers, where);
  if (verdict.finding) out.push(finding(verdict.finding.code, c.commit, pullRequest, requests, verdict.finding.message));
  const { apply } = latest.record;
  if (apply.result === "failed") {
    out.push(finding("apply-failed", c.commit, pullRequest, requests, `penerapan commit ${short(c.commit)} gagal (mulai ${apply.startedAt}, selesai ${apply.finishedAt}; ${latest.path})`));
  }
  for (const r of [...latest.record.requests].sort((a, b) => byText(a.id, b.id))) {
    if (r.verify.result !== "failed") continue;
    const failed = r.verify.checks.filter((k) => k.result === "failed").map((k) => (k.detail ? `${k.name} (${k.detail})` : k.name));
    const what = failed.length ? `pemeriksaan yang gagal: ${failed.join("; ")}` : "tidak ada pemeriksaan yang tercatat gagal";
    out.push(finding("verify-failed", c.commit, pullRequest, [r.id], `verifikasi ${r.id} gagal pada ${r.verify.at}: ${what}`));
  }
  return { approvedBy: verdict.approvedBy, findings: out };
}

function invalidMessage(r: InvalidRecord): string {
  return `catatan ${r.path} tidak sah: ${r.problems.join("; ")}`;
}
