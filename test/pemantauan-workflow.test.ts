/** The daily monitoring workflow calls pusdat monitor and the incident script with options they really have, and keeps request values out of command text. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { buildProgram } from "../scripts/cli";

const wf = parse(fs.readFileSync(path.resolve(__dirname, "../.github/workflows/pemantauan.yml"), "utf8"));
type Step = { name?: string; id?: string; run?: string; uses?: string };
const runs = (job: string) => (wf.jobs[job].steps as Step[]).filter((s) => s.run).map((s) => s.run!);

test("scheduled daily, with a monitoring job and a drift job", () => {
  expect(wf.on.schedule).toEqual([{ cron: "0 23 * * *" }]);
  expect(Object.keys(wf.jobs)).toEqual(["monitor", "drift"]);
  expect(wf.permissions).toEqual({ contents: "write", issues: "write" });
});

test("pusdat monitor runs with options it defines, writes the arsip, never heals unattended", () => {
  const line = runs("monitor").find((r) => r.includes("pusdat -- monitor"))!;
  const used = [...line.matchAll(/(?:^|\s)(--[a-z-]+)/g)].map((m) => m[1]);
  expect(used).toEqual(["--silent", "--stack", "--format", "--write-arsip"]);
  const program = buildProgram({ out: () => undefined, err: () => undefined });
  const defined = program.commands.find((c) => c.name() === "monitor")!.options.map((o) => o.long);
  for (const o of used.slice(1)) expect(defined).toContain(o);
  expect(line).not.toContain("--heal");
});

test("incident tickets come from files; no run script expands a workflow expression", () => {
  expect(runs("monitor").some((r) => r.includes("scripts/incidents.ts --report pemantauan.json"))).toBe(true);
  expect(runs("drift").some((r) => r.includes("pulumi preview") && r.includes("--expect-no-changes"))).toBe(true);
  expect(runs("drift").some((r) => r.includes("scripts/incidents.ts --drift-exit"))).toBe(true);
  for (const r of [...runs("monitor"), ...runs("drift")]) expect(r).not.toContain("${{");
});
