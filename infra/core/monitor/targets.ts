/** Which services a monitoring round watches, from the opened project's requests. Pure. */
import type { LoadedRequest } from "../load/requests";
import type { Subdomain } from "../model/kinds";
import type { Target } from "./types";

/** What a decommissioned subdomain pointed at, and so what its name must no longer answer. */
function goneSubdomain(r: Subdomain, zone: string): Extract<Target, { kind: "subdomain"; decommissioned: true }> {
  const t = r.spec.target;
  const [type, value] = t.ip !== undefined ? (["A", t.ip] as const) : t.ipv6 !== undefined ? (["AAAA", t.ipv6] as const) : (["CNAME", t.cname!] as const);
  // A proxied record is published as the proxy's A/AAAA addresses (a CNAME is flattened to A).
  const asked = r.spec.proxied && type === "CNAME" ? "A" : type;
  return { kind: "subdomain", id: r.metadata.id, decommissioned: true, fqdn: `${r.spec.name}.${zone}`, type: asked, value, proxied: r.spec.proxied };
}

/**
 * Hosting accounts and local VMs (decommissioned ones too: they must stay suspended/stopped),
 * subdomains (decommissioned ones too: their record must be gone), PDN VMs whose e-Tiket is active
 * with an address, and decommissioned PDN VMs that had an address (their ports must be silent).
 * Sorted by kind, id.
 */
export function targetsOf(requests: LoadedRequest[], zone: string): Target[] {
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
          out.push({ kind: "pdn", id, decommissioned: false, item: { id, change: "update", request: r } });
        } else if (decommissioned && r.spec.pdn?.address && r.spec.ports.length) {
          out.push({ kind: "pdn", id, decommissioned: true, address: r.spec.pdn.address, ports: [...new Set(r.spec.ports)].sort((a, b) => a - b), ticket: r.spec.pdn.ticket });
        }
        break;
      case "Subdomain":
        out.push(decommissioned ? goneSubdomain(r, zone) : { kind: "subdomain", id, decommissioned: false, item: { id, change: "update", request: r } });
        break;
      case "ApiAccess":
        break;
    }
  }
  const order = { hosting: 0, vm: 1, subdomain: 2, pdn: 3 };
  return out.sort((a, b) => order[a.kind] - order[b.kind] || a.id.localeCompare(b.id));
}
