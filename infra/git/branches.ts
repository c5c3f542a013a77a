/**
 * The request files on other refs (main and every remote-tracking branch): what colleagues have
 * already claimed in pull requests not merged yet. Git starts a few processes whatever the number of
 * refs and files: one `for-each-ref` (whose ids also show their width, SHA-1 or SHA-256), then
 * `cat-file --batch` once per folder level (the requests folder of every ref, their kind folders) and
 * once for all the file contents. Trees and files that several refs share are read once.
 */
import { type GitObject, nextAnswer, treeEntries } from "./object-reader";
import { git } from "./repo";

export interface RefFile {
  /** Short ref name, e.g. `main` or `origin/permintaan/sibapo`. */
  ref: string;
  /** Path in the repository, e.g. `requests/vm/sibapo-app.yaml`. */
  path: string;
  text: string;
}

export const DEFAULT_REF_PATTERNS = ["refs/heads/main", "refs/remotes"];

/** No request file is bigger (the loader refuses more than 64 KiB). */
const MAX_BYTES = 64 * 1024;

/** Objects by name (`<rev>:<path>` or an id), read through one `git cat-file --batch`; missing ones are absent. */
function catBatch(top: string, names: string[]): Map<string, GitObject> {
  const out = new Map<string, GitObject>();
  if (!names.length) return out;
  const r = git(top, ["cat-file", "--batch"], `${names.join("\n")}\n`);
  if (!r.ok) return out;
  let rest = r.out;
  for (const name of names) {
    const a = nextAnswer(rest);
    if (!a) break;
    rest = rest.subarray(a.length);
    if (a.object) out.set(name, a.object);
  }
  return out;
}

/**
 * Every `.yaml` file under `folder` (relative to the repository top, with '/') on the refs matching
 * `patterns`; symbolic refs (origin/HEAD) are skipped. Each distinct content comes back once, under
 * the first ref that holds it (main before the remotes): a branch repeats main's files but for what
 * it adds or changes, and only those can claim anything new.
 */
export function requestFilesOnRefs(top: string, folder: string, patterns = DEFAULT_REF_PATTERNS): RefFile[] {
  const refs = git(top, ["for-each-ref", "--format=%(refname)%00%(symref)%00%(objectname)", ...patterns]);
  if (!refs.ok) return [];
  const lines = refs.out
    .toString()
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\0"))
    .filter(([, symref]) => !symref);
  const names = lines.map(([name]) => name!);
  // 40 (SHA-1) or 64 (SHA-256) hex digits per object id, as the refs' own ids show
  const idBytes = (lines[0]?.[2]?.length ?? 40) / 2;
  const short = (ref: string) => ref.replace(/^refs\/(heads|remotes)\//, "");

  // Level by level: the folder on each ref, then the trees inside, each distinct tree once.
  type Where = { ref: string; path: string };
  const blobs = new Map<string, Where>();
  let level = new Map<string, Where>();
  const roots = catBatch(top, names.map((n) => `${n}:${folder}`));
  const seenTrees = new Set<string>();
  const visit = (where: Where, body: Buffer, next: Map<string, Where>) => {
    for (const e of treeEntries(body, idBytes)) {
      const p = `${where.path}/${e.name}`;
      if (e.mode === "40000") {
        if (!seenTrees.has(e.oid)) next.set(e.oid, { ref: where.ref, path: p });
        seenTrees.add(e.oid);
      } else if (e.name.endsWith(".yaml") && !blobs.has(e.oid)) blobs.set(e.oid, { ref: where.ref, path: p });
    }
  };
  for (const n of names) {
    const t = roots.get(`${n}:${folder}`);
    if (t?.type === "tree") visit({ ref: short(n), path: folder }, t.body, level);
  }
  for (let depth = 0; depth < 4 && level.size; depth++) {
    const trees = catBatch(top, [...level.keys()]);
    const next = new Map<string, Where>();
    for (const [oid, where] of level) {
      const t = trees.get(oid);
      if (t?.type === "tree") visit(where, t.body, next);
    }
    level = next;
  }
  const contents = catBatch(top, [...blobs.keys()]);
  return [...blobs].flatMap(([oid, where]) => {
    const c = contents.get(oid);
    return c && c.type === "blob" && c.body.length <= MAX_BYTES ? [{ ref: where.ref, path: where.path, text: c.body.toString("utf8") }] : [];
  });
}
