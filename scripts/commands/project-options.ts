/** The options that say which project to open, shared by every command that reads requests. */
import type { Command } from "commander";
import * as path from "node:path";
import { type ConfigProblems, openConfig, type ProjectConfig, requestsFolderExists } from "../../infra/core/project";
import { findingLine } from "../../infra/core/findings";
import { type Io, UsageError } from "./types";

export interface ProjectOptions {
  requests: string;
  stack: string;
  policyConfig: string;
}

export function projectOptions(cmd: Command): Command {
  return cmd
    .option("--requests <dir>", "folder permintaan", "requests")
    .option("--stack <name>", "stack Pulumi (berkas Pulumi.<name>.yaml)", "contoh")
    .option("--policy-config <file>", "konfigurasi policy pack (batas sumber daya)", "policies/config.json");
}

/** Configuration problems end the command with exit 2, each with file, line and column. */
export function configOrExit(r: ProjectConfig | ConfigProblems, io: Io): ProjectConfig {
  if (r.ok) return r;
  if (r.usage) throw new UsageError(r.usage);
  for (const p of r.problems) io.err(`${findingLine(p)}\n`);
  io.err(`Konfigurasi tidak sah (${r.problems.length} masalah); perbaiki dulu sebelum memeriksa permintaan.\n`);
  throw new UsageError("");
}

/** The configuration and the requests folder the options name, or exit 2 saying what is wrong. */
export function configAndFolder(opts: ProjectOptions, io: Io): { config: ProjectConfig; dir: string } {
  const config = configOrExit(openConfig({ stack: opts.stack, policyConfig: opts.policyConfig }), io);
  const dir = path.resolve(opts.requests);
  if (!requestsFolderExists(dir)) throw new UsageError(`folder permintaan tidak ditemukan: ${opts.requests}`);
  return { config, dir };
}
