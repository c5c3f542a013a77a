/**
 * Commits one new file to the `arsip` branch without a work tree (hash-object, mktree, commit-tree,
 * update-ref with the old value, so a concurrent writer makes it fail instead of being overwritten).
 * The archive is append-only: a path that already exists is refused, never replaced. When the branch
 * does not exist it starts from `origin/arsip`, or as an orphan branch when there is none.
 */
import { git, gitText, resolveCommit } from "./repo";

export const ARSIP_BRANCH = "refs/heads/arsip";

export type ArchiveWrite = { ok: true; commit: string; created: boolean } | { ok: false; message: string };

interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  name: string;
}

function lsTree(repo: string, treeish: string): TreeEntry[] {
  const r = git(repo, ["ls-tree", "-z", treeish]);
  if (!r.ok) throw new Error(`git ls-tree ${treeish} gagal: ${r.err.trim()}`);
  return r.out
    .toString()
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [info, name] = line.split("\t");
      const [mode, type, sha] = info!.split(" ");
      return { mode: mode!, type: type!, sha: sha!, name: name! };
    });
}

function mktree(repo: string, entries: TreeEntry[]): string {
  const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}`).join("\0") + (entries.length ? "\0" : "");
  const r = git(repo, ["mktree", "-z"], input);
  if (!r.ok) throw new Error(`git mktree gagal: ${r.err.trim()}`);
  return r.out.toString().trim();
}

/** Adds `content` at `path` (folders/…/file) on the arsip branch as one new commit. */
export function addToArchive(repo: string, path: string, content: Buffer, message: string): ArchiveWrite {
  const local = resolveCommit(repo, ARSIP_BRANCH);
  const parent = local ?? resolveCommit(repo, "refs/remotes/origin/arsip");
  if (parent && git(repo, ["cat-file", "-e", `${parent}:${path}`]).ok) {
    return { ok: false, message: `${path} sudah ada di cabang arsip (${parent.slice(0, 12)}); arsip tidak pernah ditulis ulang. Hapus --write-arsip atau pilih periode lain.` };
  }
  const blob = git(repo, ["hash-object", "-w", "--stdin"], content);
  if (!blob.ok) throw new Error(`git hash-object gagal: ${blob.err.trim()}`);
  const parts = path.split("/");
  const build = (treeish: string | null, depth: number): string => {
    const entries = treeish ? lsTree(repo, treeish) : [];
    const name = parts[depth]!;
    const rest = entries.filter((e) => e.name !== name);
    if (depth === parts.length - 1) return mktree(repo, [...rest, { mode: "100644", type: "blob", sha: blob.out.toString().trim(), name }]);
    const sub = entries.find((e) => e.name === name && e.type === "tree");
    return mktree(repo, [...rest, { mode: "040000", type: "tree", sha: build(sub ? sub.sha : null, depth + 1), name }]);
  };
  const tree = build(parent ? `${parent}^{tree}` : null, 0);
  const who = gitText(repo, ["config", "user.email"]) ? [] : ["-c", "user.name=pusdat", "-c", "user.email=pusdat@localhost"];
  const commit = git(repo, [...who, "commit-tree", tree, ...(parent ? ["-p", parent] : []), "-m", message]);
  if (!commit.ok) throw new Error(`git commit-tree gagal: ${commit.err.trim()}`);
  const sha = commit.out.toString().trim();
  const update = git(repo, ["update-ref", "-m", "pusdat evaluate", ARSIP_BRANCH, sha, local ?? "0".repeat(40)]);
  if (!update.ok) return { ok: false, message: `cabang arsip berubah saat ditulis; jalankan ulang (${update.err.trim()})` };
  return { ok: true, commit: sha, created: !local };
}
