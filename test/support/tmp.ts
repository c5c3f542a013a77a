/**
 * Temporary folders for tests, all removed when the test file ends (test/support/cleanup.ts is a
 * jest setup file that registers the afterAll). The temp dir is as clean after `npm test` as before.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const made: string[] = [];

/** A new empty folder `pusdat-<what>-XXXXXX` under the OS temp dir, removed after the test file. */
export function tempDir(what: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pusdat-${what}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}
