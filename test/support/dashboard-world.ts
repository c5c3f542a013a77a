/**
 * A service repository for `pusdat dashboard`: the samples on main, and an `arsip` branch written the
 * way the workflows write it (commitFiles, no checkout) holding one apply record for main's commit
 * (test/fixtures/dashboard/catatan-awal.json) and two monitoring rounds of the same day.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { commitFiles } from "../../infra/git/arsip";
import { type GitProject, gitRepo } from "./project";

const FIX = path.resolve(__dirname, "../fixtures/dashboard");

export function dashboardRepo(opts: { arsip?: boolean } = {}): GitProject & { head: string } {
  const p = gitRepo();
  const head = p.git("rev-parse", "HEAD").trim();
  if (opts.arsip !== false) {
    const record = fs.readFileSync(path.join(FIX, "catatan-awal.json"), "utf8").replace(/1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d/g, head).replace(/1a2b3c4d5e6f/g, head.slice(0, 12));
    const w = commitFiles(
      p.dir,
      "arsip",
      [
        { path: `catatan/2026/2026-11-16-${head.slice(0, 12)}.json`, content: Buffer.from(record) },
        { path: "pemantauan/2026/2026-11-22.json", content: fs.readFileSync(path.join(FIX, "pemantauan-1.json")) },
        { path: "pemantauan/2026/2026-11-22-2.json", content: fs.readFileSync(path.join(FIX, "pemantauan-2.json")) },
      ],
      "arsip uji dasbor",
    );
    if (!w.ok) throw new Error(w.problem);
  }
  return { ...p, head };
}

export { runIn } from "./run";
