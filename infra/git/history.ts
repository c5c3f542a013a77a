/**
 * The history `pusdat audit` reads, in a handful of git processes whatever its length:
 *   - `rev-list --first-parent <main>`: every commit on main's first-parent line (records naming
 *     anything else are orphans);
 *   - one `log --first-parent -m --raw` over `requests/`, `Pulumi.<stack>.yaml` and `policies/`:
 *     the changes, with the blob of the stack file after each one, so the stack file as it stood in
 *     any change's parent is known without asking git per commit;
 *   - one `ls-tree -r` of the archive ref (the records under `catatan/`);
 *   - one `cat-file --batch` fed every record blob and every distinct stack-file blob.
 * Refs are resolved to commit ids first; only ids travel to the later processes.
 */
import type { TouchedPath } from "../core/audit/types";
import { git, gitText, resolveCommit } from "./repo";

export interface RawChange {
  commit: string;
  /** The first parent; null for a root commit. */
  parent: string | null;
  /** Committer time, seconds since the epoch. */
  time: number;
  /** The commit's author name (not a forge login). */
  author: string;
  subject: string;
  paths: TouchedPath[];
  /** Blob of `Pulumi.<stack>.yaml` as it stood in the parent (a root commit: in the commit itself); null when absent. */
  stackBlob: string | null;
}

export interface RecordFile {
  path: string;
  bytes: Buffer;
}

export interface History {
  /** Oldest first. */
  changes: RawChange[];
  firstParent: ReadonlySet<string>;
  records: RecordFile[];
  /** Contents of the stack-file blobs the changes name. */
  blobs: ReadonlyMap<string, Buffer>;
}

export class HistoryError extends Error {}

const run = (cwd: string, args: string[], input?: string): Buffer => {
  const r = git(cwd, args, input);
  if (!r.ok) throw new HistoryError(`git ${args[0]} gagal: ${r.err.trim()}`);
  return r.out;
};

/** `ref` as a commit id, or null; refs that look like options are refused before git sees them. */
export function commitOf(cwd: string, ref: string): string | null {
  if (ref === "" || ref.startsWith("-")) return null;
  return resolveCommit(cwd, ref);
}

/** Where to run git: the top of the work tree, or the repository itself when it is bare (`git clone --bare`). */
export function topLevel(cwd: string): string | null {
  const top = gitText(cwd, ["rev-parse", "--show-toplevel"]);
  if (top) return top;
  return gitText(cwd, ["rev-parse", "--is-bare-repository"]) === "true" ? gitText(cwd, ["rev-parse", "--absolute-git-dir"]) : null;
}

export const CHANGE_PATHS = (stack: string) => ["requests/", `Pulumi.${stack}.yaml`, "policies/"];

const ZERO = /^0+$/;

/** Parses `log -z --raw` output written with the format `%x01%H%x00%P%x00%ct%x00%an%x00%s`. */
export function parseLog(out: string, stackFile: string): RawChange[] {
  const tokens = out.split("\0");
  const newestFirst: Array<RawChange & { stackAfter: string | null | undefined }> = [];
  let i = 0;
  while (i < tokens.length) {
    const head = tokens[i++]!.replace(/^\n/, "");
    if (head === "") continue;
    if (!head.startsWith("\x01")) throw new HistoryError(`keluaran git log tidak dikenali di dekat ${JSON.stringify(head.slice(0, 60))}`);
    const commit = head.slice(1);
    const parents = (tokens[i++] ?? "").split(" ").filter(Boolean);
    const time = Number(tokens[i++]);
    const author = tokens[i++] ?? "";
    const subject = tokens[i++] ?? "";
    const paths: TouchedPath[] = [];
    let stackAfter: string | null | undefined;
    while (i < tokens.length && tokens[i]!.replace(/^\n/, "").startsWith(":")) {
      const meta = tokens[i++]!.replace(/^\n/, "").split(" ");
      const path = tokens[i++]!;
      const status = meta[4]!.slice(0, 1);
      paths.push({ status, path });
      if (path === stackFile) stackAfter = ZERO.test(meta[3]!) ? null : meta[3]!;
    }
    paths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    newestFirst.push({ commit, parent: parents[0] ?? null, time, author, subject, paths, stackBlob: null, stackAfter });
  }
  // Walk oldest first: the stack file in a change's parent is the one after the last earlier change to it.
  const changes: RawChange[] = [];
  let current: string | null = null;
  for (let k = newestFirst.length - 1; k >= 0; k--) {
    const { stackAfter, ...c } = newestFirst[k]!;
    if (c.parent === null) current = stackAfter ?? null;
    changes.push({ ...c, stackBlob: current });
    if (stackAfter !== undefined) current = stackAfter;
  }
  return changes;
}

/** `cat-file --batch` output for the ids asked, in order; a missing object is left out. */
export function parseBatch(out: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const nl = out.indexOf(10, at);
    if (nl < 0) break;
    const [id, type, size] = out.subarray(at, nl).toString().split(" ");
    at = nl + 1;
    if (type === "missing" || size === undefined) continue;
    const n = Number(size);
    blobs.set(id!, out.subarray(at, at + n));
    at += n + 1;
  }
  return blobs;
}

/** Everything the audit needs from `main` (commit id) and the archive (commit id), in five git processes. */
export function readHistory(top: string, main: string, arsip: string, stack: string): History {
  const stackFile = `Pulumi.${stack}.yaml`;
  const firstParent = new Set(run(top, ["rev-list", "--first-parent", main]).toString().split("\n").filter(Boolean));
  const log = run(top, [
    "--literal-pathspecs", "-c", "core.quotePath=false",
    "log", "--first-parent", "-m", "--root", "--raw", "--no-abbrev", "--no-renames", "--no-color", "-z",
    "--format=%x01%H%x00%P%x00%ct%x00%an%x00%s", main, "--", ...CHANGE_PATHS(stack),
  ]);
  const changes = parseLog(log.toString("utf8"), stackFile);

  const tree = run(top, ["ls-tree", "-r", "-z", "--full-tree", arsip, "--", "catatan"]).toString("utf8");
  const recordBlobs: Array<{ path: string; blob: string }> = [];
  for (const entry of tree.split("\0")) {
    const m = entry.match(/^\d+ blob ([0-9a-f]+)\t(catatan\/.+\.json)$/);
    if (m) recordBlobs.push({ path: m[2]!, blob: m[1]! });
  }
  const wanted = new Set<string>(recordBlobs.map((r) => r.blob));
  for (const c of changes) if (c.stackBlob) wanted.add(c.stackBlob);
  const blobs = wanted.size ? parseBatch(run(top, ["cat-file", "--batch"], [...wanted].join("\n") + "\n")) : new Map<string, Buffer>();
  const records = recordBlobs.map((r) => ({ path: r.path, bytes: blobs.get(r.blob) ?? Buffer.alloc(0) }));
  records.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { changes, firstParent, records, blobs };
}
