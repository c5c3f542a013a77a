/**
 * The official mocks pattern on the real entry point: set the mocks, then import infra/index.ts as
 * `pulumi up` would load it (through ts-node in production: see the ts-node check below).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

const REPO = path.resolve(__dirname, "..");

test("importing the program after setMocks registers the samples' resources and resolves the stack outputs", async () => {
  const names: string[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        names.push(`${a.type} ${a.name}`);
        return a.type === "pulumi:pulumi:StackReference"
          ? { id: a.name, state: { outputs: {} } }
          : { id: `${a.name}-id`, state: { ...a.inputs, ...(a.type.startsWith("random:") ? { result: "mock" } : {}) } };
      },
      call: (a) => a.inputs,
    },
    "pusdat",
    "contoh",
    false,
    "organization",
  );
  Object.assign(process.env, { CLOUDFLARE_API_TOKEN: "cf", WHM_HOST: "whm", WHM_API_TOKEN: "t", PROXMOX_VE_API_TOKEN: "p", PUSDAT_SPLP_LOKAL_TOKEN: "sl", PUSDAT_SPLP_NASIONAL_TOKEN: "sn" });
  const outputs = await (require("./index") as Promise<{ vms: Record<string, unknown>; inventory: Record<string, unknown> }>);
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  expect(Object.keys(outputs.vms).sort()).toEqual(["eoffice-lama", "sibapo-app", "simpeg-db"]);
  expect(Object.keys(outputs.inventory)).toHaveLength(14);
  expect(names).toContain("pulumi:pulumi:StackReference organization/pusdat/contoh");
  expect(names.filter((n) => n.startsWith("proxmoxve:index/vmLegacy:VmLegacy"))).toHaveLength(3);
});

// The workflows run `pulumi up` with PULUMI_NODEJS_TRANSPILE_ONLY=true, so the engine's ts-node only
// transpiles: this loads the program that way. Without the variable ts-node would also type-check,
// with tsconfig.json, exactly what `tsc --noEmit -p .` checks at the start of `npm test`.
test("the engine's TypeScript loader (ts-node, transpile-only, as the workflows run `pulumi up`) loads the program", () => {
  const env = { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" };
  const r = spawnSync(process.execPath, ["-r", "ts-node/register", "-e", "require('./infra/program/program.ts'); console.log('ok')"], { cwd: REPO, encoding: "utf8", env });
  expect([r.status, r.stdout.trim(), r.stderr]).toEqual([0, "ok", ""]);
}, 120_000);
