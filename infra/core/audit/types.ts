/**
 * The audit's vocabulary (../../../../shared/ARCHIVE.md, "What `pusdat audit` reports"): the
 * changes read from git, and what is found about each. Codes are English and stable; messages
 * are in Bahasa Indonesia.
 */
import type { ArchiveRecord } from "../archive/record";

export const CODES = [
  "unrecorded-change",
  "no-approval",
  "self-approval",
  "unauthorised-approver",
  "stale-approval",
  "apply-failed",
  "verify-failed",
  "orphan-record",
  /** Not in ARCHIVE.md's table: a record under `catatan/` that is not a valid `pusdat-arsip/v1` record. */
  "invalid-record",
] as const;
export type Code = (typeof CODES)[number];
export type Severity = "error" | "warning";

export const SEVERITY: Record<Code, Severity> = {
  "unrecorded-change": "error",
  "no-approval": "error",
  "self-approval": "error",
  "unauthorised-approver": "error",
  "stale-approval": "error",
  "apply-failed": "warning",
  "verify-failed": "warning",
  "orphan-record": "error",
  "invalid-record": "error",
};

/** One file a change touched, with git's status letter against the first parent (A, M, D, T). */
export interface TouchedPath {
  status: string;
  path: string;
}

/** A first-parent commit on main touching `requests/`, `Pulumi.<stack>.yaml` or `policies/`. */
export interface ChangeInput {
  commit: string;
  parent: string | null;
  /** Committer time, seconds since the epoch. */
  time: number;
  /** The git author's name (not a forge login). */
  author: string;
  subject: string;
  paths: TouchedPath[];
  /** `Pulumi.<stack>.yaml` as it stood in the parent (a root commit: in itself); null when it did not exist. */
  stackAtParent: Buffer | null;
}

export interface AuditInput {
  stack: string;
  /** Oldest first. */
  changes: ChangeInput[];
  /** Every file under `catatan/` on the archive ref, read by `readRecords` (records.ts). */
  records: { valid: ValidRecord[]; invalid: InvalidRecordFile[] };
  /** Every commit on main's first-parent line. */
  firstParent: ReadonlySet<string>;
}

/** A file under `catatan/` that is not a valid record, with every reason. */
export interface InvalidRecordFile {
  path: string;
  /** The commit the record names: its `commit` field when that is 40 hex digits; else null. */
  commit: string | null;
  /** The 12 hex digits in the file name, when it has them. */
  commit12: string | null;
  problems: string[];
}

export interface AuditFinding {
  code: Code;
  severity: Severity;
  /** The change's commit, or the commit a record names; null when an invalid record names none. */
  commit: string | null;
  pullRequest: number | null;
  requests: string[];
  message: string;
}

export interface ValidRecord {
  path: string;
  record: ArchiveRecord;
}

export interface AuditedChange {
  commit: string;
  parent: string | null;
  /** Committer time as ISO 8601 UTC, e.g. `2026-11-20T05:00:00Z`. */
  date: string;
  author: string;
  subject: string;
  paths: TouchedPath[];
  pullRequest: number | null;
  /** Ids of the request files touched, sorted. */
  requests: string[];
  /** The authorised approvals (by someone in pusdat:approvers other than the author), logins sorted. */
  approvedBy: string[];
  /** Codes found for this change, in the table's order, each once. */
  findings: Code[];
  /** Every valid record of this change, oldest apply first; the last is the one judged. */
  records: ValidRecord[];
}

export interface AuditReport {
  changes: AuditedChange[];
  findings: AuditFinding[];
  summary: { changes: number; errors: number; warnings: number };
}

/** What the user narrowed the audit to: Asia/Jakarta calendar days, and one request. */
export interface AuditFilter {
  since?: string;
  until?: string;
  request?: string;
}
