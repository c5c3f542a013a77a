/**
 * `npm run bench`: times `validate` on 1,000 and 10,000 synthetic requests against the floor of
 * merely reading and parsing the same files, in process (median of several runs after a warm-up),
 * and the whole CLI as a user runs it; then `pusdat plan` (validation, the program under mocks, the
 * policy pack) on the same sets, whose cost must grow linearly. Prints tables; exits 1 on a missed target.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { load } from "js-yaml";
import { ceilingsOf, loadPolicyConfig, loadSiteConfig } from "../infra/core/config/load";
import { validateRequests } from "../infra/core/validate";
import { generateRequests } from "./generate";

const REPO = path.resolve(__dirname, "..");
const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Medians of `a` and `b`, run alternately so that drift on a shared machine (cache, other load) hits both alike. */
function timePair(a: () => void, b: () => void): [number, number] {
  a(); // warm-up: file cache, JIT
  b();
  const ma: number[] = [];
  const mb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [fn, into] of [[a, ma], [b, mb]] as const) {
      const t = process.hrtime.bigint();
      fn();
      into.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return [median(ma), median(mb)];
}

/** The floor: list the same files, read them, parse them with the parser validate uses (js-yaml). Nothing else. */
function readAndParse(dir: string): number {
  let n = 0;
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String)) {
    if (!f.endsWith(".yaml")) continue;
    load(fs.readFileSync(path.join(dir, f), "utf8"));
    n++;
  }
  return n;
}

function main(): number {
  process.chdir(REPO);
  const site = loadSiteConfig("Pulumi.contoh.yaml");
  const policy = loadPolicyConfig("policies/config.json");
  if (!site.ok || !policy.ok) throw new Error("sample configuration is invalid");
  const ceilings = ceilingsOf(policy.value);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-bench-"));
  let failed = false;
  const rows: string[] = [];
  const planRows: string[] = [];
  const planMs: number[] = [];
  try {
    for (const n of [1000, 10000]) {
      const dir = path.join(root, `r${n}`);
      generateRequests(dir, n);
      const check = validateRequests(dir, site.value, ceilings);
      if (check.findings.length || check.requests.length !== n) {
        throw new Error(`generated set is not valid: ${check.findings.slice(0, 3).map((f) => f.message).join("; ")}`);
      }
      const [floor, validate] = timePair(() => readAndParse(dir), () => validateRequests(dir, site.value, ceilings));
      const t = process.hrtime.bigint();
      const cli = spawnSync(process.execPath, [path.join(REPO, "scripts/pusdat.js"), "validate", "--requests", dir], { encoding: "utf8" });
      const cliMs = Number(process.hrtime.bigint() - t) / 1e6;
      if (cli.status !== 0) throw new Error(`CLI failed: ${cli.stdout}${cli.stderr}`);
      const ratio = validate / floor;
      rows.push(`| ${n} | ${floor.toFixed(0)} ms | ${validate.toFixed(0)} ms | ${ratio.toFixed(2)}× | ${cliMs.toFixed(0)} ms |`);
      if (n === 10000 && (ratio > 1.5 || cliMs > 3000)) failed = true;

      const t0 = process.hrtime.bigint();
      const plan = spawnSync(process.execPath, [path.join(REPO, "scripts/pusdat.js"), "plan", "--base", "kosong", "--format", "json", "--requests", dir], {
        encoding: "utf8",
        maxBuffer: 1 << 30,
      });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (plan.status !== 0) throw new Error(`plan failed (${plan.status}): ${plan.stderr.slice(0, 500)}`);
      const resources = (JSON.parse(plan.stdout) as { changes: unknown[] }).changes.length;
      planMs.push(ms);
      planRows.push(`| ${n} | ${resources} | ${(ms / 1000).toFixed(1)} s | ${(ms / n).toFixed(2)} ms |`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  process.stdout.write(
    [
      `pusdat validate — median of ${RUNS} alternating runs after a warm-up, ${os.cpus().length} CPU, Node ${process.version}`,
      "| requests | read + parse (floor) | validate (in process) | ratio | pusdat validate (whole CLI process) |",
      "|---|---|---|---|---|",
      ...rows,
      failed ? "TARGET MISSED: 10,000 requests must validate under 1.5× the floor and under 3 s." : "Targets met: under 1.5× the floor and under 3 s at 10,000 requests.",
      "",
      "pusdat plan --base kosong (whole CLI process: validate, program under mocks, policy pack through its protocol)",
      "| requests | resources planned | time | per request |",
      "|---|---|---|---|",
      ...planRows,
    ].join("\n") + "\n",
  );
  // Linear: ten times the requests may cost at most ~twelve times the time (fixed start-up aside).
  const growth = planMs[1]! / planMs[0]!;
  process.stdout.write(`plan: 10,000 / 1,000 = ${growth.toFixed(1)}× the time for 10× the requests${growth > 12 ? " — NOT LINEAR" : " (linear)"}\n`);
  if (growth > 12) failed = true;
  return failed ? 1 : 0;
}

process.exitCode = main();
