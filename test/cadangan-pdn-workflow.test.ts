/** The PDN backup evidence workflow calls pusdat monitor with options it really has and keeps its inputs out of command text. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { buildProgram } from "../scripts/cli";

const wf = parse(fs.readFileSync(path.resolve(__dirname, "../.github/workflows/cadangan-pdn.yml"), "utf8"));
type Step = { name?: string; run?: string; env?: Record<string, string> };
const steps = wf.jobs.catat.steps as Step[];

test("run by hand only, with the three inputs, writing arsip and sharing the monitoring round's concurrency group", () => {
  expect(Object.keys(wf.on)).toEqual(["workflow_dispatch"]);
  expect(Object.keys(wf.on.workflow_dispatch.inputs)).toEqual(["id", "tanggal", "bukti"]);
  expect(wf.permissions).toEqual({ contents: "write" });
  expect(wf.concurrency).toBe("pemantauan");
  expect(steps.map((s) => s.run).filter(Boolean).at(-1)).toBe("git push origin arsip");
});

test("the inputs arrive as environment variables; the command uses options monitor defines", () => {
  const step = steps.find((s) => s.run?.includes("--catat-backup-pdn"))!;
  expect(step.env).toEqual({ PUSDAT_STACK: "${{ vars.PUSDAT_STACK }}", PDN_ID: "${{ inputs.id }}", PDN_TANGGAL: "${{ inputs.tanggal }}", PDN_BUKTI: "${{ inputs.bukti }}" });
  const line = step.run!.split("\n").find((l) => l.includes("pusdat -- monitor"))!;
  expect(line).toContain('--catat-backup-pdn "$PDN_ID" --tanggal "$PDN_TANGGAL" --bukti "$PDN_BUKTI"');
  const used = [...line.matchAll(/(?:^|\s)(--[a-z-]+)/g)].map((m) => m[1]);
  expect(used).toEqual(["--silent", "--stack", "--catat-backup-pdn", "--tanggal", "--bukti"]);
  const defined = buildProgram({ out: () => undefined, err: () => undefined }).commands.find((c) => c.name() === "monitor")!.options.map((o) => o.long);
  for (const o of used.slice(1)) expect(defined).toContain(o);
  for (const s of steps) expect(s.run ?? "").not.toContain("${{");
});
