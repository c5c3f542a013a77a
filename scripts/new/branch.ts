/**
 * `--branch`: the new request committed alone on `permintaan/<id>`, with a message citing the Nota
 * Dinas, and the exact commands that push it and open the pull request. Git and gh run with argument
 * arrays: no request value ever passes through a shell.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { git, repoRoot, resolveCommit } from "../../infra/git/repo";
import { UsageError } from "../commands/types";

export const branchName = (id: string) => `permintaan/${id}`;

/** Refuses early (before anything is written) when `--branch` cannot work. */
export function branchPreflight(dir: string, id: string): string {
  const top = repoRoot(dir);
  if (!top) throw new UsageError("--branch memerlukan repositori git; folder permintaan tidak berada di dalam repositori");
  if (resolveCommit(top, `refs/heads/${branchName(id)}`)) throw new UsageError(`cabang ${branchName(id)} sudah ada; pilih id lain atau hapus cabang itu dulu`);
  return top;
}

export interface Memo {
  id: string;
  kind: string;
  opd: string;
  purpose: string;
  number: string;
  date: string;
}

export function commitMessage(m: Memo): string {
  return `Permintaan ${m.id} (${m.kind}): Nota Dinas ${m.number} tanggal ${m.date}\n\nOPD: ${m.opd}\nKegunaan: ${m.purpose}\n`;
}

/** The commands the technician runs next; the id is [a-z0-9-] only, so they are safe to paste. */
export const nextCommands = (id: string) => [
  `git push -u origin ${branchName(id)}`,
  `gh pr create --base main --head ${branchName(id)} --fill`,
];

export function commitOnBranch(top: string, file: string, memo: Memo): void {
  const rel = path.relative(top, file).split(path.sep).join("/");
  const steps: string[][] = [
    ["switch", "-c", branchName(memo.id)],
    ["add", "--", rel],
    ["commit", "-q", "-m", commitMessage(memo), "--", rel],
  ];
  for (const args of steps) {
    const r = git(top, args);
    if (!r.ok) throw new Error(`git ${args[0]} gagal: ${r.err.trim()}`);
  }
}

export const ghAvailable = () => spawnSync("gh", ["--version"], { stdio: "ignore" }).status === 0;

/** `--open-pr`: push and open the pull request; each step's own output is passed through. */
export function openPullRequest(top: string, id: string): { ok: boolean; output: string } {
  const push = git(top, ["push", "-u", "origin", branchName(id)]);
  if (!push.ok) return { ok: false, output: push.err };
  const pr = spawnSync("gh", ["pr", "create", "--base", "main", "--head", branchName(id), "--fill"], { cwd: top, encoding: "utf8", timeout: 60_000 });
  return { ok: pr.status === 0, output: `${pr.stdout ?? ""}${pr.stderr ?? ""}` };
}
