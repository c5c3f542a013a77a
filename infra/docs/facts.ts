/**
 * What was done, per kind, as the rows of a letter's detail table: the values an OPD needs to use
 * the service. Never a password or a token: the pipeline never gives one to the documents, and the
 * rows say where the secret goes instead ("diserahkan terpisah").
 */
import type { SiteConfig } from "../core/config/site";
import type { ApiAccess, HostingAccount, Request, Subdomain, VirtualMachine } from "../core/model/kinds";
import { tanggal } from "./bahasa";

export type Change = "create" | "update" | "decommission" | "remove";

export const SECRET_APART = "kata sandi diserahkan terpisah";

export const fqdn = (name: string, zone: string) => (name === "@" ? zone : `${name}.${zone}`).toLowerCase();

const PDN_STATE: Record<string, string> = { submitted: "Diajukan", approved: "Disetujui", active: "Aktif", rejected: "Ditolak" };
export const pdnState = (s: string) => PDN_STATE[s] ?? s;

/** The service as a phrase: "Sub Domain sibapo.contohkab.go.id". */
export function serviceName(r: Request, site: SiteConfig): string {
  switch (r.kind) {
    case "Subdomain":
      return `Sub Domain ${fqdn(r.spec.name, site.zone)}`;
    case "HostingAccount":
      return `Akun Hosting ${fqdn(r.spec.domain, site.zone)}`;
    case "VirtualMachine":
      return `${r.spec.location === "pdn" ? "VPS Pusat Data Nasional" : "VPS Pusat Komputasi"} ${r.spec.hostname}`;
    case "ApiAccess":
      return `Akses API ${r.spec.provider.api}`;
  }
}

function subdomainRows(r: Subdomain, site: SiteConfig): [string, string][] {
  const t = r.spec.target;
  const [type, target] = t.ip ? ["A", t.ip] : t.ipv6 ? ["AAAA", t.ipv6] : ["CNAME", t.cname ?? ""];
  return [
    ["Nama domain (FQDN)", fqdn(r.spec.name, site.zone)],
    ["Jenis rekaman DNS", type],
    ["Tujuan", target],
    ["Proksi Cloudflare", r.spec.proxied ? "Ya" : "Tidak"],
    ["TTL", r.spec.ttl === "auto" || r.spec.proxied ? "Otomatis" : `${r.spec.ttl} detik`],
  ];
}

function hostingRows(r: HostingAccount, site: SiteConfig): [string, string][] {
  const plan = site.hosting.plans[r.spec.plan];
  return [
    ["Nama domain (FQDN)", fqdn(r.spec.domain, site.zone)],
    ["Paket hosting", plan ? `${r.spec.plan} (disk ${plan.diskGb} GB, bandwidth ${plan.bandwidthGb} GB)` : r.spec.plan],
    ["Alamat FTP", site.hosting.ftpHost],
    ["Nama pengguna FTP/cPanel", r.spec.username],
    ["Kata sandi", "diserahkan terpisah kepada narahubung"],
    ["Email kontak akun", r.spec.contactEmail ?? r.metadata.contact.email],
  ];
}

function vmRows(r: VirtualMachine, site: SiteConfig): [string, string][] {
  const s = r.spec;
  const size = `${s.cpu} vCPU, memori ${s.memoryGb} GB, disk ${s.diskGb} GB`;
  const ports = s.ports.length ? s.ports.join(", ") : "-";
  if (s.location === "pdn") {
    return [
      ["Lokasi", "Pusat Data Nasional (PDN)"],
      ["Nama host", s.hostname],
      ["Spesifikasi", size],
      ["Sistem operasi", s.os],
      ["Nomor e-Tiket PDN", s.pdn?.ticket ?? "belum diajukan"],
      ["Status e-Tiket", s.pdn ? pdnState(s.pdn.state) : "-"],
      ["Alamat IP", s.pdn?.address ?? "belum diberikan oleh PDN"],
      ["Port yang dibuka", ports],
    ];
  }
  return [
    ["Lokasi", `Pusat Komputasi (node ${s.node ?? "-"}, VMID ${s.vmid ?? "-"})`],
    ["Nama host", s.hostname],
    ["Spesifikasi", size],
    ["Sistem operasi", s.os],
    ["Alamat IP", s.ip ?? "-"],
    ["Port yang dibuka", ports],
    ["Pengguna admin", site.proxmox.adminUser],
    ["Akses masuk", "kunci SSH yang diajukan; login dengan kata sandi dinonaktifkan"],
  ];
}

