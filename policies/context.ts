/**
 * What the policies judge against: the site configuration (zone, public ranges, plans, templates,
 * nodes) from `Pulumi.<stack>.yaml` and the ceilings from `policies/config.json`, read with the same
 * loaders as the validator. Inside the engine the stack comes from PUSDAT_STACK; `pusdat plan` sets
 * the context directly. Ceilings the engine passes (`--policy-pack-config`) override the file's.
 */
import * as path from "node:path";
import type { Ceilings } from "../infra/core/config/ceilings";
import { ceilingsOf, loadPolicyConfig, loadSiteConfig } from "../infra/core/config/load";
import type { SiteConfig } from "../infra/core/config/site";

export interface PolicyContext {
  site: SiteConfig;
  ceilings: Ceilings;
}

let current: PolicyContext | undefined;

export function setPolicyContext(ctx: PolicyContext | undefined): void {
  current = ctx;
}

export function policyContext(): PolicyContext {
  if (current) return current;
  const root = path.resolve(__dirname, "..");
  const stack = process.env.PUSDAT_STACK || "contoh";
  const site = loadSiteConfig(path.join(root, `Pulumi.${stack}.yaml`));
  const policy = loadPolicyConfig(path.join(root, "policies/config.json"));
  if (!site.ok || !policy.ok) {
    const problems = [...(site.ok ? [] : site.problems), ...(policy.ok ? [] : policy.problems)];
    throw new Error(`pusdat policy pack: konfigurasi tidak sah:\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.message}`).join("\n")}`);
  }
  return (current = { site: site.value, ceilings: ceilingsOf(policy.value) });
}

/** The file's ceiling for `key`, with whatever the engine's policy config says on top. */
export function ceiling<K extends keyof Ceilings>(key: K, engine: Record<string, unknown>): Ceilings[K] {
  return { ...policyContext().ceilings[key], ...engine } as Ceilings[K];
}

/** The request id a resource was built for: resources are named `<id>-<role>`. */
export function requestIdOf(resourceName: string, role: string): string | undefined {
  return resourceName.endsWith(`-${role}`) ? resourceName.slice(0, -role.length - 1) : undefined;
}
