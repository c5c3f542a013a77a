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

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * The commit each of `refs` names (null where it names none), all in one `git cat-file
 * --batch-check` instead of one process per ref. A name holding a line break cannot be a ref and
 * would split the batch: it resolves to null without being asked.
 */
export function resolveCommits(cwd: string, refs: string[]): (string | null)[] {
  const asked = refs.filter((r) => r !== "" && !/[\r\n]/.test(r));
  if (!asked.length) return refs.map(() => null);
  const r = git(cwd, ["cat-file", "--batch-check=%(objectname)"], asked.map((ref) => `${ref}^{commit}\n`).join(""));
  if (!r.ok) return refs.map(() => null);
  const answers = r.out.toString().split("\n");
  const byRef = new Map(asked.map((ref, i) => [ref, OBJECT_ID.test(answers[i] ?? "") ? answers[i]! : null]));
  return refs.map((ref) => byRef.get(ref) ?? null);
}

/** The full commit id `ref` names, or null when it names no commit. */
export const resolveCommit = (cwd: string, ref: string): string | null => resolveCommits(cwd, [ref])[0] ?? null;

/** The first of `refs` that names a commit, with that commit's full id; null when none does. */
export function firstCommit(cwd: string, refs: string[]): { ref: string; commit: string } | null {
  const commits = resolveCommits(cwd, refs);
  const i = commits.findIndex((c) => c !== null);
  return i < 0 ? null : { ref: refs[i]!, commit: commits[i]! };
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
