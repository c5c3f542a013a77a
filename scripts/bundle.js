/**
 * The CLI runs from one JavaScript bundle (dist/pusdat.cjs) built by esbuild from the TypeScript
 * sources, so that `pusdat validate` loads no TypeScript compiler: a process that only reads and
 * parses the requests is the bar it is measured against. The bundle is rebuilt when any source is
 * newer than it (a fresh clone builds it on first use, in a fraction of a second); packages under
 * node_modules stay outside it and load only when a command needs them.
 *
 * The policy pack boots the same way (policies/pack.js → dist/policies.cjs): the engine's loader
 * would otherwise type-check the pack with ts-node on every `pulumi preview` (~15 s); `tsc --noEmit`
 * in `npm test` already checks the same files. Both bundles sit one folder below the project root,
 * as the sources in policies/ and scripts/ do, so `__dirname/..` still names the root.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const ENTRIES = { pusdat: "scripts/pusdat.ts", policies: "policies/index.ts" };
const outOf = (name) => path.join(ROOT, "dist", `${name}.cjs`);
const SOURCES = ["infra", "scripts", "policies"];

/** The newest modification time among the sources (tests excluded), in ms. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== "node_modules") walk(path.join(dir, e.name));
      } else if (/\.(ts|js|json)$/.test(e.name) && !e.name.endsWith(".test.ts")) {
        const t = fs.statSync(path.join(dir, e.name)).mtimeMs;
        if (t > newest) newest = t;
      }
    }
  };
  for (const s of SOURCES) walk(path.join(ROOT, s));
  return Math.max(newest, fs.statSync(path.join(ROOT, "package.json")).mtimeMs);
}

function externals() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => n !== "zod");
  // google-protobuf comes with @pulumi/pulumi (policies/analyze.ts reads its Struct): load it, never bundle it.
  return [...names, "google-protobuf"].flatMap((n) => [n, `${n}/*`]);
}

function build(name = "pusdat") {
  const esbuild = require("esbuild");
  const out = outOf(name);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Build beside the target and rename: several processes (parallel tests) may build at once.
  const tmp = `${out}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, ENTRIES[name])],
    // Resolve from the project whatever the caller's directory (esbuild resolves aliases from it).
    absWorkingDir: ROOT,
    outfile: tmp,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // Packages load from node_modules when a command needs them, except zod: bundled as ES modules
    // it keeps only what the schemas use. Two things keep it that way: the sources import zod as a
    // namespace (`import * as z`), so its 40 locales are dropped, and the Indonesian locale, which
    // jest needs as CommonJS, is bundled from its ES module, so zod's CommonJS core is not bundled
    // a second time. Together that halves the bundle (1.5 MB → 0.75 MB) each start compiles.
    external: externals(),
    alias: { "zod/v4/locales/id.cjs": "zod/v4/locales/id.js" },
    keepNames: true,
    logLevel: "error",
  });
  fs.renameSync(tmp, out);
}

/** The bundle `name` (pusdat or policies), rebuilt first when a source is newer; its path. */
function ensureBuilt(name = "pusdat") {
  const out = outOf(name);
  let built = 0;
  try {
    built = fs.statSync(out).mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newestSource()) build(name);
  return out;
}

/**
 * Runs the bundle `name` as a CommonJS module, with V8's code cache: compiling the 0.75 MB bundle and
 * the functions a command calls cost ~15 ms of every start (measured on `pusdat validate`). The cache sits beside the
 * bundle, named after the bundle's size and time, so a rebuilt bundle never meets an old cache; it is
 * written when a run had none, or V8 refused it (another Node version or V8 flags), after the command
 * ran, so that it holds the functions the command compiled.
 */
function run(name = "pusdat") {
  runCached(ensureBuilt(name));
}

/** Runs the CommonJS file `file` as `require` would, compiled with the code cache kept beside it. */
function runCached(file) {
  const Module = require("node:module");
  const vm = require("node:vm");
  const st = fs.statSync(file);
  const cache = `${file}.${st.size}-${Math.floor(st.mtimeMs)}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) process.once("exit", () => writeCache(script, file, cache));
  const mod = new Module(file, module);
  mod.filename = file;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
}

/** Writes the code cache (beside, then renamed: several processes may write at once) and drops stale ones. */
function writeCache(script, file, cache) {
  try {
    const tmp = `${cache}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cache);
    const dir = path.dirname(file);
    const mine = path.basename(file);
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(`${mine}.`) && f.endsWith(".v8cache") && f !== path.basename(cache)) fs.rmSync(path.join(dir, f), { force: true });
    }
  } catch {
    // A cache is only ever a speed-up: a read-only checkout runs without one.
  }
}

module.exports = { build, ensureBuilt, run, runCached };

if (require.main === module) {
  for (const name of Object.keys(ENTRIES)) {
    build(name);
    process.stdout.write(`${path.relative(process.cwd(), outOf(name))}\n`);
  }
}
