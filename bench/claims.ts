/**
 * `node --import tsx bench/claims.ts`: how long `pusdat new` takes to learn every claim when main holds
 * 1,000 requests and origin has 50 open branches, each adding one request, in a fresh clone. Reading
 * the refs costs one `for-each-ref` and a `cat-file --batch` per folder level and for the contents,
 * whatever the number of refs. Prints a table; exits 1 when a claim is missed.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gatherClaims } from "../scripts/new/claims";
import { generateRequests } from "./generate";

const RUNS = 5;
const BRANCHES = 50;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function main(): number {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-bench-claims-"));
  try {
    const repo = path.join(root, "repo");
    const origin = path.join(root, "origin.git");
    const git = (...args: string[]) => execFileSync("git", ["-C", repo, "-c", "user.name=Bench", "-c", "user.email=bench@contohkab.go.id", ...args], { encoding: "utf8" });
    fs.mkdirSync(repo);
    generateRequests(path.join(repo, "requests"), 1000);
    execFileSync("git", ["init", "-q", "--bare", "-b", "main", origin]);
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "main");
    git("remote", "add", "origin", origin);
    for (let b = 0; b < BRANCHES; b++) {
      git("switch", "-q", "-c", `permintaan/b${b}`, "main");
      const file = path.join(repo, "requests/subdomain", `b${b}.yaml`);
      fs.writeFileSync(file, `apiVersion: pusdat/v1\nkind: Subdomain\nmetadata:\n  id: b${b}\nspec:\n  name: cabang-${b}\n`);
      git("add", "-A");
      git("commit", "-q", "-m", `b${b}`);
    }
    git("switch", "-q", "main");
    git("push", "-q", "--all", "origin");
    // The technician's clone: objects arrive packed, as from any forge.
    const work = path.join(root, "work");
    execFileSync("git", ["clone", "-q", origin, work]);

    const times: number[] = [];
    let claims = 0;
    let missed = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t = process.hrtime.bigint();
      const g = gatherClaims(path.join(work, "requests"));
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (i > 0) times.push(ms); // the first run warms the file cache
      claims = g.claims.length;
      const names = new Set(g.claims.map((c) => c.name));
      missed = Array.from({ length: BRANCHES }, (_, b) => `cabang-${b}`).filter((n) => !names.has(n)).length;
    }
    console.log("| working tree + main | branches on origin | claims read | median (ms) |");
    console.log("|---:|---:|---:|---:|");
    console.log(`| 1000 + 1000 | ${BRANCHES} × 1001 | ${claims} | ${median(times).toFixed(0)} |`);
    if (missed) console.log(`GAGAL: ${missed} klaim cabang tidak terbaca`);
    return missed ? 1 : 0;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

process.exitCode = main();
