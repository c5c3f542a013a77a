/**
 * The request files on other refs (main and every remote-tracking branch): what colleagues have
 * already claimed in pull requests not merged yet. One `for-each-ref`, one `ls-tree` per ref and one
 * `cat-file --batch` for all the distinct blobs: a few processes, never one per file.
 */
import { git } from "./repo";

export interface RefFile {
  /** Short ref name, e.g. `main` or `origin/permintaan/sibapo`. */
  ref: string;
  /** Path in the repository, e.g. `requests/vm/sibapo-app.yaml`. */
  path: string;
  text: string;
}

export const DEFAULT_REF_PATTERNS = ["refs/heads/main", "refs/remotes"];

/** `folder` is relative to the repository top, with '/'. Refs that are symbolic (origin/HEAD) are skipped. */
export function requestFilesOnRefs(top: string, folder: string, patterns = DEFAULT_REF_PATTERNS): RefFile[] {
  const refs = git(top, ["for-each-ref", "--format=%(refname)%00%(symref)", ...patterns]);
  if (!refs.ok) return [];
  const names = refs.out
    .toString()
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\0"))
    .filter(([, symref]) => !symref)
    .map(([name]) => name!);
  const entries: { ref: string; path: string; oid: string }[] = [];
  for (const ref of names) {
    const tree = git(top, ["ls-tree", "-r", "-z", ref, "--", folder]);
    if (!tree.ok) continue;
    for (const rec of tree.out.toString().split("\0")) {
      const m = rec.match(/^\d+ blob ([0-9a-f]+)\t(.+)$/);
      if (m && m[2]!.endsWith(".yaml")) entries.push({ ref: ref.replace(/^refs\/(heads|remotes)\//, ""), path: m[2]!, oid: m[1]! });
    }
  }
  const blobs = readBlobs(top, [...new Set(entries.map((e) => e.oid))]);
  return entries.flatMap((e) => {
    const text = blobs.get(e.oid);
    return text === undefined ? [] : [{ ref: e.ref, path: e.path, text }];
  });
}

/** Blob contents by id, read through one `git cat-file --batch`. Files over 64 KiB are left out (no request is that big). */
function readBlobs(top: string, oids: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!oids.length) return out;
  const r = git(top, ["cat-file", "--batch"], `${oids.join("\n")}\n`);
  if (!r.ok) return out;
  const buf = r.out;
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(0x0a, at);
    if (nl < 0) break;
    const [oid, type, size] = buf.subarray(at, nl).toString().split(" ");
    at = nl + 1;
    if (type === "missing" || size === undefined) continue;
    const n = Number(size);
    if (type === "blob" && n <= 64 * 1024) out.set(oid!, buf.subarray(at, at + n).toString("utf8"));
    at += n + 1; // the content, then a newline
  }
  return out;
}
