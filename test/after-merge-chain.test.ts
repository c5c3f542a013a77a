/**
 * The apply workflow's steps after `pulumi up`, chained as terapkan.yml chains them, offline: a merge
 * changes a request; `pusdat verify --changed-since` tests it against real protocol servers on
 * 127.0.0.1 and writes JSON; `pusdat docs` and `pusdat arsip` read that file as it is. The record on
 * the arsip branch carries exactly the access test verify reported, and the Berita Acara cites it.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { ArchiveRecord } from "../infra/core/archive/record";
import { main } from "../scripts/cli";
import { pdfLines } from "./support/pdf-text";
import { tempDir } from "./support/tmp";
import { cli, type World, world } from "./support/verify-world";

jest.setTimeout(90_000);

const REPO = path.resolve(__dirname, "..");
const POLICY = path.join(REPO, "policies/config.json");
let w: World;
const cwd = process.cwd();

beforeAll(async () => {
  w = await world();
  // The documents need the letterhead and the signer: take the sample stack's invented ones.
  const sample = parse(fs.readFileSync(path.join(REPO, "Pulumi.contoh.yaml"), "utf8")).config;
  const stackFile = path.join(w.root, "Pulumi.uji.yaml");
  const stack = parse(fs.readFileSync(stackFile, "utf8"));
  stack.config["pusdat:organisation"] = sample["pusdat:organisation"];
  stack.config["pusdat:approvers"] = sample["pusdat:approvers"];
  fs.writeFileSync(stackFile, stringify(stack));
});

afterAll(async () => {
  process.chdir(cwd);
  await w.stop();
});

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

test("verify → docs → arsip: the record holds verify's own result and the documents that cite it", async () => {
  const git = (...a: string[]) => execFileSync("git", ["-C", w.root, "-c", "user.name=Teknisi Uji", "-c", "user.email=teknisi@uji.test", ...a], { encoding: "utf8" }).trim();
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "awal");
  const before = git("rev-parse", "HEAD");
  const file = path.join(w.root, "requests/subdomain/ppid.yaml");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/purpose: .*/, "purpose: Portal Pejabat Pengelola Informasi dan Dokumentasi yang diperbarui"));
  git("commit", "-qam", "Ubah ppid");
  const merge = git("rev-parse", "HEAD");

  const verify = await cli(w, ["--changed-since", before, "--format", "json"]);
  expect([verify.code, verify.err]).toEqual([0, ""]);
  const out = tempDir("chain");
  const verifyFile = path.join(out, "verify.json");
  fs.writeFileSync(verifyFile, verify.out);
  const reported = JSON.parse(verify.out).requests.ppid.verify;
  expect([reported.result, reported.checks.map((c: { name: string; detail: string }) => [c.name, c.detail])]).toEqual([
    "passed",
    [["dns", `ppid.uji.test A 203.0.113.20 (resolver ${w.dns.address})`]],
  ]);

  fs.writeFileSync(path.join(out, "pr.json"), JSON.stringify({
    number: 31, html_url: "https://forge.example/pemkab/pusdat/pull/31", title: "Ubah ppid", user: { login: "teknisi-rina" }, head: { sha: merge },
    created_at: "2026-11-20T02:10:00Z", merged_at: "2026-11-20T05:00:00Z", merged_by: { login: "kabid-spbe" },
  }));
  fs.writeFileSync(path.join(out, "reviews.json"), JSON.stringify([{ user: { login: "kabid-spbe" }, state: "APPROVED", commit_id: merge, submitted_at: "2026-11-20T04:55:00Z" }]));
  process.chdir(w.root);
  const common = ["--stack", "uji", "--policy-config", POLICY, "--changed-since", before, "--commit", merge, "--verify-file", verifyFile];
  const docs = await run("docs", ...common, "--applied-at", "2026-11-20T05:03:40Z", "--out", path.join(out, "keluar"));
  expect([docs.code, docs.err]).toEqual([0, ""]);
  const arsip = await run("arsip", ...common, "--apply-result", "succeeded", "--apply-started", "2026-11-20T05:01:10Z", "--apply-finished", "2026-11-20T05:03:40Z",
    "--docs", path.join(out, "keluar"), "--pr-file", path.join(out, "pr.json"), "--reviews-file", path.join(out, "reviews.json"));
  expect([arsip.code, arsip.err]).toEqual([0, ""]);

  const c12 = merge.slice(0, 12);
  const record = ArchiveRecord.parse(JSON.parse(git("show", `arsip:catatan/2026/2026-11-20-${c12}.json`)));
  expect(record.requests.map((r) => [r.id, r.kind, r.change, r.documents.map((d) => d.type)])).toEqual([["ppid", "Subdomain", "update", ["berita-acara", "nota-dinas-balasan"]]]);
  expect(record.requests[0]!.verify).toEqual(reported);
  for (const d of record.requests[0]!.documents) {
    const blob = execFileSync("git", ["-C", w.root, "cat-file", "blob", `arsip:${d.path}`]);
    expect(createHash("sha256").update(blob).digest("hex")).toBe(d.sha256);
  }
  const ba = pdfLines(execFileSync("git", ["-C", w.root, "cat-file", "blob", `arsip:dokumen/ppid/2026-11-20-${c12}-berita-acara.pdf`])).lines.join("\n");
  expect(ba).toContain("ppid.uji.test");
  expect(ba).toContain("203.0.113.20");
});
