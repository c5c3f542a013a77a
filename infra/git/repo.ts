/**
 * Reading a repository's history with the git executable: the one place that spawns git, shared by
 * `pusdat plan` (the base's requests), `audit` and `evaluate` (history), and `new` (what other
 * branches hold). Values travel as arguments, never through a shell.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { untar } from "./tar";

export interface GitResult {
  ok: boolean;
  out: Buffer;
  err: string;
}

export function git(cwd: string, args: string[], input?: Buffer | string): GitResult {
  const r = spawnSync("git", ["-C", cwd, ...args], { maxBuffer: 1 << 30, input });
  return { ok: r.status === 0, out: r.stdout ?? Buffer.alloc(0), err: r.stderr?.toString() ?? "" };
}

export const gitText = (cwd: string, args: string[]): string | null => {
  const r = git(cwd, args);
  return r.ok ? r.out.toString().trim() : null;
};

/** The top of the work tree containing `dir`, or null outside a repository. */
export const repoRoot = (dir: string): string | null => gitText(dir, ["rev-parse", "--show-toplevel"]);

/** The full commit id `ref` names, or null when it names no commit. */
export const resolveCommit = (cwd: string, ref: string): string | null => gitText(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);

/** The first of `refs` that names a commit, with that commit's full id; null when none does. */
export function firstCommit(cwd: string, refs: string[]): { ref: string; commit: string } | null {
  for (const ref of refs) {
    const commit = resolveCommit(cwd, ref);
    if (commit) return { ref, commit };
  }
  return null;
}

export const mergeBase = (cwd: string, a: string, b: string): string | null => gitText(cwd, ["merge-base", a, b]);

/** A folder extracted from a commit into a temporary directory; `dispose` removes it. */
export interface ExtractedTree {
  dir: string;
  dispose(): void;
}

/**
 * The folder `dir` (a path inside the work tree) as it is at `ref`, extracted with `git archive`;
 * null when the commit does not have it.
 */
export function extractFolder(dir: string, ref: string): ExtractedTree | null {
  const top = repoRoot(dir);
  if (!top) return null;
  const rel = path.relative(top, path.resolve(dir)).split(path.sep).join("/");
  const tar = git(top, ["archive", "--format=tar", ref, "--", rel]);
  if (!tar.ok) return null;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-base-"));
  const dispose = () => fs.rmSync(tmp, { recursive: true, force: true });
  try {
    untar(tar.out, tmp);
  } catch (e) {
    dispose();
    throw new Error(`tar gagal mengekstrak ${ref}:${rel}: ${(e as Error).message}`);
  }
  return { dir: path.join(tmp, rel), dispose };
}
