/**
 * The history `pusdat audit` reads, in four git processes whatever its length:
 *   - one `cat-file --batch` kept open (infra/git/object-reader.ts): the refs resolved to commit ids,
 *     the archive's `catatan/` trees and record blobs, and every distinct stack-file blob;
 *   - `rev-list --first-parent <main>`: every commit on main's first-parent line (records naming
 *     anything else are orphans);
 *   - one `log --first-parent -m --raw` over `requests/`, `Pulumi.<stack>.yaml` and `policies/`:
 *     the changes, with the blob of the stack file after each one, so the stack file as it stood in
 *     any change's parent is known without asking git per commit;
 *   - `rev-parse --show-toplevel` to find the repository.
 * Refs are resolved to commit ids first; only ids travel to the later processes.
 */
import type { ChangeInput, TouchedPath } from "../core/audit/types";
import { spawn } from "node:child_process";
import { type ObjectReader, treeEntries } from "./object-reader";
import { gitText } from "./repo";

/** A change as the log gives it: the stack file still a blob id, read later in one batch. */
export type RawChange = Omit<ChangeInput, "stackAtParent"> & {
  /** Blob of `Pulumi.<stack>.yaml` as it stood in the parent (a root commit: in the commit itself); null when absent. */
  stackBlob: string | null;
};

export interface RecordFile {
  path: string;
  bytes: Buffer;
}

export class HistoryError extends Error {}

/** `ref` as a commit id, or null; refs that look like options are refused before git sees them. */
export async function commitOf(reader: ObjectReader, ref: string): Promise<string | null> {
  if (ref === "" || ref.startsWith("-")) return null;
  return reader.commit(ref);
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

/** git with its output collected, without blocking: the reads below run side by side. */
function gitAsync(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const p = spawn("git", ["-C", cwd, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on("data", (b: Buffer) => out.push(b));
    p.stderr.on("data", (b: Buffer) => err.push(b));
    p.stdin.on("error", () => undefined); // git may stop reading early; its exit status says why
    p.on("error", reject);
    p.on("close", (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(new HistoryError(`git ${args.find((a) => !a.startsWith("-") && !a.includes("="))} gagal: ${Buffer.concat(err).toString().trim()}`)),
    );
    p.stdin.end(input);
  });
}

/** A failure is reported when the promise is awaited, not as an unhandled rejection meanwhile. */
function awaited<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

export interface HistoryReading {
  /** Every file under `catatan/` on the archive, sorted by path; usually ready before `main` is. */
  records: Promise<RecordFile[]>;
  /** The changes (oldest first) with the stack file as each one's parent had it, and main's first-parent line. */
  main: Promise<{ changes: ChangeInput[]; firstParent: Set<string> }>;
}

/** Every `.json` file under `catatan/` on the archive commit (what `ls-tree -r` lists there), with its bytes, sorted by path. */
async function recordFiles(reader: ObjectReader, arsip: string): Promise<RecordFile[]> {
  const root = await reader.get(`${arsip}:catatan`);
  if (root?.type !== "tree") return [];
  const idBytes = root.id.length / 2;
  const listed: Array<{ path: string; blob: string }> = [];
  // Level by level: every folder of one depth asked at once.
  for (let level = [{ path: "catatan", body: root.body }]; level.length; ) {
    const next: typeof level = [];
    const asks: Promise<void>[] = [];
    for (const t of level) {
      for (const e of treeEntries(t.body, idBytes)) {
        const p = `${t.path}/${e.name}`;
        if (e.mode === "40000") asks.push(reader.get(e.oid).then((o) => void (o?.type === "tree" && next.push({ path: p, body: o.body }))));
        else if (e.mode !== "160000" && /^catatan\/.+\.json$/.test(p)) listed.push({ path: p, blob: e.oid });
      }
    }
    await Promise.all(asks);
    level = next;
  }
  const blobs = await readBlobs(reader, listed.map((r) => r.blob));
  const files = listed.map((r) => ({ path: r.path, bytes: blobs.get(r.blob) ?? Buffer.alloc(0) }));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The blobs with these ids (each asked once); a missing one is left out. */
async function readBlobs(reader: ObjectReader, ids: string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => reader.get(id)));
  return new Map(unique.flatMap((id, i) => (found[i] ? [[id, found[i]!.body] as const] : [])));
}

/**
 * Everything the audit needs from `main` and the archive (both commit ids), read side by side:
 * `rev-list` and `log` at once while `reader` walks the archive's records, then the few stack-file
 * blobs through `reader` too. The caller can validate the records while `log` still runs, and closes
 * `reader` when both are read.
 */
export function readHistory(top: string, main: string, arsip: string, stack: string, reader: ObjectReader): HistoryReading {
  const stackFile = `Pulumi.${stack}.yaml`;
  const firstParent = gitAsync(top, ["rev-list", "--first-parent", main]);
  const log = gitAsync(top, [
    "--literal-pathspecs", "-c", "core.quotePath=false",
    "log", "--first-parent", "-m", "--root", "--raw", "--no-abbrev", "--no-renames", "--no-color", "-z",
    "--format=%x01%H%x00%P%x00%ct%x00%an%x00%s", main, "--", ...CHANGE_PATHS(stack),
  ]);
  const records = recordFiles(reader, arsip);

  const mainLine = log.then(async (out) => {
    const raw = parseLog(out.toString("utf8"), stackFile);
    const blobs = await readBlobs(reader, raw.map((c) => c.stackBlob).filter((b): b is string => b !== null));
    const changes = raw.map(({ stackBlob, ...c }) => ({ ...c, stackAtParent: stackBlob ? (blobs.get(stackBlob) ?? null) : null }));
    const line = new Set((await firstParent).toString().split("\n").filter(Boolean));
    return { changes, firstParent: line };
  });
  awaited(firstParent);
  return { records: awaited(records), main: awaited(mainLine) };
}
