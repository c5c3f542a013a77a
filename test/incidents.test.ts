/** scripts/incidents.ts against a stand-in `gh` (GH_BIN) that records its arguments and answers the issue list. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "./support/tmp";

jest.setTimeout(60_000);
const REPO = path.resolve(__dirname, "..");

function fakeGh(dir: string, openIssues: unknown[]) {
  const bin = path.join(dir, "gh");
  fs.writeFileSync(
    bin,
    `#!${process.execPath}
const fs = require("fs");
const args = process.argv.slice(2);
const i = args.indexOf("--body-file");
const body = i >= 0 ? fs.readFileSync(args[i + 1], "utf8") : null;
fs.appendFileSync(${JSON.stringify(path.join(dir, "calls.jsonl"))}, JSON.stringify({ args: args.map((a, j) => (j === i + 1 && i >= 0 ? "<berkas>" : a)), body }) + "\\n");
if (args[0] === "issue" && args[1] === "list") process.stdout.write(${JSON.stringify(JSON.stringify(openIssues))});
`,
    { mode: 0o755 },
  );
  return bin;
}

const calls = (dir: string) =>
  fs
    .readFileSync(path.join(dir, "calls.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

function run(dir: string, args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "scripts/incidents.ts"), ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, GH_BIN: path.join(dir, "gh"), GITHUB_RUN_ID: "" },
  });
}

test("a monitoring report opens one issue per failing service, comments on a lasting one and closes a recovered one", () => {
  const dir = tempDir("insiden");
  fakeGh(dir, [{ number: 4, title: "[pusdat-insiden hosting/disdik-web] gangguan hosting disdik-web" }, { number: 6, title: "[pusdat-insiden subdomain/ppid] gangguan subdomain ppid" }]);
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
  const r = run(dir, ["--report", path.join(dir, "laporan.json")]);
  expect(r.stderr).toBe("");
  expect(r.stdout).toBe("create vm/sibapo-app\ncomment hosting/disdik-web #4\nclose subdomain/ppid #6\n");
  expect(r.status).toBe(0);
  const c = calls(dir);
  expect(c.map((x) => x.args)).toEqual([
    ["issue", "list", "--label", "pusdat-insiden", "--state", "open", "--json", "number,title", "--limit", "500"],
    ["label", "create", "pusdat-insiden", "--color", "B60205", "--description", "Gangguan layanan dari pusdat monitor", "--force"],
    ["issue", "create", "--title", "[pusdat-insiden vm/sibapo-app] gangguan VM lokal sibapo-app", "--body-file", "<berkas>", "--label", "pusdat-insiden"],
    ["issue", "comment", "4", "--body-file", "<berkas>"],
    ["issue", "comment", "6", "--body-file", "<berkas>"],
    ["issue", "close", "6"],
  ]);
  expect(c[2].body).toMatch(/^Gangguan terdeteksi \S+:\n\n- VM 210 mati; \$\(rm -rf \/\) tetap teks \(`vm-stopped`\)$/);
});

test("a drift run opens the drift issue with the tail of the preview", () => {
  const dir = tempDir("insiden");
  fakeGh(dir, []);
  fs.writeFileSync(path.join(dir, "preview.txt"), "Previewing update (uji)\n ~ cloudflare:index:Record sibapo update\nerror: no changes were expected but changes were proposed\n");
  const r = run(dir, ["--drift-exit", "255", "--drift-log", path.join(dir, "preview.txt"), "--stack", "uji"]);
  expect(r.stdout).toBe("create drift/uji\n");
  expect(r.status).toBe(0);
  const create = calls(dir)[2];
  expect(create.args).toEqual(["issue", "create", "--title", "[pusdat-insiden drift/uji] stack uji berbeda dari kode (drift)", "--body-file", "<berkas>", "--label", "pusdat-insiden"]);
  expect(create.body).toMatch(/keluar dengan kode 255:\n\n```\nPreviewing update \(uji\)\n ~ cloudflare:index:Record sibapo update\nerror: no changes were expected but changes were proposed\n```$/);
});
