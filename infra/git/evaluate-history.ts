/**
 * Reads what `pusdat evaluate` needs from git: the first-parent changes to `requests/` on main with the
 * request files before and after each, the approvers list as it stood in each parent commit, and the
 * archive records and monitoring reports on the `arsip` branch. A handful of git processes: one
 * `git log`, one `git ls-tree` and two `git cat-file --batch`, whatever the length of the history.
 */
import { ArchiveRecord } from "../core/archive/record";
import type { ChangeEvent } from "../core/evaluate/cases";
import type { MonitoringFile } from "../core/evaluate/incidents";
import { requestVersion } from "../core/evaluate/version";
import { parseYamlMapping } from "../core/load/source";
import { git, resolveCommit } from "./repo";

export interface EvaluationHistory {
  changes: ChangeEvent[];
  records: ArchiveRecord[];
  monitoring: MonitoringFile[];
  /** The archive ref that was read, or null when there is none. */
  arsip: string | null;
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

interface LoggedCommit {
  commit: string;
  parent: string | null;
  committedAt: string;
  files: { status: string; path: string; id: string }[];
}

/** `git log --first-parent` over requests/, oldest first, with the files each commit touched. */
function logRequests(repo: string, main: string): LoggedCommit[] {
  const r = git(repo, ["log", "--first-parent", "--reverse", "--diff-merges=first-parent", "--no-renames", "--name-status", "--format=%x01%H %P%x02%cI", main, "--", "requests/"]);
  if (!r.ok) throw new Error(`git log gagal: ${r.err.trim()}`);
  const commits: LoggedCommit[] = [];
  for (const chunk of r.out.toString().split("\x01").slice(1)) {
    const [head, rest = ""] = chunk.split("\x02");
    const [commit, parent] = head!.split(" ");
    const lines = rest.split("\n");
    const committedAt = new Date(lines[0]!.trim()).toISOString();
    const files = lines
      .slice(1)
      .map((l) => l.split("\t"))
      .filter((p) => p.length === 2 && REQUEST_FILE.test(p[1]!))
      .map(([status, path]) => ({ status: status!, path: path!, id: REQUEST_FILE.exec(path!)![2]! }));
    commits.push({ commit: commit!, parent: parent || null, committedAt, files });
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

/** The archive ref to read: the one given, else `arsip`, else `origin/arsip`; null when none exists. */
export function archiveRef(repo: string, given?: string): string | null {
  if (given) return resolveCommit(repo, given) ? given : null;
  for (const ref of ["arsip", "origin/arsip"]) if (resolveCommit(repo, ref)) return ref;
  return null;
}

export function readEvaluationHistory(repo: string, opts: HistoryOptions): EvaluationHistory {
  const notes: string[] = [];
  const commits = logRequests(repo, opts.main);
  const stackFile = `Pulumi.${opts.stack}.yaml`;
  const names: string[] = [];
  for (const c of commits) {
    names.push(`${c.parent ?? c.commit}:${stackFile}`);
    for (const f of c.files) {
      if (c.parent) names.push(`${c.parent}:${f.path}`);
      names.push(`${c.commit}:${f.path}`);
    }
  }
  const blobs = catFiles(repo, names);
  const changes: ChangeEvent[] = [];
  for (const c of commits) {
    const approvers = approversOf(blobs.get(`${c.parent ?? c.commit}:${stackFile}`)) ?? opts.approvers;
    for (const f of c.files) {
      const beforeDoc = c.parent ? yamlOf(blobs.get(`${c.parent}:${f.path}`)) : null;
      const afterDoc = yamlOf(blobs.get(`${c.commit}:${f.path}`));
      const before = beforeDoc && requestVersion(beforeDoc);
      const after = afterDoc && requestVersion(afterDoc);
      if (!before && !after) {
        notes.push(`${f.path} di commit ${c.commit.slice(0, 12)} tidak terbaca sebagai permintaan; dilewati`);
        continue;
      }
      changes.push({ commit: c.commit, committedAt: c.committedAt, id: f.id, before: before ?? null, after: after ?? null, approvers });
    }
  }
  const arsip = archiveRef(repo, opts.arsip);
  const records: ArchiveRecord[] = [];
  const monitoring: MonitoringFile[] = [];
  if (!arsip) {
    notes.push(opts.arsip ? `ref arsip ${opts.arsip} tidak ditemukan; tanpa catatan penerapan` : "cabang arsip (arsip, origin/arsip) tidak ditemukan; tanpa catatan penerapan");
    return { changes, records, monitoring, arsip: null, notes };
  }
  const ls = git(repo, ["ls-tree", "-r", "--name-only", arsip, "--", "catatan", "pemantauan"]);
  if (!ls.ok) throw new Error(`git ls-tree gagal: ${ls.err.trim()}`);
  const paths = ls.out.toString().split("\n").filter((p) => RECORD_FILE.test(p) || MONITORING_FILE.test(p));
  const files = catFiles(repo, paths.map((p) => `${arsip}:${p}`));
  for (const p of paths) {
    const text = files.get(`${arsip}:${p}`)?.toString("utf8") ?? "";
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const day = MONITORING_FILE.exec(p);
    if (day) {
      if (json === undefined) notes.push(`${p}: bukan JSON; laporan pemantauan ini dilewati`);
      else monitoring.push({ path: p, date: day[1]!, json });
      continue;
    }
    const rec = ArchiveRecord.safeParse(json);
    if (rec.success) records.push(rec.data);
    else notes.push(`${p}: catatan tidak sesuai format pusdat-arsip/v1; dilewati`);
  }
  return { changes, records, monitoring, arsip, notes };
}
