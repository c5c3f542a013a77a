/**
 * The world of the `pusdat monitor` tests: the access test's world (test/support/verify-world.ts)
 * plus what a monitoring round reads: WHM restore points, vzdump files on the Proxmox backup storage,
 * and a `pusdat:monitor` block with short timeouts.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { PDN_BACKUP_SCHEMA } from "../../infra/core/monitor/pdn-backup";
import { writePdnEvidence } from "../../infra/git/pdn-backup";
import type { EnvChange } from "./run";
import { tempDir } from "./tmp";
import { cli, cliProcess, type World, world } from "./verify-world";

/** The date of the PDN backup evidence the world starts with. */
export const PDN_BACKUP_DAYS_AGO = 10;

export const DAY_MS = 86_400_000;
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);

let template: string | undefined;

/**
 * A git repository whose arsip branch holds the technician's PDN backup evidence for sipd-uji, built
 * once per test file; each world gets a copy of its .git (the world's own files stay uncommitted).
 */
function evidenceRepo(): string {
  if (template) return template;
  const dir = tempDir("monitor-git");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });
  git("init", "-q", "-b", "main", "--template="); // no sample hooks: fewer files to copy into every world
  git("-c", "user.name=uji", "-c", "user.email=uji@localhost", "commit", "-q", "--allow-empty", "-m", "awal");
  const r = writePdnEvidence(dir, {
    schema: PDN_BACKUP_SCHEMA,
    stack: "uji",
    request: "sipd-uji",
    ticket: "PDN-2026-000777",
    backupDate: daysAgo(PDN_BACKUP_DAYS_AGO),
    evidence: "balasan e-Tiket PDN-2026-000790",
    recordedAt: new Date().toISOString(),
    recordedBy: "teknisi-uji",
  });
  if (!r.ok) throw new Error(r.problem);
  return (template = dir);
}

export async function monitorWorld(): Promise<World> {
  const w = await world();
  w.whm.backups.set(daysAgo(40), ["disdikweb", "keclama"]);
  w.whm.backups.set(daysAgo(2), ["disdikweb"]);
  const ctime = Math.floor((Date.now() - 1 * DAY_MS) / 1000);
  w.pve.backups.push(
    { node: "pve1", storage: "cadangan", volid: "cadangan:backup/vzdump-qemu-210-2026_01_01-02_00_00.vma.zst", ctime: ctime - 30 * 86400 },
    { node: "pve1", storage: "cadangan", volid: "cadangan:backup/vzdump-qemu-210-2026_01_31-02_00_00.vma.zst", ctime },
  );
  const file = path.join(w.root, "Pulumi.uji.yaml");
  const stack = parse(fs.readFileSync(file, "utf8"));
  stack.config["pusdat:monitor"] = { concurrency: 4, timeoutMs: 5000, runTimeoutMs: 50_000 };
  fs.writeFileSync(file, stringify(stack));
  fs.cpSync(path.join(evidenceRepo(), ".git"), path.join(w.root, ".git"), { recursive: true });
  return w;
}

// CI set: no progress bar on the test's own terminal (the child process's stderr is a pipe, never a terminal).
/** `pusdat monitor` in this process. */
export const monitorCli = (w: World, args: string[], env: EnvChange = {}) => cli(w, args, { CI: "true", ...env }, "monitor");
/** `pusdat monitor` in a child process, as the scheduled workflow runs it. */
export const monitorProcess = (w: World, args: string[], env: EnvChange = {}) => cliProcess(w, args, env, "monitor");

/** The report's time changes run to run; everything else is asserted exactly. */
export const steadyAt = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, "<waktu>");
