/**
 * The jest workers start their synchronous child processes through a relay process
 * (test/support/spawn-relay.js): the relay may change which process forks, never what the child sees
 * or what the caller gets. The same table of spawns (test/fixtures/spawn-relay/calls.js) runs in two
 * real node processes, one without the relay and one with it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "./support/tmp";

const CALLS = path.resolve(__dirname, "fixtures/spawn-relay/calls.js");

interface Report {
  pid: number;
  relayPid: number | null;
  calls: Record<string, Record<string, unknown>>;
}

/** Runs the table; the child's temp dir (TMPDIR, where the relay makes its FIFOs) is `tmp`. */
function run(mode: "plain" | "relay", tmp: string): Report {
  const r = spawnSync(process.execPath, [CALLS, mode, path.join(tmp, "kerja")], { cwd: process.cwd(), encoding: "utf8", timeout: 30_000, env: { ...process.env, TMPDIR: tmp } });
  expect([r.status, r.stderr]).toEqual([0, ""]);
  return JSON.parse(r.stdout) as Report;
}

/** Running, not a zombie (an exited relay stays in /proc until pid 1 reaps it). */
const alive = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]![0] !== "Z";
  } catch {
    return false;
  }
};

test("every spawn answers the same through the relay, and the relay's children are the relay's", async () => {
  const tmp = tempDir("relay");
  const plain = run("plain", tmp);
  const relayed = run("relay", tmp);

  expect(plain.relayPid).toBeNull();
  expect(relayed.relayPid).toEqual(expect.any(Number));
  // the one difference: who forked the child
  expect(plain.calls.parent!.stdout).toBe(String(plain.pid));
  expect(relayed.calls.parent!.stdout).toBe(String(relayed.relayPid));
  const { parent: _p, ...plainCalls } = plain.calls;
  const { parent: _r, ...relayedCalls } = relayed.calls;
  expect(relayedCalls).toEqual(plainCalls);

  const c = relayed.calls;
  expect(c.exitAndStreams).toEqual({ status: 3, signal: null, stdout: { hex: Buffer.from("keluar").toString("hex"), length: 6 }, stderr: "galat", output: 3, error: null });
  expect(c.textInput!.stdout).toBe("halo dunia");
  expect(c.binaryInput!.stdout).toEqual({ hex: Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString("hex").slice(0, 600), length: 256 });
  expect(c.env!.stdout).toBe("satu dua|tidak ada");
  expect(c.first!.stdout).toBe(`${process.cwd()}\n`);
  const dir = path.join(tmp, "kerja");
  expect(c.cwdDefault!.stdout).toBe(`${dir}\n`);
  expect(c.cwdRelative!.stdout).toBe(`${path.join(dir, "sub")}\n`);
  expect(c.timeout).toMatchObject({ status: null, signal: "SIGTERM", error: { code: "ETIMEDOUT", syscall: "spawnSync sleep", path: "sleep", spawnargs: ["5"] } });
  expect(c.missing).toEqual({
    status: null,
    signal: null,
    stdout: null,
    stderr: null,
    output: null,
    error: { code: "ENOENT", errno: -2, syscall: "spawnSync program-yang-tidak-ada", path: "program-yang-tidak-ada", spawnargs: ["a", "b"], message: "spawnSync program-yang-tidak-ada ENOENT" },
  });
  expect(c.maxBuffer).toEqual({
    status: null,
    signal: "SIGTERM",
    error: { code: "ENOBUFS", errno: -105, syscall: "spawnSync head", path: "head", spawnargs: ["-c", "200000", "/dev/zero"], message: "spawnSync head ENOBUFS" },
  });
  expect(c.large).toMatchObject({ status: 0, stdout: { length: 5 << 20 } });
  expect(c.execFileFails).toEqual({ status: 1, message: "Command failed: sh -c printf sebagian; printf alasan >&2; exit 1\nalasan", stdout: "sebagian", stderr: "alasan" });
  expect(c.execSyncText).toEqual({ returned: "/bin/sh" });
  expect(c.symlinkParent!.stdout).toBe(`${path.join(dir, "a")}\n`);
  expect(c.emptyCwd!.error).toMatchObject({ code: "ENOENT" });
  expect(c.umask!.stdout).toBe("0077\n");
  expect(c.inherited).toEqual({ status: 0, signal: null, stdout: null, stderr: null, output: 3, error: null });

  // The relay ends with the process it served, and its FIFOs were never left on disk.
  const deadline = Date.now() + 5_000;
  while (alive(relayed.relayPid!) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(alive(relayed.relayPid!)).toBe(false);
  expect(fs.readdirSync(tmp)).toEqual(["kerja"]);
}, 90_000);
