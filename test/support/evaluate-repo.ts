/**
 * A service repository in a temp dir with a known history for `pusdat evaluate`: pull requests merged
 * into main at fixed times (GIT_COMMITTER_DATE), and an orphan `arsip` branch holding the apply
 * records (with fixed times) and one monitoring report. 2026-09-07 is a Monday; WIB = UTC+7.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { initRepo } from "./git-objects";

const REPO = path.resolve(__dirname, "../..");

export interface EvaluateRepo {
  dir: string;
  git: (...args: string[]) => string;
  /** main's merge commits by name: sibapo, dinkes, vm, resize, jdih */
  commits: Record<string, string>;
  dispose(): void;
}

const request = (kind: string, id: string, opd: string, date: string, spec: string) =>
  `apiVersion: pusdat/v1\nkind: ${kind}\nmetadata:\n  id: ${id}\n  opd: ${opd}\n  contact:\n    name: Rina Wulandari\n    email: rina@contohkab.go.id\n    phone: "+6281234567890"\n  notaDinas:\n    number: "000.8.3.3/1/DISDAG/2026"\n    date: ${date}\n  purpose: Uji evaluasi\nspec:\n${spec}`;

const vm = (cpu: number) =>
  `  location: pusat-komputasi\n  hostname: sibapo-app\n  cpu: ${cpu}\n  memoryGb: 4\n  diskGb: 40\n  os: ubuntu-24.04\n  sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIContohKunci rina@laptop"]\n`;

const FILES: Record<string, [string, string]> = {
  sibapo: ["requests/subdomain/sibapo.yaml", request("Subdomain", "sibapo", "Dinas Perdagangan", "2026-09-07", "  name: sibapo\n  target:\n    ip: 203.0.113.10\n")],
  dinkes: ["requests/hosting/dinkes-web.yaml", request("HostingAccount", "dinkes-web", "Dinas Kesehatan", "2026-09-10", "  domain: dinkes\n  username: dinkes\n  plan: besar\n")],
  vm: ["requests/vm/sibapo-app.yaml", request("VirtualMachine", "sibapo-app", "Dinas Perdagangan", "2026-09-14", vm(2))],
  resize: ["requests/vm/sibapo-app.yaml", request("VirtualMachine", "sibapo-app", "Dinas Perdagangan", "2026-09-14", vm(4))],
  jdih: ["requests/subdomain/jdih.yaml", request("Subdomain", "jdih", "Bagian Hukum", "2026-09-21", "  name: jdih\n  target:\n    ip: 203.0.113.11\n")],
};

/** name, branch commit time, merge time (UTC); jdih is pushed straight to main. */
const MERGES: [string, string, string][] = [
  ["sibapo", "2026-09-07T01:30:00Z", "2026-09-07T03:40:00Z"],
  ["dinkes", "2026-09-10T02:00:00Z", "2026-09-11T01:00:00Z"],
  ["vm", "2026-09-14T00:30:00Z", "2026-09-14T01:35:00Z"],
  ["resize", "2026-09-15T02:00:00Z", "2026-09-15T03:05:00Z"],
];

const HEAD = (n: number) => n.toString(16).padStart(40, "e");

function record(commit: string, id: string, kind: string, change: string, pr: number, createdAt: string, mergedAt: string, approvals: [string, string][], applied: string, verifyAt: string, result = "succeeded") {
  return {
    schema: "pusdat-arsip/v1",
    stack: "contoh",
    commit,
    pullRequest: {
      number: pr,
      url: `https://forge.example/pemkab/layanan/pull/${pr}`,
      title: `Permintaan ${id}`,
      author: "teknisi-rina",
      headSha: HEAD(pr),
      createdAt,
      mergedAt,
      mergedBy: "kabid-spbe",
      approvals: approvals.map(([login, submittedAt]) => ({ login, submittedAt, commit: HEAD(pr) })),
    },
    apply: { startedAt: applied, finishedAt: applied, result },
    requests: [{ id, kind, change, verify: { result: "passed", at: verifyAt, checks: [{ name: "akses", result: "passed", detail: "ok" }] }, documents: [] }],
  };
}

