/** Which services a monitoring round watches, from the opened project's requests. Pure. */
import type { LoadedRequest } from "../load/requests";
import type { Target } from "./types";

/**
 * Hosting accounts and local VMs (decommissioned ones too: they must stay suspended/stopped),
 * subdomains that are active, PDN VMs whose e-Tiket is active with an address. Sorted by kind, id.
 */
export function targetsOf(requests: LoadedRequest[]): Target[] {
  const out: Target[] = [];
  for (const { request: r } of requests) {
    const id = r.metadata.id;
    const decommissioned = r.metadata.status === "decommissioned";
    switch (r.kind) {
      case "HostingAccount":
        out.push({ kind: "hosting", id, user: r.spec.username, decommissioned });
        break;
      case "VirtualMachine":
        if (r.spec.location === "pusat-komputasi") {
          if (r.spec.node !== undefined && r.spec.vmid !== undefined) out.push({ kind: "vm", id, node: r.spec.node, vmid: r.spec.vmid, decommissioned });
        } else if (!decommissioned && r.spec.pdn?.state === "active" && r.spec.pdn.address) {
          out.push({ kind: "pdn", id, item: { id, change: "update", request: r } });
        }
        break;
      case "Subdomain":
        if (!decommissioned) out.push({ kind: "subdomain", id, item: { id, change: "update", request: r } });
        break;
      case "ApiAccess":
        break;
    }
  }
  const order = { hosting: 0, vm: 1, subdomain: 2, pdn: 3 };
  return out.sort((a, b) => order[a.kind] - order[b.kind] || a.id.localeCompare(b.id));
}
