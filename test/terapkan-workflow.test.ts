/** The apply workflow calls pusdat docs and arsip with options those commands really have, in the right order. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { buildProgram } from "../scripts/cli";

const wf = parse(fs.readFileSync(path.resolve(__dirname, "../.github/workflows/terapkan.yml"), "utf8"));
const steps: { name?: string; id?: string; run?: string; uses?: string }[] = wf.jobs.up.steps;

/** The options each `pusdat -- <command>` line of the workflow passes. */
function calls(): { command: string; options: string[] }[] {
  return steps
    .filter((s) => s.run?.includes("pusdat -- "))
    .map((s) => {
      const text = s.run!.replace(/\\\n\s*/g, " ");
      const m = text.match(/pusdat -- (\S+)([^\n]*)/)!;
      return { command: m[1]!, options: [...m[2]!.matchAll(/(?:^|\s)(--[a-z-]+)/g)].map((x) => x[1]!) };
    });
}

test("after pulumi up: verify, docs, arsip, then the comment and the verdict", () => {
  expect(steps.map((s) => s.id ?? s.name ?? s.uses ?? s.run)).toEqual([
    "actions/checkout@v4", "cabang arsip", "actions/setup-node@v4", "npm ci", "mulai", "up", "selesai", "verify", "docs", "arsip", "komentar di pull request", "hasil",
  ]);
});

test("docs and arsip are called with options they define; verify with the options its author announced", () => {
  const program = buildProgram({ out: () => undefined, err: () => undefined });
  const defined = (name: string) => program.commands.find((c) => c.name() === name)?.options.map((o) => o.long) ?? null;
  const used = calls();
  expect(used.map((c) => c.command)).toEqual(["verify", "docs", "arsip"]);
  for (const c of used) {
    const known = c.command === "verify" ? ["--stack", "--changed-since", "--format", "--wait"] : defined(c.command);
    expect([c.command, c.options.filter((o) => !known?.includes(o))]).toEqual([c.command, []]);
  }
});

test("the workflow may push arsip and comment, and hands the forge token only to arsip and the comment", () => {
  expect(wf.permissions).toEqual({ contents: "write", "pull-requests": "write" });
  const withToken = steps.filter((s) => JSON.stringify(s).includes("github.token")).map((s) => s.id ?? s.name);
  expect(withToken).toEqual(["arsip", "komentar di pull request"]);
});
