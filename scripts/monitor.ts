/**
 * The shell of `pusdat monitor`: opened project in, one monitoring round (gather, optional heal,
 * judge), the report out; optionally the PDF and the record on the `arsip` branch.
 */
import * as fs from "node:fs";
import { ARCHIVE_BRANCH } from "../infra/core/archive/record";
import type { Project } from "../infra/core/project";
import { monitorPaths } from "../infra/core/monitor/arsip";
import { DEFAULT_MONITOR } from "../infra/core/monitor/config";
import { buildReport } from "../infra/core/monitor/format";
import { healPlan, judge } from "../infra/core/monitor/judge";
import { targetsOf } from "../infra/core/monitor/targets";
import type { HealResult, MonitorReport } from "../infra/core/monitor/types";
import { buildPdnBackupRecord } from "../infra/core/monitor/pdn-backup";
import { branchTip, commitFiles, fileAt, type NewFile } from "../infra/git/arsip";
import { readPdnEvidence, writePdnEvidence } from "../infra/git/pdn-backup";
import { repoRoot } from "../infra/git/repo";
import { clientsFor, gather, heal } from "../infra/monitor/gather";

export interface MonitorRun {
  heal: boolean;
  env: NodeJS.ProcessEnv;
  onProgress?: (done: number, total: number) => void;
}

/** Which credentials the targets need and the environment lacks (names only). */
export function missingCredentials(project: Project, env: NodeJS.ProcessEnv): string[] {
  const targets = targetsOf(project.requests, project.site.zone);
  const out: string[] = [];
  if (targets.some((t) => t.kind === "hosting") && !env.WHM_API_TOKEN) out.push("WHM_API_TOKEN (akun hosting)");
  if (targets.some((t) => t.kind === "vm") && !env.PROXMOX_VE_API_TOKEN) out.push("PROXMOX_VE_API_TOKEN (VM Pusat Komputasi)");
  return out;
}

export async function runMonitor(project: Project, o: MonitorRun): Promise<MonitorReport> {
  const cfg = project.site.monitor ?? DEFAULT_MONITOR;
  const deadline = Date.now() + cfg.runTimeoutMs; // the whole round, healing included
  const targets = targetsOf(project.requests, project.site.zone);
  const setup = { site: project.site, cfg, env: o.env, onProgress: o.onProgress };
  const clients = clientsFor(setup);
  const facts = await gather(targets, setup, clients);
  // PDN has no API: its backups are judged from the evidence technicians recorded on arsip.
  if (targets.some((t) => t.kind === "pdn" && !t.decommissioned)) facts.pdnBackups = readPdnEvidence(project.root);
  let healed: HealResult[] = [];
  if (o.heal) healed = await heal(healPlan(targets, facts), cfg, clients, 500, deadline);
  const now = Date.now();
  return buildReport(project.stack, new Date(now).toISOString(), judge(targets, facts, cfg, now, healed), healed);
}

/** pdfkit loads only when a PDF is asked for: most rounds write none, and it costs every start ~0.3 s. */
const monitorPdf: typeof import("../infra/report/monitor-pdf").monitorPdf = (r, org) =>
  (require("../infra/report/monitor-pdf") as typeof import("../infra/report/monitor-pdf")).monitorPdf(r, org);

export const writePdf = async (file: string, r: MonitorReport, project: Project) => fs.writeFileSync(file, await monitorPdf(r, project.site.organisation));

/** The report (JSON, and its PDF) as one new commit on `arsip`; the written paths or the refusal. */
export async function writeArsip(project: Project, r: MonitorReport, json: string): Promise<{ ok: true; paths: string[]; commit: string } | { ok: false; problem: string }> {
  const repo = repoRoot(project.root);
  if (!repo) return { ok: false, problem: `${project.root} bukan repositori git; --write-arsip memerlukannya` };
  const tip = branchTip(repo, ARCHIVE_BRANCH);
  const paths = monitorPaths(r.at, (p) => tip !== null && fileAt(repo, tip, p) !== null);
  const files: NewFile[] = [
    { path: paths.json, content: Buffer.from(json, "utf8") },
    { path: paths.pdf, content: await monitorPdf(r, project.site.organisation) },
  ];
  const w = commitFiles(repo, ARCHIVE_BRANCH, files, `pemantauan ${r.stack} ${r.at}: ${r.summary.errors} galat, ${r.summary.warnings} peringatan`);
  return w.ok ? { ok: true, paths: [paths.json, paths.pdf], commit: w.commit } : { ok: false, problem: w.problem };
}

/** `--catat-backup-pdn`: the technician's PDN backup evidence as a record on `arsip`. */
export function recordPdnBackup(project: Project, o: { id: string; backupDate: string; evidence: string; env: NodeJS.ProcessEnv }) {
  const b = buildPdnBackupRecord({ requests: project.requests, stack: project.stack, id: o.id, backupDate: o.backupDate, evidence: o.evidence, at: new Date().toISOString(), actor: o.env.GITHUB_ACTOR || null });
  if (!b.ok) return { ok: false as const, usage: true, problem: b.problem };
  const w = writePdnEvidence(project.root, b.record);
  return w.ok ? { ...w, record: b.record } : { ok: false as const, usage: false, problem: w.problem };
}
