/**
 * The kind registry: everything pusdat knows per request kind, in one table. Adding a kind means a
 * schema in model/kinds.ts and one row here (folder, what it uses of capacity, what the inventory
 * remembers, what it needs to be built, its manual step, its planner), not edits in ten places.
 */
import type { SiteConfig } from "./config/site";
import { ApiAccessRequest, HostingAccountRequest, type Kind, KINDS, type Request, SubdomainRequest, VirtualMachineRequest } from "./model/kinds";
import type { Path } from "./model/path";
import { type Desired, hostingPlan, type ManualStep, pdnStep, splpStep, subdomainPlan, vmPlan } from "./plan/desired";
import { apiAccessPlan, splpAgreementStep } from "./plan/splp";
import { SPLP_TOKEN_ENV, type SplpChannelName } from "./config/splp";

/** Capacity amounts by name (cpu, memoryGb, diskGb, hostingAccounts, subdomains). */
export type Amounts = Record<string, number>;

/** What one active request takes: from its Proxmox node (if any) and from its OPD's totals. */
export interface Usage {
  node?: string;
  amounts: Amounts;
  /** Where an OPD-total finding points when a count (not a size) is exceeded. */
  countPath: Path;
}

/** What a deployment remembers of a request, to refuse moves and data loss on the next one. */
export interface InventoryFields {
  node?: string;
  vmid?: number;
  ip?: string;
  diskGb?: number;
  username?: string;
  domain?: string;
  /** The template a VM was cloned from: a change is no longer applied (clone is ignored), so it is refused. */
  os?: string;
  /** Hosting: spec.passwordRotation as text, when set. */
  passwordRotation?: string;
  /** ApiAccess: what pusdat manages on the exchange ("<channel> <api> <version>"), when spec.exchange is set. */
  exchange?: string;
}

type Of<K extends Kind> = Extract<Request, { kind: K }>;

export interface KindDef<K extends Kind> {
  folder: string;
  schema: (typeof KIND_SCHEMA_LIST)[K];
  /** Capacity used while active, or null when pusdat provides nothing countable (PDN, SPLP). */
  usage(r: Of<K>): Usage | null;
  inventory(r: Of<K>): InventoryFields;
  /** Removing it destroys files or disks: a final backup must be recorded first. */
  holdsData(entry: InventoryFields): boolean;
  /** Environment credentials its resources need at apply time. */
  credentials(r: Of<K>): string[];
  /** Adds its resources and manual steps to the desired state. */
  plan(r: Of<K>, site: SiteConfig, into: Desired): void;
}

const KIND_SCHEMA_LIST = {
  Subdomain: SubdomainRequest,
  HostingAccount: HostingAccountRequest,
  VirtualMachine: VirtualMachineRequest,
  ApiAccess: ApiAccessRequest,
} as const;

const isActive = (r: Request) => r.metadata.status === "active";
const isLocal = (r: Of<"VirtualMachine">) => r.spec.location === "pusat-komputasi";

export const KIND_REGISTRY: { [K in Kind]: KindDef<K> } = {
  Subdomain: {
    folder: "subdomain",
    schema: SubdomainRequest,
    usage: () => ({ amounts: { subdomains: 1 }, countPath: ["spec", "name"] }),
    inventory: () => ({}),
    holdsData: () => false,
    credentials: (r) => (isActive(r) ? ["CLOUDFLARE_API_TOKEN"] : []),
    plan: (r, site, d) => void d.subdomains.push(subdomainPlan(r, site)),
  },
  HostingAccount: {
    folder: "hosting",
    schema: HostingAccountRequest,
    usage: () => ({ amounts: { hostingAccounts: 1 }, countPath: ["spec", "username"] }),
    inventory: (r) => ({
      username: r.spec.username,
      domain: r.spec.domain.toLowerCase(),
      ...(r.spec.passwordRotation !== undefined ? { passwordRotation: String(r.spec.passwordRotation) } : {}),
    }),
    holdsData: () => true,
    credentials: (r) => ["WHM_HOST", "WHM_API_TOKEN", ...(isActive(r) ? ["CLOUDFLARE_API_TOKEN"] : [])],
    plan: (r, site, d) => void d.hosting.push(hostingPlan(r, site)),
  },
  VirtualMachine: {
    folder: "vm",
    schema: VirtualMachineRequest,
    usage: (r) => (isLocal(r) ? { node: r.spec.node, amounts: { cpu: r.spec.cpu, memoryGb: r.spec.memoryGb, diskGb: r.spec.diskGb }, countPath: ["spec", "cpu"] } : null),
    inventory: (r) => (isLocal(r) ? { node: r.spec.node, vmid: r.spec.vmid, ip: r.spec.ip, diskGb: r.spec.diskGb, os: r.spec.os } : {}),
    // A PDN VM was never built here: only a local one (with a VMID) holds our disks.
    holdsData: (e) => e.vmid !== undefined,
    credentials: (r) => (isLocal(r) ? ["PROXMOX_VE_API_TOKEN"] : []),
    plan: (r, site, d) => {
      if (isLocal(r)) d.vms.push(vmPlan(r, site));
      else if (isActive(r)) d.manual.push(pdnStep(r));
    },
  },
  ApiAccess: {
    folder: "api",
    schema: ApiAccessRequest,
    usage: () => null,
    inventory: (r) => (r.spec.exchange ? { exchange: `${r.spec.channel} ${r.spec.exchange.api} ${r.spec.exchange.version}` } : {}),
    // An application, a subscription and keys on the exchange: nothing of the OPD's data.
    holdsData: () => false,
    // The devportal token (or its stack secret, see providers.ts) while pusdat manages the exchange side.
    credentials: (r) => (r.spec.exchange ? [SPLP_TOKEN_ENV[r.spec.channel as SplpChannelName]] : []),
    plan: (r, site, d) => {
      // Without spec.exchange nothing is provisioned: the whole SPLP step stays manual, as before.
      if (!r.spec.exchange) return void d.manual.push(splpStep(r));
      d.apiAccess.push(apiAccessPlan(r, site));
      if (isActive(r)) d.manual.push(splpAgreementStep(r));
    },
  },
};

export { KINDS };
export const KIND_SCHEMAS = Object.fromEntries(KINDS.map((k) => [k, KIND_REGISTRY[k].schema])) as { [K in Kind]: KindDef<K>["schema"] };
export const KIND_FOLDER = Object.fromEntries(KINDS.map((k) => [k, KIND_REGISTRY[k].folder])) as Record<Kind, string>;

const def = <K extends Kind>(r: Of<K>) => KIND_REGISTRY[r.kind as K] as unknown as KindDef<K>;

/** The one place capacity amounts come from (rules, plan capacity and the policy pack's view agree). */
export function usageOf(r: Request): Usage | null {
  return isActive(r) ? def(r).usage(r) : null;
}

export const inventoryFieldsOf = (r: Request): InventoryFields => def(r).inventory(r);
export const holdsData = (kind: Kind, e: InventoryFields): boolean => (KIND_REGISTRY[kind] as KindDef<Kind>).holdsData(e);
export const credentialsOf = (r: Request): string[] => def(r).credentials(r);
export const planInto = (r: Request, site: SiteConfig, d: Desired): void => def(r).plan(r, site, d);
export type { ManualStep };
