import { recordPath } from "../archive/record";
import { makeRecord, type RecordOptions, stackFile, T0 } from "../../../test/support/audit-repo";
import { audit, isoUtc, requestIds } from "./audit";
import { readRecords } from "./records";
import type { AuditInput, ChangeInput, Code } from "./types";

const sha = (n: number) => String(n).padStart(2, "0").repeat(20);
const STACK = Buffer.from(stackFile(["kabid-spbe", "sekdis-kominfo"]));

/** Change n: commit sha(n), parent sha(n-1), one hour after the previous, touching request `id`. */
const change = (n: number, id = "sibapo", stackAtParent: Buffer | null = STACK): ChangeInput => ({
  commit: sha(n),
  parent: n === 1 ? null : sha(n - 1),
  time: T0 + n * 3600,
  author: "Teknisi Uji",
  subject: `perubahan ${n}`,
  paths: [{ status: "A", path: `requests/subdomain/${id}.yaml` }],
  stackAtParent,
});

const rec = (n: number, o: RecordOptions = {}) => {
  const r = makeRecord(sha(n), o.finishedAt ?? T0 + n * 3600 + 60, o);
  return { path: recordPath(r), bytes: Buffer.from(JSON.stringify(r)) };
};

const input = (changes: ChangeInput[], files: Array<{ path: string; bytes: Buffer }>, extraFirstParent: string[] = []): AuditInput => ({
  stack: "contoh",
  changes,
  records: readRecords(files, "contoh"),
  firstParent: new Set([...changes.map((c) => c.commit), ...extraFirstParent]),
});

const OLD = "c".repeat(40);

describe("audit: one change, one record", () => {
  const ROWS: Array<[string, RecordOptions | null, Code[], string[]]> = [
    ["approved by the Kabid", {}, [], ["kabid-spbe"]],
    ["no record", null, ["unrecorded-change"], []],
    ["pullRequest null", { noPullRequest: true }, ["no-approval"], []],
    ["no approval", { approvals: [] }, ["no-approval"], []],
    ["approved by its author only", { approvals: [["teknisi-rina"]] }, ["self-approval"], []],
    ["approved by a technician", { approvals: [["teknisi-agus"]] }, ["unauthorised-approver"], []],
    ["approved before the last push", { approvals: [["kabid-spbe", OLD]] }, ["stale-approval"], ["kabid-spbe"]],
    ["apply failed", { apply: "failed" }, ["apply-failed"], ["kabid-spbe"]],
    ["verification failed", { requests: { sibapo: "failed" } }, ["verify-failed"], ["kabid-spbe"]],
    ["verification skipped is no finding", { requests: { sibapo: "skipped" } }, [], ["kabid-spbe"]],
    ["stale, failed apply and failed verification together", { approvals: [["sekdis-kominfo", OLD]], apply: "failed", requests: { sibapo: "failed" } }, ["stale-approval", "apply-failed", "verify-failed"], ["sekdis-kominfo"]],
    ["self-approval hides the stale approval (first that applies)", { approvals: [["teknisi-rina", OLD]], apply: "failed" }, ["self-approval", "apply-failed"], []],
  ];
  test.each(ROWS)("%s", (_name, o, codes, approvedBy) => {
    const r = audit(input([change(1)], o ? [rec(1, o)] : []));
    expect(r.changes.map((c) => [c.findings, c.approvedBy, c.pullRequest, c.requests])).toEqual([[codes, approvedBy, o && !o.noPullRequest ? 1 : null, ["sibapo"]]]);
    expect(r.findings.map((f) => f.code)).toEqual(codes);
    const errors = codes.filter((c) => !["apply-failed", "verify-failed"].includes(c)).length;
    expect(r.summary).toEqual({ changes: 1, errors, warnings: codes.length - errors });
  });
});

