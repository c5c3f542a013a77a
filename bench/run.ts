/**
 * `npm run bench`: times `validate` on 1,000 and 10,000 synthetic requests against the floor of
 * merely reading and parsing the same files, in process (median of several runs after a warm-up),
 * and the whole CLI as a user runs it. Prints a table; exits 1 if a target of issue 2 is missed.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { load } from "js-yaml";
import { ceilingsOf, loadPolicyConfig, loadSiteConfig } from "../infra/config/load";
import { validateRequests } from "../infra/validate";
import { generateRequests } from "./generate";

const REPO = path.resolve(__dirname, "..");
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  fn(); // warm-up: file cache, JIT
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ms);
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
  try {
    for (const n of [1000, 10000]) {
      const dir = path.join(root, `r${n}`);
      generateRequests(dir, n);
      const check = validateRequests(dir, site.value, ceilings);
      if (check.findings.length || check.requests.length !== n) {
        throw new Error(`generated set is not valid: ${check.findings.slice(0, 3).map((f) => f.message).join("; ")}`);
      }
      const floor = time(() => readAndParse(dir));
      const validate = time(() => validateRequests(dir, site.value, ceilings));
      const t = process.hrtime.bigint();
      const cli = spawnSync(process.execPath, [path.join(REPO, "scripts/pusdat.js"), "validate", "--requests", dir], { encoding: "utf8" });
      const cliMs = Number(process.hrtime.bigint() - t) / 1e6;
      if (cli.status !== 0) throw new Error(`CLI failed: ${cli.stdout}${cli.stderr}`);
      const ratio = validate / floor;
      rows.push(`| ${n} | ${floor.toFixed(0)} ms | ${validate.toFixed(0)} ms | ${ratio.toFixed(2)}× | ${cliMs.toFixed(0)} ms |`);
      if (n === 10000 && (ratio > 1.5 || cliMs > 3000)) failed = true;
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  process.stdout.write(
    [
      `pusdat validate — median of ${RUNS} runs after a warm-up, ${os.cpus().length} CPU, Node ${process.version}`,
      "| requests | read + parse (floor) | validate (in process) | ratio | pusdat validate (whole CLI process) |",
      "|---|---|---|---|---|",
      ...rows,
      failed ? "TARGET MISSED: 10,000 requests must validate under 1.5× the floor and under 3 s." : "Targets met: under 1.5× the floor and under 3 s at 10,000 requests.",
    ].join("\n") + "\n",
  );
  return failed ? 1 : 0;
}

process.exitCode = main();
