/**
 * The archive record from what the forge, the apply and the verify said: pure, so every rule of
 * ARCHIVE.md (which pull request, which reviews count as approvals, UTC times) is tested as data.
 * The forge's JSON is read in GitHub's shape (Gitea/Forgejo answer the same fields).
 */
import { ArchiveRecord, CHANGES, DOCUMENT_TYPES, type PullRequestInfo, RECORD_SCHEMA, type Verification } from "./record";

export interface ForgeUser {
  login: string;
}

/** `GET /repos/{o}/{r}/pulls/{n}` (and the items of `GET /repos/{o}/{r}/commits/{sha}/pulls`). */
export interface ForgePull {
  number: number;
  html_url: string;
  title: string;
  user: ForgeUser | null;
  head: { sha: string };
  created_at: string;
  merged_at: string | null;
  merged_by?: ForgeUser | null;
  merge_commit_sha?: string | null;
}

/** `GET /repos/{o}/{r}/pulls/{n}/reviews`. */
export interface ForgeReview {
  user: ForgeUser | null;
  state: string;
  commit_id: string;
  submitted_at?: string | null;
}

/** `2026-11-20T12:00:00+07:00` → `2026-11-20T05:00:00Z`; a value that is no time is returned unchanged (the schema names it). */
export function utc(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = new Date(t).toISOString();
  return s.endsWith(".000Z") ? `${s.slice(0, 19)}Z` : s;
}

/** The pull request that brought `commit` to main: the merged one whose merge commit it is, else the first merged one. */
export function pullOfCommit(pulls: ReadonlyArray<ForgePull>, commit: string): ForgePull | null {
  const merged = pulls.filter((p) => p.merged_at);
  return merged.find((p) => p.merge_commit_sha === commit) ?? merged[0] ?? null;
}

/** The record's `pullRequest`: approvals are the reviews in state APPROVED, in the order they were given. */
export function pullRequestInfo(pull: ForgePull, reviews: ReadonlyArray<ForgeReview>): PullRequestInfo {
  const approvals = reviews
    .filter((r) => r.state.toUpperCase() === "APPROVED" && r.user && r.submitted_at)
    .map((r) => ({ login: r.user!.login, submittedAt: utc(r.submitted_at!), commit: r.commit_id }))
    .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
  return {
    number: pull.number,
    url: pull.html_url,
    title: pull.title,
    author: pull.user?.login ?? "",
    headSha: pull.head.sha,
    createdAt: utc(pull.created_at),
    mergedAt: utc(pull.merged_at ?? ""),
    mergedBy: pull.merged_by?.login ?? "",
    approvals,
  };
}

export interface RecordInput {
  stack: string;
  commit: string;
  pullRequest: PullRequestInfo | null;
  apply: { startedAt: string; finishedAt: string; result: "succeeded" | "failed" };
  requests: {
    id: string;
    kind: ArchiveRecord["requests"][number]["kind"];
    change: (typeof CHANGES)[number];
    verify: Verification;
    documents: { type: (typeof DOCUMENT_TYPES)[number]; path: string; sha256: string }[];
  }[];
}

/** The record, validated against the schema; problems name the field, in Bahasa Indonesia. */
export function buildRecord(i: RecordInput): { ok: true; record: ArchiveRecord } | { ok: false; problems: string[] } {
  const candidate = {
    schema: RECORD_SCHEMA,
    stack: i.stack,
    commit: i.commit,
    pullRequest: i.pullRequest,
    apply: { startedAt: i.apply.startedAt, finishedAt: i.apply.finishedAt, result: i.apply.result },
    requests: [...i.requests].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  const r = ArchiveRecord.safeParse(candidate);
  if (!r.success) return { ok: false, problems: r.error.issues.map((x) => `${x.path.join(".") || "(catatan)"}: ${x.message}`) };
  if (Date.parse(r.data.apply.finishedAt) < Date.parse(r.data.apply.startedAt)) {
    return { ok: false, problems: ["apply.finishedAt: lebih awal dari apply.startedAt"] };
  }
  return { ok: true, record: r.data };
}

/** The record's bytes on the branch: UTF-8 JSON, two-space indent, newline at the end. */
export const recordBytes = (r: ArchiveRecord) => Buffer.from(`${JSON.stringify(r, null, 2)}\n`, "utf8");
