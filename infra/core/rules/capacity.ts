/**
 * Aggregate rules: per-node capacity with overcommit, and per-OPD totals. Capacity is granted first
 * come, first served (Nota Dinas date, then id): the request that no longer fits gets the finding.
 * Decommissioned requests hold no capacity.
 */
import type { Ceilings } from "../config/ceilings";
import type { SiteConfig } from "../config/site";
import { type Amounts, type Usage, usageOf } from "../kinds";
import type { LoadedRequest } from "../load/requests";
import type { Rule, RuleContext } from "./types";
import type { Finding } from "../findings";
import { found } from "./types";

export type { Amounts };

export interface Overrun<T> {
  item: T;
  key: string;
  field: string;
  before: number;
  after: number;
  limit: number;
}

/** Adds up `amounts` per key in the given order and reports every item that takes a key past its limit. */
export function overruns<T>(items: T[], keyOf: (t: T) => string, amountsOf: (t: T) => Amounts, limitsOf: (key: string) => Amounts | undefined): Overrun<T>[] {
  const used = new Map<string, Amounts>();
  const limitsByKey = new Map<string, Amounts | undefined>(); // asked once per key, not per item
  const out: Overrun<T>[] = [];
  for (const item of items) {
    const key = keyOf(item);
    let limits = limitsByKey.get(key);
    if (limits === undefined && !limitsByKey.has(key)) limitsByKey.set(key, (limits = limitsOf(key)));
    if (!limits) continue;
    const u = used.get(key) ?? {};
    used.set(key, u);
    const amounts = amountsOf(item);
    for (const field in amounts) {
      const amount = amounts[field]!;
      const before = u[field] ?? 0;
      const after = before + amount;
      u[field] = after;
      const limit = limits[field];
      if (limit !== undefined && after > limit) out.push({ item, key, field, before, after, limit });
    }
  }
  return out;
}

export const UNIT: Record<string, string> = { cpu: "inti", memoryGb: "GB", diskGb: "GB", hostingAccounts: "akun", subdomains: "subdomain" };
export const LABEL: Record<string, string> = { cpu: "CPU", memoryGb: "memori", diskGb: "disk", hostingAccounts: "akun hosting", subdomains: "subdomain" };
const FACTOR = { cpu: "cpu", memoryGb: "memory", diskGb: "disk" } as const;

/** What a node may carry: its capacity times the overcommit factor of each resource. */
export function nodeLimits(site: SiteConfig, node: string): Amounts | undefined {
  const n = site.proxmox.nodes[node];
  if (!n) return undefined;
  const o = site.proxmox.overcommit;
  return { cpu: n.cores * o.cpu, memoryGb: n.memoryGb * o.memory, diskGb: n.diskGb * o.disk };
}

export function nodeOverrunMessage(site: SiteConfig, o: Overrun<unknown>): string {
  const n = site.proxmox.nodes[o.key]!;
  const raw = o.field === "cpu" ? n.cores : o.field === "memoryGb" ? n.memoryGb : n.diskGb;
  const factor = site.proxmox.overcommit[FACTOR[o.field as keyof typeof FACTOR]];
  const u = UNIT[o.field];
  return `kapasitas ${LABEL[o.field]} node ${o.key} terlampaui: ${o.after} ${u} dari ${o.limit} ${u} (${raw} ${u} × overcommit ${factor}); sisa sebelum permintaan ini ${Math.max(0, o.limit - o.before)} ${u}`;
}

export const opdKey = (opd: string) => opd.trim().replace(/\s+/g, " ").toLowerCase();

export function opdLimits(c: Ceilings["opd-totals"]): Amounts {
  return { cpu: c.maxCores, memoryGb: c.maxMemoryGb, diskGb: c.maxDiskGb, hostingAccounts: c.maxHostingAccounts, subdomains: c.maxSubdomains };
}

export function opdOverrunMessage(opd: string, o: Overrun<unknown>): string {
  const u = UNIT[o.field];
  return `total ${LABEL[o.field]} OPD ${JSON.stringify(opd)} menjadi ${o.after} ${u}; batas per OPD ${o.limit} ${u} (sudah terpakai ${o.before} ${u})`;
}

const usagesOf = new WeakMap<RuleContext, { ref: LoadedRequest; usage: Usage }[]>();

/** Every active request's usage in arrival order, once per validation (both capacity rules read it). */
function usages(ctx: RuleContext): { ref: LoadedRequest; usage: Usage }[] {
  let list = usagesOf.get(ctx);
  if (list) return list;
  list = [];
  for (const ref of ctx.requests) {
    const usage = usageOf(ref.request);
    if (usage) list.push({ ref, usage });
  }
  usagesOf.set(ctx, list);
  return list;
}

export const nodeCapacity: Rule = (ctx) => {
  const onNodes = usages(ctx).filter((i) => i.usage.node !== undefined);
  return overruns(onNodes, (i) => i.usage.node!, (i) => i.usage.amounts, (k) => nodeLimits(ctx.site, k)).map(
    (o) => found(o.item.ref, ["spec", o.field], nodeOverrunMessage(ctx.site, o)),
  );
};

/** Only what the kabupaten itself provides counts: local VMs, hosting accounts, subdomains. */
export const opdTotals: Rule = (ctx) => {
  const limits = opdLimits(ctx.ceilings["opd-totals"]);
  const keys = new Map<string, string>(); // many requests per OPD: normalise each spelling once
  const keyOf = (opd: string) => keys.get(opd) ?? keys.set(opd, opdKey(opd)).get(opd)!;
  return overruns(usages(ctx), (i) => keyOf(i.ref.request.metadata.opd), (i) => i.usage.amounts, () => limits).map((o): Finding => {
    const path = o.field in FACTOR ? ["spec", o.field] : o.item.usage.countPath;
    return found(o.item.ref, path, opdOverrunMessage(o.item.ref.request.metadata.opd, o));
  });
};
