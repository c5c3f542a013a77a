/** The pack as the engine starts it: policies/index.ts through ts-node, serving gRPC and printing its port. */
import { spawn } from "node:child_process";
import * as path from "node:path";

test("the policy pack process boots and prints the port it serves on", async () => {
  const dir = path.resolve(__dirname);
  const p = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "index.ts"], { cwd: dir });
  const first = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    p.stderr.on("data", (d) => (err += d));
    p.on("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  p.kill();
  expect(first).toMatch(/^\d{2,5}$/);
}, 60_000);
