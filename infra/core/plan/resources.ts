/**
 * The resources the program registers, computed without Pulumi: the same argument builders feed the
 * components (infra/program/components) and `pusdat plan`, and a test proves the program under mocks
 * registers exactly this list. Running the Pulumi runtime costs milliseconds per resource; this costs
 * microseconds, so the plan stays fast and linear.
 */
import type { SiteConfig } from "../config/site";
import {
  backupJobName, childName, DYNAMIC_PROVIDER_INPUT, DYNAMIC_PROVIDER_STANDIN, PROVIDERS, PROVIDER_TYPE, ROLE, SPLP_SECRET_OUTPUTS, TYPE, WHM_COMMANDS, WHM_ENV, ZONE_BY_NAME,
} from "../naming";
import type { BackupJobPlan, Desired, DnsRecordPlan, HostingPlan, VmPlan } from "./desired";
import type { ApiAccessPlan, SplpExchangeInputs } from "./splp";
import type { Inventory } from "./inventory";

/** A resource as the engine's monitor receives it: type, name, parent, inputs and options. */
export interface PlannedResource {
  type: string;
  name: string;
  urn: string;
  /** The parent's URN; "" for top-level resources. */
  parent: string;
  custom: boolean;
  /** Secrets stay wrapped (see `isSecretValue`), as the monitor receives them. */
  inputs: Record<string, unknown>;
  protect: boolean;
  /** Inputs the engine keeps from the state instead of diffing (what only mattered at creation). */
  ignoreChanges: string[];
  /** The provider reference `<urn>::<id>`, "" for components and providers. */
  provider: string;
  additionalSecretOutputs: string[];
  dependencies: string[];
}

// Pulumi's wire format for a secret value: the signature key and its fixed value.
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export const secretValue = (value: unknown) => ({ [SECRET_SIG]: SECRET_VALUE, value });
export const isSecretValue = (v: unknown): boolean => typeof v === "object" && v !== null && (v as Record<string, unknown>)[SECRET_SIG] === SECRET_VALUE;

/** What stands for a provider-computed output the plan cannot know (the password under mocks). */
export const unknownOutput = (resourceName: string, output: string) => `mock-${output === "result" ? "password" : output}-${resourceName}`;

/**
 * Tags only where the zone supports them (`pusdat:cloudflareTags`): on a zone without record tags the
 * API refuses or drops them and every preview shows a diff. The comment always carries the request.
 */
export function dnsRecordArgs(p: DnsRecordPlan, zoneId: string, withTags: boolean) {
  const args = { zoneId, name: p.fullName, type: p.type, content: p.content, proxied: p.proxied, ttl: p.ttl, comment: p.comment };
  return withTags ? { ...args, tags: p.tags } : args;
}

export const PASSWORD_ARGS = { length: 24, special: true, overrideSpecial: "-_.+=", minLower: 2, minUpper: 2, minNumeric: 2, minSpecial: 1 } as const;

/**
 * Every RandomPassword input forces a new password. `keepers` appear only once a rotation is
 * requested: adding them to an existing password would replace it too.
 */
export function passwordArgs(p: HostingPlan) {
  return p.passwordRotation ? { ...PASSWORD_ARGS, keepers: { [PASSWORD_KEEPER]: p.passwordRotation } } : { ...PASSWORD_ARGS };
}
export const PASSWORD_KEEPER = "rotation";

/**
 * The password of an active account is protected, so no edit of PASSWORD_ARGS can silently change
 * it. The engine allows unprotecting and replacing in one update (it refuses only when the old and
 * the new state are both protected), so the deployment that carries a requested rotation — the
 * counter differs from the last deployment's — leaves it unprotected; the next one protects it again.
 */
export function passwordProtected(p: HostingPlan, previous: Inventory): boolean {
  const before = previous[p.id];
  const rotating = before !== undefined && (before.passwordRotation ?? "") !== p.passwordRotation;
  return p.protect && !rotating;
}

