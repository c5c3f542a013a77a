/**
 * Runs the pack over captured resources through the protocol the engine uses: AnalyzeRequest and
 * AnalyzeStackRequest protobufs handed to @pulumi/policy's own Analyze/AnalyzeStack handlers, and
 * the AnalyzeResponse read back. Enforcement levels from policies/config.json are applied the way the
 * engine's `configure` call would apply them.
 */
import type { Policy, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { PolicyConfig } from "../infra/core/config/ceilings";
import type { PlannedResource } from "../infra/core/plan/resources";
import { POLICY_PACK_NAME, policiesFor } from "./all";
import type { PolicyContext } from "./context";

export interface Diagnostic {
  policy: string;
  /** The violation itself; the SDK sends it after the policy's description and a newline. */
  message: string;
  description: string;
  urn: string;
  enforcementLevel: "advisory" | "mandatory" | "disabled" | "remediate";
}

export interface Analysis {
  diagnostics: Diagnostic[];
  /** policy name → URNs of the resources it was applicable to (did not answer "not applicable"). */
  applied: Map<string, Set<string>>;
}

// The handlers the pack's gRPC server wires up; internal in the typings, exported at run time.
const { makeAnalyzeRpcFun, makeAnalyzeStackRpcFun } = require("@pulumi/policy/server") as {
  makeAnalyzeRpcFun(pack: string, version: string, level: string, ps: Policy[]): never;
  makeAnalyzeStackRpcFun(pack: string, version: string, level: string, ps: Policy[]): never;
};

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;
type Level = (typeof LEVELS)[number];

/** The pack's policies with the levels the config file sets (`all`, then per policy), as the engine would. */
export function withLevels(ps: Policy[], cfg?: PolicyConfig): Policy[] {
  if (!cfg) return ps;
  return ps.map((p) => {
    const own = (cfg as Record<string, unknown>)[p.name];
    const level = (typeof own === "string" ? own : (own as { enforcementLevel?: Level } | undefined)?.enforcementLevel) ?? cfg.all;
    return level ? { ...p, enforcementLevel: level as Level } : p;
  });
}

function options(r: PlannedResource) {
  const o = new analyzerPb.AnalyzerResourceOptions();
  o.setProtect(r.protect);
  o.setIgnorechangesList(r.ignoreChanges);
  o.setParent(r.parent);
  o.setAdditionalsecretoutputsList(r.additionalSecretOutputs);
  return o;
}

const props = (r: PlannedResource) => Struct.fromJavaScript(JSON.parse(JSON.stringify(r.inputs)));

/** AnalyzeRequest and AnalyzerResource share these fields: what the engine says of every resource. */
export function describe<T extends analyzerPb.AnalyzeRequest | analyzerPb.AnalyzerResource>(msg: T, r: PlannedResource): T {
  msg.setType(r.type);
  msg.setUrn(r.urn);
  msg.setName(r.name);
  msg.setProperties(props(r));
  msg.setOptions(options(r));
  return msg;
}

function call<T>(fn: (call: { request: unknown }, cb: (err: unknown, res: T) => void) => void, request: unknown): Promise<T> {
  return new Promise((resolve, reject) => fn({ request }, (err, res) => (err ? reject(err) : resolve(res))));
}

type Response = { getDiagnosticsList(): Diag[]; getNotApplicableList(): { getPolicyName(): string }[] };
type Diag = { getPolicyname(): string; getMessage(): string; getDescription(): string; getUrn(): string; getEnforcementlevel(): number };

function read(res: Response, urn: string | undefined, names: string[], applied: Map<string, Set<string>>, out: Diagnostic[]) {
  const skipped = new Set(res.getNotApplicableList().map((n) => n.getPolicyName()));
  if (urn) for (const n of names) if (!skipped.has(n)) (applied.get(n) ?? applied.set(n, new Set()).get(n)!).add(urn);
  for (const d of res.getDiagnosticsList()) {
    const description = d.getDescription();
    const full = d.getMessage();
    const message = full.startsWith(`${description}\n`) ? full.slice(description.length + 1) : full;
    out.push({ policy: d.getPolicyname(), message, description, urn: d.getUrn() || urn || "", enforcementLevel: LEVELS[d.getEnforcementlevel()] ?? "advisory" });
  }
}

export async function analyze(resources: PlannedResource[], ctx: PolicyContext, cfg?: PolicyConfig, ps: Policy[] = policiesFor(() => ctx)): Promise<Analysis> {
  const leveled = withLevels(ps, cfg);
  const resourcePolicies = leveled.filter((p): p is ResourceValidationPolicy => "validateResource" in p);
  const stackPolicies = leveled.filter((p): p is StackValidationPolicy => "validateStack" in p);
  const analyzeOne = makeAnalyzeRpcFun(POLICY_PACK_NAME, "0.1.0", "mandatory", resourcePolicies);
  const analyzeStack = makeAnalyzeStackRpcFun(POLICY_PACK_NAME, "0.1.0", "mandatory", stackPolicies);
  const diagnostics: Diagnostic[] = [];
  const applied = new Map<string, Set<string>>();

  // Analyze: each custom resource, with its inputs, before it would be created or updated.
  for (const r of resources.filter((x) => x.custom && !x.type.startsWith("pulumi:providers:"))) {
    const req = describe(new analyzerPb.AnalyzeRequest(), r);
    read(await call<Response>(analyzeOne, req), r.urn, resourcePolicies.map((p) => p.name), applied, diagnostics);
  }
  // AnalyzeStack: everything at once, parents included.
  const req = new analyzerPb.AnalyzeStackRequest();
  req.setResourcesList(
    resources.map((r) => {
      const a = describe(new analyzerPb.AnalyzerResource(), r);
      a.setParent(r.parent);
      a.setDependenciesList(r.dependencies);
      return a;
    }),
  );
  const res = await call<Response>(analyzeStack, req);
  read(res, "stack", stackPolicies.map((p) => p.name), applied, diagnostics);
  return { diagnostics, applied };
}
