/**
 * Extracts the tar stream `git archive --format=tar` writes into `dest` with node-tar, in this
 * process (no `tar` process per extraction). Strict: anything node-tar refuses (a broken header, a
 * name leading outside `dest`) throws instead of being skipped with a warning.
 */
import { UnpackSync } from "tar";

export function untar(tar: Buffer, dest: string): void {
  new UnpackSync({ cwd: dest, strict: true }).end(tar);
}
