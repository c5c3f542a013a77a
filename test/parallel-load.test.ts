/**
 * With thousands of files the CLI's bundle loads half of them in a worker thread. Whatever thread
 * read a file, the report must be the same, byte for byte, as the one-thread load: findings found
 * in the worker (schema) and found later by the rules (positions read back from the file).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { generateRequests } from "../bench/generate";
import { main } from "../scripts/cli";
import { PARALLEL_MIN_FILES } from "../scripts/load-worker";
import { tempDir } from "./support/tmp";

const BIN = path.resolve(__dirname, "../scripts/pusdat.js");
const REPO = path.resolve(__dirname, "..");

test("the two-thread load reports exactly what the one-thread load reports", async () => {
  const dir = path.join(tempDir("parallel"), "requests");
  generateRequests(dir, PARALLEL_MIN_FILES + 100);
  const files = fs.readdirSync(path.join(dir, "subdomain")).sort();
  const last = path.join(dir, "subdomain", files[files.length - 1]!); // read by the worker (second half)
  fs.writeFileSync(last, fs.readFileSync(last, "utf8").replace(/proxied: (true|false)/, "proxied: ya"));
  const dup = path.join(dir, "subdomain", files[files.length - 2]!); // a rule finding on a worker-read file
  const firstId = fs.readFileSync(path.join(dir, "subdomain", files[0]!), "utf8").match(/^  id: (.*)$/m)![1]!;
  fs.writeFileSync(dup, fs.readFileSync(dup, "utf8").replace(/^  name: .*$/m, `  name: ${firstId}`));

  let out = "";
  const code = await main(["validate", "--requests", dir, "--format", "json"], { out: (t) => (out += t), err: () => undefined });
  const cli = spawnSync(process.execPath, [BIN, "validate", "--requests", dir, "--format", "json"], { cwd: REPO, encoding: "utf8" });
  expect([cli.status, cli.stderr]).toEqual([code, ""]);
  expect(cli.stdout).toBe(out);
  const report = JSON.parse(out) as { findings: { rule: string }[] };
  expect([code, report.findings.map((f) => f.rule)]).toEqual([1, ["unique-name", "schema"]]);
}, 120_000);
