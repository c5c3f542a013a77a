/**
 * Writes to the `arsip` branch without checking it out: blobs with `git hash-object -w`, trees with
 * `git mktree` (one per folder depth), the commit with `git commit-tree`, and the branch moved with
 * `git update-ref` against the value it had when the writing began. The user's work tree, index and
 * HEAD are never touched. Existing files are never rewritten unless the caller allows that one path
 * (the number register).
 */
import { git, gitText, resolveCommits } from "./repo";

export interface NewFile {
  path: string;
  content: Buffer;
}

export type WriteOutcome =
  /** created: the branch had no commit anywhere (an orphan); localCreated: there was no local branch yet. */
  | { ok: true; commit: string; parent: string | null; created: boolean; localCreated: boolean }
  /** existing: the paths refused, at `tip`, the branch's commit they were found in. */
  | { ok: false; problem: string; existing?: string[]; tip?: string };

const ZERO = "0000000000000000000000000000000000000000";

/** The local branch's tip and `origin/<branch>`'s, read together (null where there is none). */
const tips = (repo: string, branch: string) => {
  const [local, remote] = resolveCommits(repo, [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`]);
  return { local: local ?? null, remote: remote ?? null };
};

/** The commit the branch points at: the local branch, else `origin/<branch>`, else null (none yet). */
export function branchTip(repo: string, branch: string): string | null {
  const { local, remote } = tips(repo, branch);
  return local ?? remote;
}

/** A file's bytes at `commit`, or null when it is not there. */
export function fileAt(repo: string, commit: string, path: string): Buffer | null {
  const r = git(repo, ["cat-file", "blob", `${commit}:${path}`]);
  return r.ok ? r.out : null;
}

interface Entry {
  mode: string;
  type: string;
  object: string;
}

function must(r: { ok: boolean; out: Buffer; err: string }, what: string): string {
  if (!r.ok) throw new Error(`git ${what} gagal: ${r.err.trim()}`);
  return r.out.toString().trim();
}

/** Every blob of `commit`'s tree: path → entry. */
function listTree(repo: string, commit: string): Map<string, Entry> {
  const out = must(git(repo, ["ls-tree", "-r", "-z", "--full-tree", commit]), "ls-tree");
  const files = new Map<string, Entry>();
  for (const line of out.split("\0")) {
    if (!line) continue;
    const tab = line.indexOf("\t");
    const [mode, type, object] = line.slice(0, tab).split(" ") as [string, string, string];
    files.set(line.slice(tab + 1), { mode, type, object });
  }
  return files;
}

/**
 * Builds the nested trees of a flat path → blob map, bottom-up; returns the root tree id. One `git
 * mktree` per folder depth: the folders of one depth go through `mktree --batch` together.
 */
function makeTree(repo: string, files: Map<string, Entry>): string {
  const dirs = new Map<string, Map<string, Entry>>([["", new Map()]]);
  const dirOf = (d: string) => {
    let m = dirs.get(d);
    if (!m) dirs.set(d, (m = new Map()));
    return m;
  };
  for (const [p, e] of files) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) dirOf(parts.slice(0, i).join("/"));
    dirOf(parts.slice(0, -1).join("/")).set(parts[parts.length - 1]!, e);
  }
  const depth = (d: string) => (d === "" ? 0 : d.split("/").length);
  const deepest = Math.max(...[...dirs.keys()].map(depth));
  // Deepest first, so each folder's tree exists before its parent lists it.
  for (let level = deepest; level >= 0; level--) {
    const here = [...dirs.keys()].filter((d) => depth(d) === level);
    const listing = (d: string) => [...dirs.get(d)!].map(([name, e]) => `${e.mode} ${e.type} ${e.object}\t${name}\0`).join("");
    // one tree: plain mktree (an empty root too); several: --batch, trees separated by an empty entry
    const ids = must(git(repo, ["mktree", "-z", ...(here.length > 1 ? ["--batch"] : [])], here.map(listing).join("\0")), "mktree").split("\n");
    if (level === 0) return ids[0]!;
    here.forEach((d, i) => {
      const slash = d.lastIndexOf("/");
      dirOf(slash < 0 ? "" : d.slice(0, slash)).set(d.slice(slash + 1), { mode: "040000", type: "tree", object: ids[i]! });
    });
  }
  throw new Error("tidak ada folder akar");
}

/** Whether `HEAD` of the repository is the branch (then moving it would leave the work tree stale). */
const checkedOut = (repo: string, branch: string) => gitText(repo, ["symbolic-ref", "--quiet", "HEAD"]) === `refs/heads/${branch}`;

/**
 * Adds `files` in one commit on `branch` (an orphan branch when it does not exist yet). Refuses when
 * a path already exists on the branch, unless it is in `replaceable`.
 */
export function commitFiles(repo: string, branch: string, files: NewFile[], message: string, replaceable: ReadonlySet<string> = new Set()): WriteOutcome {
  if (checkedOut(repo, branch)) return { ok: false, problem: `cabang ${branch} sedang di-checkout di work tree ini; pindah ke cabang lain dulu` };
  const { local, remote } = tips(repo, branch);
  const parent = local ?? remote;
  const tree = parent ? listTree(repo, parent) : new Map<string, Entry>();
  const existing = files.map((f) => f.path).filter((p) => tree.has(p) && !replaceable.has(p));
  if (existing.length) return { ok: false, problem: `berkas sudah ada di cabang ${branch} dan tidak boleh ditulis ulang: ${existing.join(", ")}`, existing, tip: parent! };
  for (const f of files) {
    const blob = must(git(repo, ["hash-object", "-w", "--stdin"], f.content), "hash-object");
    tree.set(f.path, { mode: "100644", type: "blob", object: blob });
  }
  const root = makeTree(repo, tree);
  const identity = gitText(repo, ["config", "user.email"]) ? [] : ["-c", "user.name=pusdat", "-c", "user.email=pusdat@localhost"];
  const commit = must(git(repo, [...identity, "commit-tree", root, ...(parent ? ["-p", parent] : []), "-m", message]), "commit-tree");
  // Compare-and-swap against the tip read above: a writer that moved (or made) the branch meanwhile makes this fail instead of losing its commit.
  const moved = git(repo, ["update-ref", "-m", "pusdat arsip", `refs/heads/${branch}`, commit, local ?? ZERO]);
  if (!moved.ok) return { ok: false, problem: `cabang ${branch} berubah selama penulisan; jalankan ulang: ${moved.err.trim()}` };
  return { ok: true, commit, parent, created: parent === null, localCreated: local === null };
}
