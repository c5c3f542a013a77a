/**
 * The planner: approved requests + site configuration → the resources that should exist. Pure: no
 * Pulumi here, so every decision (names, tags, protection, what a decommission does) is tested as
 * plain data, and the Pulumi components only copy these values into resource arguments.
 *
 * Resource names derive from the request id alone and never change: renaming one would make Pulumi
 * replace (delete and recreate) what it names.
 */
import type { SiteConfig, Template } from "../config/site";
import type { LoadedRequest } from "../load/requests";
import type { ApiAccess, HostingAccount, Request, Subdomain, VirtualMachine } from "../model/kinds";
import { fullName } from "../rules/dns";
import { poolOf } from "../rules/vm";
import { dnsComment, dnsTags, vmTags } from "./tags";
import { KINDS, planInto } from "../kinds";
import { childName, ROLE, backupJobName } from "../naming";
import { channelPlace, splpApplicationName } from "../config/splp";
import type { ApiAccessPlan } from "./splp";

export interface DnsRecordPlan {
  name: string;
  fullName: string;
  type: "A" | "AAAA" | "CNAME";
  content: string;
  proxied: boolean;
  /** Cloudflare's value: 1 means automatic. */
  ttl: number;
  comment: string;
  tags: string[];
}

export interface SubdomainPlan {
  id: string;
  status: Request["metadata"]["status"];
  fullName: string;
  /** null once decommissioned: the record is removed. */
  record: DnsRecordPlan | null;
}

export interface HostingPlan {
  id: string;
  status: Request["metadata"]["status"];
  username: string;
  domain: string;
  plan: string;
  contactEmail: string;
  suspended: boolean;
  /** Why the account is suspended, for WHM's record (the decommission Nota Dinas). */
  suspendReason: string;
  ftpHost: string;
  protect: boolean;
  /** spec.passwordRotation as text, "" when never rotated (no keepers: existing passwords stay). */
  passwordRotation: string;
  record: DnsRecordPlan | null;
}

export interface VmPlan {
  id: string;
  name: string;
  status: Request["metadata"]["status"];
  node: string;
  vmid: number;
  hostname: string;
  description: string;
  cores: number;
  cpuType: string;
  memoryMb: number;
  diskGb: number;
  /** Where the clone and its disks live: the template's datastore, else the site's. */
  datastore: string;
  template: { node: string; vmid: number };
  /** The template's disk settings, written back so the provider does not switch them off. */
  disk: DiskSettings;
  bridge: string;
  ipCidr: string;
  ip: string;
  gateway: string;
  adminUser: string;
  sshKeys: string[];
  tags: string[];
  started: boolean;
  onBoot: boolean;
  protection: boolean;
  protect: boolean;
}

export interface DiskSettings {
  discard?: "on" | "ignore";
  ssd?: boolean;
  cache?: "none" | "directsync" | "writethrough" | "writeback" | "unsafe";
  iothread?: boolean;
}

export interface BackupJobPlan {
  name: string;
  node: string;
  vmids: string[];
  schedule: string;
  storage: string;
  mode: string;
  pruneBackups: Record<string, string>;
}

export interface ManualStep {
  id: string;
  /** Machine-readable ids in English; scripts/plan-format.ts shows them in Bahasa Indonesia. */
  kind: "pdn-eticket" | "splp";
  state: string;
  text: string;
}

export interface Desired {
  zone: string;
  subdomains: SubdomainPlan[];
  hosting: HostingPlan[];
  vms: VmPlan[];
  backups: BackupJobPlan[];
  /** ApiAccess requests with spec.exchange: the SPLP resource pusdat provisions (splp.ts). */
  apiAccess: ApiAccessPlan[];
  manual: ManualStep[];
}

const AUTO_TTL = 1;

