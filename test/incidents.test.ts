/**
 * scripts/incidents.ts against a forge's issue API on 127.0.0.1 (test/support/fake-forge.ts): the
 * first case in a process as the scheduled workflow runs it, the others through incidentsMain (the
 * process's whole body) with the same arguments and environment.
 */
import { spawnCollect } from "./support/spawn";
import * as fs from "node:fs";
import * as path from "node:path";
import { incidentsMain } from "../scripts/incidents";
import { FakeForge } from "./support/fake-forge";
import { tempDir } from "./support/tmp";

jest.setTimeout(60_000);
const REPO = path.resolve(__dirname, "..");
const TOKEN = "rahasia-token-forge-uji";

let forge: FakeForge;
beforeEach(async () => {
  forge = new FakeForge("dinas/pusdat", TOKEN);
  await forge.start();
});
afterEach(async () => {
  await forge.stop();
});

const envOf = (env: Record<string, string>) => ({ ...process.env, GITHUB_API_URL: forge.api, GITHUB_REPOSITORY: "dinas/pusdat", GH_TOKEN: TOKEN, GITHUB_TOKEN: "", GITHUB_RUN_ID: "", ...env });

/** The script in a child process, asynchronously: the forge lives in this process's event loop. */
function runProcess(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return spawnCollect(process.execPath, ["--import", "tsx", path.join(REPO, "scripts/incidents.ts"), ...args], { cwd: REPO, env: envOf(env) });
}

