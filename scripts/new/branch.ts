/**
 * `--branch`: a request file committed alone on its own branch (`permintaan/<id>` for a new request,
 * `penambahan/<id>` for a resize, `penghentian/<id>` for a decommission, `cadangan/<id>` for a final
 * backup recorded later) with a message citing what
 * asked for it, and the exact commands that push it and open the pull request. Git and gh run with
 * argument arrays: no request value ever passes through a shell.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { git, repoRoot, resolveCommit } from "../../infra/git/repo";
import { EXIT, type Io, UsageError } from "../commands/types";

export type BranchKind = "permintaan" | "penambahan" | "penghentian" | "cadangan";

/** Ids are [a-z0-9-] only (the schema's rule), so branch names and the printed commands are safe to paste. */
export const branchName = (kind: BranchKind, id: string) => `${kind}/${id}`;

/** Refuses early (before anything is written) when `--branch` cannot work. */
export function branchPreflight(dir: string, branch: string): string {
  const top = repoRoot(dir);
  if (!top) throw new UsageError("--branch memerlukan repositori git; folder permintaan tidak berada di dalam repositori");
  if (resolveCommit(top, `refs/heads/${branch}`)) throw new UsageError(`cabang ${branch} sudah ada; pilih id lain atau hapus cabang itu dulu`);
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

export function newRequestMessage(m: Memo): string {
  return `Permintaan ${m.id} (${m.kind}): Nota Dinas ${m.number} tanggal ${m.date}\n\nOPD: ${m.opd}\nKegunaan: ${m.purpose}\n`;
}

export const nextCommands = (branch: string) => [`git push -u origin ${branch}`, `gh pr create --base main --head ${branch} --fill`];

/** A new branch from the current HEAD with `file` committed alone (other changes in the work tree stay as they are). */
export function commitOnBranch(top: string, branch: string, file: string, message: string): void {
  const rel = path.relative(top, file).split(path.sep).join("/");
  const steps: string[][] = [
    ["switch", "-c", branch],
    ["add", "--", rel],
    ["commit", "-q", "-m", message, "--", rel],
  ];
  for (const args of steps) {
    const r = git(top, args);
    if (!r.ok) throw new Error(`git ${args[0]} gagal: ${r.err.trim()}`);
  }
}

/** The lines a command prints after committing: what was done and what to run next. */
export function committedLines(branch: string, message: string): string[] {
  return [`Cabang ${branch} dibuat; berkas di-commit: ${message.split("\n")[0]}`, "Langkah berikutnya:", ...nextCommands(branch).map((c) => `  ${c}`)];
}

export const ghAvailable = () => spawnSync("gh", ["--version"], { stdio: "ignore" }).status === 0;

/** `--open-pr`: push and open the pull request; each step's own output is passed through. */
export function openPullRequest(top: string, branch: string): { ok: boolean; output: string } {
  const push = git(top, ["push", "-u", "origin", branch]);
  if (!push.ok) return { ok: false, output: push.err };
  const pr = spawnSync("gh", ["pr", "create", "--base", "main", "--head", branch, "--fill"], { cwd: top, encoding: "utf8", timeout: 60_000 });
  return { ok: pr.status === 0, output: `${pr.stdout ?? ""}${pr.stderr ?? ""}` };
}

/**
 * After the file is written: commit it on `branch`, print the next commands, and with `openPr` push
 * and open the pull request when gh is there. Returns the exit code.
 */
export function publish(io: Io, o: { top: string; branch: string; file: string; message: string; openPr?: boolean }): number {
  commitOnBranch(o.top, o.branch, o.file, o.message);
  for (const l of committedLines(o.branch, o.message)) io.out(`${l}\n`);
  if (!o.openPr) return EXIT.ok;
  if (!ghAvailable()) {
    io.err("gh (GitHub CLI) tidak ditemukan; jalankan dua perintah di atas sendiri.\n");
    return EXIT.ok;
  }
  const pr = openPullRequest(o.top, o.branch);
  io.out(pr.output);
  return pr.ok ? EXIT.ok : EXIT.findings;
}