export function subdomainPlan(r: Subdomain, site: SiteConfig): SubdomainPlan {
  const full = fullName(r.spec.name, site.zone);
  const t = r.spec.target;
  const [type, content] = t.ip !== undefined ? (["A", t.ip] as const) : t.ipv6 !== undefined ? (["AAAA", t.ipv6] as const) : (["CNAME", t.cname!] as const);
  const active = r.metadata.status === "active";
  return {
    id: r.metadata.id,
    status: r.metadata.status,
    fullName: full,
    record: active
      ? {
          name: childName(r.metadata.id, ROLE.dns),
          fullName: full,
          type,
          content,
          proxied: r.spec.proxied,
          ttl: r.spec.ttl === "auto" ? AUTO_TTL : r.spec.ttl,
          comment: dnsComment(r),
          tags: dnsTags(r),
        }
      : null,
  };
}

export function hostingPlan(r: HostingAccount, site: SiteConfig): HostingPlan {
  const full = fullName(r.spec.domain, site.zone);
  const active = r.metadata.status === "active";
  const nd = r.metadata.decommission?.notaDinas;
  return {
    id: r.metadata.id,
    status: r.metadata.status,
    username: r.spec.username,
    domain: full,
    plan: r.spec.plan,
    contactEmail: r.spec.contactEmail ?? r.metadata.contact.email,
    suspended: !active,
    suspendReason: nd ? `pusdat: dihentikan, Nota Dinas ${nd.number} (${nd.date})` : "",
    ftpHost: site.hosting.ftpHost,
    protect: active,
    passwordRotation: r.spec.passwordRotation === undefined ? "" : String(r.spec.passwordRotation),
    // The account's own site: proxied like any web front, always automatic TTL.
    record: active
      ? { name: childName(r.metadata.id, ROLE.dns), fullName: full, type: "A", content: site.hosting.server, proxied: true, ttl: AUTO_TTL, comment: dnsComment(r), tags: dnsTags(r) }
      : null,
  };
}

const diskSettings = (t: Template): DiskSettings =>
  Object.fromEntries((["discard", "ssd", "cache", "iothread"] as const).filter((k) => t[k] !== undefined).map((k) => [k, t[k]]));

export function vmPlan(r: VirtualMachine, site: SiteConfig): VmPlan {
  const s = r.spec;
  const pool = poolOf(s.ip!, site.proxmox.ipPools);
  if ("problem" in pool) throw new Error(`planner called on an invalid request: ${pool.problem}`);
  const prefix = pool.pool.cidr.split("/")[1];
  const active = r.metadata.status === "active";
  const template = site.proxmox.templates[s.os]!;
  return {
    id: r.metadata.id,
    name: childName(r.metadata.id, ROLE.vm),
    status: r.metadata.status,
    node: s.node!,
    vmid: s.vmid!,
    hostname: s.hostname,
    description: [
      `pusdat: ${r.metadata.id}`,
      `OPD: ${r.metadata.opd}`,
      `Nota Dinas: ${r.metadata.notaDinas.number} (${r.metadata.notaDinas.date})`,
      `Kegunaan: ${r.metadata.purpose}`,
      `Port: ${s.ports.join(", ") || "-"}`,
    ].join("\n"),
    cores: s.cpu,
    cpuType: site.proxmox.cpuType,
    memoryMb: s.memoryGb * 1024,
    diskGb: s.diskGb,
    datastore: template.datastore ?? site.proxmox.datastore,
    template: { node: template.node, vmid: template.vmid },
    disk: diskSettings(template),
    bridge: pool.pool.bridge,
    ipCidr: `${s.ip}/${prefix}`,
    ip: s.ip!,
    gateway: pool.pool.gateway,
    adminUser: site.proxmox.adminUser,
    sshKeys: [...s.sshKeys],
    tags: vmTags(r),
    started: active,
    onBoot: active,
    protection: active,
    protect: active,
  };
}

/** One job per node; a decommissioned VM stays in it until its final backup is recorded. */
function backupPlans(vms: VmPlan[], requests: VirtualMachine[], site: SiteConfig): BackupJobPlan[] {
  const b = site.proxmox.backup;
  const finalBackup = new Map(requests.map((r) => [r.metadata.id, r.metadata.decommission?.finalBackup]));
  return Object.keys(site.proxmox.nodes)
    .map((node) => ({
      name: backupJobName(node),
      node,
      vmids: vms
        .filter((v) => v.node === node && (v.status === "active" || !finalBackup.get(v.id)))
        .map((v) => v.vmid)
        .sort((a, b) => a - b)
        .map(String),
      schedule: b.schedule,
      storage: b.storage,
      mode: b.mode,
      pruneBackups: { "keep-daily": String(b.keepDaily), "keep-weekly": String(b.keepWeekly), "keep-monthly": String(b.keepMonthly) },
    }))
    .filter((j) => j.vmids.length > 0);
}

