/**
 * `pusdat audit` on real repositories built in temp folders (removed after each test), with fixed
 * commit dates so that outputs are exact: the formats, each finding seeded alone, usage errors.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { main } from "../scripts/cli";
import { AuditRepo, type RecordOptions, request } from "./support/audit-repo";
import { auditCodes, auditJson, runAudit, short, startMain } from "./support/audit-cli";

// Each test runs several audits (four git processes each): generous on a loaded CI machine.
jest.setTimeout(60_000);

let repo: AuditRepo;
let fresh: AuditRepo;
beforeEach(() => (repo = fresh = new AuditRepo()));
afterEach(() => fresh.dispose());

const audit = (...args: string[]) => runAudit(repo, ...args);
const json = (...args: string[]) => auditJson(repo, ...args);
const codesOf = (...args: string[]) => auditCodes(repo, ...args);
const start = (approvers?: string[]) => startMain(repo, approvers);

const CLI = path.resolve(__dirname, "../scripts/pusdat.js");

describe("pusdat audit: a clean history in every format", () => {
  // Built once and only read by these tests (the last one puts back the refs it moves): a dozen git
  // processes per test was most of this file's time.
  let shared: AuditRepo;
  let root: string, squash: string, merge: string;
  beforeEach(() => (repo = shared));
  afterAll(() => shared.dispose());
  beforeAll(() => {
    repo = shared = new AuditRepo();
    root = start();
    repo.checkout("-b", "jdih");
    repo.commit("Subdomain jdih", { "requests/subdomain/jdih.yaml": request("jdih") });
    const jdihHead = repo.commit("Subdomain jdih: perbaiki", { "requests/subdomain/jdih.yaml": `${request("jdih")}# diperbaiki\n` });
    repo.checkout("main");
    squash = repo.squash("jdih", "Subdomain jdih (#2)");
    repo.checkout("-b", "ppid");
    const ppidHead = repo.commit("Subdomain ppid", { "requests/subdomain/ppid.yaml": request("ppid") });
    repo.checkout("main");
    merge = repo.merge("ppid", "Merge pull request #3 dari ppid");
    repo.archive([
      repo.record(root, { number: 1 }),
      repo.record(squash, { number: 2, headSha: jdihHead, requests: { jdih: "passed" } }),
      repo.record(merge, { number: 3, headSha: ppidHead, approvals: [["sekdis-kominfo"]], requests: { ppid: "passed" } }),
    ]);
  });

  test("text (the default)", async () => {
    const arsip = repo.head("arsip");
    expect(await audit()).toEqual({
      code: 0,
      err: "",
      out: [
        `Audit arsip: stack contoh; main = main (${short(merge)}); arsip = arsip (${short(arsip)})`,
        "",
        "Perubahan (3; tanggal WIB):",
        `  2026-11-20 ${short(root)} PR #1 [sibapo] disetujui: kabid-spbe — sesuai`,
        `  2026-11-20 ${short(squash)} PR #2 [jdih] disetujui: kabid-spbe — sesuai`,
        `  2026-11-20 ${short(merge)} PR #3 [ppid] disetujui: sekdis-kominfo — sesuai`,
        "",
        "Temuan (0):",
        "  tidak ada temuan",
        "",
        "Ringkasan: 3 perubahan, 0 galat, 0 peringatan.",
        "",
      ].join("\n"),
    });
  });

  test("json: exactly pusdat-audit/v1", async () => {
    const r = await audit("--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      schema: "pusdat-audit/v1",
      changes: [
        { commit: root, date: "2026-11-20T01:00:00Z", pullRequest: 1, requests: ["sibapo"], approvedBy: ["kabid-spbe"], findings: [] },
        { commit: squash, date: "2026-11-20T04:00:00Z", pullRequest: 2, requests: ["jdih"], approvedBy: ["kabid-spbe"], findings: [] },
        { commit: merge, date: "2026-11-20T06:00:00Z", pullRequest: 3, requests: ["ppid"], approvedBy: ["sekdis-kominfo"], findings: [] },
      ],
      findings: [],
      summary: { changes: 3, errors: 0, warnings: 0 },
    });
  });

  test("csv: one row per change without findings", async () => {
    const r = await audit("--format", "csv");
    expect(r.out).toBe(
      [
        "commit,date,pullRequest,requests,approvedBy,code,severity,message",
        `${root},2026-11-20T01:00:00Z,1,sibapo,kabid-spbe,,,`,
        `${squash},2026-11-20T04:00:00Z,2,jdih,kabid-spbe,,,`,
        `${merge},2026-11-20T06:00:00Z,3,ppid,sekdis-kominfo,,,`,
        "",
      ].join("\r\n"),
    );
  });

  test("markdown", async () => {
    const r = await audit("--format", "markdown", "--since", "2026-11-20", "--until", "2026-11-20");
    expect(r.out).toBe(
      [
        "## Audit arsip stack `contoh`",
        "",
        `stack contoh; main = main (${short(merge)}); arsip = arsip (${short(repo.head("arsip"))}); tanggal 2026-11-20 s.d. 2026-11-20 WIB.`,
        "",
        "| Tanggal (WIB) | Commit | PR | Permintaan | Disetujui oleh | Temuan |",
        "|---|---|---|---|---|---|",
        `| 2026-11-20 | \`${short(root)}\` | PR #1 | sibapo | kabid-spbe | sesuai |`,
        `| 2026-11-20 | \`${short(squash)}\` | PR #2 | jdih | kabid-spbe | sesuai |`,
        `| 2026-11-20 | \`${short(merge)}\` | PR #3 | ppid | sekdis-kominfo | sesuai |`,
        "",
        "### Temuan",
        "",
        "Tidak ada temuan.",
        "",
        "**Ringkasan:** 3 perubahan, 0 galat, 0 peringatan.",
        "",
      ].join("\n"),
    );
  });

  test("the branch commits of the squash and the merge are not changes; --since and --until pick days in WIB", async () => {
    expect((await json("--since", "2026-11-21")).report.changes).toEqual([]);
    expect((await json("--until", "2026-11-19")).report.summary).toEqual({ changes: 0, errors: 0, warnings: 0 });
  });

  test("a bare clone (git clone --bare) is audited alike", async () => {
    repo.git(["clone", "-q", "--bare", ".", "kloning.git"]);
    let out = "";
    const r = await main(["audit", "--repo", path.join(repo.dir, "kloning.git"), "--format", "csv"], { out: (t) => (out += t), err: (t) => (out += t) });
    expect([r, out.split("\r\n").length, out.startsWith("commit,date,")]).toEqual([0, 5, true]);
  });

  test("the whole process, from inside the clone, with origin/arsip when there is no local arsip", () => {
    repo.git(["update-ref", "refs/remotes/origin/arsip", "arsip"]);
    repo.git(["update-ref", "-d", "refs/heads/arsip"]);
    try {
      const r = spawnSync(process.execPath, [CLI, "audit", "--format", "csv"], { cwd: path.join(repo.dir, "requests"), encoding: "utf8" });
      expect([r.status, r.stderr, r.stdout.split("\r\n").length]).toEqual([0, "", 5]);
    } finally {
      repo.git(["update-ref", "refs/heads/arsip", "refs/remotes/origin/arsip"]);
      repo.git(["update-ref", "-d", "refs/remotes/origin/arsip"]);
    }
  });
});

describe("pusdat audit: each finding seeded alone", () => {
  const OLD = "c".repeat(40);
  const ROWS: Array<[string, RecordOptions | null, string[], number]> = [
    ["unrecorded-change (a direct push)", null, ["unrecorded-change"], 1],
    ["no-approval (pullRequest null)", { noPullRequest: true }, ["no-approval"], 1],
    ["no-approval (no review)", { approvals: [] }, ["no-approval"], 1],
    ["self-approval", { approvals: [["teknisi-rina"]] }, ["self-approval"], 1],
    ["unauthorised-approver", { approvals: [["teknisi-agus"]] }, ["unauthorised-approver"], 1],
    ["stale-approval", { approvals: [["kabid-spbe", OLD]] }, ["stale-approval"], 1],
    ["apply-failed (a warning: exit 0)", { apply: "failed" }, ["apply-failed"], 0],
    ["verify-failed (a warning: exit 0)", { requests: { jdih: "failed" } }, ["verify-failed"], 0],
  ];
  test.each(ROWS)("%s", async (_name, o, codes, exit) => {
    const root = start();
    const c = repo.commit("Subdomain jdih", { "requests/subdomain/jdih.yaml": request("jdih") });
    repo.archive(o ? [repo.record(root), repo.record(c, { number: 2, requests: { jdih: "passed" }, ...o })] : [repo.record(root)]);
    expect(await codesOf()).toEqual({ code: exit, changes: [[], codes], findings: codes });
  });

  test("orphan-record: the record of a commit that a rewritten history dropped", async () => {
    const root = start();
    const dropped = repo.commit("Subdomain jdih", { "requests/subdomain/jdih.yaml": request("jdih") });
    repo.archive([repo.record(root), repo.record(dropped, { number: 2, requests: { jdih: "passed" } })]);
    repo.resetHard(root);
    const again = repo.commit("Subdomain jdih (ditulis ulang)", { "requests/subdomain/jdih.yaml": request("jdih") });
    repo.archive([repo.record(again, { number: 2, requests: { jdih: "passed" } })]);
    const { code, report } = await json();
    expect(code).toBe(1);
    expect(report.changes.map((c: { commit: string }) => c.commit)).toEqual([root, again]);
    expect(report.findings).toEqual([
      {
        code: "orphan-record", severity: "error", commit: dropped, pullRequest: 2, requests: ["jdih"],
        message: `catatan catatan/2026/2026-11-20-${short(dropped)}.json menyebut commit ${short(dropped)} yang tidak ada di riwayat first-parent main (riwayat ditulis ulang, atau catatan dari cabang lain)`,
      },
    ]);
  });

  test("invalid-record: a record that is not pusdat-arsip/v1 is reported, not trusted", async () => {
    const root = start();
    const c = repo.commit("Subdomain jdih", { "requests/subdomain/jdih.yaml": request("jdih") });
    const bad = { ...repo.record(c, { number: 2 }), apply: { result: "succeeded" } };
    repo.archive([repo.record(root), { path: `catatan/2026/2026-11-20-${short(c)}.json`, text: JSON.stringify(bad) }]);
    const { code, report } = await json();
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      {
        code: "invalid-record", severity: "error", commit: c, pullRequest: null, requests: ["jdih"],
        message: `catatan catatan/2026/2026-11-20-${short(c)}.json tidak sah: apply.startedAt: Input tidak valid: diharapkan string, diterima undefined; apply.finishedAt: Input tidak valid: diharapkan string, diterima undefined`,
      },
    ]);
  });
});

describe("pusdat audit: usage errors exit 2 with a message in Bahasa Indonesia", () => {
  beforeEach(() => {
    start();
    repo.archive([]);
  });
  test.each([
    [["--main", "tidak-ada"], 'ref tidak dikenal untuk --main: "tidak-ada"\n'],
    [["--main", "--bukan-ref"], 'ref tidak dikenal untuk --main: "--bukan-ref"\n'],
    [["--arsip", "origin/arsip"], 'ref tidak dikenal untuk --arsip: "origin/arsip"\n'],
    [["--since", "2026-02-30"], 'tanggal "2026-02-30" untuk --since tidak sah; yang diizinkan: tanggal YYYY-MM-DD, mis. 2026-11-20\n'],
    [["--until", "20-11-2026"], 'tanggal "20-11-2026" untuk --until tidak sah; yang diizinkan: tanggal YYYY-MM-DD, mis. 2026-11-20\n'],
    [["--since", "2026-12-01", "--until", "2026-11-01"], "--since 2026-12-01 sesudah --until 2026-11-01; tidak ada tanggal di antaranya\n"],
    [["--stack", "produksi"], "stack tidak dikenal: Pulumi.produksi.yaml tidak pernah ada di riwayat main\n"],
    [["--stack", "../x"], 'nama stack "../x" tidak sah; yang diizinkan: huruf, angka, \'.\', \'_\', \'-\'\n'],
    [["--request", "jdih"], 'permintaan "jdih" tidak pernah ada di riwayat main (requests/<jenis>/jdih.yaml)\n'],
    [["--request", "Sibapo"], 'id permintaan "Sibapo" tidak sah; yang diizinkan: huruf kecil, angka dan \'-\', mis. sibapo\n'],
    [["--tanpa"], "pusdat: opsi tidak dikenal '--tanpa'; lihat pusdat --help\n"],
    [["--format", "xml"], 'pusdat: nilai "xml" untuk --format tidak sah; yang diizinkan: text, markdown, json, csv\n'],
  ])("%j", async (args, err) => {
    expect(await audit(...args)).toEqual({ code: 2, out: "", err });
  });

  test("no archive branch at all, and no repository at all", async () => {
    repo.git(["update-ref", "-d", "refs/heads/arsip"]);
    expect(await audit()).toEqual({ code: 2, out: "", err: "cabang arsip tidak ditemukan (arsip maupun origin/arsip); ambil dulu dengan: git fetch origin arsip\n" });
    const outside = path.join(repo.dir, ".git", "objects");
    let err = "";
    expect(await main(["audit", "--repo", outside], { out: (t) => (err += t), err: (t) => (err += t) })).toBe(2);
    expect(err).toBe(`bukan repositori git: ${outside}\n`);
  });
});
