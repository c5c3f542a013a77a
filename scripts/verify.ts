/**
 * `pusdat verify` behind the command: choose the requests (changed since a ref, or named), check the
 * credentials they need, run the checks through the probes and format the outcome. The command file
 * only parses options; tests drive this module through the CLI.
 */
import * as path from "node:path";
import type { Project, ProjectConfig } from "../infra/core/project";
import { readRequests } from "../infra/core/project";
import { checksFor, needs } from "../infra/core/verify/checks";
import { type Clock, overall, type Probes, verifyItem } from "../infra/core/verify/run";
import { parseNameStatus, type Selection, selectChanged, selectIds } from "../infra/core/verify/select";
import type { CheckResult, Verification, VerifyItem } from "../infra/core/verify/types";
import { extractFolder, git, repoRoot, resolveCommit } from "../infra/git/repo";
import { UsageError } from "./commands/types";
import { SPLP_TOKEN_ENV } from "../infra/core/config/splp";

export const VERIFY_SCHEMA = "pusdat-verify/v1";

export interface VerifiedRequest {
  id: string;
  kind: VerifyItem["request"]["kind"];
  change: VerifyItem["change"];
  verify: Verification;
}

export interface VerifyReport {
  stack: string;
  since: string | null;
  result: CheckResult;
  requests: VerifiedRequest[];
}

/** The requests whose files changed between `ref` and HEAD, removed files read as they were at `ref`. */
export function changedSince(project: Project, config: ProjectConfig, ref: string): Selection {
  const top = repoRoot(project.requestsDir);
  if (!top) throw new UsageError(`--changed-since memerlukan repositori git; ${project.requestsDir} tidak berada di dalamnya`);
  const base = resolveCommit(top, ref);
  if (!base) throw new UsageError(`--changed-since: ${JSON.stringify(ref)} bukan commit di repositori ini`);
  const rel = path.relative(top, project.requestsDir).split(path.sep).join("/");
  const diff = git(top, ["diff", "--name-status", "--no-renames", "-z", base, "HEAD", "--", rel]);
  if (!diff.ok) throw new UsageError(`git diff gagal: ${diff.err.trim()}`);
  const files = parseNameStatus(diff.out.toString("utf8"), rel);
  let before: Project["requests"] = [];
  if (files.some((f) => f.status === "removed")) {
    const tree = extractFolder(project.requestsDir, base);
    if (tree) {
      try {
        before = readRequests(config, tree.dir).requests;
      } finally {
        tree.dispose();
      }
    }
  }
  return selectChanged(files, project.requests, before);
}

export function selectRequests(project: Project, config: ProjectConfig, ids: string[], since: string | undefined): VerifyItem[] {
  if (since && ids.length) throw new UsageError("sebutkan id permintaan atau --changed-since REF, bukan keduanya");
  if (!since && !ids.length) throw new UsageError("sebutkan id permintaan yang diuji, atau --changed-since REF (mis. --changed-since HEAD~1)");
  const sel = since ? changedSince(project, config, since) : selectIds(ids, project.requests);
  if (sel.missing.length) {
    throw new UsageError(
      `permintaan tidak ditemukan atau tidak sah: ${sel.missing.join(", ")}; jalankan pusdat validate (id yang ada: ${
        project.requests.map((r) => r.request.metadata.id).sort().join(", ") || "tidak ada"
      })`,
    );
  }
  return sel.items;
}

/** Credentials the chosen checks need; a missing one is a usage error before any network call. */
export function missingCredentials(items: VerifyItem[], config: ProjectConfig, env: NodeJS.ProcessEnv): string[] {
  const missing: string[] = [];
  const of = (want: (n: ReturnType<typeof needs>) => boolean) =>
    items.filter((i) => want(needs(checksFor(i, config.site)))).map((i) => i.id);
  const whm = of((n) => n.whm);
  const pve = of((n) => n.proxmox);
  if (whm.length && !env.WHM_API_TOKEN) missing.push(`WHM_API_TOKEN (untuk ${whm.join(", ")})`);
  if (pve.length && !env.PROXMOX_VE_API_TOKEN) missing.push(`PROXMOX_VE_API_TOKEN (untuk ${pve.join(", ")})`);
  for (const [channel, variable] of Object.entries(SPLP_TOKEN_ENV)) {
    const ids = items.filter((i) => checksFor(i, config.site).some((c) => c.probe === "splp-subscription" && c.channel === channel)).map((i) => i.id);
    if (ids.length && !env[variable]) missing.push(`${variable} (token Developer Portal kanal ${channel}, untuk ${ids.join(", ")})`);
  }
  return missing;
}

export async function runVerify(config: ProjectConfig, items: VerifyItem[], probes: Probes, clock: Clock, waitMs: number, since: string | null): Promise<VerifyReport> {
  const deadline = clock.now() + waitMs;
  const requests: VerifiedRequest[] = [];
  for (const item of items) {
    requests.push({ id: item.id, kind: item.request.kind, change: item.change, verify: await verifyItem(item, config.site, probes, clock, deadline) });
  }
  return { stack: config.stack, since, result: overall(requests.map((r) => r.verify)), requests };
}

const WORD: Record<CheckResult, string> = { passed: "lulus", failed: "gagal", skipped: "dilewati" };
const CHANGE: Record<VerifiedRequest["change"], string> = { create: "baru", update: "diubah", decommission: "dihentikan", remove: "dihapus" };

export function formatText(r: VerifyReport): string {
  const lines = [`Tes akses stack ${r.stack}${r.since ? ` (perubahan sejak ${r.since})` : ""}: ${r.requests.length} permintaan`];
  if (!r.requests.length) lines.push("Tidak ada permintaan yang berubah; tidak ada yang diuji.");
  for (const q of r.requests) {
    lines.push(`${q.id} (${q.kind}, ${CHANGE[q.change]}): ${WORD[q.verify.result].toUpperCase()}`);
    for (const c of q.verify.checks) lines.push(`  [${WORD[c.result]}] ${c.name}: ${c.detail} (${c.durationMs ?? 0} ms)`);
  }
  const count = (x: CheckResult) => r.requests.filter((q) => q.verify.result === x).length;
  lines.push(`Hasil: ${count("passed")} lulus, ${count("failed")} gagal, ${count("skipped")} dilewati.`);
  return `${lines.join("\n")}\n`;
}

/** `requests` keyed by id, each with the record's `verify` object (ARCHIVE.md) beside kind and change. */
export function formatJson(r: VerifyReport): string {
  const requests = Object.fromEntries(r.requests.map((q) => [q.id, { kind: q.kind, change: q.change, verify: q.verify }]));
  return `${JSON.stringify({ schema: VERIFY_SCHEMA, stack: r.stack, since: r.since, result: r.result, requests }, null, 2)}\n`;
}