/** Seconds since the epoch of a UTC time "2026-09-07T01:30:00Z". */
const at = (iso: string) => Date.parse(iso) / 1000;

/**
 * The history is written as git objects (test/support/git-objects.ts, the ids `git commit` and `git
 * merge --no-ff` give) with main's files in the work tree; `git` runs the real git for the tests.
 */
export function evaluateRepo(opts: { arsip?: boolean } = {}): EvaluateRepo {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-eval-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.name=Teknisi Uji", "-c", "user.email=teknisi@contohkab.go.id", "-c", "commit.gpgsign=false", ...args], { encoding: "utf8" }).trim();
  const objects = initRepo(dir);
  const commit = (when: string, message: string, files: Map<string, string>, parents: string[]) =>
    objects.commit({ tree: objects.tree(files), parents, author: { name: "Teknisi Uji", email: "teknisi@contohkab.go.id", time: at(when) }, message });

  const main = new Map([["Pulumi.contoh.yaml", fs.readFileSync(path.join(REPO, "Pulumi.contoh.yaml"), "utf8")]]);
  let tip = commit("2026-09-01T00:00:00Z", "Konfigurasi stack", main, []);
  const commits: Record<string, string> = {};
  for (const [name, branchAt, mergeAt] of MERGES) {
    const [rel, text] = FILES[name]!;
    const branch = new Map(main).set(rel, text);
    const head = commit(branchAt, `Permintaan ${name}`, branch, [tip]);
    objects.setRef(`refs/heads/pr-${name}`, head);
    // main has not moved since the branch left it: the merge's tree is the branch's
    main.set(rel, text);
    tip = commits[name] = commit(mergeAt, `Merge pull request: ${name}`, main, [tip, head]);
  }
  main.set(...FILES.jdih!);
  tip = commits.jdih = commit("2026-09-22T02:00:00Z", "jdih langsung ke main", main, [tip]);
  objects.setRef("refs/heads/main", tip);
  for (const [rel, text] of main) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }

  if (opts.arsip !== false) {
    const recs = [
      record(commits.sibapo!, "sibapo", "Subdomain", "create", 1, "2026-09-07T01:30:00Z", "2026-09-07T03:40:00Z", [["kabid-spbe", "2026-09-07T03:30:00Z"]], "2026-09-07T03:45:00Z", "2026-09-07T03:50:00Z"),
      record(commits.dinkes!, "dinkes-web", "HostingAccount", "create", 2, "2026-09-10T02:00:00Z", "2026-09-11T01:00:00Z", [["teknisi-rina", "2026-09-10T02:30:00Z"], ["orang-lain", "2026-09-10T03:00:00Z"]], "2026-09-11T01:10:00Z", "2026-09-11T01:12:00Z"),
      record(commits.vm!, "sibapo-app", "VirtualMachine", "create", 3, "2026-09-14T00:30:00Z", "2026-09-14T01:35:00Z", [["sekdis-kominfo", "2026-09-14T01:30:00Z"]], "2026-09-14T02:30:00Z", "2026-09-14T02:40:00Z"),
      record(commits.resize!, "sibapo-app", "VirtualMachine", "update", 4, "2026-09-15T02:00:00Z", "2026-09-15T03:05:00Z", [["kabid-spbe", "2026-09-15T03:00:00Z"]], "2026-09-15T03:10:00Z", "2026-09-15T03:15:00Z"),
    ];
    const arsip = new Map<string, string>();
    for (const r of recs) {
      const day = new Date(Date.parse(r.apply.finishedAt) + 7 * 3600_000).toISOString().slice(0, 10);
      arsip.set(`catatan/2026/${day}-${r.commit.slice(0, 12)}.json`, JSON.stringify(r, null, 2));
    }
    arsip.set("catatan/2026/2026-09-16-000000000000.json", "{ bukan json");
    arsip.set("pemantauan/2026/2026-09-10.json", JSON.stringify({ findings: [{ target: "sibapo", severity: "error", message: "HTTPS tidak menjawab" }] }));
    objects.setRef("refs/heads/arsip", commit("2026-09-22T03:00:00Z", "Catatan penerapan", arsip, []));
  }
  return { dir, git, commits, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