/** The WHM command's inputs; `password` is the RandomPassword's result (an Output in the program). */
export function hostingCommandArgs<P>(p: HostingPlan, password: P) {
  return {
    ...WHM_COMMANDS,
    environment: {
      [WHM_ENV.username]: p.username,
      [WHM_ENV.domain]: p.domain,
      [WHM_ENV.plan]: p.plan,
      [WHM_ENV.contactEmail]: p.contactEmail,
      [WHM_ENV.password]: password,
      [WHM_ENV.suspended]: String(p.suspended),
      [WHM_ENV.suspendReason]: p.suspendReason,
      // Only once rotated, so existing accounts' inputs stay as they were.
      ...(p.passwordRotation ? { [WHM_ENV.passwordRotation]: p.passwordRotation } : {}),
    },
    logging: "none" as const,
  };
}
export const COMMAND_SECRET_OUTPUTS = ["stdout", "stderr"];

/**
 * What only mattered when the VM was born: the clone source. Every clone.* field forces a new VM
 * upstream (bpg/proxmox ForceNew); ignoring them keeps a template change (a new template VMID, a
 * different clone datastore) from destroying running VMs. See replacement.ts.
 */
export const VM_IGNORE_CHANGES = ["clone"];

export function vmArgs(p: VmPlan, guestAgent: boolean) {
  return {
    nodeName: p.node,
    // A node change migrates instead of recreating (upstream forces a new VM unless migrate is set).
    migrate: true,
    vmId: p.vmid,
    name: p.hostname,
    description: p.description,
    tags: p.tags,
    clone: { vmId: p.template.vmid, nodeName: p.template.node, datastoreId: p.datastore, full: true },
    cpu: { cores: p.cores, type: p.cpuType },
    memory: { dedicated: p.memoryMb },
    disks: [{ interface: "scsi0", datastoreId: p.datastore, size: p.diskGb, ...p.disk }],
    networkDevices: [{ bridge: p.bridge, model: "virtio" }],
    // Explicit: a clone inherits the template's agent setting, and a wrong one stalls the provider 15 minutes.
    agent: { enabled: guestAgent },
    initialization: {
      datastoreId: p.datastore,
      ipConfigs: [{ ipv4: { address: p.ipCidr, gateway: p.gateway } }],
      userAccount: { username: p.adminUser, keys: p.sshKeys },
    },
    onBoot: p.onBoot,
    started: p.started,
    protection: p.protection,
  };
}

export function backupJobArgs(p: BackupJobPlan) {
  return { resourceId: p.name, node: p.node, vmids: p.vmids, schedule: p.schedule, storage: p.storage, mode: p.mode, pruneBackups: p.pruneBackups, enabled: true };
}

/**
 * The SPLP resource's inputs (the dynamic provider's create/update/diff read them). Plain data: the
 * devportal token is not among them, and the credentials come back as secret outputs.
 */
export function splpAccessArgs(p: ApiAccessPlan): SplpExchangeInputs | null {
  return p.exchange ? { ...p.exchange.inputs } : null;
}

/** Secret outputs the provider SDKs declare themselves (pinned versions; the equality test catches drift). */
const SDK_SECRET_OUTPUTS: Record<string, string[]> = {
  [PROVIDER_TYPE("cloudflare")]: ["apiKey", "apiToken", "apiUserServiceKey"],
  [PROVIDER_TYPE("proxmoxve")]: ["apiToken", "authTicket", "csrfPreventionToken", "password"],
  [TYPE.password]: ["bcryptHash", "result"],
};

/** Drops undefined fields, as the monitor's serialisation does. */
const defined = (o: Record<string, unknown>) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>;

