/**
 * `pusdat doctor`, the decisions: which Proxmox privileges the program needs on which path (from the
 * planned resources), and what the answers of Proxmox and Cloudflare say is missing. Pure; the
 * HTTP calls live in infra/doctor/probe.ts and the command only prints.
 */
import type { Desired } from "../core/plan/desired";
import type { SiteConfig } from "../core/config/site";

export interface Need {
  path: string;
  privileges: string[];
  /** The API calls that need them, for the technician (Bahasa Indonesia). */
  why: string;
}

const VM_CONFIG = ["VM.Config.Disk", "VM.Config.CPU", "VM.Config.Memory", "VM.Config.Network", "VM.Config.Options", "VM.Config.Cloudinit", "VM.Config.HWType"];

/** Every path the program touches, with the privileges its calls need there. */
export function proxmoxNeeds(d: Desired, site: SiteConfig): Need[] {
  const out: Need[] = [];
  if (d.vms.length === 0 && d.backups.length === 0) return out;
  out.push({ path: "/", privileges: ["Sys.Audit", ...(d.backups.length ? ["Sys.Modify"] : [])], why: "GET /cluster/resources, GET/POST/PUT /cluster/backup (job cadangan)" });
  const templates = new Map<number, string>();
  const stores = new Set<string>();
  const bridges = new Set<string>();
  for (const v of d.vms) {
    templates.set(v.template.vmid, v.template.node);
    stores.add(v.datastore);
    bridges.add(v.bridge);
    out.push({
      path: `/vms/${v.vmid}`,
      privileges: ["VM.Allocate", "VM.Audit", "VM.PowerMgmt", "VM.Migrate", ...VM_CONFIG],
      why: `VM ${v.id}: klon ke VMID ${v.vmid}, POST/PUT …/config, …/status/start|shutdown, …/migrate, GET …/status/current`,
    });
  }
  for (const vmid of [...templates.keys()].sort((a, b) => a - b)) {
    out.push({ path: `/vms/${vmid}`, privileges: ["VM.Clone", "VM.Audit"], why: `templat ${vmid}: POST /nodes/{node}/qemu/${vmid}/clone` });
  }
  for (const s of [...stores].sort()) {
    out.push({ path: `/storage/${s}`, privileges: ["Datastore.AllocateSpace", "Datastore.Audit"], why: `disk dan cloud-init di ${s} (klon, …/resize)` });
  }
  if (d.backups.length) {
    out.push({ path: `/storage/${site.proxmox.backup.storage}`, privileges: ["Datastore.Audit"], why: `GET /nodes/{node}/storage/${site.proxmox.backup.storage}/content (cadangan)` });
  }
  for (const b of [...bridges].sort()) {
    out.push({ path: `/sdn/zones/localnetwork/${b}`, privileges: ["SDN.Use"], why: `kartu jaringan pada bridge ${b}` });
  }
  return out;
}

/**
 * Proxmox's `GET /access/permissions?path=<p>` answer: `{ <path>: { <privilege>: <propagate 0|1> } }`.
 * A privilege is granted when its key is present, whatever its propagate flag.
 */
export type PermissionAnswer = Record<string, Record<string, number>>;

/** One line per path lacking something, in Bahasa Indonesia. */
export function missingPrivileges(needs: Need[], answers: Record<string, PermissionAnswer | undefined>): string[] {
  const out: string[] = [];
  for (const n of needs) {
    const have = answers[n.path]?.[n.path] ?? {};
    const missing = n.privileges.filter((p) => !(p in have));
    if (missing.length) out.push(`Proxmox ${n.path}: tidak ada ${missing.join(", ")} (${n.why})`);
  }
  return out;
}

export interface CloudflareAnswers {
  /** `GET /user/tokens/verify`; null when it could not be asked. */
  verify: { success?: boolean; result?: { status?: string } } | null;
  /** `GET /zones/{id}/dns_records?per_page=1`. */
  records: { success?: boolean; errors?: { code?: number; message?: string }[] } | null;
  /** `GET /zones?name=<zone>`, only when the stack has no zone id. */
  zone?: { success?: boolean; result?: { id?: string }[] } | null;
}

export function cloudflareProblems(a: CloudflareAnswers, site: SiteConfig): string[] {
  const out: string[] = [];
  if (!a.verify?.success || a.verify.result?.status !== "active") {
    out.push(`Cloudflare: token tidak aktif atau ditolak (GET /user/tokens/verify, status ${a.verify?.result?.status ?? "tidak diketahui"})`);
    return out;
  }
  if (!site.cloudflareZoneId && !(a.zone?.success && a.zone.result?.length)) {
    out.push(`Cloudflare: zona ${site.zone} tidak dapat dicari (GET /zones?name=${site.zone}); beri izin Zone → Zone → Read, atau isi pusdat:cloudflareZoneId`);
  }
  if (a.records && !a.records.success) {
    const why = (a.records.errors ?? []).map((e) => `${e.code ?? "?"} ${e.message ?? ""}`.trim()).join("; ") || "ditolak";
    out.push(`Cloudflare: rekaman DNS zona ${site.zone} tidak dapat dibaca (${why}); beri izin Zone → DNS → Edit pada zona ini`);
  }
  return out;
}
