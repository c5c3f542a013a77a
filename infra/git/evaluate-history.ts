/**
 * Reads what `pusdat evaluate` needs from git: the first-parent changes to `requests/` on main with the
 * request files before and after each, the approvers list as it stood in each parent commit, and the
 * archive records and monitoring reports on the `arsip` branch. A handful of git processes: one
 * `git log --raw`, one `git ls-tree` and two `git cat-file --batch` (by blob id), whatever the length
 * of the history.
 */
import { ArchiveRecord } from "../core/archive/record";
import type { ChangeEvent, RequestVersion } from "../core/evaluate/cases";
import type { MonitoringFile } from "../core/evaluate/incidents";
import { requestVersion } from "../core/evaluate/version";
import { parseYamlMapping } from "../core/load/source";
import { firstCommit, git } from "./repo";

export interface EvaluationHistory {
  changes: ChangeEvent[];
  records: ArchiveRecord[];
  monitoring: MonitoringFile[];
  /** The archive ref that was read, or null when there is none. */
  arsip: string | null;
  /** The commit that ref named when it was read. */
  arsipCommit: string | null;
  /** Things skipped on the way, in Bahasa Indonesia (shown as notes, never fatal). */
  notes: string[];
}

export interface HistoryOptions {
  main: string;
  /** Default: `arsip`, then `origin/arsip`. */
  arsip?: string;
  stack: string;
  /** Used when a parent commit has no readable stack file. */
  approvers: string[];
}

const REQUEST_FILE = /^requests\/(subdomain|hosting|vm|api)\/([a-z][a-z0-9-]{1,62})\.yaml$/;
const RECORD_FILE = /^catatan\/\d{4}\/\d{4}-\d{2}-\d{2}-[0-9a-f]{12}\.json$/;
const MONITORING_FILE = /^pemantauan\/\d{4}\/(\d{4}-\d{2}-\d{2})\.json$/;

/** Many objects in one `git cat-file --batch`: name → content, null when missing. */
export function catFiles(repo: string, names: string[]): Map<string, Buffer | null> {
  const out = new Map<string, Buffer | null>();
  const unique = [...new Set(names)];
  if (!unique.length) return out;
  const r = git(repo, ["cat-file", "--batch"], `${unique.join("\n")}\n`);
  if (!r.ok) throw new Error(`git cat-file gagal: ${r.err.trim()}`);
  const buf = r.out;
  let at = 0;
  for (const name of unique) {
    const nl = buf.indexOf(0x0a, at);
    const header = buf.subarray(at, nl).toString();
    at = nl + 1;
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
      out.set(name, null);
      continue;
    }
    const size = Number(header.split(" ")[2]);
    out.set(name, buf.subarray(at, at + size));
    at += size + 1;
  }
  return out;
}

const ZERO = /^0+$/;

interface LoggedFile {
  path: string;
  id: string;
  /** Blob ids before and after the commit, null when the file did not exist. */
  before: string | null;
  after: string | null;
}

interface LoggedCommit {
  commit: string;
  parent: string | null;
  committedAt: string;
  files: LoggedFile[];
  /** The stack file's blob after this commit, when the commit changed it. */
  stack?: string | null;
}

/**
 * `git log --first-parent --raw` over requests/ and the stack file, oldest first: blob ids come with
 * the log, so the contents are fetched by id (no path lookups in trees).
 */
function logRequests(repo: string, main: string, stackFile: string): LoggedCommit[] {
  const r = git(repo, ["log", "--first-parent", "--reverse", "--diff-merges=first-parent", "--no-renames", "--raw", "--no-abbrev", "--format=%x01%H %P%x02%cI", main, "--", "requests/", stackFile]);
  if (!r.ok) throw new Error(`git log gagal: ${r.err.trim()}`);
  const commits: LoggedCommit[] = [];
  for (const chunk of r.out.toString().split("\x01").slice(1)) {
    const [head, rest = ""] = chunk.split("\x02");
    const [commit, parent] = head!.split(" ");
    const lines = rest.split("\n");
    const c: LoggedCommit = { commit: commit!, parent: parent || null, committedAt: new Date(lines[0]!.trim()).toISOString(), files: [] };
    for (const line of lines.slice(1)) {
      const m = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) [A-Z]\d*\t(.+)$/.exec(line);
      if (!m) continue;
      const before = ZERO.test(m[1]!) ? null : m[1]!;
      const after = ZERO.test(m[2]!) ? null : m[2]!;
      if (m[3] === stackFile) c.stack = after;
      const f = REQUEST_FILE.exec(m[3]!);
      if (f) c.files.push({ path: m[3]!, id: f[2]!, before, after });
    }
    commits.push(c);
  }
  return commits;
}

