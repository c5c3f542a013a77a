/**
 * The CLI bundle runs with V8's code cache kept beside it (scripts/bundle.js runCached): the cache
 * must never change what runs, only how fast it starts. Exercised on a small CommonJS file in a temp
 * folder, through real node processes, as `node scripts/pusdat.js` uses it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "./support/tmp";

const BUNDLE = path.resolve(__dirname, "../scripts/bundle.js");

function runIt(file: string): string {
  const r = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(BUNDLE)}).runCached(${JSON.stringify(file)})`, "--", "satu", "dua"], {
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

const caches = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".v8cache")).sort();

function program(dir: string, extra = ""): string {
  fs.writeFileSync(path.join(dir, "dep.js"), "module.exports = { label: 'dep' };\n");
  const file = path.join(dir, "prog.cjs");
  fs.writeFileSync(
    file,
    [
      '"use strict";',
      'const dep = require("./dep.js");',
      "module.exports.ok = true;",
      "const fn = (n) => n * 2;",
      `process.stdout.write(JSON.stringify({ dep: dep.label, dir: __dirname, file: __filename, self: module.exports.ok, resolved: require.resolve("./dep.js"), args: process.argv.slice(-2), n: fn(21) }) + ${JSON.stringify(extra)} + "\\n");`,
    ].join("\n"),
  );
  return file;
}

test("a first run writes the cache named after the file; later runs use it unchanged, with the same output", () => {
  const dir = tempDir("v8cache");
  const file = program(dir);
  const st = fs.statSync(file);
  const name = `prog.cjs.${st.size}-${Math.floor(st.mtimeMs)}.v8cache`;
  const expected = `${JSON.stringify({ dep: "dep", dir, file, self: true, resolved: path.join(dir, "dep.js"), args: ["satu", "dua"], n: 42 })}\n`;

  expect(caches(dir)).toEqual([]);
  expect(runIt(file)).toBe(expected);
  expect(caches(dir)).toEqual([name]);
  const written = fs.readFileSync(path.join(dir, name));
  expect(written.length).toBeGreaterThan(0);

  // Accepted: not written again.
  const before = fs.statSync(path.join(dir, name)).mtimeMs;
  expect(runIt(file)).toBe(expected);
  expect(fs.statSync(path.join(dir, name)).mtimeMs).toBe(before);
  expect(fs.readFileSync(path.join(dir, name)).equals(written)).toBe(true);
});

test("a cache V8 refuses (corrupt) changes nothing and is written again", () => {
  const dir = tempDir("v8cache");
  const file = program(dir);
  const expected = runIt(file);
  const [name] = caches(dir);
  fs.writeFileSync(path.join(dir, name!), Buffer.from("bukan cache V8 sama sekali"));
  expect(runIt(file)).toBe(expected);
  expect(caches(dir)).toEqual([name]);
  expect(fs.readFileSync(path.join(dir, name!)).toString("latin1")).not.toBe("bukan cache V8 sama sekali");
});

test("a rebuilt file gets its own cache and the old one is removed: an old cache never meets new code", () => {
  const dir = tempDir("v8cache");
  const file = program(dir);
  runIt(file);
  const [old] = caches(dir);
  program(dir, " (baru)");
  const st = fs.statSync(file);
  const out = runIt(file);
  expect(out.endsWith(' (baru)\n')).toBe(true);
  expect(caches(dir)).toEqual([`prog.cjs.${st.size}-${Math.floor(st.mtimeMs)}.v8cache`]);
  expect(caches(dir)).not.toContain(old);
});