export function pdnStep(r: VirtualMachine): ManualStep {
  const s = r.spec;
  const state = s.pdn?.state ?? "not-submitted";
  const base = `${s.cpu} vCPU, ${s.memoryGb} GB RAM, disk ${s.diskGb} GB, ${s.os}, port ${s.ports.join("/") || "-"}, hostname ${s.hostname}`;
  const text =
    state === "not-submitted"
      ? `Ajukan e-Tiket VPS ke PDN untuk ${r.metadata.opd}: ${base}. Kegunaan: ${r.metadata.purpose}. Catat nomor tiket di spec.pdn.ticket.`
      : state === "submitted"
        ? `Tunggu penilaian PDN atas tiket ${s.pdn!.ticket} (${base}); catat status baru di spec.pdn.state.`
        : state === "approved"
          ? `Tiket ${s.pdn!.ticket} disetujui; catat alamat dari PDN di spec.pdn.address dan ubah state menjadi active.`
          : state === "active"
            ? `VPS PDN aktif di ${s.pdn!.address} (tiket ${s.pdn!.ticket}); uji akses dan siapkan Berita Acara.`
            : `Tiket ${s.pdn!.ticket} ditolak PDN; balas Nota Dinas OPD ${r.metadata.opd}.`;
  return { id: r.metadata.id, kind: "pdn-eticket", state, text };
}

/** What to ask of WSO2 when the request names it (spec.exchange); the provider approves an ON_HOLD subscription. */
function exchangeNote(r: ApiAccess): string {
  const ex = r.spec.exchange;
  if (!ex) return "";
  const key = r.spec.auth === "api-key" && ex.keyValidityDays ? `, API key ${ex.keyValidityDays} hari` : "";
  return ` Di WSO2: aplikasi ${splpApplicationName(r.metadata.id)}, langganan ${ex.api} ${ex.version} tier ${ex.tier}${key}; bila langganan ON_HOLD, menunggu persetujuan ${r.spec.provider.opd}.`;
}

export function splpStep(r: ApiAccess): ManualStep {
  const s = r.spec;
  const where = channelPlace(s.channel);
  const eps = s.endpoints.map((e) => `${e.method} ${e.path}`).join(", ");
  return {
    id: r.metadata.id,
    kind: "splp",
    state: r.metadata.status === "active" ? "awaiting-registration" : "decommissioned",
    text:
      r.metadata.status === "active"
        ? `Daftarkan aplikasi ${s.consumer.application} (${r.metadata.opd}) di ${where} untuk ${s.provider.api} milik ${s.provider.opd}: ${eps}; kredensial ${s.auth === "oauth2" ? "OAuth2" : "API key"} diserahkan sebagai rahasia.${exchangeNote(r)}`
        : `Cabut kredensial ${s.consumer.application} untuk ${s.provider.api} di ${where}.`,
  };
}

/** Every request through its kind's planner (kinds.ts), then what spans requests: one backup job per node. */
export function planResources(requests: ReadonlyArray<LoadedRequest>, site: SiteConfig): Desired {
  const d: Desired = { zone: site.zone, subdomains: [], hosting: [], vms: [], backups: [], apiAccess: [], manual: [] };
  // Kind by kind in the registry's order, each in arrival order: PDN e-Tiket steps before SPLP ones.
  for (const kind of KINDS) for (const { request } of requests) if (request.kind === kind) planInto(request, site, d);
  const local = requests.map((r) => r.request).filter((r): r is VirtualMachine => r.kind === "VirtualMachine" && r.spec.location === "pusat-komputasi");
  d.backups = backupPlans(d.vms, local, site);
  return d;
}
