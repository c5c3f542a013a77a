/**
 * PDN backup evidence on the `arsip` branch (`cadangan-pdn/<id>/<YYYY-MM-DD>.json`): read by every
 * monitoring round, written by `pusdat monitor --catat-backup-pdn`. What a record holds and how the
 * newest is chosen is infra/core/monitor/pdn-backup.ts; this file only moves bytes through git.
 */
import { ARCHIVE_BRANCH } from "../core/archive/record";
import { newestEvidence, PDN_BACKUP_DIR, pdnBackupPath, type PdnBackupRecord } from "../core/monitor/pdn-backup";
import type { PdnBackupFacts } from "../core/monitor/types";
import { branchTip, commitFiles, fileAt } from "./arsip";
import { git, repoRoot } from "./repo";

/** Every evidence record at the branch's tip; none when there is no repository or no branch yet. */
export function readPdnEvidence(dir: string): PdnBackupFacts {
  const repo = repoRoot(dir);
  const tip = repo ? branchTip(repo, ARCHIVE_BRANCH) : null;
  if (!repo || !tip) return { ok: true, newest: {}, unreadable: [] };
  const ls = git(repo, ["ls-tree", "-r", "-z", "--name-only", tip, "--", `${PDN_BACKUP_DIR}/`]);
  if (!ls.ok) return { ok: false, error: `git ls-tree ${ARCHIVE_BRANCH}: ${ls.err.trim()}` };
  const paths = ls.out.toString().split("\0").filter(Boolean);
  return newestEvidence(paths.map((p) => ({ path: p, text: fileAt(repo, tip, p)?.toString("utf8") ?? "" })));
}

/** The record as one new commit on `arsip` (never rewriting one); the path and commit, or the refusal. */
export function writePdnEvidence(dir: string, r: PdnBackupRecord): { ok: true; path: string; commit: string } | { ok: false; problem: string } {
  const repo = repoRoot(dir);
  if (!repo) return { ok: false, problem: `${dir} bukan repositori git; --catat-backup-pdn menulis ke cabang ${ARCHIVE_BRANCH}` };
  const tip = branchTip(repo, ARCHIVE_BRANCH);
  const path = pdnBackupPath(r.request, r.backupDate, (p) => tip !== null && fileAt(repo, tip, p) !== null);
  const content = Buffer.from(JSON.stringify(r, null, 2) + "\n", "utf8");
  const w = commitFiles(repo, ARCHIVE_BRANCH, [{ path, content }], `cadangan PDN ${r.request} ${r.backupDate} (${r.evidence.slice(0, 60)})`);
  return w.ok ? { ok: true, path, commit: w.commit } : { ok: false, problem: w.problem };
}
