/**
 * After the merge, as the apply workflow runs it: `pusdat docs` then `pusdat arsip` in a real
 * repository, the pull request read from a local forge on 127.0.0.1, the arsip branch written beside
 * the user's work tree. No password or token reaches any output, document or record.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { ArchiveRecord } from "../infra/core/archive/record";
import { main } from "../scripts/cli";
import { FAKE_PASSWORD } from "./support/documents";
import { gitRepo } from "./support/project";

let repo: ReturnType<typeof gitRepo>;
let out: string;
let server: http.Server;
let api: string;
let forgeStatus = 200;
const cwd = process.cwd();
const env = { ...process.env };
const D1 = "2026-11-20";

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let o = "";
  let e = "";
  const code = await main(args, { out: (t) => (o += t), err: (t) => (e += t) });
  return { code, out: o, err: e };
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const show = (p: string) => Buffer.from(repo.git("show", `arsip:${p}`), "utf8");
const userState = () => ({ head: repo.git("rev-parse", "HEAD"), index: repo.git("ls-files", "-s"), status: repo.git("status", "--porcelain") });

let before: string;
let merge: string;

beforeAll(async () => {
  repo = gitRepo();
  out = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-docs-"));
  before = repo.git("rev-parse", "HEAD").trim();
  repo.edit("subdomain/sibapo", { metadata: { purpose: "Aplikasi informasi harga bahan pokok bagi masyarakat" } });
  repo.edit("hosting/kec-kota", { metadata: { status: "decommissioned", decommission: { notaDinas: { number: "000.8.3.3/077/KEC/2026", date: "2026-11-15" }, finalBackup: "cpmove-keckota-2026-11-19.tar.gz" } } });
  repo.git("add", "-A");
  repo.git("commit", "-q", "-m", "Ubah sibapo, hentikan kec-kota");
  merge = repo.git("rev-parse", "HEAD").trim();
  // An untracked file and a staged change the commands must leave alone.
  fs.writeFileSync(path.join(repo.dir, "catatan-pribadi.txt"), "jangan disentuh\n");
  fs.writeFileSync(path.join(repo.dir, "staged.txt"), "di index\n");
  repo.git("add", "staged.txt");

  server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "", "http://x");
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (forgeStatus !== 200) return send(forgeStatus, { message: "Bad credentials" });
    if (req.headers.authorization !== `Bearer ${FAKE_PASSWORD}`) return send(401, { message: "Bad credentials" });
    const pull = { number: 12, html_url: "https://forge.example/pemkab/pusdat/pull/12", title: "Ubah sibapo, hentikan kec-kota", user: { login: "teknisi-rina" }, head: { sha: merge }, created_at: "2026-11-20T02:10:00Z", merged_at: "2026-11-20T05:00:00Z", merge_commit_sha: merge };
    if (u.pathname === `/repos/pemkab/pusdat/commits/${merge}/pulls`) return send(200, [pull]);
    if (u.pathname === "/repos/pemkab/pusdat/pulls/12") return send(200, { ...pull, merged_by: { login: "kabid-spbe" } });
    if (u.pathname === "/repos/pemkab/pusdat/pulls/12/reviews") return send(200, [{ user: { login: "kabid-spbe" }, state: "APPROVED", commit_id: merge, submitted_at: "2026-11-20T04:55:00Z" }]);
    send(404, { message: "Not Found" });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The workflow's token, here a value that must never be written anywhere.
  process.env.GITHUB_TOKEN = FAKE_PASSWORD;
  process.env.GITHUB_REPOSITORY = "pemkab/pusdat";
  process.chdir(repo.dir);
  fs.writeFileSync(path.join(out, "verify.json"), JSON.stringify({
    requests: [{ id: "sibapo", result: "passed", at: "2026-11-20T05:04:30Z", password: FAKE_PASSWORD, checks: [{ name: "dns", result: "passed", detail: "sibapo.contohkab.go.id A 203.0.113.10" }] }],
  }));
}, 60_000);

afterAll(async () => {
  process.chdir(cwd);
  process.env = env;
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  fs.rmSync(repo.dir, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

const docsArgs = () => ["docs", "--changed-since", before, "--commit", merge, "--verify-file", path.join(out, "verify.json"), "--applied-at", "2026-11-20T05:03:40Z", "--out", path.join(out, "keluar")];
const arsipArgs = () => [
  "arsip", "--changed-since", before, "--commit", merge, "--apply-result", "succeeded", "--apply-started", "2026-11-20T05:01:10Z", "--apply-finished", "2026-11-20T05:03:40Z",
  "--verify-file", path.join(out, "verify.json"), "--docs", path.join(out, "keluar"), "--forge-api", api, "--timeout", "5", "--summary", path.join(out, "ringkasan.md"),
];

let docsRun: Awaited<ReturnType<typeof run>>;
let arsipRun: Awaited<ReturnType<typeof run>>;
let state: ReturnType<typeof userState>;

test("pusdat docs writes the documents of the changed requests, numbered from 1", async () => {
  state = userState();
  docsRun = await run(...docsArgs());
  expect(docsRun.err).toBe("");
  expect(docsRun.code).toBe(0);
  const c12 = merge.slice(0, 12);
  const lines = docsRun.out.trim().split("\n");
  expect(lines.map((l) => l.split("\t").slice(0, 2))).toEqual([
    ["000.8.3.3/1/DISKOMINFO/2026", `dokumen/kec-kota/${D1}-${c12}-berita-acara.pdf`],
    ["000.8.3.3/2/DISKOMINFO/2026", `dokumen/kec-kota/${D1}-${c12}-nota-dinas-balasan.pdf`],
    ["000.8.3.3/3/DISKOMINFO/2026", `dokumen/sibapo/${D1}-${c12}-berita-acara.pdf`],
    ["000.8.3.3/4/DISKOMINFO/2026", `dokumen/sibapo/${D1}-${c12}-nota-dinas-balasan.pdf`],
    [`4 dokumen untuk 2 permintaan ditulis ke ${path.join(out, "keluar")}`],
  ]);
});

test("pusdat arsip commits the record, the PDFs and the register to a new arsip branch", async () => {
  arsipRun = await run(...arsipArgs());
  expect(arsipRun.err).toBe("");
  expect(arsipRun.code).toBe(0);
  const c12 = merge.slice(0, 12);
  expect(repo.git("ls-tree", "-r", "--name-only", "arsip").trim().split("\n")).toEqual([
    `catatan/2026/${D1}-${c12}.json`,
    `dokumen/kec-kota/${D1}-${c12}-berita-acara.pdf`,
    `dokumen/kec-kota/${D1}-${c12}-nota-dinas-balasan.pdf`,
    "dokumen/register.json",
    `dokumen/sibapo/${D1}-${c12}-berita-acara.pdf`,
    `dokumen/sibapo/${D1}-${c12}-nota-dinas-balasan.pdf`,
  ]);
  const record = ArchiveRecord.parse(JSON.parse(show(`catatan/2026/${D1}-${c12}.json`).toString()));
  expect(record.pullRequest).toEqual({
    number: 12, url: "https://forge.example/pemkab/pusdat/pull/12", title: "Ubah sibapo, hentikan kec-kota", author: "teknisi-rina", headSha: merge,
    createdAt: "2026-11-20T02:10:00Z", mergedAt: "2026-11-20T05:00:00Z", mergedBy: "kabid-spbe",
    approvals: [{ login: "kabid-spbe", submittedAt: "2026-11-20T04:55:00Z", commit: merge }],
  });
  expect(record.apply).toEqual({ startedAt: "2026-11-20T05:01:10Z", finishedAt: "2026-11-20T05:03:40Z", result: "succeeded" });
  expect(record.requests.map((r) => [r.id, r.kind, r.change, r.verify.result, r.documents.map((d) => d.type)])).toEqual([
    ["kec-kota", "HostingAccount", "decommission", "skipped", ["berita-acara", "nota-dinas-balasan"]],
    ["sibapo", "Subdomain", "update", "passed", ["berita-acara", "nota-dinas-balasan"]],
  ]);
  for (const r of record.requests) {
    for (const d of r.documents) {
      const bytes = fs.readFileSync(path.join(out, "keluar", d.path));
      expect([d.path, d.sha256]).toEqual([d.path, sha(bytes)]);
      expect(repo.git("rev-parse", `arsip:${d.path}`).trim()).toBe(repo.git("hash-object", path.join(out, "keluar", d.path)).trim());
    }
  }
});

test("the summary for the pull request comment names the documents with their numbers", () => {
  const text = fs.readFileSync(path.join(out, "ringkasan.md"), "utf8");
  expect(text.split("\n").slice(0, 1)).toEqual([`### ✅ Commit \`${merge.slice(0, 12)}\` diterapkan; tidak ada uji akses yang gagal`]);
  expect(text).toContain("| `kec-kota` | HostingAccount | dihentikan | tidak diuji | Berita Acara (000.8.3.3/1/DISKOMINFO/2026), Nota Dinas Balasan (000.8.3.3/2/DISKOMINFO/2026) |");
  expect(text).toContain("| `sibapo` | Subdomain | diubah | berhasil | Berita Acara (000.8.3.3/3/DISKOMINFO/2026), Nota Dinas Balasan (000.8.3.3/4/DISKOMINFO/2026) |");
});

test("the user's HEAD, index and work tree are as they were", () => {
  expect(userState()).toEqual(state);
  expect(fs.readFileSync(path.join(repo.dir, "catatan-pribadi.txt"), "utf8")).toBe("jangan disentuh\n");
});

test("nothing carries the token or the password: outputs, documents, record, register", () => {
  const everything = [docsRun.out, docsRun.err, arsipRun.out, arsipRun.err];
  for (const p of repo.git("ls-tree", "-r", "--name-only", "arsip").trim().split("\n")) everything.push(repo.git("cat-file", "-p", `arsip:${p}`));
  expect(everything.filter((t) => t.includes(FAKE_PASSWORD))).toEqual([]);
});

test("running arsip again refuses to rewrite the record, exit 1, branch unchanged", async () => {
  const tip = repo.git("rev-parse", "arsip");
  const again = await run(...arsipArgs());
  expect(again.code).toBe(1);
  expect(again.err).toMatch(/^pusdat arsip: berkas sudah ada di cabang arsip dan tidak boleh ditulis ulang: catatan\/2026\/2026-11-20-[0-9a-f]{12}\.json, .*; catatan arsip tidak pernah ditulis ulang\n$/);
  expect(repo.git("rev-parse", "arsip")).toBe(tip);
});

test("the next change's documents continue the numbering from the register on the branch", async () => {
  repo.edit("subdomain/ppid", { metadata: { purpose: "Portal PPID dengan layanan permohonan informasi daring" } });
  repo.git("add", "requests");
  repo.git("commit", "-q", "-m", "Ubah ppid");
  const next = await run("docs", "--changed-since", merge, "--applied-at", "2026-11-21T01:00:00Z", "--out", path.join(out, "keluar2"));
  expect(next.code).toBe(0);
  expect(next.out.split("\n").map((l) => l.split("\t")[0]).slice(0, 2)).toEqual(["000.8.3.3/5/DISKOMINFO/2026", "000.8.3.3/6/DISKOMINFO/2026"]);
  // The same change documented again keeps its numbers: no number is issued twice.
  const again = await run(...docsArgs());
  expect(again.out.split("\n").map((l) => l.split("\t")[0]).slice(0, 4)).toEqual(["000.8.3.3/1/DISKOMINFO/2026", "000.8.3.3/2/DISKOMINFO/2026", "000.8.3.3/3/DISKOMINFO/2026", "000.8.3.3/4/DISKOMINFO/2026"]);
});

test("a refused token at the forge: exit 1 with the reason, nothing written", async () => {
  forgeStatus = 401;
  const tip = repo.git("rev-parse", "arsip");
  const r = await run("arsip", "--changed-since", merge, "--apply-result", "failed", "--apply-started", "2026-11-21T00:58:00Z", "--apply-finished", "2026-11-21T01:00:00Z", "--docs", path.join(out, "keluar2"), "--forge-api", api);
  forgeStatus = 200;
  expect(r.code).toBe(1);
  expect(r.err).toBe(`pusdat arsip: forge menjawab GET ${api}/repos/pemkab/pusdat/commits/${repo.git("rev-parse", "HEAD").trim()}/pulls: token ditolak (HTTP 401): periksa GITHUB_TOKEN\n`);
  expect(repo.git("rev-parse", "arsip")).toBe(tip);
});

test("a failed apply of invalid requests is still recorded, without requests; a succeeded one is refused", async () => {
  repo.add("subdomain/rusak", { apiVersion: "pusdat/v1", kind: "Subdomain", metadata: { id: "rusak" } });
  repo.git("add", "requests");
  repo.git("commit", "-q", "-m", "Permintaan rusak");
  const head = repo.git("rev-parse", "HEAD").trim();
  fs.writeFileSync(path.join(out, "no-pr.json"), "null\n");
  const args = (result: string) => ["arsip", "--changed-since", merge, "--apply-result", result, "--apply-started", "2026-11-22T01:00:00Z", "--apply-finished", "2026-11-22T01:01:00Z", "--pr-file", path.join(out, "no-pr.json"), "--docs", path.join(out, "kosong")];
  const findings = [
    "requests/subdomain/rusak.yaml:1:1: kolom wajib spec tidak ada; isi dengan: mapping berisi kolom name, target, proxied, ttl [schema]",
    "requests/subdomain/rusak.yaml:3:1: kolom wajib metadata.opd tidak ada; isi dengan: teks: nama Perangkat Daerah [schema]",
    "requests/subdomain/rusak.yaml:3:1: kolom wajib metadata.contact tidak ada; isi dengan: mapping berisi kolom name, email, phone [schema]",
    "requests/subdomain/rusak.yaml:3:1: kolom wajib metadata.notaDinas tidak ada; isi dengan: mapping berisi kolom number, date [schema]",
    "requests/subdomain/rusak.yaml:3:1: kolom wajib metadata.purpose tidak ada; isi dengan: teks: proses bisnis / kegunaan [schema]",
  ].map((l) => `${l}\n`).join("");
  const ok = await run(...args("succeeded"));
  expect([ok.code, ok.err]).toEqual([1, `${findings}pusdat arsip: permintaan memiliki 5 temuan; dokumen hanya dibuat dari permintaan yang sah\n`]);
  const failed = await run(...args("failed"));
  expect([failed.code, failed.err]).toEqual([0, `${findings}peringatan: permintaan memiliki 5 temuan; dokumen hanya dibuat dari permintaan yang sah; penerapan yang gagal dicatat tanpa daftar permintaan\n`]);
  const record = ArchiveRecord.parse(JSON.parse(show(`catatan/2026/2026-11-22-${head.slice(0, 12)}.json`).toString()));
  expect([record.pullRequest, record.apply.result, record.requests]).toEqual([null, "failed", []]);
});

test.each([
  [["arsip", "--apply-result", "succeeded", "--apply-started", "2026-11-20T05:01:10Z", "--apply-finished", "2026-11-20T05:03:40Z", "--pr-file", "x.json"], "sebutkan id permintaan atau --changed-since <ref>\n"],
  [["arsip", "sibapo", "--apply-result", "succeeded", "--apply-started", "kemarin", "--apply-finished", "2026-11-20T05:03:40Z"], "nilai \"kemarin\" untuk --apply-started tidak sah; yang diizinkan: waktu ISO 8601 UTC, mis. 2026-11-20T05:03:40Z\n"],
  [["arsip", "sibapo", "--apply-result", "selesai", "--apply-started", "2026-11-20T05:01:10Z", "--apply-finished", "2026-11-20T05:03:40Z"], "pusdat: nilai \"selesai\" untuk --apply-result tidak sah; yang diizinkan: succeeded, failed\n"],
  [["docs", "--changed-since", "tidak-ada-ref"], "ref git tidak dikenal untuk --changed-since: tidak-ada-ref\n"],
  [["docs", "sibapo", "--verify-file", "/tidak/ada.json"], "berkas hasil uji tidak dapat dibaca: /tidak/ada.json (ENOENT)\n"],
])("usage error, exit 2: %j", async (args, err) => {
  const r = await run(...args);
  expect([r.code, r.err]).toEqual([2, err]);
});
