/** Capacity per node and totals per OPD, before and after: what the Kabid weighs before merging. */
import type { Ceilings } from "../config/ceilings";
import type { SiteConfig } from "../config/site";
import type { LoadedRequest } from "../load/requests";
import { type Amounts, usageOf } from "../kinds";
import { nodeLimits, opdKey, opdLimits } from "../rules/capacity";

export interface Usage {
  key: string;
  label: string;
  used: Amounts;
  limit: Amounts;
}

export function capacityReport(requests: ReadonlyArray<LoadedRequest>, site: SiteConfig, ceilings: Ceilings): { nodes: Usage[]; opds: Usage[] } {
  const nodes = new Map<string, Usage>(
    Object.keys(site.proxmox.nodes).map((n) => [n, { key: n, label: n, used: { cpu: 0, memoryGb: 0, diskGb: 0 }, limit: nodeLimits(site, n)! }]),
  );
  const opds = new Map<string, Usage>();
  const add = (u: Usage, a: Amounts) => {
    for (const [k, v] of Object.entries(a)) u.used[k] = (u.used[k] ?? 0) + v;
  };
  for (const { request: r } of requests) {
    if (r.metadata.status !== "active") continue;
    // Every OPD with an active request is listed, even one whose requests use no counted capacity.
    const key = opdKey(r.metadata.opd);
    const opd = opds.get(key) ?? opds.set(key, { key, label: r.metadata.opd, used: { cpu: 0, memoryGb: 0, diskGb: 0, hostingAccounts: 0, subdomains: 0 }, limit: opdLimits(ceilings["opd-totals"]) }).get(key)!;
    const u = usageOf(r);
    if (!u) continue;
    const node = u.node === undefined ? undefined : nodes.get(u.node);
    if (node) add(node, u.amounts);
    add(opd, u.amounts);
  }
  const sorted = (m: Map<string, Usage>) => [...m.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  return { nodes: sorted(nodes), opds: sorted(opds) };
}
