/** A child process run asynchronously (the fakes it talks to live in this process's event loop), its output collected. */
import { spawn, type SpawnOptions } from "node:child_process";

export function spawnCollect(command: string, args: string[], opts: Pick<SpawnOptions, "cwd" | "env">): Promise<{ code: number; out: string; err: string }> {
  const child = spawn(command, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (err += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, out, err })));
}
