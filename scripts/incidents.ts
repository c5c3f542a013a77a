/**
 * `node --import tsx scripts/incidents.ts --report pemantauan.json` or
 * `... --drift-exit <code> --drift-log preview.txt --stack <name>`: opens, comments on and closes the
 * forge's incident issues (label pusdat-insiden) as infra/core/monitor/incidents.ts decides, through
 * the forge's REST API (infra/forge/issues.ts): GITHUB_API_URL (default https://api.github.com),
 * GITHUB_REPOSITORY (owner/name) and GH_TOKEN or GITHUB_TOKEN, as a workflow has them. Request values
 * travel only in JSON bodies, never in command text. Exit 0 when every action went through, 1 otherwise.
 */
import * as fs from "node:fs";
import { driftFromPreview, INCIDENT_LABEL, incidentPlan, type ServiceState, servicesOf } from "../infra/core/monitor/incidents";
import type { MonitorReport } from "../infra/core/monitor/types";
import type { ForgeOptions } from "../infra/forge/github";
import { closeIssue, commentIssue, createIssue, ensureLabel, openIssues } from "../infra/forge/issues";

/** Where the outcome goes: stdout and stderr in the process (each call one whole line). */
export interface IncidentsIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

function services(argv: string[]): ServiceState[] {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const report = arg("--report");
  if (report) return servicesOf(JSON.parse(fs.readFileSync(report, "utf8")) as MonitorReport);
  const code = arg("--drift-exit");
  if (code === undefined || !/^\d+$/.test(code)) throw new Error("pakai --report FILE atau --drift-exit KODE [--drift-log FILE] [--stack NAMA]");
  const log = arg("--drift-log");
  return [driftFromPreview(arg("--stack") ?? "contoh", Number(code), log && fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "")];
}

function forge(env: NodeJS.ProcessEnv): ForgeOptions {
  const repo = env.GITHUB_REPOSITORY;
  const token = env.GH_TOKEN || env.GITHUB_TOKEN;
  if (!repo || !/^[^/\s]+\/[^/\s]+$/.test(repo)) throw new Error("GITHUB_REPOSITORY (pemilik/nama) tidak ada di lingkungan");
  if (!token) throw new Error("GH_TOKEN atau GITHUB_TOKEN tidak ada di lingkungan");
  return { api: env.GITHUB_API_URL || "https://api.github.com", repo, token, timeoutMs: 30_000 };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The whole script for `argv` (its arguments) and `env`; the exit code. */
export async function incidentsMain(argv: string[], env: NodeJS.ProcessEnv, io: IncidentsIo): Promise<number> {
  let o: ForgeOptions;
  let list: ServiceState[];
  try {
    o = forge(env);
    list = services(argv);
  } catch (e) {
    io.err(message(e));
    return 1;
  }
  let open;
  try {
    open = await openIssues(o, INCIDENT_LABEL);
  } catch (e) {
    io.err(`daftar isu insiden tidak dapat dibaca: ${message(e)}`);
    return 1;
  }
  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : "";
  const actions = incidentPlan(list, open, new Date().toISOString(), runUrl);
  let failed = 0;
  if (actions.some((a) => a.action === "create")) {
    try {
      await ensureLabel(o, INCIDENT_LABEL, "B60205", "Gangguan layanan dari pusdat monitor");
    } catch (e) {
      io.err(`label ${INCIDENT_LABEL} tidak dapat dibuat: ${message(e)}`);
    }
  }
  for (const a of actions) {
    try {
      if (a.action === "create") {
        await createIssue(o, a.title, a.body, INCIDENT_LABEL);
        io.out(`create ${a.key}`);
        continue;
      }
      await commentIssue(o, a.number, a.body);
      if (a.action === "close") await closeIssue(o, a.number);
      io.out(`${a.action} ${a.key} #${a.number}`);
    } catch (e) {
      failed++;
      io.err(`${a.action} ${a.key} gagal: ${message(e)}`);
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  incidentsMain(process.argv.slice(2), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(message(e));
      process.exitCode = 1;
    },
  );
}
