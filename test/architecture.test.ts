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

/**
 * What every CLI start (and the pack's boot) compiles: the bundle holds our sources and the parts of zod the schemas use,
 * and nothing loaded only by some commands or by tests. Each module esbuild inlines leaves a
 * `// node_modules/<path>` line, so the bundle's own table of contents is checked.
 */
test.each(["pusdat", "policies"])("the %s bundle holds zod once, without its other locales, and no google-protobuf", (name) => {
  const { ensureBuilt } = require("../scripts/bundle") as { ensureBuilt(name: string): string };
  const text = fs.readFileSync(ensureBuilt(name), "utf8");
  const inlined = [...text.matchAll(/^\/\/ (node_modules\/\S+)$/gm)].map((m) => m[1]!);
  const packages = new Set(inlined.map((p) => p.split("/")[1]));
  expect([...packages]).toEqual(["zod"]);
  // en is zod's default, set when zod loads (locales/index.js, where kept, is an empty shell).
  expect(inlined.filter((p) => p.includes("/locales/") && !p.endsWith("/index.js"))).toEqual(["node_modules/zod/v4/locales/en.js", "node_modules/zod/v4/locales/id.js"]);
  expect(inlined.filter((p) => p.endsWith(".cjs"))).toEqual([]);
});

/** Tests and users start the CLI from other folders; on a fresh clone that start builds the bundle. */
test("the bundle builds from any working directory", () => {
  const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
  const { tempDir } = require("./support/tmp") as typeof import("./support/tmp");
  const bundle = path.resolve(__dirname, "../scripts/bundle.js");
  const r = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(bundle)}).build("policies")`], { cwd: tempDir("bundle-cwd"), encoding: "utf8" });
  expect([r.status, r.stderr]).toEqual([0, ""]);
});
