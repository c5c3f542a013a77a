/**
 * `node --import tsx scripts/incidents.ts --report pemantauan.json` or
 * `... --drift-exit <code> --drift-log preview.txt --stack <name>`: opens, comments on and closes the
 * forge's incident issues (label pusdat-insiden) as infra/core/monitor/incidents.ts decides. `gh` is
 * spawned with argument arrays and bodies travel in files: no request value is ever in command text.
 * GH_BIN overrides the `gh` executable (tests). Exit 0 when every action went through, 1 otherwise.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { driftService, INCIDENT_LABEL, incidentPlan, type OpenIssue, type ServiceState, servicesOf } from "../infra/core/monitor/incidents";
import type { MonitorReport } from "../infra/core/monitor/types";

const GH = process.env.GH_BIN || "gh";

function gh(args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync(GH, args, { encoding: "utf8", timeout: 60_000 });
  return { ok: r.status === 0, out: r.stdout ?? "", err: (r.stderr ?? "") + (r.error ? r.error.message : "") };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The tail of pulumi preview's output: enough to see what drifted, never the whole log. */
const tail = (text: string, lines = 40) => text.split("\n").slice(-lines).join("\n").trim();

function services(): ServiceState[] {
  const report = arg("--report");
  if (report) return servicesOf(JSON.parse(fs.readFileSync(report, "utf8")) as MonitorReport);
  const code = arg("--drift-exit");
  const stack = arg("--stack") ?? "contoh";
  if (code === undefined || !/^\d+$/.test(code)) throw new Error("pakai --report FILE atau --drift-exit KODE [--drift-log FILE] [--stack NAMA]");
  const log = arg("--drift-log");
  const text = log && fs.existsSync(log) ? tail(fs.readFileSync(log, "utf8")) : "";
  return [driftService(stack, code !== "0", code === "0" ? "pulumi preview --expect-no-changes: tidak ada perubahan" : `pulumi preview --expect-no-changes keluar dengan kode ${code}:\n\n\`\`\`\n${text}\n\`\`\``)];
}

function main(): number {
  const list = gh(["issue", "list", "--label", INCIDENT_LABEL, "--state", "open", "--json", "number,title", "--limit", "500"]);
  if (!list.ok) {
    console.error(`daftar isu insiden tidak dapat dibaca: ${list.err.trim()}`);
    return 1;
  }
  const open = JSON.parse(list.out || "[]") as OpenIssue[];
  const runUrl = process.env.GITHUB_SERVER_URL && process.env.GITHUB_RUN_ID ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}` : "";
  const actions = incidentPlan(services(), open, new Date().toISOString(), runUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-insiden-"));
  let failed = 0;
  try {
    if (actions.some((a) => a.action === "create")) gh(["label", "create", INCIDENT_LABEL, "--color", "B60205", "--description", "Gangguan layanan dari pusdat monitor", "--force"]);
    actions.forEach((a, i) => {
      const body = path.join(dir, `isi-${i}.md`);
      fs.writeFileSync(body, a.body);
      const steps =
        a.action === "create"
          ? [["issue", "create", "--title", a.title, "--body-file", body, "--label", INCIDENT_LABEL]]
          : a.action === "comment"
            ? [["issue", "comment", String(a.number), "--body-file", body]]
            : [["issue", "comment", String(a.number), "--body-file", body], ["issue", "close", String(a.number)]];
      for (const s of steps) {
        const r = gh(s);
        if (!r.ok) {
          failed++;
          console.error(`${a.action} ${a.key} gagal: ${r.err.trim()}`);
          return;
        }
      }
      console.log(`${a.action} ${a.key}${"number" in a ? ` #${a.number}` : ""}`);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
