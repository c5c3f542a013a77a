/**
 * One request as the dashboard names it: its state, what it is in public words, and (internal
 * dashboards only) where it runs and at which address. Contact details and SSH keys are never read.
 */
import type { SiteConfig } from "../config/site";
import type { Kind, Request } from "../model/kinds";
import type { ServiceStatus } from "./types";

export const KIND_LABELS: Record<Kind, string> = {
  Subdomain: "Subdomain",
  HostingAccount: "Akun hosting",
  VirtualMachine: "Server virtual (VPS)",
  ApiAccess: "Akses API (SPLP)",
};

export const STATUS_LABELS: Record<ServiceStatus, string> = {
  active: "aktif",
  decommissioned: "dihentikan",
  "pdn-waiting": "menunggu PDN",
  "pdn-rejected": "ditolak PDN",
};

export const CHANNEL_LABELS: Record<string, string> = { "splp-nasional": "SPLP nasional", "pertukaran-lokal": "pertukaran data lokal" };

export function statusOf(r: Request): ServiceStatus {
  if (r.metadata.status === "decommissioned") return "decommissioned";
  if (r.kind === "VirtualMachine" && r.spec.location === "pdn") {
    if (r.spec.pdn?.state === "rejected") return "pdn-rejected";
    if (r.spec.pdn?.state !== "active") return "pdn-waiting";
  }
  return "active";
}

const size = (s: { cpu: number; memoryGb: number; diskGb: number }) => `${s.cpu} inti CPU, ${s.memoryGb} GB memori, ${s.diskGb} GB disk`;

/** The service's short name (a card's heading). */
export function nameOf(r: Request, site: SiteConfig): string {
  switch (r.kind) {
    case "Subdomain":
      return `${r.spec.name}.${site.zone}`;
    case "HostingAccount":
      return `${r.spec.domain}.${site.zone}`;
    case "VirtualMachine":
      return `VPS ${r.metadata.id}`;
    case "ApiAccess":
      return r.spec.provider.api;
  }
}

/** What the service is, without an address or a placement. */
export function titleOf(r: Request, site: SiteConfig): string {
  switch (r.kind) {
    case "Subdomain":
      return `${r.spec.name}.${site.zone}`;
    case "HostingAccount":
      return `${r.spec.domain}.${site.zone} (paket ${r.spec.plan})`;
    case "VirtualMachine": {
      const where = r.spec.location === "pdn" ? "Pusat Data Nasional" : "Pusat Komputasi daerah";
      const ticket = r.spec.location === "pdn" && r.spec.pdn ? `, e-Tiket ${r.spec.pdn.ticket}` : "";
      return `${size(r.spec)}, ${r.spec.os}, di ${where}${ticket}`;
    }
    case "ApiAccess":
      return `${r.spec.provider.api} dari ${r.spec.provider.opd} untuk ${r.spec.consumer.application} (${CHANNEL_LABELS[r.spec.channel] ?? r.spec.channel})`;
  }
}

/** Placement and addresses, for the data center's own staff (`--internal`). */
export function internalOf(r: Request): string | null {
  switch (r.kind) {
    case "Subdomain": {
      const t = r.spec.target;
      const rec = t.ip ? `A ${t.ip}` : t.ipv6 ? `AAAA ${t.ipv6}` : `CNAME ${t.cname}`;
      return `${rec}, ${r.spec.proxied ? "lewat proxy Cloudflare" : "tanpa proxy"}`;
    }
    case "HostingAccount":
      return `akun cPanel ${r.spec.username}`;
    case "VirtualMachine": {
      const parts = [`hostname ${r.spec.hostname}`];
      if (r.spec.node) parts.push(`node ${r.spec.node}`);
      if (r.spec.vmid !== undefined) parts.push(`VMID ${r.spec.vmid}`);
      if (r.spec.ip) parts.push(`IP ${r.spec.ip}`);
      if (r.spec.pdn?.address) parts.push(`alamat PDN ${r.spec.pdn.address}`);
      if (r.spec.ports.length) parts.push(`port ${r.spec.ports.join(", ")}`);
      return parts.join(", ");
    }
    case "ApiAccess":
      return r.spec.exchange ? `API ${r.spec.exchange.api} ${r.spec.exchange.version}, tier ${r.spec.exchange.tier}` : null;
  }
}

/** Host names of the data center's own servers, hidden from a public dashboard's free texts. */
export function internalHosts(site: SiteConfig): string[] {
  const hosts = [hostOf(site.proxmox.endpoint)];
  for (const c of Object.values(site.splp?.channels ?? {})) hosts.push(hostOf(c.baseUrl), hostOf(c.gatewayUrl));
  return [...new Set(hosts.filter((h): h is string => !!h))];
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** `Dinas Perdagangan` → `dinas-perdagangan`; unique within `taken` (a suffix -2, -3, … otherwise). */
export function slugOf(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "opd";
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