/** Every resource the program registers for `desired`, in registration order. */
export function plannedResources(d: Desired, site: SiteConfig, stack: string, previous: Inventory = {}): PlannedResource[] {
  const out: PlannedResource[] = [];
  const urnOf = (type: string, name: string, parent?: PlannedResource) =>
    `urn:pulumi:${stack}::pusdat::${parent ? `${parent.type}$` : ""}${type}::${name}`;
  const providerRef: Record<string, string> = {};
  for (const pkg of PROVIDERS) {
    const type = PROVIDER_TYPE(pkg);
    const urn = urnOf(type, pkg);
    providerRef[pkg] = `${urn}::${pkg}-id`;
    // Provider inputs travel JSON-encoded, as the SDK sends them.
    const inputs = pkg === "proxmoxve" ? { endpoint: site.proxmox.endpoint, insecure: "false" } : {};
    out.push({ type, name: pkg, urn, parent: "", custom: true, inputs: defined(inputs), protect: false, ignoreChanges: [], provider: "", additionalSecretOutputs: SDK_SECRET_OUTPUTS[type] ?? [], dependencies: [] });
  }
  const component = (type: string, name: string) => {
    const c: PlannedResource = { type, name, urn: urnOf(type, name), parent: "", custom: false, inputs: {}, protect: false, ignoreChanges: [], provider: "", additionalSecretOutputs: [], dependencies: [] };
    out.push(c);
    return c;
  };
  const child = (parent: PlannedResource, pkg: string, type: string, name: string, inputs: Record<string, unknown>, opts: Partial<PlannedResource> = {}) => {
    const r: PlannedResource = {
      type, name, urn: urnOf(type, name, parent), parent: parent.urn, custom: true, inputs: defined(inputs), protect: false, ignoreChanges: [],
      provider: providerRef[pkg]!, additionalSecretOutputs: SDK_SECRET_OUTPUTS[type] ?? [], dependencies: [], ...opts,
    };
    out.push(r);
    return r;
  };
  const zoneId = site.cloudflareZoneId ?? ZONE_BY_NAME;
  for (const s of d.subdomains) {
    const c = component(TYPE.subdomain, s.id);
    if (s.record) child(c, "cloudflare", TYPE.dnsRecord, s.record.name, dnsRecordArgs(s.record, zoneId, site.cloudflareTags));
  }
  for (const h of d.hosting) {
    const c = component(TYPE.hostingAccount, h.id);
    const pwName = childName(h.id, ROLE.password);
    const pw = child(c, "random", TYPE.password, pwName, passwordArgs(h), { protect: passwordProtected(h, previous) });
    const args = hostingCommandArgs(h, unknownOutput(pwName, "result"));
    child(c, "command", TYPE.command, childName(h.id, ROLE.account), { ...args, environment: secretValue(args.environment) }, {
      protect: h.protect, additionalSecretOutputs: COMMAND_SECRET_OUTPUTS, dependencies: [pw.urn],
    });
    if (h.record) child(c, "cloudflare", TYPE.dnsRecord, h.record.name, dnsRecordArgs(h.record, zoneId, site.cloudflareTags));
  }
  for (const v of d.vms) {
    const c = component(TYPE.virtualMachine, v.id);
    child(c, "proxmoxve", TYPE.vm, v.name, vmArgs(v, site.proxmox.guestAgent), { protect: v.protect, ignoreChanges: VM_IGNORE_CHANGES });
  }
  for (const b of d.backups) {
    const c = component(TYPE.nodeBackup, b.name);
    child(c, "proxmoxve", TYPE.backupJob, backupJobName(b.node), backupJobArgs(b));
  }
  for (const a of d.apiAccess) {
    const c = component(TYPE.apiAccess, a.id);
    const args = splpAccessArgs(a);
    // The engine's default dynamic provider (no explicit one); never protected: a decommission deletes it.
    if (args) child(c, "", TYPE.splpAccess, childName(a.id, ROLE.exchange), { ...args, [DYNAMIC_PROVIDER_INPUT]: DYNAMIC_PROVIDER_STANDIN }, { provider: "", additionalSecretOutputs: SPLP_SECRET_OUTPUTS });
  }
  return out;
}
