/**
 * `npm run bench:audit`: builds (with `git fast-import`) a repository whose main has 5,000 recorded
 * changes (one in five a merge commit, the stack file changed now and then) and whose `arsip` has
 * one commit per record, then times `pusdat audit --format json` as a whole process against the
 * floor of the git processes it cannot do without (`rev-list`, `log`, `ls-tree`, `cat-file
 * --batch` over the same history), and node's own start. Median of several runs after a warm-up.
 * Prints a Markdown table; exits 1 when the audit takes 5 s or more.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { recordPath } from "../infra/core/archive/record";
import { CHANGE_PATHS } from "../infra/git/history";
import { makeRecord, request } from "../test/support/audit-repo";

const REPO = path.resolve(__dirname, "..");
const CHANGES = 5000;
const RUNS = 5;
const TARGET_MS = 5000;
const T0 = Date.UTC(2026, 0, 5, 1, 0, 0) / 1000;
/** Three years of changes, about one every five hours. */
const STEP = Math.floor((3 * 365 * 86400) / CHANGES);
/** About a thousand requests, each changed about five times, spread over the four kind folders. */
const REQUESTS = 1000;
const FOLDERS = ["subdomain", "hosting", "vm", "api"];
/** Records per arsip commit: the audit reads only the tip's tree, so batching only shortens the build. */
const RECORDS_PER_COMMIT = 25;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function git(dir: string, args: string[], input?: string | Buffer): Buffer {
  const r = spawnSync("git", ["-C", dir, ...args], { input, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr}`);
  return r.stdout;
}

/** Streams for fast-import: inline file data, fixed identities and dates. */
const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
const who = (t: number) => `author Teknisi Uji <uji@contohkab.go.id> ${t} +0000\ncommitter Teknisi Uji <uji@contohkab.go.id> ${t} +0000\n`;
const file = (p: string, content: string) => `M 100644 inline ${p}\n${data(content)}`;

interface Built {
  dir: string;
  commits: number;
  records: number;
}

function build(root: string): Built {
  const dir = path.join(root, "repo");
  git(root, ["init", "-q", "-b", "main", dir]);
  const stack = fs.readFileSync(path.join(REPO, "Pulumi.contoh.yaml"), "utf8");
  // main: a root with the sample stack, then CHANGES changes; every fifth comes through a merge commit.
  let s = `commit refs/heads/main\nmark :1\n${who(T0)}${data("Awal")}${file("Pulumi.contoh.yaml", stack)}`;
  const marks: Array<{ mark: number; time: number; head: number; id: string }> = [{ mark: 1, time: T0, head: 1, id: "awal" }];
  let next = 2;
  for (let i = 1; i <= CHANGES; i++) {
    const t = T0 + i * STEP;
    const id = `req-${String(i % REQUESTS).padStart(4, "0")}`;
    const rel = `requests/${FOLDERS[i % FOLDERS.length]}/${id}.yaml`;
    const req = `${request(id)}# perubahan ${i}\n`;
    const prev = marks[marks.length - 1]!.mark;
    const extra = i % 500 === 0 ? file("Pulumi.contoh.yaml", `${stack}# revisi ${i}\n`) : "";
    if (i % 5 === 0) {
      const side = next++;
      s += `commit refs/heads/pr\nmark :${side}\n${who(t - 300)}${data(`Permintaan ${id}`)}from :${prev}\n${file(rel, req)}`;
      const m = next++;
      s += `commit refs/heads/main\nmark :${m}\n${who(t)}${data(`Merge pull request #${i}`)}from :${prev}\nmerge :${side}\n${file(rel, req)}${extra}`;
      marks.push({ mark: m, time: t, head: side, id });
    } else {
      const m = next++;
      s += `commit refs/heads/main\nmark :${m}\n${who(t)}${data(`Permintaan ${id} (#${i})`)}from :${prev}\n${file(rel, req)}${extra}`;
      marks.push({ mark: m, time: t, head: m, id });
    }
  }
  const marksFile = path.join(root, "marks");
  git(dir, ["fast-import", "--quiet", `--export-marks=${marksFile}`], s);
  const sha = new Map<number, string>();
  for (const line of fs.readFileSync(marksFile, "utf8").split("\n")) {
    const [m, id] = line.split(" ");
    if (m && id) sha.set(Number(m.slice(1)), id);
  }
  // arsip: the records, RECORDS_PER_COMMIT to a commit.
  let a = "";
  let n = 0;
  for (const c of marks) {
    const commit = sha.get(c.mark)!;
    const r = makeRecord(commit, c.time + 60, { number: n + 1, headSha: sha.get(c.head)!, requests: c.id === "awal" ? {} : { [c.id]: "passed" } });
    if (n % RECORDS_PER_COMMIT === 0) a += `commit refs/heads/arsip\n${who(c.time + 60)}${data(`Catatan sampai ${commit.slice(0, 12)}`)}`;
    a += file(recordPath(r), `${JSON.stringify(r, null, 2)}\n`);
    n++;
  }
  git(dir, ["fast-import", "--quiet"], a);
  return { dir, commits: marks.length, records: n };
}

/** CPU time (user + system) of the finished children of this process, in ms; null where /proc is not there. */
const TICK_MS = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);
function childCpuMs(): number | null {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[13]) + Number(f[14])) * TICK_MS;
  } catch {
    return null;
  }
}

