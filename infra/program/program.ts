/**
 * The Pulumi program: load and validate every request with the same model as `pusdat validate`,
 * fail closed on any finding, check the transition from the last deployment, then hand the planner's
 * result to one thin component per kind.
 */
import { getZoneOutput } from "@pulumi/cloudflare/getZone";
import * as pulumi from "@pulumi/pulumi";
import { Subdomain } from "./components/subdomain";
import { HostingAccount } from "./components/hosting";
import { VirtualMachine } from "./components/vm";
import { NodeBackup } from "./components/backup";
import { ApiAccess } from "./components/api-access";
import { subscriptionWait } from "../core/plan/splp";
import type { ConfigProblems, Project } from "../core/project";
import type { Desired } from "../core/plan/desired";
import type { SiteConfig } from "../core/config/site";
import { passwordProtected } from "../core/plan/resources";
import { Blocked, planProject } from "../core/plan";
import { type Inventory, transitionProblems } from "../core/plan/inventory";
import { createProviders, missingCredentials, stackHas } from "./providers";

export interface ProgramOptions {
  env?: NodeJS.ProcessEnv;
  /** The last deployment's inventory; by default read from this stack's own outputs. */
  previous?: Inventory;
  /**
   * Tests only: build even when cross-request rules fail, standing in for a program someone edited to
   * skip them, so the policy pack can be shown to stop what the validator would have. Not reachable
   * from the Pulumi entry point or the CLI.
   */
  skipRuleChecksForPolicyTests?: boolean;
}

/** The core decides (fail closed); the program only turns a refusal into the engine's error. */
export function prepare(opened: Project | ConfigProblems, skipRuleChecks = false) {
  try {
    const { project, desired, inventory } = planProject(opened, skipRuleChecks);
    return { site: project.site, requests: project.requests, desired, inventory };
  } catch (e) {
    throw e instanceof Blocked ? new pulumi.RunError(e.message) : e;
  }
}

async function previousInventory(): Promise<Inventory> {
  const self = new pulumi.StackReference(`${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`);
  const details = await self.getOutputDetails("inventory");
  return ((details.value ?? details.secretValue) as Inventory | undefined) ?? {};
}

/** The program, fed by the core's front door (`openProject`): it never reads a file itself. */
export async function runProgram(project: Project | ConfigProblems, opts: ProgramOptions = {}) {
  const env = opts.env ?? process.env;
  const { site, requests, desired, inventory } = prepare(project, opts.skipRuleChecksForPolicyTests);

  const previous = opts.previous ?? (await previousInventory());
  const moves = transitionProblems(previous, inventory);
  if (moves.length) throw new pulumi.RunError(`pusdat: perubahan ditolak; tidak ada yang diterapkan:\n${moves.map((m) => `  ${m.message}`).join("\n")}`);
  const missing = missingCredentials(requests, env, stackHas((ns) => new pulumi.Config(ns)));
  if (missing.length) throw new pulumi.RunError(`pusdat: kredensial tidak ada di lingkungan:\n${missing.map((m) => `  ${m}`).join("\n")}`);

  const providers = createProviders(site, env);
  const zoneId = site.cloudflareZoneId ?? getZoneOutput({ filter: { name: site.zone } }, { provider: providers[0] }).zoneId;
  return build(desired, zoneId, site, inventory, previous, { providers });
}

function build(d: Desired, zoneId: pulumi.Input<string>, site: SiteConfig, inventory: Inventory, previous: Inventory, opts: pulumi.ComponentResourceOptions) {
  const passwords: Record<string, pulumi.Output<string>> = {};
  const guestAgent = site.proxmox.guestAgent;
  const cloudflareTags = site.cloudflareTags;
  for (const s of d.subdomains) new Subdomain(s.id, { plan: s, zoneId, cloudflareTags }, opts);
  for (const h of d.hosting) {
    passwords[h.id] = new HostingAccount(h.id, { plan: h, zoneId, cloudflareTags, protectPassword: passwordProtected(h, previous) }, opts).password;
  }
  for (const v of d.vms) new VirtualMachine(v.id, { plan: v, guestAgent }, opts);
  for (const b of d.backups) new NodeBackup(b.name, { plan: b }, opts);
  const apiAccess: Record<string, unknown> = {};
  const apiCredentials: Record<string, pulumi.Output<Record<string, string>>> = {};
  for (const a of d.apiAccess) {
    const c = new ApiAccess(a.id, { plan: a }, opts);
    apiAccess[a.id] = {
      channel: a.channel,
      status: a.status,
      application: a.exchange?.inputs.application ?? null,
      subscriptionStatus: c.subscriptionStatus,
      // ON_HOLD is tracked as waiting for the provider OPD, not reported as a failure.
      waiting: c.subscriptionStatus.apply((s) => (s ? subscriptionWait(s, a.providerOpd) : null)),
    };
    const k = c.credentials;
    if (k) apiCredentials[a.id] = pulumi.all(a.auth === "api-key" ? { consumerKey: k.consumerKey, consumerSecret: k.consumerSecret, apikey: k.apikey } : { consumerKey: k.consumerKey, consumerSecret: k.consumerSecret });
  }
  return {
    zone: d.zone,
    subdomains: Object.fromEntries(d.subdomains.map((s) => [s.id, { fullName: s.fullName, status: s.status, address: s.record?.content ?? null }])),
    hosting: Object.fromEntries(d.hosting.map((h) => [h.id, { username: h.username, domain: h.domain, ftpHost: h.ftpHost, plan: h.plan, status: h.status }])),
    vms: Object.fromEntries(d.vms.map((v) => [v.id, { node: v.node, vmid: v.vmid, ip: v.ip, hostname: v.hostname, status: v.status }])),
    manualSteps: d.manual,
    // Delivered with `pulumi stack output hostingPasswords --show-secrets`, never printed otherwise.
    hostingPasswords: pulumi.secret(pulumi.all(passwords)),
    apiAccess,
    // Delivered to the consumer OPD with `pulumi stack output apiCredentials --show-secrets`; read by `pusdat verify`.
    apiCredentials: pulumi.secret(pulumi.all(apiCredentials)),
    inventory,
  };
}