/** The same script's body in this process: each line it says ends with a newline, as console.log/error write it. */
async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await incidentsMain(args, envOf(env), { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

const open = (number: number, title: string) => forge.issues.push({ number, title, state: "open", labels: ["pusdat-insiden"], body: "", comments: [] });

test("a monitoring report opens one issue per failing service, comments on a lasting one and closes a recovered one", async () => {
  const dir = tempDir("insiden");
  open(4, "[pusdat-insiden hosting/disdik-web] gangguan hosting disdik-web");
  open(6, "[pusdat-insiden subdomain/ppid] gangguan subdomain ppid");
  const report = {
    schema: "pusdat-pemantauan/v1", stack: "uji", at: "2026-11-23T00:00:00.000Z",
    targets: [
      { id: "sibapo-app", kind: "vm", status: "error", summary: "x" },
      { id: "disdik-web", kind: "hosting", status: "error", summary: "x" },
      { id: "ppid", kind: "subdomain", status: "ok", summary: "normal: dns" },
    ],
    findings: [
      { id: "sibapo-app", kind: "vm", code: "vm-stopped", severity: "error", message: "VM 210 mati; $(rm -rf /) tetap teks" },
      { id: "disdik-web", kind: "hosting", code: "account-suspended", severity: "error", message: "akun ditangguhkan" },
    ],
    heal: [], summary: { targets: 3, errors: 2, warnings: 0, healed: 0 },
  };
  fs.writeFileSync(path.join(dir, "laporan.json"), JSON.stringify(report));
  const r = await runProcess(["--report", path.join(dir, "laporan.json")]);
  expect(r.err).toBe("");
  expect(r.out).toBe("create vm/sibapo-app\ncomment hosting/disdik-web #4\nclose subdomain/ppid #6\n");
  expect(r.code).toBe(0);
  expect(forge.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
    "GET /repos/dinas/pusdat/issues?state=open&labels=pusdat-insiden&per_page=100&page=1",
    "POST /repos/dinas/pusdat/labels",
    "POST /repos/dinas/pusdat/issues",
    "POST /repos/dinas/pusdat/issues/4/comments",
    "POST /repos/dinas/pusdat/issues/6/comments",
    "PATCH /repos/dinas/pusdat/issues/6",
  ]);
  expect(forge.calls[1]!.body).toEqual({ name: "pusdat-insiden", color: "B60205", description: "Gangguan layanan dari pusdat monitor" });
  const created = forge.issues.find((i) => i.number === 7)!;
  expect(created.title).toBe("[pusdat-insiden vm/sibapo-app] gangguan VM lokal sibapo-app");
  expect(created.labels).toEqual(["pusdat-insiden"]);
  expect(created.body).toMatch(/^Gangguan terdeteksi \S+:\n\n- VM 210 mati; \$\(rm -rf \/\) tetap teks \(`vm-stopped`\)$/);
  expect(forge.issues.map((i) => [i.number, i.state, i.comments.length])).toEqual([[4, "open", 1], [6, "closed", 1], [7, "open", 0]]);
  expect(forge.issues.find((i) => i.number === 6)!.comments[0]).toMatch(/^Pulih \S+: normal: dns$/);
});

test("a drift run opens the drift issue with the tail of the preview", async () => {
  const dir = tempDir("insiden");
  fs.writeFileSync(path.join(dir, "preview.txt"), "Previewing update (uji)\n ~ cloudflare:index:Record sibapo update\nerror: no changes were expected but changes were proposed\n");
  const r = await run(["--drift-exit", "255", "--drift-log", path.join(dir, "preview.txt"), "--stack", "uji"]);
  expect(r.out).toBe("create drift/uji\n");
  expect(r.code).toBe(0);
  const create = forge.calls.find((c) => c.method === "POST" && c.path.endsWith("/issues"))!.body as { title: string; body: string; labels: string[] };
  expect([create.title, create.labels]).toEqual(["[pusdat-insiden drift/uji] stack uji berbeda dari kode (drift)", ["pusdat-insiden"]]);
  expect(create.body).toMatch(/keluar dengan kode 255:\n\n```\nPreviewing update \(uji\)\n ~ cloudflare:index:Record sibapo update\nerror: no changes were expected but changes were proposed\n```$/);
});

test("a preview that failed before checking is reported as such; a clean preview closes the drift issue", async () => {
  const dir = tempDir("insiden");
  fs.writeFileSync(path.join(dir, "preview.txt"), "error: failed to decrypt encrypted configuration value\n");
  const failed = await run(["--drift-exit", "255", "--drift-log", path.join(dir, "preview.txt"), "--stack", "uji"]);
  expect(failed.out).toBe("create drift/uji\n");
  expect(forge.issues[0]!.body).toMatch(/^Gangguan terdeteksi \S+:\n\npulumi preview gagal dengan kode 255 sebelum drift dapat diperiksa \(kredensial, backend state atau jaringan\?\):\n\n```\nerror: failed to decrypt encrypted configuration value\n```$/);
  const clean = await run(["--drift-exit", "0", "--stack", "uji"]);
  expect(clean.out).toBe("close drift/uji #1\n");
  expect(forge.issues[0]!.state).toBe("closed");
  expect(forge.issues[0]!.comments).toEqual([expect.stringMatching(/^Pulih \S+: pulumi preview --expect-no-changes: tidak ada perubahan$/)]);
});

test("open incidents are read page by page; pull requests and other labels are not incidents", async () => {
  for (let n = 1; n <= 150; n++) open(n, `[pusdat-insiden vm/vm-${n}] gangguan VM lokal vm-${n}`);
  forge.issues.push({ number: 151, title: "[pusdat-insiden drift/uji] x", state: "open", labels: ["lain"], body: "", comments: [] });
  forge.issues.push({ number: 152, title: "[pusdat-insiden drift/uji] pr", state: "open", labels: ["pusdat-insiden"], body: "", comments: [], pull_request: {} });
  const r = await run(["--drift-exit", "0", "--stack", "uji"]);
  expect(r.out).toBe(""); // no open drift incident: nothing to close
  expect(r.code).toBe(0);
  expect(forge.calls.map((c) => c.path)).toEqual([
    "/repos/dinas/pusdat/issues?state=open&labels=pusdat-insiden&per_page=100&page=1",
    "/repos/dinas/pusdat/issues?state=open&labels=pusdat-insiden&per_page=100&page=2",
  ]);
});

test("a token the forge refuses: exit 1, a plain message, the token never printed", async () => {
  const r = await run(["--drift-exit", "0", "--stack", "uji"], { GH_TOKEN: "token-salah-uji" });
  expect(r.err).toBe(`daftar isu insiden tidak dapat dibaca: forge menjawab GET /issues?state=open&labels=pusdat-insiden&per_page=100&page=1: token ditolak (HTTP 401): periksa GH_TOKEN/GITHUB_TOKEN\n`);
  expect(r.out + r.err).not.toContain("token-salah-uji");
  expect(r.code).toBe(1);
});

test("a failing action is reported and counted, the others still run", async () => {
  const dir = tempDir("insiden");
  open(4, "[pusdat-insiden vm/satu] gangguan VM lokal satu");
  open(6, "[pusdat-insiden vm/dua] gangguan VM lokal dua");
  forge.failOn.add("POST /repos/dinas/pusdat/issues/4/comments");
  const report = {
    schema: "pusdat-pemantauan/v1", stack: "uji", at: "2026-11-23T00:00:00.000Z",
    targets: [{ id: "satu", kind: "vm", status: "ok", summary: "normal" }, { id: "dua", kind: "vm", status: "ok", summary: "normal" }],
    findings: [], heal: [], summary: { targets: 2, errors: 0, warnings: 0, healed: 0 },
  };
  fs.writeFileSync(path.join(dir, "laporan.json"), JSON.stringify(report));
  const r = await run(["--report", path.join(dir, "laporan.json")]);
  expect(r.err).toBe("close vm/satu gagal: forge menjawab POST /issues/4/comments: HTTP 500\n");
  expect(r.out).toBe("close vm/dua #6\n");
  expect(r.code).toBe(1);
  expect(forge.issues.map((i) => [i.number, i.state])).toEqual([[4, "open"], [6, "closed"]]);
});
