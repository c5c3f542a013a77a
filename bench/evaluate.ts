/**
 * `node --import tsx bench/evaluate.ts [N]`: the cost of `pusdat evaluate` on a history of N request
 * changes (default 2,000) with one archive record each, built with `git fast-import` in a temp repo:
 * reading the history (git log + cat-file), the evaluation, the markdown and the PDF. Also
 * `workingMinutes` over a ten-year span (O(days)). Prints a table; exits 1 when a target is missed.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { officeCalendar, workingMinutes } from "../infra/core/calendar/working-time";
import { Calendar } from "../infra/core/config/site";
import { evaluate } from "../infra/core/evaluate/evaluation";
import { formatMarkdown } from "../infra/core/evaluate/markdown";
import { parsePeriod, type Period } from "../infra/core/evaluate/period";
import { readEvaluationHistory } from "../infra/git/evaluate-history";
import { evaluationPdf } from "../infra/report/evaluation-pdf";

const N = Number(process.argv[2] ?? 2000);
const KINDS: [string, string, string][] = [
  ["subdomain", "Subdomain", "  name: {id}\n  target:\n    ip: 203.0.113.10\n"],
  ["hosting", "HostingAccount", "  domain: {id}\n  username: u{n}\n  plan: kecil\n"],
  ["vm", "VirtualMachine", "  location: pusat-komputasi\n  hostname: {id}\n  cpu: 2\n  memoryGb: 4\n  diskGb: 40\n  os: ubuntu-24.04\n  sshKeys: [x]\n"],
  ["api", "ApiAccess", "  channel: pertukaran-lokal\n"],
];

function build(dir: string): void {
  const start = Date.parse("2026-01-05T01:00:00Z");
  const lines: string[] = [];
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const stack = fs.readFileSync(path.resolve(__dirname, "../Pulumi.contoh.yaml"), "utf8");
  lines.push("commit refs/heads/main\nmark :1\ncommitter Bench <b@example.org> 1767225600 +0000\n" + data("stack") + `M 644 inline Pulumi.contoh.yaml\n${data(stack)}`);
  const commits: number[] = [];
  for (let i = 0; i < N; i++) {
    const [folder, kind, spec] = KINDS[i % KINDS.length]!;
    const id = `r${i}`;
    const t = Math.floor((start + i * 3 * 3600_000) / 1000);
    const day = new Date(t * 1000 + 7 * 3600_000).toISOString().slice(0, 10);
    const yaml = `apiVersion: pusdat/v1\nkind: ${kind}\nmetadata:\n  id: ${id}\n  opd: OPD ${i % 25}\n  notaDinas:\n    number: "1/${i}/X/2026"\n    date: ${day}\nspec:\n${spec.replace("{id}", id).replace("{n}", String(i))}`;
    lines.push(`commit refs/heads/main\nmark :${i + 2}\ncommitter Bench <b@example.org> ${t} +0000\n${data(`request ${id}`)}from :${i + 1}\nM 644 inline requests/${folder}/${id}.yaml\n${data(yaml)}`);
    commits.push(t);
  }
  execFileSync("git", ["init", "-q", "-b", "main", dir]);
  execFileSync("git", ["-C", dir, "fast-import", "--quiet"], { input: lines.join("") });
  const shas = execFileSync("git", ["-C", dir, "rev-list", "--reverse", "main"], { encoding: "utf8" }).trim().split("\n").slice(1);
  const recs: string[] = [];
  shas.forEach((sha, i) => {
    const [, kind] = KINDS[i % KINDS.length]!;
    const t = commits[i]! * 1000;
    const iso = (ms: number) => new Date(ms).toISOString().replace(".000", "");
    const rec = {
      schema: "pusdat-arsip/v1", stack: "contoh", commit: sha,
      pullRequest: { number: i + 1, url: `https://forge.example/o/r/pull/${i + 1}`, title: "x", author: "teknisi", headSha: sha, createdAt: iso(t - 3600_000), mergedAt: iso(t), mergedBy: "kabid-spbe", approvals: [{ login: "kabid-spbe", submittedAt: iso(t - 600_000), commit: sha }] },
      apply: { startedAt: iso(t + 60_000), finishedAt: iso(t + 300_000), result: i % 50 === 0 ? "failed" : "succeeded" },
      requests: [{ id: `r${i}`, kind, change: "create", verify: { result: "passed", at: iso(t + 400_000), checks: [] }, documents: [] }],
    };
    const day = new Date(t + 300_000 + 7 * 3600_000).toISOString().slice(0, 10);
    const text = JSON.stringify(rec);
    recs.push(`M 644 inline catatan/${day.slice(0, 4)}/${day}-${sha.slice(0, 12)}.json\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  });
  execFileSync("git", ["-C", dir, "fast-import", "--quiet"], { input: `commit refs/heads/arsip\ncommitter Bench <b@example.org> 1798761600 +0000\ndata 6\narsip\n${recs.join("")}` });
}

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-bench-eval-"));
  try {
    const t0 = performance.now();
    build(dir);
    const tBuild = performance.now() - t0;
    const calendar = Calendar.parse({});
    const t1 = performance.now();
    const h = readEvaluationHistory(dir, { main: "main", stack: "contoh", approvers: ["kabid-spbe"] });
    const tRead = performance.now() - t1;
    const t2 = performance.now();
    const ev = evaluate({ stack: "contoh", period: parsePeriod("2026") as Period, calendar, changes: h.changes, records: h.records, monitoring: h.monitoring });
    const md = formatMarkdown(ev);
    const tEval = performance.now() - t2;
    const t3 = performance.now();
    const pdf = await evaluationPdf(ev, { approvers: [], asOf: new Date("2027-01-01T00:00:00Z"), source: "bench", notes: [] });
    const tPdf = performance.now() - t3;
    const oc = officeCalendar(calendar);
    const t4 = performance.now();
    let sum = 0;
    for (let i = 0; i < 100; i++) sum += workingMinutes(oc, Date.parse("2026-01-01T00:00:00Z") + i * 60_000, Date.parse("2036-01-01T00:00:00Z"));
    const tCal = (performance.now() - t4) / 100;
    const rows: [string, number, number][] = [
      [`read history (${h.changes.length} changes, ${h.records.length} records)`, tRead, 5000],
      [`evaluate + markdown (${ev.cases.length} cases, ${md.length} chars)`, tEval, 2000],
      [`PDF (${pdf.length} bytes)`, tPdf, 20000],
      [`workingMinutes over 10 years (sum ${Math.round(sum / 100)})`, tCal, 20],
    ];
    console.log(`history built with git fast-import in ${tBuild.toFixed(0)} ms\n`);
    console.log("| step | ms | target ms |\n|---|---:|---:|");
    for (const [name, ms, target] of rows) console.log(`| ${name} | ${ms.toFixed(1)} | ${target} |`);
    return rows.some(([, ms, target]) => ms > target) ? 1 : 0;
  } finally {
    if (process.env.PUSDAT_BENCH_KEEP) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
