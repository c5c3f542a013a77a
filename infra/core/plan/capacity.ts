/** Capacity per node and totals per OPD, before and after: what the Kabid weighs before merging. */
import type { Ceilings } from "../config/ceilings";
import type { SiteConfig } from "../config/site";
import type { LoadedRequest } from "../load/requests";
import { type Amounts, nodeLimits, opdKey, opdLimits } from "../rules/capacity";

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
    const key = opdKey(r.metadata.opd);
    const opd = opds.get(key) ?? opds.set(key, { key, label: r.metadata.opd, used: { cpu: 0, memoryGb: 0, diskGb: 0, hostingAccounts: 0, subdomains: 0 }, limit: opdLimits(ceilings["opd-totals"]) }).get(key)!;
    if (r.kind === "VirtualMachine" && r.spec.location === "pusat-komputasi") {
      const size = { cpu: r.spec.cpu, memoryGb: r.spec.memoryGb, diskGb: r.spec.diskGb };
      const node = nodes.get(r.spec.node!);
      if (node) add(node, size);
      add(opd, size);
    } else if (r.kind === "HostingAccount") add(opd, { hostingAccounts: 1 });
    else if (r.kind === "Subdomain") add(opd, { subdomains: 1 });
  }
  const sorted = (m: Map<string, Usage>) => [...m.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  return { nodes: sorted(nodes), opds: sorted(opds) };
}
