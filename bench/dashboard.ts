/**
 * `node --import tsx bench/dashboard.ts [N]`: the cost of the dashboard's pure part on N requests
 * (default 2,000, from bench/generate.ts) with one archive record and one monitoring target each:
 * `dashboardData` (capacity, last tests, lead times, redaction) and `renderSite` (every page and
 * data.json). Prints the times and the site's size; target: both together within 2 s, the largest
 * HTML page within 1 MB (a phone on a slow line). Exits 1 when missed. Git reading is measured by
 * bench/evaluate.ts (the same reader).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ArchiveRecord } from "../infra/core/archive/record";
import { type ArsipFacts, dashboardData } from "../infra/core/dashboard/data";
import { renderSite } from "../infra/core/dashboard/render/site";
import type { ChangeEvent } from "../infra/core/evaluate/cases";
import { openConfig, readRequests } from "../infra/core/project";
import { generateRequests } from "./generate";

const N = Number(process.argv[2] ?? 2000);
const TARGET_MS = 2000;
const MAX_PAGE = 1024 * 1024;

function main(): number {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-bench-dasbor-"));
  try {
    generateRequests(path.join(tmp, "requests"), N);
    const config = openConfig({ root: path.resolve(__dirname, "..") });
    if (!config.ok) throw new Error("sample stack does not open");
    const project = readRequests(config, path.join(tmp, "requests"));
    const hex = (i: number) => i.toString(16).padStart(40, "0");
    const records: ArchiveRecord[] = project.requests.map(({ request: r }, i) => ({
      schema: "pusdat-arsip/v1",
      stack: "contoh",
      commit: hex(i + 1),
      pullRequest: { number: i + 1, url: `https://forge.example/pemkab/layanan/pull/${i + 1}`, title: `Permintaan ${r.metadata.id}`, author: "teknisi-rina", headSha: hex(i + 1), createdAt: "2026-11-02T02:00:00Z", mergedAt: "2026-11-02T05:00:00Z", mergedBy: "kabid-spbe", approvals: [] },
      apply: { startedAt: "2026-11-02T05:01:00Z", finishedAt: "2026-11-02T05:03:00Z", result: "succeeded" },
      requests: [{ id: r.metadata.id, kind: r.kind, change: "create", verify: { result: i % 17 ? "passed" : "failed", at: "2026-11-02T05:04:00Z", checks: [{ name: "dns", result: "passed", detail: `${r.metadata.id} A 203.0.113.10` }] }, documents: [] }],
    }));
    const changes: ChangeEvent[] = project.requests.map(({ request: r }, i) => ({
      commit: hex(i + 1),
      committedAt: "2026-11-02T05:00:00Z",
      id: r.metadata.id,
      before: null,
      after: { kind: r.kind, opd: r.metadata.opd, notaDinasDate: "2026-11-02", status: "active", ...(r.kind === "VirtualMachine" ? { location: "pusat-komputasi" as const } : {}) },
      approvers: ["kabid-spbe"],
    }));
    const report = {
      schema: "pusdat-pemantauan/v1",
      at: "2026-11-22T00:00:00Z",
      targets: project.requests.map(({ request: r }, i) => ({ id: r.metadata.id, kind: "subdomain", status: i % 23 ? "ok" : "error", summary: `normal: https 10.20.30.${i % 250} ok` })),
    };
    const facts: ArsipFacts = { records, changes, monitoring: [{ path: "pemantauan/2026/2026-11-22.json", json: report }], found: true, notes: [] };

    const t0 = performance.now();
    const data = dashboardData(project, facts, { internal: false, now: "2026-11-23T00:00:00Z" });
    const t1 = performance.now();
    const files = renderSite(data);
    const t2 = performance.now();
    const sizes = [...files.values()].map((t) => Buffer.byteLength(t));
    const pages = [...files].filter(([f]) => f.endsWith(".html")).map(([f, t]) => [f, Buffer.byteLength(t)] as const).sort((a, b) => b[1] - a[1]);
    const largest = pages[0]![1];
    const total = sizes.reduce((a, b) => a + b, 0);
    const ok = t2 - t0 <= TARGET_MS && largest <= MAX_PAGE;
    console.log(`dasbor: ${project.requests.length} permintaan, ${data.totals.opds} OPD, ${files.size} berkas`);
    console.log(`  dashboardData  ${(t1 - t0).toFixed(0).padStart(6)} ms`);
    console.log(`  renderSite     ${(t2 - t1).toFixed(0).padStart(6)} ms`);
    console.log(`  jumlah         ${(t2 - t0).toFixed(0).padStart(6)} ms (target ≤ ${TARGET_MS} ms)`);
    console.log(`  halaman terbesar ${pages[0]![0]} ${(largest / 1024).toFixed(0)} KiB (batas ${MAX_PAGE / 1024} KiB); data.json ${(Buffer.byteLength(files.get("data.json")!) / 1024).toFixed(0)} KiB; seluruh situs ${(total / 1024).toFixed(0)} KiB`);
    console.log(ok ? "memenuhi target" : "TARGET TIDAK TERPENUHI");
    return ok ? 0 : 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = main();
