/**
 * The archive record (`catatan/<YYYY>/<YYYY-MM-DD>-<commit12>.json` on the `arsip` branch), exactly as
 * ../shared/ARCHIVE.md specifies it: auditors' tools read it, and a record once written is never
 * rewritten, so this schema only ever grows optional fields.
 */
import * as z from "zod";

export const RECORD_SCHEMA = "pusdat-arsip/v1";
export const ARCHIVE_BRANCH = "arsip";

const Sha = z.string().regex(/^[0-9a-f]{40}$/, { error: "40 digit heksadesimal" });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: "64 digit heksadesimal" });
/** ISO 8601 in UTC, as the forge APIs give it (`2026-11-20T05:00:00Z`, milliseconds allowed). */
const UtcTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, { error: "waktu ISO 8601 UTC, mis. 2026-11-20T05:00:00Z" });
const Result = z.enum(["passed", "failed", "skipped"]);

export const DOCUMENT_TYPES = ["berita-acara", "nota-dinas-balasan", "perjanjian-api"] as const;
export const CHANGES = ["create", "update", "decommission", "remove"] as const;

export const Approval = z.strictObject({ login: z.string().min(1), submittedAt: UtcTime, commit: Sha });

export const PullRequestInfo = z.strictObject({
  number: z.int().min(1),
  url: z.string().url(),
  title: z.string(),
  author: z.string().min(1),
  headSha: Sha,
  createdAt: UtcTime,
  mergedAt: UtcTime,
  mergedBy: z.string().min(1),
  approvals: z.array(Approval),
});

export const Check = z.strictObject({
  name: z.string().min(1),
  result: Result,
  detail: z.string(),
  /** Not in ARCHIVE.md's example; optional so records without it stay valid. */
  durationMs: z.number().min(0).optional(),
});

export const Verification = z.strictObject({ result: Result, at: UtcTime, checks: z.array(Check) });

export const DocumentRef = z.strictObject({
  type: z.enum(DOCUMENT_TYPES),
  path: z.string().regex(/^dokumen\/[a-z][a-z0-9-]{1,62}\/\d{4}-\d{2}-\d{2}-[0-9a-f]{12}-[a-z-]+\.pdf$/, { error: "dokumen/<id>/<YYYY-MM-DD>-<commit12>-<jenis>.pdf" }),
  sha256: Sha256,
});

export const RecordRequest = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(["Subdomain", "HostingAccount", "VirtualMachine", "ApiAccess"]),
  change: z.enum(CHANGES),
  verify: Verification,
  documents: z.array(DocumentRef),
});

export const ArchiveRecord = z.strictObject({
  schema: z.literal(RECORD_SCHEMA),
  stack: z.string().min(1),
  commit: Sha,
  pullRequest: PullRequestInfo.nullable(),
  apply: z.strictObject({ startedAt: UtcTime, finishedAt: UtcTime, result: z.enum(["succeeded", "failed"]) }),
  requests: z.array(RecordRequest),
});

export type ArchiveRecord = z.infer<typeof ArchiveRecord>;
export type RecordRequest = z.infer<typeof RecordRequest>;
export type PullRequestInfo = z.infer<typeof PullRequestInfo>;
export type Verification = z.infer<typeof Verification>;
export type Check = z.infer<typeof Check>;

/** The date of an instant in Asia/Jakarta (UTC+7, no daylight saving), as `YYYY-MM-DD`. */
export function jakartaDate(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);
}

/** `catatan/<YYYY>/<YYYY-MM-DD>-<commit12>.json`, dated by the apply in Asia/Jakarta. */
export function recordPath(r: Pick<ArchiveRecord, "commit" | "apply">): string {
  const day = jakartaDate(r.apply.finishedAt);
  return `catatan/${day.slice(0, 4)}/${day}-${r.commit.slice(0, 12)}.json`;
}

/** `dokumen/<request-id>/<YYYY-MM-DD>-<commit12>-<type>.pdf`. */
export function documentPath(id: string, appliedAt: string, commit: string, type: (typeof DOCUMENT_TYPES)[number]): string {
  return `dokumen/${id}/${jakartaDate(appliedAt)}-${commit.slice(0, 12)}-${type}.pdf`;
}
