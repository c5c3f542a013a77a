/**
 * Which checks each request needs, by kind, status and change (SOP "tes akses"). Pure: the stack
 * configuration and the request in, a list of CheckSpecs out.
 */
import type { SiteConfig } from "../config/site";
import type { HostingAccount, Subdomain, VirtualMachine } from "../model/kinds";
import { apiChecks } from "./api";
import { DEFAULT_VERIFY } from "./config";
import type { CheckSpec, VerifyItem } from "./types";

/** The program publishes every hosting account's name as a proxied A record (infra/core/plan/desired.ts). */
export const HOSTING_RECORD_PROXIED = true;
/** The disk the program gives every VM (infra/program/components/vm.ts). */
export const VM_DISK = "scsi0";

const fqdnOf = (label: string, zone: string) => `${label}.${zone}`;

function webChecks(fqdn: string, type: "A" | "AAAA"): CheckSpec[] {
  return [
    { name: "dns", probe: "dns-resolves", fqdn, type },
    { name: "https", probe: "https", fqdn },
    { name: "tls", probe: "tls", fqdn },
  ];
}

function subdomainChecks(r: Subdomain, removed: boolean, site: SiteConfig): CheckSpec[] {
  const fqdn = fqdnOf(r.spec.name, site.zone);
  const t = r.spec.target;
  const [type, value] = t.ip !== undefined ? (["A", t.ip] as const) : t.ipv6 !== undefined ? (["AAAA", t.ipv6] as const) : (["CNAME", t.cname!] as const);
  if (removed || r.metadata.status === "decommissioned") return [{ name: "dns", probe: "dns-absent", fqdn, type }];
  // A proxied record answers with the proxy's addresses (a CNAME is flattened): the name must
  // resolve and the site must answer through it. Otherwise the answer must be the request itself.
  if (r.spec.proxied) return webChecks(fqdn, type === "AAAA" ? "AAAA" : "A");
  return [{ name: "dns", probe: "dns-equals", fqdn, type, expect: [value] }];
}

function hostingChecks(r: HostingAccount, id: string, removed: boolean, site: SiteConfig): CheckSpec[] {
  const user = r.spec.username;
  const fqdn = fqdnOf(r.spec.domain, site.zone);
  if (removed) return [{ name: "whm-account", probe: "whm-account", user, want: { state: "removed" } }, { name: "dns", probe: "dns-absent", fqdn, type: "A" }];
  if (r.metadata.status === "decommissioned") {
    return [{ name: "whm-account", probe: "whm-account", user, want: { state: "suspended" } }, { name: "dns", probe: "dns-absent", fqdn, type: "A" }];
  }
  return [
    { name: "whm-account", probe: "whm-account", user, want: { state: "active", plan: r.spec.plan } },
    // Behind the proxy public DNS cannot show the hosting server, so the server itself is asked for the site.
    ...(HOSTING_RECORD_PROXIED
      ? [...webChecks(fqdn, "A"), { name: "origin", probe: "https-origin", fqdn, address: site.hosting.server } as CheckSpec]
      : [{ name: "dns", probe: "dns-equals", fqdn, type: "A", expect: [site.hosting.server] } as CheckSpec]),
    { name: "cpanel-login", probe: "cpanel-login", id, user },
  ];
}

const portChecks = (host: string, ports: number[], sshPorts: number[]): CheckSpec[] =>
  [...new Set(ports)].sort((a, b) => a - b).map((port) => ({ name: `tcp-${port}`, probe: "tcp", host, port, ssh: sshPorts.includes(port) }));

function vmChecks(r: VirtualMachine, removed: boolean, sshPorts: number[]): CheckSpec[] {
  const s = r.spec;
  const active = r.metadata.status === "active" && !removed;
  if (s.location === "pdn") {
    const pdn = s.pdn;
    if (!active) return [{ name: "pdn", probe: "skip", reason: `VM PDN ${removed ? "dihapus" : "dihentikan"} lewat e-Tiket${pdn ? ` ${pdn.ticket}` : ""}; tidak diperiksa dari sini` }];
    if (!pdn || pdn.state !== "active" || !pdn.address) {
      const where = pdn ? `e-Tiket ${pdn.ticket} berstatus ${pdn.state}` : "e-Tiket belum dicatat";
      return [{ name: "pdn", probe: "skip", reason: `VM PDN belum aktif (${where}); tes akses menunggu status active dan alamatnya` }];
    }
    if (!s.ports.length) return [{ name: "pdn", probe: "skip", reason: `VM PDN ${pdn.address} aktif; tidak ada port yang diminta untuk diuji` }];
    return portChecks(pdn.address, s.ports, sshPorts);
  }
  const node = s.node!;
  const vmid = s.vmid!;
  if (removed) return [{ name: "proxmox-status", probe: "pve-status", node, vmid, want: "gone" }];
  if (!active) return [{ name: "proxmox-status", probe: "pve-status", node, vmid, want: "stopped" }];
  return [
    { name: "proxmox-status", probe: "pve-status", node, vmid, want: "running" },
    { name: "proxmox-config", probe: "pve-config", node, vmid, cpu: s.cpu, memoryGb: s.memoryGb, diskGb: s.diskGb },
    { name: "guest-agent-ip", probe: "pve-agent-ip", node, vmid, ip: s.ip! },
    ...portChecks(s.ip!, s.ports, sshPorts),
  ];
}

export function checksFor(item: VerifyItem, site: SiteConfig): CheckSpec[] {
  const removed = item.change === "remove";
  const r = item.request;
  switch (r.kind) {
    case "Subdomain":
      return subdomainChecks(r, removed, site);
    case "HostingAccount":
      return hostingChecks(r, item.id, removed, site);
    case "VirtualMachine":
      return vmChecks(r, removed, site.verify?.sshPorts ?? DEFAULT_VERIFY.sshPorts);
    case "ApiAccess":
      return apiChecks(r, item.id, removed);
  }
}

/** What each probe needs from the runner's environment, so missing credentials are a usage error up front. */
export function needs(specs: CheckSpec[]): { whm: boolean; proxmox: boolean; password: boolean } {
  return {
    whm: specs.some((s) => s.probe === "whm-account" || s.probe === "cpanel-login"),
    proxmox: specs.some((s) => s.probe.startsWith("pve-")),
    password: specs.some((s) => s.probe === "cpanel-login"),
  };
}
