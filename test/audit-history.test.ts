/**
 * `pusdat audit` on real histories: the rules of ARCHIVE.md (the parent-commit rule, root commits,
 * merge styles, stacks) and one request's whole life. Temp repositories, fixed dates, exact outputs.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { AuditRepo, type RecordOptions, request, stackFile, T0 } from "./support/audit-repo";
import { tempDir } from "./support/tmp";
import { auditCodes, auditJson, runAudit, short, STACK, startMain } from "./support/audit-cli";

// Each test runs several audits (four git processes each): generous on a loaded CI machine.
jest.setTimeout(60_000);

let repo: AuditRepo;
beforeEach(() => (repo = new AuditRepo()));
afterEach(() => repo.dispose());

const audit = (...args: string[]) => runAudit(repo, ...args);
const json = (...args: string[]) => auditJson(repo, ...args);
const codesOf = (...args: string[]) => auditCodes(repo, ...args);
const start = (approvers?: string[]) => startMain(repo, approvers);

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
    const merge = repo.merge("fitur", "Merge pull request #3");
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
    const rebasedOne = repo.cherryPick(one);
    const rebasedTwo = repo.cherryPick(two);
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

describe("the repositories of these tests", () => {
  test("are what git itself writes: the same commit ids for the same files, people and times, and fsck finds nothing wrong", () => {
    const dir = tempDir("gitref");
    let tick = 0;
    const git = (...args: string[]) => {
      const date = `${T0 + tick * 3600} +0000`;
      const env = { ...process.env, GIT_AUTHOR_NAME: "Teknisi Uji", GIT_AUTHOR_EMAIL: "uji@contohkab.go.id", GIT_COMMITTER_NAME: "Teknisi Uji", GIT_COMMITTER_EMAIL: "uji@contohkab.go.id", GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
      return execFileSync("git", ["-C", dir, "-c", "commit.gpgsign=false", ...args], { encoding: "utf8", env }).trim();
    };
    const commit = (message: string, files: Record<string, string>) => {
      for (const [rel, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
      }
      git("add", "-A");
      git("commit", "-q", "-m", message);
      tick++;
      return git("rev-parse", "HEAD");
    };
    git("init", "-q", "-b", "main");
    const byGit = [commit("Awal", { [STACK]: stackFile(["kabid-spbe"]), "requests/subdomain/sibapo.yaml": request("sibapo") })];
    git("checkout", "-q", "-b", "fitur");
    byGit.push(commit("Subdomain ppid", { "requests/subdomain/ppid.yaml": request("ppid") }));
    git("checkout", "-q", "main");
    byGit.push(commit("Subdomain jdih", { "requests/subdomain/jdih.yaml": request("jdih") }));
    git("merge", "--no-ff", "-q", "-m", "Merge pull request #3", "fitur");
    byGit.push(git("rev-parse", "HEAD"));

    const written = [repo.commit("Awal", { [STACK]: stackFile(["kabid-spbe"]), "requests/subdomain/sibapo.yaml": request("sibapo") })];
    repo.checkout("-b", "fitur");
    written.push(repo.commit("Subdomain ppid", { "requests/subdomain/ppid.yaml": request("ppid") }));
    repo.checkout("main");
    written.push(repo.commit("Subdomain jdih", { "requests/subdomain/jdih.yaml": request("jdih") }));
    written.push(repo.merge("fitur", "Merge pull request #3"));
    expect(written).toEqual(byGit);
    expect(repo.git(["fsck", "--strict", "--no-progress"])).toBe("");
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