function yamlOf(b: Buffer | null | undefined): Record<string, unknown> | null {
  if (!b) return null;
  const p = parseYamlMapping(b);
  return p.ok ? p.value : null;
}

function approversOf(stackFile: Buffer | null | undefined): string[] | null {
  const doc = yamlOf(stackFile);
  const config = doc?.config as Record<string, unknown> | undefined;
  const list = config?.["pusdat:approvers"];
  if (!Array.isArray(list)) return null;
  return list.map((a) => (a && typeof a === "object" ? (a as Record<string, unknown>).login : null)).filter((l): l is string => typeof l === "string");
}

/** The archive ref to read (the one given, else `arsip`, else `origin/arsip`) with its commit; null when none exists. */
export function archiveTip(repo: string, given?: string): { ref: string; commit: string } | null {
  return firstCommit(repo, given ? [given] : ["arsip", "origin/arsip"]);
}

/** The archive ref to read: the one given, else `arsip`, else `origin/arsip`; null when none exists. */
export const archiveRef = (repo: string, given?: string): string | null => archiveTip(repo, given)?.ref ?? null;

export function readEvaluationHistory(repo: string, opts: HistoryOptions): EvaluationHistory {
  const notes: string[] = [];
  const stackFile = `Pulumi.${opts.stack}.yaml`;
  const commits = logRequests(repo, opts.main, stackFile);
  const ids = commits.flatMap((c) => [...c.files.flatMap((f) => [f.before, f.after]), c.stack]).filter((x): x is string => !!x);
  const blobs = catFiles(repo, ids);
  const versions = new Map<string, RequestVersion | null>();
  const versionOf = (blob: string | null) => {
    if (!blob) return null;
    if (!versions.has(blob)) {
      const doc = yamlOf(blobs.get(blob));
      versions.set(blob, doc && requestVersion(doc));
    }
    return versions.get(blob)!;
  };
  const changes: ChangeEvent[] = [];
  /** The stack file as it stands before each commit: the approvers who may approve it. */
  let approvers = opts.approvers;
  for (const c of commits) {
    for (const f of c.files) {
      const before = versionOf(f.before);
      const after = versionOf(f.after);
      if (!before && !after) {
        notes.push(`${f.path} di commit ${c.commit.slice(0, 12)} tidak terbaca sebagai permintaan; dilewati`);
        continue;
      }
      changes.push({ commit: c.commit, committedAt: c.committedAt, id: f.id, before, after, approvers });
    }
    // a root commit is judged by its own list (ARCHIVE.md); later commits by their parent's
    if (c.stack !== undefined) {
      const next = (c.stack ? approversOf(blobs.get(c.stack)) : null) ?? opts.approvers;
      if (!c.parent) for (const e of changes) if (e.commit === c.commit) e.approvers = next;
      approvers = next;
    }
  }
  const tip = archiveTip(repo, opts.arsip);
  const arsip = tip?.ref ?? null;
  const records: ArchiveRecord[] = [];
  const monitoring: MonitoringFile[] = [];
  if (!arsip) {
    notes.push(opts.arsip ? `ref arsip ${opts.arsip} tidak ditemukan; tanpa catatan penerapan` : "cabang arsip (arsip, origin/arsip) tidak ditemukan; tanpa catatan penerapan");
    return { changes, records, monitoring, arsip: null, arsipCommit: null, notes };
  }
  const ls = git(repo, ["ls-tree", "-r", arsip, "--", "catatan", "pemantauan"]);
  if (!ls.ok) throw new Error(`git ls-tree gagal: ${ls.err.trim()}`);
  const entries = ls.out
    .toString()
    .split("\n")
    .map((l) => /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m && (RECORD_FILE.test(m[2]!) || MONITORING_FILE.test(m[2]!)));
  const files = catFiles(repo, entries.map((m) => m[1]!));
  for (const [, blob, p] of entries) {
    const text = files.get(blob!)?.toString("utf8") ?? "";
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const day = MONITORING_FILE.exec(p!);
    if (day) {
      if (json === undefined) notes.push(`${p}: bukan JSON; laporan pemantauan ini dilewati`);
      else monitoring.push({ path: p!, date: day[1]!, json });
      continue;
    }
    const rec = ArchiveRecord.safeParse(json);
    if (rec.success) records.push(rec.data);
    else notes.push(`${p}: catatan tidak sesuai format pusdat-arsip/v1; dilewati`);
  }
  return { changes, records, monitoring, arsip, arsipCommit: tip!.commit, notes };
}