describe("audit: history and records", () => {
  test("each change is judged against the approvers of its own parent", () => {
    const onlyKabid = Buffer.from(stackFile(["kabid-spbe"]));
    const withAgus = Buffer.from(stackFile(["kabid-spbe", "teknisi-agus"]));
    const r = audit(input([change(1, "a", onlyKabid), change(2, "b", withAgus)], [rec(1, { approvals: [["teknisi-agus"]] }), rec(2, { approvals: [["teknisi-agus"]] })]));
    expect(r.changes.map((c) => c.findings)).toEqual([["unauthorised-approver"], []]);
    expect(r.findings[0]!.message).toBe(
      "PR #1: tidak ada persetujuan dari pemberi persetujuan yang sah selain pengusul (disetujui oleh: teknisi-agus; pusdat:approvers di commit akar 010101010101 itu sendiri: kabid-spbe)",
    );
  });

  test("a change whose parent had no stack file has no approver", () => {
    const r = audit(input([change(2, "a", null)], [rec(2)]));
    expect(r.findings.map((f) => f.message)).toEqual([
      "PR #1: tidak ada persetujuan dari pemberi persetujuan yang sah selain pengusul (disetujui oleh: kabid-spbe; pusdat:approvers di commit induk 010101010101 tidak terbaca: berkas Pulumi.contoh.yaml belum ada)",
    ]);
  });

  test("a record whose commit is not on the first-parent line is an orphan; one on it but not a change is ignored", () => {
    const r = audit(input([change(1)], [rec(1), rec(5, { number: 5, requests: { jdih: "passed", ppid: "passed" } }), rec(6)], [sha(6)]));
    expect(r.findings).toEqual([
      {
        code: "orphan-record",
        severity: "error",
        commit: sha(5),
        pullRequest: 5,
        requests: ["jdih", "ppid"],
        message: "catatan catatan/2026/2026-11-20-050505050505.json menyebut commit 050505050505 yang tidak ada di riwayat first-parent main (riwayat ditulis ulang, atau catatan dari cabang lain)",
      },
    ]);
    expect(r.summary).toEqual({ changes: 1, errors: 1, warnings: 0 });
  });

  test("a change applied twice is judged by its latest record", () => {
    const first = rec(1, { apply: "failed" });
    const again = rec(1, { finishedAt: T0 + 86400, approvals: [["kabid-spbe"]] });
    const r = audit(input([change(1)], [again, first]));
    expect(r.changes[0]!.findings).toEqual([]);
    expect(r.changes[0]!.records.map((x) => x.path)).toEqual(["catatan/2026/2026-11-20-010101010101.json", "catatan/2026/2026-11-21-010101010101.json"]);
  });

  test("an invalid record is reported with the change its name points at, instead of unrecorded-change", () => {
    const bad = { path: "catatan/2026/2026-11-20-020202020202.json", bytes: Buffer.from("{") };
    const stray = { path: "catatan/2026/catatan-lama.json", bytes: Buffer.from("[]") };
    const r = audit(input([change(1), change(2, "jdih")], [rec(1), bad, stray]));
    expect(r.changes.map((c) => c.findings)).toEqual([[], ["invalid-record"]]);
    expect(r.findings).toEqual([
      { code: "invalid-record", severity: "error", commit: sha(2), pullRequest: null, requests: ["jdih"], message: "catatan catatan/2026/2026-11-20-020202020202.json tidak sah: bukan JSON yang sah (baris 1, kolom 2)" },
      { code: "invalid-record", severity: "error", commit: null, pullRequest: null, requests: [], message: "catatan catatan/2026/catatan-lama.json tidak sah: (akar): Input tidak valid: diharapkan object, diterima array" },
    ]);
  });
});

describe("audit: filters", () => {
  // Change n is at T0 + n hours = 08:00 WIB + n hours on 2026-11-20: change 16 and later fall on 2026-11-21 WIB.
  const changes = [change(1, "aa"), change(15, "bb"), change(16, "bb"), change(40, "cc")];
  const records = [rec(1), rec(15, { requests: { bb: "passed", xx: "failed" } }), rec(16), rec(40), rec(50)];
  const f = (filter: Parameters<typeof audit>[1]) => {
    const r = audit(input(changes, records), filter);
    return [r.changes.map((c) => c.commit.slice(0, 2)), r.findings.map((x) => `${x.code}:${x.commit!.slice(0, 2)}`)];
  };
  test.each([
    ["nothing", {}, ["01", "15", "16", "40"], ["verify-failed:15", "orphan-record:50"]],
    ["--since, a day in WIB", { since: "2026-11-21" }, ["16", "40"], ["orphan-record:50"]],
    ["--until", { until: "2026-11-20" }, ["01", "15"], ["verify-failed:15"]],
    ["--since and --until the same day", { since: "2026-11-21", until: "2026-11-21" }, ["16"], []],
    ["--request keeps its changes and not another request's verification", { request: "bb" }, ["15", "16"], []],
    ["--request for a request only an orphan names", { request: "sibapo" }, [], ["orphan-record:50"]],
  ])("%s", (_name, filter, commits, findings) => {
    expect(f(filter)).toEqual([commits, findings]);
  });
});

test.each([
  [["requests/subdomain/sibapo.yaml", "requests/vm/sibapo-app.yaml", "requests/subdomain/sibapo.yaml"], ["sibapo", "sibapo-app"]],
  [["Pulumi.contoh.yaml", "policies/config.json", "requests/README.md", "requests/vm/x/y.yaml"], []],
])("requestIds(%j) = %j", (paths, ids) => {
  expect(requestIds(paths.map((path) => ({ status: "M", path })))).toEqual(ids);
});

test("isoUtc", () => expect(isoUtc(T0)).toBe("2026-11-20T01:00:00Z"));
