/**
 * `pusdat audit` on real repositories built in temp folders (removed after each test), with fixed
 * commit dates so that outputs are exact.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { main } from "../scripts/cli";
import { AuditRepo, type RecordOptions, request, stackFile } from "./support/audit-repo";

const CLI = path.resolve(__dirname, "../scripts/pusdat.js");
const STACK = "Pulumi.contoh.yaml";
const short = (s: string) => s.slice(0, 12);

let repo: AuditRepo;
beforeEach(() => (repo = new AuditRepo()));
afterEach(() => repo.dispose());

async function audit(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["audit", "--repo", repo.dir, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const json = async (...args: string[]) => {
  const r = await audit("--format", "json", ...args);
  return { code: r.code, report: JSON.parse(r.out), err: r.err };
};
const codesOf = async (...args: string[]) => {
  const { code, report } = await json(...args);
  return { code, changes: report.changes.map((c: { findings: string[] }) => c.findings), findings: report.findings.map((f: { code: string }) => f.code) };
};

/** main: the root (stack with the Kabid and the Sekdis, request sibapo), recorded and approved. */
function start(approvers = ["kabid-spbe", "sekdis-kominfo"]): string {
  return repo.commit("Awal: stack dan permintaan sibapo", { [STACK]: stackFile(approvers), "requests/subdomain/sibapo.yaml": request("sibapo") });
}

