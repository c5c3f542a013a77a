/**
 * The pack as the engine starts it: Pulumi's own run-policy-pack entry, in the pack's folder, which
 * compiles policies/index.ts with ts-node *type-checking* and serves gRPC, printing its port.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";

test("the policy pack process boots and prints the port it serves on", async () => {
  const dir = path.resolve(__dirname);
  const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
  const p = spawn(process.execPath, [runner, "127.0.0.1:1", "."], { cwd: dir });
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