interface Timing {
  wall: number;
  /** CPU of the child processes: what the work costs, whatever else the shared machine is doing. */
  cpu: number | null;
}

function time(fn: () => void): Timing {
  fn(); // warm-up: page cache, tsx's compile cache
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = childCpuMs();
    const t = process.hrtime.bigint();
    fn();
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    const c2 = childCpuMs();
    if (c !== null && c2 !== null) cpu.push(c2 - c);
  }
  return { wall: median(wall), cpu: cpu.length ? median(cpu) : null };
}

const ms = (x: number | null) => (x === null ? "–" : `${x.toFixed(0)} ms`);

/** The git work the audit cannot avoid, as separate processes: the same commands, the same blobs. */
function gitFloor(dir: string): () => void {
  const blobs = git(dir, ["ls-tree", "-r", "arsip", "--", "catatan"]).toString().split("\n").filter(Boolean).map((l) => l.split(/\s/)[2]!);
  const stackBlobs = git(dir, ["log", "--format=", "--raw", "--no-abbrev", "main", "--", "Pulumi.contoh.yaml"]).toString().split("\n").filter(Boolean).map((l) => l.split(" ")[3]!);
  const input = [...blobs, ...stackBlobs].join("\n") + "\n";
  return () => {
    git(dir, ["rev-list", "--first-parent", "main"]);
    git(dir, ["log", "--first-parent", "-m", "--root", "--raw", "--no-abbrev", "--no-renames", "-z", "--format=%x01%H%x00%P%x00%ct%x00%an%x00%s", "main", "--", ...CHANGE_PATHS("contoh")]);
    git(dir, ["ls-tree", "-r", "-z", "arsip", "--", "catatan"]);
    git(dir, ["cat-file", "--batch"], input);
  };
}

function main(): number {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-bench-audit-"));
  try {
    const t = process.hrtime.bigint();
    const built = build(root);
    const buildMs = Number(process.hrtime.bigint() - t) / 1e6;

    const cli = [path.join(REPO, "scripts/pusdat.js"), "audit", "--repo", built.dir, "--format", "json"];
    const check = spawnSync(process.execPath, cli, { encoding: "utf8", maxBuffer: 1 << 30 });
    const report = JSON.parse(check.stdout || "{}");
    if (check.status !== 0 || report.summary?.changes !== built.commits || report.summary.errors !== 0) {
      throw new Error(`audit did not pass on the generated repository (exit ${check.status}): ${check.stderr} ${JSON.stringify(report.summary)} ${JSON.stringify(report.findings?.slice(0, 2))}`);
    }
    const audit = time(() => {
      const r = spawnSync(process.execPath, cli, { maxBuffer: 1 << 30 });
      if (r.status !== 0) throw new Error(`audit failed: ${r.stderr}`);
    });
    const floor = time(gitFloor(built.dir));
    const help = time(() => spawnSync(process.execPath, [path.join(REPO, "scripts/pusdat.js"), "--help"]));

    const rows = [
      "| measured | wall clock | CPU (user + system) |",
      "|---|---|---|",
      `| floor: git rev-list + log + ls-tree + cat-file --batch | ${ms(floor.wall)} | ${ms(floor.cpu)} |`,
      `| floor: \`pusdat --help\` (node, the CLI bundle, the command registry) | ${ms(help.wall)} | ${ms(help.cpu)} |`,
      `| **\`pusdat audit --format json\`, whole process** | **${ms(audit.wall)}** | ${ms(audit.cpu)} |`,
      `| audit − both floors (reading, validating ${built.records} records, judging, JSON) | ${ms(audit.wall - floor.wall - help.wall)} | ${audit.cpu !== null && floor.cpu !== null && help.cpu !== null ? ms(audit.cpu - floor.cpu - help.cpu) : "–"} |`,
    ];
    console.log(`## pusdat audit: ${CHANGES} recorded changes (median of ${RUNS} after a warm-up)\n`);
    console.log(`Repository built with git fast-import in ${(buildMs / 1000).toFixed(1)} s: ${built.commits} commits on main's first-parent line (one in five a merge commit), ${built.records} records on arsip; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs.\n`);
    console.log(`${rows.join("\n")}\n`);
    const ok = audit.wall < TARGET_MS;
    console.log(ok ? `Target met: under ${TARGET_MS / 1000} s.` : `Target MISSED: ${audit.wall.toFixed(0)} ms ≥ ${TARGET_MS} ms.`);
    return ok ? 0 : 1;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

process.exitCode = main();
