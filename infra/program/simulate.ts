/**
 * Runs the real Pulumi program against Pulumi's mocks and captures every resource it registers: type
 * token, name, inputs, parent, and the resource options the mocks API does not pass on (protect,
 * provider, additional secret outputs), read by wrapping the mock monitor's registerResource. A
 * dynamic resource's serialized provider code (`__provider`) is shown as DYNAMIC_PROVIDER_STANDIN.
 * Used by the tests and by `pusdat plan`, which has no engine to ask.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Inventory } from "../core/plan/inventory";
import { isSecretValue, type PlannedResource, unknownOutput } from "../core/plan/resources";
import { DYNAMIC_PROVIDER_INPUT, DYNAMIC_PROVIDER_STANDIN, TYPE, ZONE_BY_NAME } from "../core/naming";
import { type ConfigProblems, openProject, type Project } from "../core/project";
import { type ProgramOptions, runProgram } from "./program";

/** What the mock monitor captured: the same shape the pure planner computes (and a test compares). */
export type CapturedResource = PlannedResource;
export { isSecretValue };

export interface Simulation {
  resources: CapturedResource[];
  outputs: Awaited<ReturnType<typeof runProgram>>;
}

/** Values the providers compute that the program reads back. */
function computed(type: string, name: string, inputs: Record<string, unknown>, exchangeStatus: string): Record<string, unknown> {
  switch (type) {
    case TYPE.password:
      return { result: unknownOutput(name, "result") };
    case TYPE.vm:
      return { vmId: inputs.vmId };
    case TYPE.command:
      return { stdout: "", stderr: "" };
    case TYPE.splpAccess:
      // What the exchange would answer; the credentials are stand-ins derived from the name.
      return {
        applicationId: `mock-application-${name}`,
        subscriptionId: `mock-subscription-${name}`,
        subscriptionStatus: exchangeStatus,
        consumerKey: unknownOutput(name, "consumerKey"),
        consumerSecret: unknownOutput(name, "consumerSecret"),
        apikey: inputs.auth === "api-key" ? unknownOutput(name, "apikey") : "",
      };
    default:
      return {};
  }
}

export interface SimulateOptions extends ProgramOptions {
  stack: string;
  /** The opened project; by default opened from `root` (and `requestsDir`) through the front door. */
  project?: Project | ConfigProblems;
  root?: string;
  requestsDir?: string;
  preview?: boolean;
  /** What this stack's own outputs hold when `previous` is not given (the self StackReference). */
  stackOutputs?: { inventory?: Inventory };
  /** What the exchange answers for every SPLP subscription (default UNBLOCKED; ON_HOLD while the provider's approval waits). */
  exchangeStatus?: string;
  /** Receives every captured resource as it is registered, even if the program fails afterwards. */
  sink?: CapturedResource[];
}

export async function simulate(opts: SimulateOptions): Promise<Simulation> {
  const resources: CapturedResource[] = opts.sink ?? [];
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        if (a.type === "pulumi:pulumi:StackReference") {
          return { id: a.name, state: { name: a.name, outputs: opts.stackOutputs ?? {}, secretOutputNames: [] } };
        }
        return { id: a.custom ? `${a.name}-id` : "", state: { ...a.inputs, ...computed(a.type, a.name, a.inputs, opts.exchangeStatus ?? "UNBLOCKED") } };
      },
      call: (a) => (a.token === "cloudflare:index/getZone:getZone" ? { id: ZONE_BY_NAME, zoneId: ZONE_BY_NAME, name: a.inputs.filter?.name } : a.inputs),
    },
    "pusdat",
    opts.stack,
    opts.preview ?? false,
    "organization", // what self-managed backends call every stack's organization
  );
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: RegisterRequest, cb: unknown): unknown };
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    resources.push({
      type: req.getType(),
      name: req.getName(),
      urn: "",
      parent: req.getParent(),
      custom: req.getCustom(),
      inputs: pulumi.runtime.deserializeProperties(req.getObject() as Parameters<typeof pulumi.runtime.deserializeProperties>[0], true),
      protect: req.getProtect() === true,
      ignoreChanges: req.getIgnorechangesList(),
      provider: req.getProvider(),
      additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
      dependencies: req.getDependenciesList(),
    });
    // The SDK formats every response into a debug line (`resp: ${innerResponse}`) that, without an
    // engine, nobody prints: the protobuf text of each resource's whole state was a plan's largest cost.
    return original(req, (err: unknown, resp?: { toString(): string }) => {
      if (resp) resp.toString = registerResponseText;
      return (cb as (err: unknown, resp?: unknown) => void)(err, resp);
    });
  };
  // The SDK captures a stack trace for every promise and resource (for leak reports and source
  // positions). Under mocks nobody reads them, and formatting them was most of a plan's time.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let outputs: Awaited<ReturnType<typeof runProgram>>;
  try {
    outputs = await runProgram(opts.project ?? openProject({ root: opts.root, stack: opts.stack, requestsDir: opts.requestsDir }), opts);
    // Registrations continue after the program returns; wait for the queue to drain (internal, but exported).
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  } finally {
    Error.stackTraceLimit = limit;
  }
  for (const r of resources) {
    r.urn = urnOf(opts.stack, r);
    // The serialized provider code (the SDK did serialize it: a failure would have stopped the program).
    if (typeof r.inputs[DYNAMIC_PROVIDER_INPUT] === "string") r.inputs[DYNAMIC_PROVIDER_INPUT] = DYNAMIC_PROVIDER_STANDIN;
  }
  return { resources, outputs };
}

const registerResponseText = () => "RegisterResourceResponse";

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): unknown;
  getProtect(): boolean | undefined;
  getIgnorechangesList(): string[];
  getProvider(): string;
  getAdditionalsecretoutputsList(): string[];
  getDependenciesList(): string[];
}

/** The URN the engine would give: the parent's type chain, then the type and name. */
function urnOf(stack: string, r: CapturedResource): string {
  let type = r.type;
  if (r.parent) {
    const qualified = r.parent.split("::")[2]!;
    type = `${qualified.split("$").pop()}$${type}`;
  }
  return `urn:pulumi:${stack}::pusdat::${type}::${r.name}`;
}