function apiRows(r: ApiAccess): [string, string][] {
  const s = r.spec;
  return [
    ["Kanal", s.channel === "splp-nasional" ? "SPLP Nasional" : "Server pertukaran data lokal"],
    ["Aplikasi pengguna", s.consumer.url ? `${s.consumer.application} (${s.consumer.url})` : s.consumer.application],
    ["Penyedia API", `${s.provider.opd}: ${s.provider.api}`],
    ["Persetujuan penyedia", `Nota Dinas ${s.provider.approval.notaDinas.number} tanggal ${tanggal(s.provider.approval.notaDinas.date)} (${s.provider.approval.approver})`],
    ["Endpoint", s.endpoints.map((e) => `${e.method} ${e.path}`).join("; ")],
    ["Data yang dipertukarkan", s.data.join(", ")],
    ["Autentikasi", s.auth === "oauth2" ? "OAuth2 (client credentials)" : "API key"],
    ["Kredensial", "diserahkan terpisah kepada narahubung"],
  ];
}

/** The technical rows of a request as it now stands. */
export function technicalRows(r: Request, site: SiteConfig): [string, string][] {
  switch (r.kind) {
    case "Subdomain":
      return subdomainRows(r, site);
    case "HostingAccount":
      return hostingRows(r, site);
    case "VirtualMachine":
      return vmRows(r, site);
    case "ApiAccess":
      return apiRows(r);
  }
}

/** Rows about using a service: meaningless once it is stopped. */
const ACCESS_ROWS = new Set(["Akses masuk", "Kata sandi", "Kredensial", "Port yang dibuka", "Pengguna admin"]);

/** The rows a document lists for a change: a stopped service without its access rows, with what was kept. */
export function serviceRows(r: Request, site: SiteConfig, change: Change): [string, string][] {
  if (change !== "decommission") return technicalRows(r, site);
  return [...technicalRows(r, site).filter(([l]) => !ACCESS_ROWS.has(l)), ...decommissionRows(r)];
}

/** Decommissioning: which Nota Dinas asked for it and which final backup is kept. */
export function decommissionRows(r: Request): [string, string][] {
  const d = r.metadata.decommission;
  if (!d) return [];
  const rows: [string, string][] = [["Nota Dinas penghentian", `${d.notaDinas.number} tanggal ${tanggal(d.notaDinas.date)}`]];
  if (r.kind === "VirtualMachine" || r.kind === "HostingAccount") rows.push(["Cadangan terakhir yang disimpan", d.finalBackup ?? "tidak ada (tidak ada data yang dibangun)"]);
  return rows;
}

/** The Nota Dinas a document answers: the decommissioning one for a decommission, else the request's. */
export function citedNotaDinas(r: Request, change: Change): { number: string; date: string } {
  return change === "decommission" && r.metadata.decommission ? r.metadata.decommission.notaDinas : r.metadata.notaDinas;
}

/**
 * The documents a change gets. Every change but a removal (the file deleted after a decommission
 * already documented) gets a Berita Acara and a Nota Dinas Balasan, except a PDN VPS not yet active
 * (nothing was built locally: the reply reports the e-Tiket); a new API access also gets the agreement.
 */
export function documentTypes(r: Request, change: Change): ("berita-acara" | "nota-dinas-balasan" | "perjanjian-api")[] {
  if (change === "remove") return [];
  const pdnPending = r.kind === "VirtualMachine" && r.spec.location === "pdn" && change !== "decommission" && r.spec.pdn?.state !== "active";
  const out: ("berita-acara" | "nota-dinas-balasan" | "perjanjian-api")[] = pdnPending ? ["nota-dinas-balasan"] : ["berita-acara", "nota-dinas-balasan"];
  if (r.kind === "ApiAccess" && change === "create") out.push("perjanjian-api");
  return out;
}
