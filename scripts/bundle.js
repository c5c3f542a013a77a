/**
 * The CLI runs from one JavaScript bundle (dist/pusdat.cjs) built by esbuild from the TypeScript
 * sources, so that `pusdat validate` loads no TypeScript compiler: a process that only reads and
 * parses the requests is the bar it is measured against. The bundle is rebuilt when any source is
 * newer than it (a fresh clone builds it on first use, in a fraction of a second); packages under
 * node_modules stay outside it and load only when a command needs them.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "dist", "pusdat.cjs");
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

function build() {
  const esbuild = require("esbuild");
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  // Build beside the target and rename: several processes (parallel tests) may build at once.
  const tmp = `${OUT}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, "scripts", "pusdat.ts")],
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
  fs.renameSync(tmp, OUT);
}

function ensureBuilt() {
  let built = 0;
  try {
    built = fs.statSync(OUT).mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newestSource()) build();
  return OUT;
}

module.exports = { ensureBuilt, OUT };

if (require.main === module) {
  build();
  process.stdout.write(`${path.relative(process.cwd(), OUT)}\n`);
}
