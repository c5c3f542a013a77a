/** The dashboard workflow builds the public dashboard with options the command really has, and publishes only that. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { buildProgram } from "../scripts/cli";

const wf = parse(fs.readFileSync(path.resolve(__dirname, "../.github/workflows/dasbor.yml"), "utf8"));
type Step = { name?: string; run?: string; uses?: string; with?: Record<string, unknown> };
const steps = (job: string) => wf.jobs[job].steps as Step[];

test("runs after monitoring and applies, reads only, deploys to Pages", () => {
  expect(wf.on.workflow_run).toEqual({ workflows: ["pemantauan", "terapkan"], types: ["completed"] });
  expect(wf.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
  expect(Object.keys(wf.jobs)).toEqual(["build", "deploy"]);
  expect(steps("build")[0]).toEqual({ uses: "actions/checkout@v4", with: { ref: "main", "fetch-depth": 0 } });
  expect(steps("build").at(-1)).toEqual({ uses: "actions/upload-pages-artifact@v3", with: { path: "situs" } });
  expect(steps("deploy").map((s) => s.uses)).toEqual(["actions/deploy-pages@v4"]);
});

test("pusdat dashboard runs with options it defines, never --internal, no expression in command text", () => {
  const line = steps("build").find((s) => s.run?.includes("pusdat -- dashboard"))!.run!;
  const used = [...line.matchAll(/(?:^|\s)(--[a-z-]+)/g)].map((m) => m[1]);
  expect(used).toEqual(["--silent", "--stack", "--out"]);
  const program = buildProgram({ out: () => undefined, err: () => undefined });
  const defined = program.commands.find((c) => c.name() === "dashboard")!.options.map((o) => o.long);
  for (const o of used.slice(1)) expect(defined).toContain(o);
  for (const s of steps("build")) expect(s.run ?? "").not.toContain("${{");
  expect(line).toContain("--out situs");
});
