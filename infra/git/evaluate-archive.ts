/**
 * Commits the evaluation PDF to the `arsip` branch through the archive's one writer (arsip.ts:
 * no work tree, compare-and-swap on the branch). The archive is append-only: a path that already
 * exists is refused, never replaced. When the branch does not exist it starts from `origin/arsip`,
 * or as an orphan branch when there is none.
 */
import { ARCHIVE_BRANCH } from "../core/archive/record";
import { commitFiles } from "./arsip";

export type ArchiveWrite = { ok: true; commit: string; created: boolean } | { ok: false; message: string };

/** Adds `content` at `path` (folders/…/file) on the arsip branch as one new commit; `created`: a new local branch. */
export function addToArchive(repo: string, path: string, content: Buffer, message: string): ArchiveWrite {
  const w = commitFiles(repo, ARCHIVE_BRANCH, [{ path, content }], message);
  if (w.ok) return { ok: true, commit: w.commit, created: w.localCreated };
  if (w.existing && w.tip) {
    return { ok: false, message: `${path} sudah ada di cabang arsip (${w.tip.slice(0, 12)}); arsip tidak pernah ditulis ulang. Hapus --write-arsip atau pilih periode lain.` };
  }
  return { ok: false, message: w.problem };
}
