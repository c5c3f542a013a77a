/**
 * `npm run bench`: the three figures a user feels, each as a whole process on this machine.
 *  1. `pusdat validate` on 1,000 and 10,000 synthetic requests against a process that only reads and
 *     parses the same files (bench/floor.js); target at 10,000: within 1.5× the floor, as the median
 *     of per-round ratios (the two run back to back, eleven rounds). Also shown:
 *     validate with its reader thread turned off (PUSDAT_LOAD_THREADS=1), as on a busy single core,
 *     and, for reference, the floor when it keeps what it parsed (as a validator must).
 *  2. `pusdat plan --base kosong` (what `npm start` runs) on the same sets; target: 1,000 under 5 s,
 *     10× the requests at most ~10× the time (linear).
 *  3. `npm test` wall time; target under 60 s (skipped with BENCH_SKIP_TESTS=1).
 * Then the audit benchmark (bench/audit.ts) when present. Prints markdown tables; exits 1 on a missed target.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { generateRequests } from "./generate";

const REPO = path.resolve(__dirname, "..");
const BIN = path.join(REPO, "scripts/pusdat.js");
const RUNS = 5;
/** validate's ratio is the figure closest to its target: more rounds, so one slow spell cannot decide it. */
const VALIDATE_RUNS = 11;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Env = Record<string, string>;

function timed(args: string[], env: Env = {}): { ms: number; status: number | null; stdout: string; stderr: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync(args[0]!, args.slice(1), { cwd: REPO, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 30 });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Each command's times over `runs` rounds, the commands run in turn, so drift on a shared machine hits them alike. */
function rounds(commands: { args: string[]; env?: Env }[], runs = RUNS): number[][] {
  for (const c of commands) timed(c.args, c.env); // warm-up: file cache, the CLI bundle and its code cache
  const ms: number[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((c, k) => {
      const r = timed(c.args, c.env);
      if (r.status !== 0) throw new Error(`${c.args.join(" ")} failed (${r.status}): ${r.stdout.slice(0, 300)}${r.stderr.slice(0, 300)}`);
      ms[k]!.push(r.ms);
    });
  }
  return ms;
}

/** The median over rounds of a/b measured in the same round: a host's slow spell then scales both. */
const pairedRatio = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]!));

function main(): number {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-bench-"));
  const missed: string[] = [];
  const out: string[] = [`pusdat bench — ${os.cpus().length} CPU, Node ${process.version}, median of ${RUNS} alternating runs after a warm-up`, ""];
  try {
    const validateRows: string[] = [];
    const planRows: string[] = [];
    const planMs: number[] = [];
    for (const n of [1000, 10000]) {
      const dir = path.join(root, `r${n}`);
      generateRequests(dir, n);
      const validateArgs = [process.execPath, BIN, "validate", "--requests", dir];
      const floorArgs = [process.execPath, path.join(__dirname, "floor.js"), dir];
      const times = rounds(
        [{ args: floorArgs }, { args: validateArgs }, { args: validateArgs, env: { PUSDAT_LOAD_THREADS: "1" } }, { args: [...floorArgs, "--keep"] }],
        VALIDATE_RUNS,
      );
      const [floor, validate, oneThread, kept] = times.map(median) as [number, number, number, number];
      const ratio = pairedRatio(times[1]!, times[0]!);
      validateRows.push(`| ${n} | ${floor.toFixed(0)} ms | ${validate.toFixed(0)} ms | ${ratio.toFixed(2)}× | ${oneThread.toFixed(0)} ms (${pairedRatio(times[2]!, times[0]!).toFixed(2)}×) | ${kept.toFixed(0)} ms |`);
      if (n === 10000 && ratio > 1.5) missed.push(`validate 10.000: ${ratio.toFixed(2)}× the floor (target ≤ 1.5×)`);

      const plan = timed([process.execPath, BIN, "plan", "--base", "kosong", "--format", "json", "--requests", dir]);
      if (plan.status !== 0) throw new Error(`plan failed (${plan.status}): ${plan.stderr.slice(0, 500)}`);
      const resources = (JSON.parse(plan.stdout) as { changes: unknown[] }).changes.length;
      planMs.push(plan.ms);
      planRows.push(`| ${n} | ${resources} | ${(plan.ms / 1000).toFixed(2)} s | ${(plan.ms / n).toFixed(2)} ms |`);
      if (n === 1000 && plan.ms > 5000) missed.push(`plan 1.000: ${(plan.ms / 1000).toFixed(1)} s (target < 5 s)`);
    }
    const growth = planMs[1]! / planMs[0]!;
    if (growth > 12) missed.push(`plan: 10× the requests took ${growth.toFixed(1)}× the time (not linear)`);
    out.push(
      "1. pusdat validate as a whole process (start-up included) against a process that only reads and parses the same files",
      `Times are medians of ${VALIDATE_RUNS} rounds; a ratio is the median of the ${VALIDATE_RUNS} per-round ratios (validate and its floor run back to back).`,
      "| requests | read + parse (floor) | pusdat validate | ratio | reader thread off | floor keeping its values |",
      "|---|---|---|---|---|---|",
      ...validateRows,
      "",
      "2. pusdat plan --base kosong as a whole process (validate, planner, policy pack through its protocol)",
      "| requests | resources planned | time | per request |",
      "|---|---|---|---|",
      ...planRows,
      `10× the requests: ${growth.toFixed(1)}× the time`,
      "",
    );
    if (process.env.BENCH_SKIP_TESTS !== "1") {
      const t = timed(["npm", "test", "--silent"]);
      if (t.status !== 0) throw new Error(`npm test failed:\n${t.stdout.slice(-2000)}`);
      const summary = (t.stdout + t.stderr).match(/^Tests: \d+ passed, \d+ failed.*$/m)?.[0] ?? "";
      out.push(`3. npm test (type check and every test): ${(t.ms / 1000).toFixed(1)} s wall — ${summary}`, "");
      if (t.ms > 60_000) missed.push(`npm test: ${(t.ms / 1000).toFixed(1)} s (target < 60 s)`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  out.push(missed.length ? `TARGETS MISSED:\n${missed.map((m) => `- ${m}`).join("\n")}` : "All targets met.");
  process.stdout.write(`${out.join("\n")}\n`);
  let code = missed.length ? 1 : 0;
  const audit = path.join(__dirname, "audit.ts");
  if (fs.existsSync(audit)) {
    const r = spawnSync(process.execPath, ["--import", "tsx", audit], { cwd: REPO, stdio: "inherit" });
    if (r.status !== 0) code = 1;
  }
  return code;
}

process.exitCode = main();
