import { buildRecord, type ForgePull, type ForgeReview, pullOfCommit, pullRequestInfo, recordBytes, utc } from "./build";
import { recordPath } from "./record";

const MERGE = "a".repeat(40);
const HEAD = "b".repeat(40);
const OLD = "c".repeat(40);

const pull = (over: Partial<ForgePull> = {}): ForgePull => ({
  number: 12,
  html_url: "https://forge.example/org/repo/pull/12",
  title: "Subdomain sibapo untuk Dinas Perdagangan",
  user: { login: "teknisi-rina" },
  head: { sha: HEAD },
  created_at: "2026-11-20T02:10:00Z",
  merged_at: "2026-11-20T05:00:00Z",
  merged_by: { login: "kabid-spbe" },
  merge_commit_sha: MERGE,
  ...over,
});

const review = (login: string, state: string, commit: string, at: string | null): ForgeReview => ({ user: { login }, state, commit_id: commit, submitted_at: at });

test.each([
  ["2026-11-20T05:00:00Z", "2026-11-20T05:00:00Z"],
  ["2026-11-20T12:00:00+07:00", "2026-11-20T05:00:00Z"],
  ["2026-11-20T05:00:00.250Z", "2026-11-20T05:00:00.250Z"],
  ["kemarin", "kemarin"],
])("utc(%s) = %s", (i, o) => expect(utc(i)).toBe(o));

describe("pullOfCommit", () => {
  test.each<[string, ForgePull[], number | null]>([
    ["the merged pull request whose merge commit it is", [pull({ number: 3, merge_commit_sha: OLD }), pull({ number: 12 })], 12],
    ["the first merged one when no merge commit matches (rebase merge)", [pull({ number: 3, merged_at: null }), pull({ number: 4, merge_commit_sha: OLD })], 4],
    ["none when no pull request was merged", [pull({ merged_at: null })], null],
    ["none for an empty list (a direct push)", [], null],
  ])("%s", (_n, pulls, number) => {
    expect(pullOfCommit(pulls, MERGE)?.number ?? null).toBe(number);
  });
});

test("approvals are the APPROVED reviews with their commit, in time order; comments, changes requested and dismissed ones are not", () => {
  const info = pullRequestInfo(pull(), [
    review("kabid-spbe", "APPROVED", HEAD, "2026-11-20T04:55:00Z"),
    review("teknisi-andi", "COMMENTED", HEAD, "2026-11-20T03:00:00Z"),
    review("sekdis-kominfo", "CHANGES_REQUESTED", OLD, "2026-11-20T03:10:00Z"),
    review("sekdis-kominfo", "DISMISSED", OLD, "2026-11-20T03:20:00Z"),
    review("sekdis-kominfo", "APPROVED", OLD, "2026-11-20T10:30:00+07:00"),
    review("pending-user", "PENDING", HEAD, null),
  ]);
  expect(info).toEqual({
    number: 12,
    url: "https://forge.example/org/repo/pull/12",
    title: "Subdomain sibapo untuk Dinas Perdagangan",
    author: "teknisi-rina",
    headSha: HEAD,
    createdAt: "2026-11-20T02:10:00Z",
    mergedAt: "2026-11-20T05:00:00Z",
    mergedBy: "kabid-spbe",
    approvals: [
      { login: "sekdis-kominfo", submittedAt: "2026-11-20T03:30:00Z", commit: OLD },
      { login: "kabid-spbe", submittedAt: "2026-11-20T04:55:00Z", commit: HEAD },
    ],
  });
});

const input = () => ({
  stack: "contoh",
  commit: MERGE,
  pullRequest: pullRequestInfo(pull(), [review("kabid-spbe", "APPROVED", HEAD, "2026-11-20T04:55:00Z")]),
  apply: { startedAt: "2026-11-20T05:01:10Z", finishedAt: "2026-11-20T05:03:40Z", result: "succeeded" as const },
  requests: [
    { id: "sibapo", kind: "Subdomain" as const, change: "create" as const, verify: { result: "passed" as const, at: "2026-11-20T05:04:30Z", checks: [{ name: "dns", result: "passed" as const, detail: "sibapo.contohkab.go.id A 203.0.113.10" }] }, documents: [{ type: "berita-acara" as const, path: `dokumen/sibapo/2026-11-20-${MERGE.slice(0, 12)}-berita-acara.pdf`, sha256: "d".repeat(64) }] },
    { id: "jdih", kind: "Subdomain" as const, change: "remove" as const, verify: { result: "skipped" as const, at: "2026-11-20T05:03:40Z", checks: [] }, documents: [] },
  ],
});

describe("buildRecord", () => {
  test("a valid record, requests sorted by id, at its path", () => {
    const r = buildRecord(input());
    if (!r.ok) throw new Error(r.problems.join("; "));
    expect(r.record.schema).toBe("pusdat-arsip/v1");
    expect(r.record.requests.map((x) => x.id)).toEqual(["jdih", "sibapo"]);
    expect(recordPath(r.record)).toBe("catatan/2026/2026-11-20-aaaaaaaaaaaa.json");
    expect(recordBytes(r.record).toString("utf8").endsWith("}\n")).toBe(true);
  });

  test("a direct push: pullRequest null is a valid record (the audit flags it)", () => {
    const r = buildRecord({ ...input(), pullRequest: null });
    expect(r.ok).toBe(true);
  });

  test.each<[string, (i: ReturnType<typeof input>) => void, string[]]>([
    ["a short commit id", (i) => (i.commit = "abc"), ["commit: 40 digit heksadesimal"]],
    ["a pull request without merger (a list item, not GET /pulls/{n})", (i) => (i.pullRequest!.mergedBy = ""), ["pullRequest.mergedBy: Too small: expected string to have >=1 characters"]],
    ["an apply time that is not UTC", (i) => (i.apply.startedAt = "2026-11-20 05:01"), ["apply.startedAt: waktu ISO 8601 UTC, mis. 2026-11-20T05:00:00Z"]],
    ["an apply that finished before it started", (i) => (i.apply.finishedAt = "2026-11-20T05:00:00Z"), ["apply.finishedAt: lebih awal dari apply.startedAt"]],
    ["a document path outside dokumen/ (reported at its place in the sorted list)", (i) => (i.requests[0]!.documents[0]!.path = "catatan/x.pdf"), ["requests.1.documents.0.path: dokumen/<id>/<YYYY-MM-DD>-<commit12>-<jenis>.pdf"]],
  ])("refuses %s", (_n, spoil, problems) => {
    const i = input();
    spoil(i);
    const r = buildRecord(i);
    expect(r.ok ? [] : r.problems).toEqual(problems);
  });
});
