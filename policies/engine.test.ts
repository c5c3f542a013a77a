/**
 * The pack over the wire, as the engine drives it: Pulumi's own run-policy-pack entry, in the pack's
 * folder, loads the pack's `main` (policies/pack.js, the bundled policies/index.ts) and serves gRPC,
 * printing its port;
 * a client sends Configure (the policy config the CLI reads from --policy-pack-config) and Analyze
 * (a resource the real program registers). Proves the engine's config reaches the policies.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { simulate } from "../infra/program/simulate";
import { POLICY_NAMES } from "./all";
import { describe as describeResource } from "./analyze";

let pack: ChildProcess;
let client: AnalyzerClient;
let port: string;

beforeAll(async () => {
  pack = spawn(process.execPath, [require.resolve("@pulumi/pulumi/cmd/run-policy-pack"), "127.0.0.1:1", "."], {
    cwd: path.resolve(__dirname),
    env: { ...process.env, PUSDAT_STACK: "contoh" },
  });
  port = await new Promise<string>((resolve, reject) => {
    let out = "";
    pack.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    pack.on("exit", (code) => reject(new Error(`pack exited ${code}`)));
  });
  client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 60_000);

afterAll(() => {
  client?.close();
  pack?.kill();
});

const rpc = <Req, Res>(fn: (req: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => unknown, req: Req) =>
  new Promise<Res>((resolve, reject) => fn.call(client, req, (e, r) => (e ? reject(e) : resolve(r))));

/** What the CLI sends for `--policy-pack-config`: every policy with its level ("all" expanded) and its properties. */
function configure(cfg: Record<string, Record<string, unknown>>) {
  const req = new analyzerPb.ConfigureAnalyzerRequest();
  for (const name of POLICY_NAMES) {
    const c = new analyzerPb.PolicyConfig();
    c.setEnforcementlevel(analyzerPb.EnforcementLevel.MANDATORY);
    c.setProperties(Struct.fromJavaScript((cfg[name] ?? {}) as never));
    req.getPolicyconfigMap().set(name, c);
  }
  return rpc(client.configure, req);
}

test("the pack process boots and prints the port it serves on", () => {
  expect(port).toMatch(/^\d{2,5}$/);
});

test("Configure then Analyze over gRPC: the engine's ceiling overrides the file's", async () => {
  const sim = await simulate({ stack: "contoh", root: path.resolve(__dirname, ".."), env: { CLOUDFLARE_API_TOKEN: "x", WHM_HOST: "h", WHM_API_TOKEN: "t", PROXMOX_VE_API_TOKEN: "p", PUSDAT_SPLP_LOKAL_TOKEN: "sl", PUSDAT_SPLP_NASIONAL_TOKEN: "sn" }, previous: {} });
  const vm = sim.resources.find((r) => r.name === "sibapo-app-vm")!;
  const analyzeVm = async () => {
    const res = await rpc<analyzerPb.AnalyzeRequest, analyzerPb.AnalyzeResponse>(client.analyze, describeResource(new analyzerPb.AnalyzeRequest(), vm));
    return res.getDiagnosticsList().map((d) => [d.getPolicyname(), d.getEnforcementlevel(), d.getMessage().split("\n").pop()]);
  };

  await configure({});
  expect(await analyzeVm()).toEqual([]);

  await configure({ "vm-ceiling": { maxCores: 1, maxMemoryGb: 2 } });
  expect(await analyzeVm()).toEqual([
    ["vm-ceiling", analyzerPb.EnforcementLevel.MANDATORY, "VM sibapo-app: cpu 2 inti melebihi batas per VM; yang diizinkan: 1–1 inti"],
    ["vm-ceiling", analyzerPb.EnforcementLevel.MANDATORY, "VM sibapo-app: memoryGb 4 GB melebihi batas per VM; yang diizinkan: 1–2 GB"],
  ]);
}, 60_000);

test("over gRPC the pack judges the SPLP exchange resource with the validator's own check", async () => {
  const sim = await simulate({ stack: "contoh", root: path.resolve(__dirname, ".."), env: { CLOUDFLARE_API_TOKEN: "x", WHM_HOST: "h", WHM_API_TOKEN: "t", PROXMOX_VE_API_TOKEN: "p", PUSDAT_SPLP_LOKAL_TOKEN: "sl", PUSDAT_SPLP_NASIONAL_TOKEN: "sn" }, previous: {} });
  const exchange = sim.resources.find((r) => r.name === "harga-pangan-exchange")!;
  const analyzeIt = async (r: typeof exchange) => {
    const res = await rpc<analyzerPb.AnalyzeRequest, analyzerPb.AnalyzeResponse>(client.analyze, describeResource(new analyzerPb.AnalyzeRequest(), r));
    return res.getDiagnosticsList().map((d) => [d.getPolicyname(), d.getMessage().split("\n").pop()]);
  };
  await configure({});
  expect(await analyzeIt(exchange)).toEqual([]);
  expect(await analyzeIt({ ...exchange, inputs: { ...exchange.inputs, tier: "Unlimited" } })).toEqual([
    ["splp-exchange-ceiling", "akses SPLP pusdat-harga-pangan (harga-pangan-exchange): tier \"Unlimited\" tidak diizinkan di kanal pertukaran-lokal; yang diizinkan: Bronze, Silver, Gold"],
  ]);
}, 60_000);
