/**
 * Naming conventions, in one place: the type tokens the program registers, the child-name suffixes
 * that tie a resource to its request, the tag prefixes that make it traceable, and the fixed WHM
 * command text. The components, the policies, the planner and the plan diff import these instead of
 * spelling strings again. Resource names are stable forever: renaming one makes Pulumi replace it.
 */

/** Type tokens, as the providers' classes declare them (the policy pack matches on these exactly). */
export const TYPE = {
  dnsRecord: "cloudflare:index/dnsRecord:DnsRecord",
  command: "command:local:Command",
  password: "random:index/randomPassword:RandomPassword",
  vm: "proxmoxve:index/vmLegacy:VmLegacy",
  backupJob: "proxmoxve:backup/job:Job",
  subdomain: "pusdat:index:Subdomain",
  hostingAccount: "pusdat:index:HostingAccount",
  virtualMachine: "pusdat:index:VirtualMachine",
  nodeBackup: "pusdat:index:NodeBackup",
  apiAccess: "pusdat:index:ApiAccess",
  /** The SPLP dynamic resource: the SDK fixes `pulumi-nodejs:dynamic/<module>:<type>` (module pusdat, type SplpAccess). */
  splpAccess: "pulumi-nodejs:dynamic/pusdat:SplpAccess",
} as const;

/**
 * A dynamic resource carries its provider's serialized code as the input `__provider`. The plan
 * cannot compute that text (the SDK serializes at run time) and it says nothing about the request,
 * so the plan and the mock capture both show this stand-in in its place.
 */
export const DYNAMIC_PROVIDER_INPUT = "__provider";
export const DYNAMIC_PROVIDER_STANDIN = "(kode penyedia dinamis: infra/program/splp-provider.ts)";

/** The SPLP resource's outputs the engine keeps encrypted: the application's credentials. */
export const SPLP_SECRET_OUTPUTS = ["consumerKey", "consumerSecret", "apikey"];

export const PROVIDER_TYPE = (pkg: string) => `pulumi:providers:${pkg}`;
export const PROVIDERS = ["cloudflare", "proxmoxve", "command", "random"] as const;

/** Child resources are named `<request id>-<role>`. */
export const ROLE = { dns: "dns", account: "account", password: "password", vm: "vm", exchange: "exchange" } as const;
export type Role = (typeof ROLE)[keyof typeof ROLE];
export const childName = (id: string, role: Role) => `${id}-${role}`;

/** The request id a child resource was built for, or undefined when the name does not follow the convention. */
export function requestIdOf(resourceName: string, role: Role): string | undefined {
  return resourceName.endsWith(`-${role}`) ? resourceName.slice(0, -role.length - 1) : undefined;
}

/** One backup job per Proxmox node. */
export const backupJobName = (node: string) => `backup-${node}`;
/** What a backup job belongs to in the plan: no single request. */
export const BACKUP_OWNER = "backup";

/** Cloudflare tags are `key:value`; Proxmox tags are bare words, so their prefixes end in '-'. */
export const DNS_TAG = { id: "pusdat-id:", opd: "opd:", notaDinas: "nota-dinas:" } as const;
export const VM_TAG = { marker: "pusdat", id: "req-", opd: "opd-", notaDinas: "nd-" } as const;
/** Every DNS record comment starts with this and the request id. */
export const DNS_COMMENT_PREFIX = "pusdat";

/** Environment variables of the WHM command: the only way request values reach it. */
export const WHM_ENV = {
  username: "PUSDAT_USERNAME",
  domain: "PUSDAT_DOMAIN",
  plan: "PUSDAT_PLAN",
  contactEmail: "PUSDAT_CONTACT_EMAIL",
  password: "PUSDAT_PASSWORD",
  suspended: "PUSDAT_SUSPENDED",
  suspendReason: "PUSDAT_SUSPEND_REASON",
  /** spec.passwordRotation; set only once a rotation was requested. */
  passwordRotation: "PUSDAT_PASSWORD_ROTATION",
} as const;

/** What @pulumi/command puts in the environment of update/delete: the previous run's stdout. */
export const COMMAND_PREVIOUS_STDOUT = "PULUMI_COMMAND_STDOUT";

/** The fixed command text @pulumi/command runs; the policy pack checks the program uses exactly these. */
export const WHM_COMMANDS = { create: "node scripts/whm.js create", update: "node scripts/whm.js update", delete: "node scripts/whm.js delete" } as const;

/** What the zone id is while it is still to be looked up by name (no `cloudflareZoneId` in the stack). */
export const ZONE_BY_NAME = "zone-by-name";
