/**
 * The core stays Pulumi-free: nothing under infra/core imports @pulumi/* (type-only imports included,
 * since the core's types must not depend on the SDK either). Only the program, the policy pack and
 * the simulator may load Pulumi.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const CORE = path.resolve(__dirname, "../infra/core");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

test("no module under infra/core imports @pulumi/*", () => {
  const files = sources(CORE);
  const offenders = files.filter((f) => /(?:from\s+|require\(|import\()\s*["']@pulumi\//.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(CORE, f));
  expect(offenders).toEqual([]);
  expect(files.length).toBeGreaterThan(50);
});
