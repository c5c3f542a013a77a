/**
 * Synchronous child processes of a jest worker, started by a small relay process instead.
 *
 * Node starts a child with fork() on Linux. A jest worker holds a few hundred MB (Pulumi, pdf.js,
 * every test file's modules), so each fork copies that many page tables, and afterwards every page
 * the worker writes again takes a copy-on-write fault. On these virtual machines a fault costs
 * ~10-17 µs: the ~1,100 `git` processes of `npm test` (the product's own `git()` calls, run in
 * process by the CLI tests) cost the workers ~30 s of CPU, a quarter of the suite's, for no work.
 *
 * The relay is a bare node process (~40 MB): it receives the spawn options Node has already
 * normalized (file, args, cwd, environment, stdio, input, timeout, maxBuffer, kill signal), runs
 * them through the same `spawn_sync` binding `spawnSync`, `execFileSync` and `execSync` end in, and
 * returns the raw result, which Node then turns into the usual result or error. What the child sees
 * and what the caller gets are unchanged; only the process that forks differs. Calls whose stdio is
 * not a pipe or ignored (an inherited descriptor belongs to the worker) run locally as before.
 * Asynchronous spawns are not relayed.
 */
const childProcess = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const HELPER = path.join(__dirname, "spawn-relay-process.js");
const CONNECT_TIMEOUT_MS = 10_000;
let relayPid = null;

/** JSON with Buffers (and other byte views) as `{ b64 }`. */
function encode(value) {
  return JSON.stringify(value, function (key, v) {
    const raw = this[key];
    return ArrayBuffer.isView(raw) ? { b64: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("base64") } : v;
  });
}
const decode = (text) => JSON.parse(text, (_k, v) => (v !== null && typeof v === "object" && typeof v.b64 === "string" ? Buffer.from(v.b64, "base64") : v));

/** One message: a 4-byte little-endian length, then that many bytes of JSON. */
function writeMessage(fd, text) {
  const body = Buffer.from(text);
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  const all = Buffer.concat([head, body]);
  for (let at = 0; at < all.length; ) at += fs.writeSync(fd, all, at);
}

function readExactly(fd, n) {
  const b = Buffer.allocUnsafe(n);
  for (let at = 0; at < n; ) {
    const got = fs.readSync(fd, b, at, n - at, null);
    if (got === 0) throw new Error("spawn relay: the relay process stopped (EOF)");
    at += got;
  }
  return b;
}
const readMessage = (fd) => readExactly(fd, readExactly(fd, 4).readUInt32LE(0)).toString();

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Starts the relay and opens its two FIFOs. Neither open may block forever: the read end is opened
 * non-blocking, the write end is retried until the relay is there; both are then reopened blocking
 * (the relay holds the other ends) and the FIFO names are removed, so nothing stays on disk.
 */
function connect(localSpawn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-relay-"));
  const toRelay = path.join(dir, "requests");
  const fromRelay = path.join(dir, "results");
  const opened = [];
  try {
    const made = localSpawn({
      file: "mkfifo",
      args: ["mkfifo", toRelay, fromRelay],
      envPairs: [`PATH=${process.env.PATH ?? "/usr/bin:/bin"}`],
      stdio: [{ type: "ignore" }, { type: "ignore" }, { type: "ignore" }],
    });
    if (made.status !== 0) throw new Error(`mkfifo failed (${made.error ?? made.status})`);
    const { O_RDONLY, O_WRONLY, O_NONBLOCK } = fs.constants;
    const placeholder = fs.openSync(fromRelay, O_RDONLY | O_NONBLOCK);
    opened.push(placeholder);
    const relay = childProcess.spawn(process.execPath, [HELPER, toRelay, fromRelay], { stdio: "ignore" });
    relay.on("error", () => undefined); // a relay that cannot start shows as a connect timeout
    relay.unref();
    relayPid = relay.pid ?? null;
    const deadline = Date.now() + CONNECT_TIMEOUT_MS;
    let probe;
    for (;;) {
      try {
        probe = fs.openSync(toRelay, O_WRONLY | O_NONBLOCK);
        break;
      } catch (e) {
        if (e.code !== "ENXIO" || Date.now() > deadline) throw e;
        sleep(2);
      }
    }
    opened.push(probe);
    const requests = fs.openSync(toRelay, O_WRONLY);
    const results = fs.openSync(fromRelay, O_RDONLY);
    return { requests, results };
  } finally {
    // the placeholder and the probe, whether the connection was made or not
    for (const fd of opened) fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let installed = false;

/** Routes this process's synchronous spawns through a relay process (Linux; elsewhere nothing changes). */
function install() {
  if (installed || process.platform !== "linux") return;
  installed = true;
  const binding = process.binding("spawn_sync");
  const localSpawn = binding.spawn.bind(binding);
  let relay = null;
  let unavailable = false;
  binding.spawn = (options) => {
    if (unavailable || !options.stdio.every((s) => s.type === "pipe" || s.type === "ignore")) return localSpawn(options);
    if (relay === null) {
      try {
        relay = connect(localSpawn);
      } catch (e) {
        unavailable = true;
        process.stderr.write(`spawn relay unavailable, spawning locally: ${e.message}\n`);
        return localSpawn(options);
      }
    }
    // The relay has its own working folder and umask: a child gets this process's, as Node would give
    // them. Only a relative folder is prefixed (no normalizing: `..` after a symlink is the kernel's).
    let cwd = options.cwd;
    try {
      if (cwd === undefined) cwd = process.cwd();
      else if (cwd !== "" && !path.isAbsolute(cwd)) cwd = `${process.cwd()}/${cwd}`;
    } catch {
      return localSpawn(options); // this process's folder is gone: only a local fork still has it
    }
    let result;
    try {
      writeMessage(relay.requests, encode({ options: { ...options, cwd }, umask: process.umask() }));
      result = decode(readMessage(relay.results));
    } catch (e) {
      // The relay stopped: this call's outcome is unknown, so it fails; later calls fork here again.
      for (const fd of [relay.requests, relay.results]) fs.closeSync(fd);
      relay = null;
      unavailable = true;
      throw e;
    }
    if (typeof result.thrown === "string") throw new Error(result.thrown);
    return result;
  };
}

/** The relay process's pid once it runs (for the relay's own test), else null. */
const currentRelayPid = () => relayPid;

module.exports = { install, currentRelayPid, encode, decode, writeMessage, readMessage };