describe("pusdat audit: a clean history in every format", () => {
  let root: string, squash: string, merge: string;
  beforeEach(() => {
    root = start();
    repo.checkout("-b", "jdih");
    repo.commit("Subdomain jdih", { "requests/subdomain/jdih.yaml": request("jdih") });
    const jdihHead = repo.commit("Subdomain jdih: perbaiki", { "requests/subdomain/jdih.yaml": `${request("jdih")}# diperbaiki\n` });
    repo.checkout("main");
    repo.git(["merge", "--squash", "-q", "jdih"]);
    squash = repo.commit("Subdomain jdih (#2)", {});
    repo.checkout("-b", "ppid");
    const ppidHead = repo.commit("Subdomain ppid", { "requests/subdomain/ppid.yaml": request("ppid") });
    repo.checkout("main");
    merge = repo.commitWith(["merge", "--no-ff", "-q", "-m", "Merge pull request #3 dari ppid", "ppid"]);
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
    const r = spawnSync(process.execPath, [CLI, "audit", "--format", "csv"], { cwd: path.join(repo.dir, "requests"), encoding: "utf8" });
    expect([r.status, r.stderr, r.stdout.split("\r\n").length]).toEqual([0, "", 5]);
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
    repo.git(["reset", "-q", "--hard", root]);
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

describe("pusdat audit: the rules of ARCHIVE.md on real histories", () => {
  test("every code at once, in one history, with exact messages", async () => {
    const root = start();
    const a = repo.commit("Subdomain jdih", { "requests/subdomain/jdih.yaml": request("jdih") }); // stale, failed apply, failed verify
    const b = repo.commit("Subdomain ppid", { "requests/subdomain/ppid.yaml": request("ppid") }); // self-approval
    const d = repo.commit("Push langsung", { "requests/subdomain/ppid.yaml": null }); // unrecorded
    repo.archive([
      repo.record(root),
      repo.record(a, { number: 2, approvals: [["kabid-spbe", "c".repeat(40)]], apply: "failed", requests: { jdih: "failed" } }),
      repo.record(b, { number: 3, approvals: [["teknisi-rina"]], requests: { ppid: "passed" } }),
      repo.record("e".repeat(40), { number: 9, requests: { lama: "passed" } }),
    ]);
    const r = await audit();
    expect(r.code).toBe(1);
    expect(r.out.split("\n").slice(2)).toEqual([
      "Perubahan (4; tanggal WIB):",
      `  2026-11-20 ${short(root)} PR #1 [sibapo] disetujui: kabid-spbe — sesuai`,
      `  2026-11-20 ${short(a)} PR #2 [jdih] disetujui: kabid-spbe — stale-approval, apply-failed, verify-failed`,
      `  2026-11-20 ${short(b)} PR #3 [ppid] disetujui: - — self-approval`,
      `  2026-11-20 ${short(d)} tanpa catatan [ppid] disetujui: - — unrecorded-change`,
      "",
      "Temuan (6):",
      `  galat stale-approval ${short(a)} PR #2 [jdih]: PR #2 berubah setelah disetujui: persetujuan kabid-spbe untuk cccccccccccc, sedangkan head saat digabung aaaaaaaaaaaa`,
      `  peringatan apply-failed ${short(a)} PR #2 [jdih]: penerapan commit ${short(a)} gagal (mulai 2026-11-20T02:00:10Z, selesai 2026-11-20T02:01:00Z; catatan/2026/2026-11-20-${short(a)}.json)`,
      `  peringatan verify-failed ${short(a)} PR #2 [jdih]: verifikasi jdih gagal pada 2026-11-20T02:01:00Z: pemeriksaan yang gagal: dns (jdih.contohkab.go.id A 203.0.113.10)`,
      `  galat self-approval ${short(b)} PR #3 [ppid]: PR #3 hanya disetujui oleh pengusulnya sendiri (teknisi-rina)`,
      `  galat unrecorded-change ${short(d)} [ppid]: perubahan ${short(d)} (2026-11-20T04:00:00Z, oleh Teknisi Uji: "Push langsung") tidak punya catatan di arsip: push langsung ke main, atau penerapan yang tidak menulis catatan`,
      `  galat orphan-record eeeeeeeeeeee PR #9 [lama]: catatan catatan/2026/2026-11-20-eeeeeeeeeeee.json menyebut commit eeeeeeeeeeee yang tidak ada di riwayat first-parent main (riwayat ditulis ulang, atau catatan dari cabang lain)`,
      "",
      "Ringkasan: 4 perubahan, 4 galat, 2 peringatan.",
      "",
    ]);
    const csv = (await audit("--format", "csv")).out.split("\r\n");
    expect(csv[2]).toBe(
      `${a},2026-11-20T02:00:00Z,2,jdih,kabid-spbe,stale-approval,error,"PR #2 berubah setelah disetujui: persetujuan kabid-spbe untuk cccccccccccc, sedangkan head saat digabung aaaaaaaaaaaa"`,
    );
    expect(csv[7]).toBe(
      `${"e".repeat(40)},,9,lama,,orphan-record,error,"catatan catatan/2026/2026-11-20-eeeeeeeeeeee.json menyebut commit eeeeeeeeeeee yang tidak ada di riwayat first-parent main (riwayat ditulis ulang, atau catatan dari cabang lain)"`,
    );
    expect(csv.length).toBe(9);
  });

  test("the parent-commit rule: a pull request that adds an approver is judged by the list before it", async () => {
    const root = start(["kabid-spbe"]);
    const addsAgus = repo.commit("Agus jadi pemberi persetujuan", { [STACK]: stackFile(["kabid-spbe", "teknisi-agus"]), "requests/subdomain/jdih.yaml": request("jdih") });
    const addsRina = repo.commit("Rina menambahkan dirinya", { [STACK]: stackFile(["kabid-spbe", "teknisi-agus", "teknisi-rina"]) });
    const next = repo.commit("Subdomain ppid", { "requests/subdomain/ppid.yaml": request("ppid") });
    repo.archive([
      repo.record(root),
      repo.record(addsAgus, { number: 2, approvals: [["teknisi-agus"]], requests: { jdih: "passed" } }),
      repo.record(addsRina, { number: 3, author: "teknisi-rina", approvals: [["teknisi-rina"]], requests: {} }),
      repo.record(next, { number: 4, approvals: [["teknisi-agus"]], requests: { ppid: "passed" } }),
    ]);
    const { code, report } = await json();
    expect(code).toBe(1);
    expect(report.changes.map((c: { findings: string[]; approvedBy: string[]; requests: string[] }) => [c.findings, c.approvedBy, c.requests])).toEqual([
      [[], ["kabid-spbe"], ["sibapo"]],
      [["unauthorised-approver"], [], ["jdih"]],
      [["self-approval"], [], []],
      [[], ["teknisi-agus"], ["ppid"]],
    ]);
    expect(report.findings[0].message).toBe(
      `PR #2: tidak ada persetujuan dari pemberi persetujuan yang sah selain pengusul (disetujui oleh: teknisi-agus; pusdat:approvers di commit induk ${short(root)}: kabid-spbe)`,
    );
  });

  test("a root commit is judged against the approvers list in itself", async () => {
    const root = start(["sekdis-kominfo"]);
    repo.archive([repo.record(root, { approvals: [["kabid-spbe"]] })]);
    const { code, report } = await json();
    expect([code, report.findings.map((f: { message: string }) => f.message)]).toEqual([
      1,
      [`PR #1: tidak ada persetujuan dari pemberi persetujuan yang sah selain pengusul (disetujui oleh: kabid-spbe; pusdat:approvers di commit akar ${short(root)} itu sendiri: sekdis-kominfo)`],
    ]);
  });

  test("a merge commit on the first-parent line is the change, with its first-parent diff", async () => {
    const root = start();
    repo.checkout("-b", "fitur");
    const head = repo.commit("Subdomain ppid", { "requests/subdomain/ppid.yaml": request("ppid") });
    repo.checkout("main");
    const between = repo.commit("Subdomain jdih", { "requests/subdomain/jdih.yaml": request("jdih") });
    const merge = repo.commitWith(["merge", "--no-ff", "-q", "-m", "Merge pull request #3", "fitur"]);
    repo.archive([repo.record(root), repo.record(between, { number: 2, requests: { jdih: "passed" } }), repo.record(merge, { number: 3, headSha: head, requests: { ppid: "passed" } })]);
    const { code, report } = await json();
    expect(code).toBe(0);
    expect(report.changes.map((c: { commit: string; requests: string[] }) => [c.commit, c.requests])).toEqual([[root, ["sibapo"]], [between, ["jdih"]], [merge, ["ppid"]]]);
  });

  test("rebase merges: each rebased commit is a change of its own and needs its own record", async () => {
    const root = start();
    repo.checkout("-b", "fitur");
    const one = repo.commit("Subdomain ppid", { "requests/subdomain/ppid.yaml": request("ppid") });
    const two = repo.commit("Subdomain jdih", { "requests/subdomain/jdih.yaml": request("jdih") });
    repo.checkout("main");
    repo.commit("Ubah sibapo", { "requests/subdomain/sibapo.yaml": `${request("sibapo")}# ubah\n` });
    const rebasedOne = repo.commitWith(["cherry-pick", one]);
    const rebasedTwo = repo.commitWith(["cherry-pick", two]);
    const pr: RecordOptions = { number: 3, headSha: two, requests: { ppid: "passed", jdih: "passed" } };
    const sibapo = repo.head("main~2");
    repo.archive([repo.record(root), repo.record(sibapo, { number: 2 }), repo.record(rebasedTwo, pr)]);
    const only = await codesOf();
    expect(only).toEqual({ code: 1, changes: [[], [], ["unrecorded-change"], []], findings: ["unrecorded-change"] });
    repo.archive([repo.record(rebasedOne, pr)]);
    expect(await codesOf()).toEqual({ code: 0, changes: [[], [], [], []], findings: [] });
  });

  test("records of another stack are not this stack's, and --stack chooses the approvers file", async () => {
    const root = repo.commit("Awal dua stack", {
      [STACK]: stackFile(["kabid-spbe"]),
      "Pulumi.produksi.yaml": stackFile(["sekdis-kominfo"]),
      "requests/subdomain/sibapo.yaml": request("sibapo"),
    });
    repo.archive([repo.record(root), repo.record(root, { stack: "produksi", approvals: [["sekdis-kominfo"]], finishedAt: 1795500000 })]);
    expect(await codesOf()).toEqual({ code: 0, changes: [[]], findings: [] });
    expect(await codesOf("--stack", "produksi")).toEqual({ code: 0, changes: [[]], findings: [] });
  });
});

describe("pusdat audit --request: the whole life of one request", () => {
  test("text and json", async () => {
    const root = start();
    const update = repo.commit("sibapo: ubah", { "requests/subdomain/sibapo.yaml": `${request("sibapo")}# ubah\n`, "requests/subdomain/jdih.yaml": request("jdih") });
    repo.commit("Subdomain ppid", { "requests/subdomain/ppid.yaml": request("ppid") });
    const gone = repo.commit("sibapo: hapus", { "requests/subdomain/sibapo.yaml": null });
    repo.archive([repo.record(root), repo.record(update, { number: 2, requests: { sibapo: "failed", jdih: "passed" } })]);
    const r = await audit("--request", "sibapo");
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      [
        `Riwayat permintaan sibapo: stack contoh; main = main (${short(gone)}); arsip = arsip (${short(repo.head("arsip"))})`,
        "3 perubahan (tanggal WIB)",
        "",
        `2026-11-20 commit ${short(root)} "Awal: stack dan permintaan sibapo"`,
        "  berkas: Pulumi.contoh.yaml (ditambah), requests/subdomain/sibapo.yaml (ditambah)",
        "  pull request: #1 https://forge.contohkab.go.id/diskominfo/layanan/pulls/1 \"Permintaan uji\"",
        "  pengusul: teknisi-rina; dibuat 2026-11-19T23:01:00Z; digabung oleh kabid-spbe pada 2026-11-20T00:59:00Z; head aaaaaaaaaaaa",
        "  persetujuan: kabid-spbe (2026-11-20T00:51:00Z, untuk aaaaaaaaaaaa)",
        "  disetujui oleh (yang sah): kabid-spbe",
        `  penerapan: succeeded (2026-11-20T01:00:10Z s.d. 2026-11-20T01:01:00Z); catatan catatan/2026/2026-11-20-${short(root)}.json`,
        "  perubahan: create (Subdomain); verifikasi: passed (2026-11-20T01:01:00Z)",
        "    - dns: passed (sibapo.contohkab.go.id A 203.0.113.10)",
        "  dokumen:",
        `    - berita-acara dokumen/sibapo/2026-11-20-${short(root)}-berita-acara.pdf sha256 ${"b".repeat(64)}`,
        "  temuan: sesuai",
        "",
        `2026-11-20 commit ${short(update)} "sibapo: ubah"`,
        "  berkas: requests/subdomain/jdih.yaml (ditambah), requests/subdomain/sibapo.yaml (diubah)",
        "  pull request: #2 https://forge.contohkab.go.id/diskominfo/layanan/pulls/2 \"Permintaan uji\"",
        "  pengusul: teknisi-rina; dibuat 2026-11-20T00:01:00Z; digabung oleh kabid-spbe pada 2026-11-20T01:59:00Z; head aaaaaaaaaaaa",
        "  persetujuan: kabid-spbe (2026-11-20T01:51:00Z, untuk aaaaaaaaaaaa)",
        "  disetujui oleh (yang sah): kabid-spbe",
        `  penerapan: succeeded (2026-11-20T02:00:10Z s.d. 2026-11-20T02:01:00Z); catatan catatan/2026/2026-11-20-${short(update)}.json`,
        "  perubahan: create (Subdomain); verifikasi: failed (2026-11-20T02:01:00Z)",
        "    - dns: failed (sibapo.contohkab.go.id A 203.0.113.10)",
        "  dokumen:",
        `    - berita-acara dokumen/sibapo/2026-11-20-${short(update)}-berita-acara.pdf sha256 ${"b".repeat(64)}`,
        "  temuan: verify-failed",
        "",
        `2026-11-20 commit ${short(gone)} "sibapo: hapus"`,
        "  berkas: requests/subdomain/sibapo.yaml (dihapus)",
        "  commit oleh: Teknisi Uji",
        "  catatan: tidak ada di arsip",
        "  temuan: unrecorded-change",
        "",
        "Temuan (2):",
        `  peringatan verify-failed ${short(update)} PR #2 [sibapo]: verifikasi sibapo gagal pada 2026-11-20T02:01:00Z: pemeriksaan yang gagal: dns (sibapo.contohkab.go.id A 203.0.113.10)`,
        `  galat unrecorded-change ${short(gone)} [sibapo]: perubahan ${short(gone)} (2026-11-20T04:00:00Z, oleh Teknisi Uji: "sibapo: hapus") tidak punya catatan di arsip: push langsung ke main, atau penerapan yang tidak menulis catatan`,
        "",
        "Ringkasan: 3 perubahan, 1 galat, 1 peringatan.",
        "",
      ].join("\n"),
    );
    const j = await json("--request", "jdih");
    expect(j.code).toBe(0);
    const rec = repo.record(update, { number: 2, requests: { sibapo: "failed", jdih: "passed" } });
    expect(j.report).toEqual({
      schema: "pusdat-audit-request/v1",
      stack: "contoh",
      request: "jdih",
      changes: [
        {
          commit: update, date: "2026-11-20T02:00:00Z", subject: "sibapo: ubah", gitAuthor: "Teknisi Uji",
          files: [{ status: "A", path: "requests/subdomain/jdih.yaml" }, { status: "M", path: "requests/subdomain/sibapo.yaml" }],
          record: `catatan/2026/2026-11-20-${short(update)}.json`,
          pullRequest: rec.pullRequest, approvedBy: ["kabid-spbe"], apply: rec.apply, request: rec.requests[1], findings: [],
        },
      ],
      findings: [],
      summary: { changes: 1, errors: 0, warnings: 0 },
    });
    const csv = await audit("--request", "jdih", "--format", "csv");
    expect(csv.out).toBe(
      "commit,date,pullRequest,url,author,mergedBy,approvedBy,apply,change,verify,documents,findings\r\n" +
        `${update},2026-11-20T02:00:00Z,2,https://forge.contohkab.go.id/diskominfo/layanan/pulls/2,teknisi-rina,kabid-spbe,kabid-spbe,succeeded,create,passed,dokumen/jdih/2026-11-20-${short(update)}-berita-acara.pdf sha256:${"b".repeat(64)},\r\n`,
    );
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
