/**
 * What `pusdat dashboard` reads from git, read-only: main's request history and the archive records
 * (the same reader as `pusdat evaluate`), and the newest monitoring report on `arsip`
 * (`pemantauan/<YYYY>/<YYYY-MM-DD>[-n].json`, later runs of a day included). Nothing is written.
 */
import type { ArsipFacts } from "../core/dashboard/data";
import { newestMonitoring } from "../core/dashboard/archive-view";
import { archiveRef, catFiles, readEvaluationHistory } from "./evaluate-history";
import { firstCommit, git, repoRoot } from "./repo";

const MONITORING = /^pemantauan\/\d{4}\/\d{4}-\d{2}-\d{2}(?:-\d+)?\.json$/;

export interface DashboardArchiveOptions {
  stack: string;
  approvers: string[];
  /** Default: main, origin/main, then HEAD. */
  main?: string;
  arsip?: string;
}

const EMPTY = (notes: string[]): ArsipFacts => ({ records: [], changes: [], monitoring: [], found: false, notes });

export function readDashboardArchive(dir: string, o: DashboardArchiveOptions): ArsipFacts {
  const repo = repoRoot(dir);
  if (!repo) return EMPTY([`${dir} bukan repositori git; riwayat dan arsip tidak dibaca.`]);
  const mainCommit = firstCommit(repo, o.main ? [o.main] : ["main", "origin/main", "HEAD"])?.commit;
  const arsip = archiveRef(repo, o.arsip);
  if (!mainCommit) return EMPTY(["repositori belum memiliki commit; riwayat tidak dibaca."]);
  const h = readEvaluationHistory(repo, { main: mainCommit, arsip: arsip ?? undefined, stack: o.stack, approvers: o.approvers });
  // the evaluation's own note about a missing archive is replaced by the dashboard's wording (dashboardData)
  const notes = arsip ? h.notes : h.notes.filter((t) => !/^(cabang|ref) arsip .*tidak ditemukan/.test(t));
  if (!arsip) return { records: [], changes: h.changes, monitoring: [], found: false, notes };
  const ls = git(repo, ["ls-tree", "-r", arsip, "--", "pemantauan"]);
  if (!ls.ok) throw new Error(`git ls-tree gagal: ${ls.err.trim()}`);
  const entries = ls.out
    .toString()
    .split("\n")
    .map((l) => /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m && MONITORING.test(m[2]!))
    .map((m) => ({ blob: m[1]!, path: m[2]!, json: undefined as unknown }));
  const newest = newestMonitoring(entries) as (typeof entries)[number] | null;
  if (newest) {
    const text = catFiles(repo, [newest.blob]).get(newest.blob)?.toString("utf8") ?? "";
    try {
      newest.json = JSON.parse(text);
    } catch {
      newest.json = null;
    }
  }
  return { records: h.records, changes: h.changes, monitoring: newest ? [{ path: newest.path, json: newest.json }] : [], found: true, notes };
}
