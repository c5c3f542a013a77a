/**
 * `node --import tsx bench/docs.ts`: the cost of the after-merge steps. (1) Rendering every document
 * of the 14 samples (29 PDFs), median of 5 runs after a warm-up. (2) Committing one record with two
 * PDFs to an arsip branch that already holds 0, 300 and 1,000 records (the tree is rebuilt through
 * plumbing each time, so the cost grows with the branch; this shows by how much).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { openProject } from "../infra/core/project";
import { generateDocuments } from "../infra/docs/generate";
import { emptyRegister } from "../infra/docs/numbering";
import { commitFiles } from "../infra/git/arsip";

const REPO = path.resolve(__dirname, "..");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function renderAll(): Promise<void> {
  const p = openProject({ root: REPO });
  if (!p.ok || !("requests" in p)) throw new Error("sample project does not open");
  const changed = p.requests.map((l) => ({ id: l.request.metadata.id, change: l.request.metadata.status === "decommissioned" ? ("decommission" as const) : ("create" as const), request: l.request }));
  const once = async () => {
    const t = process.hrtime.bigint();
    const r = await generateDocuments({ changed, site: p.site, organisation: p.site.organisation!, signer: p.site.approvers[0]!, commit: "1".repeat(40), appliedAt: "2026-11-20T05:03:40Z", verify: {}, register: emptyRegister() });
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, n: r.documents.length, bytes: r.documents.reduce((a, d) => a + d.bytes.length, 0) };
  };
  const warm = await once();
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push((await once()).ms);
  const m = median(runs);
  console.log(`render: ${warm.n} PDFs (${(warm.bytes / 1024).toFixed(0)} KiB) in ${m.toFixed(0)} ms median, ${(m / warm.n).toFixed(1)} ms per PDF`);
}

function archiveCommits(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-bench-arsip-"));
  try {
    execFileSync("git", ["-C", dir, "init", "-q", "-b", "main"]);
    const pdf = Buffer.alloc(15_000, 7);
    let have = 0;
    for (const target of [0, 300, 1000]) {
      // Grow the branch to `target` records in batches (one commit per batch, through the same plumbing).
      while (have < target) {
        const batch = Array.from({ length: Math.min(100, target - have) }, (_, i) => ({ path: `catatan/2026/2026-01-01-${String(have + i).padStart(12, "0")}.json`, content: Buffer.from("{}\n") }));
        commitFiles(dir, "arsip", batch, "grow");
        have += batch.length;
      }
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const id = `r${target}x${i}`;
        const t = process.hrtime.bigint();
        const r = commitFiles(dir, "arsip", [
          { path: `catatan/2027/2027-01-01-${id.padEnd(12, "0")}.json`, content: Buffer.from("{}\n") },
          { path: `dokumen/${id}/2027-01-01-aaaaaaaaaaaa-berita-acara.pdf`, content: pdf },
          { path: `dokumen/${id}/2027-01-01-aaaaaaaaaaaa-nota-dinas-balasan.pdf`, content: pdf },
        ], "bench");
        if (!r.ok) throw new Error(r.problem);
        runs.push(Number(process.hrtime.bigint() - t) / 1e6);
        have++;
      }
      console.log(`arsip commit with ~${target} records on the branch: ${median(runs).toFixed(0)} ms median`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

renderAll().then(archiveCommits);
