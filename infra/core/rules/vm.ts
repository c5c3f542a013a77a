/** Virtual machine rules (SOP 4, 7, 10): placement on the local cluster, ceilings, PDN tracking. */
import ipaddr from "ipaddr.js";
import type { Ceilings } from "../config/ceilings";
import type { IpPool, SiteConfig } from "../config/site";
import { show } from "../model/issues";
import { parseAddress, parseCidr } from "./dns";
import type { Rule, VmRef } from "./types";
import type { Finding } from "../findings";
import { duplicates, isActive, ofKind, found } from "./types";

export interface VmSize {
  cpu: number;
  memoryGb: number;
  diskGb: number;
}

export type SizeField = keyof VmSize;

/** Per-VM ceilings; each violation names the field it is about. */
export function vmCeilingProblems(size: VmSize, c: Ceilings["vm-ceiling"]): { field: SizeField; message: string }[] {
  const out: { field: SizeField; message: string }[] = [];
  if (size.cpu > c.maxCores) out.push({ field: "cpu", message: `cpu ${size.cpu} inti melebihi batas per VM; yang diizinkan: 1–${c.maxCores} inti` });
  if (size.memoryGb > c.maxMemoryGb) out.push({ field: "memoryGb", message: `memoryGb ${size.memoryGb} GB melebihi batas per VM; yang diizinkan: 1–${c.maxMemoryGb} GB` });
  if (size.diskGb > c.maxDiskGb) out.push({ field: "diskGb", message: `diskGb ${size.diskGb} GB melebihi batas per VM; yang diizinkan: 1–${c.maxDiskGb} GB` });
  return out;
}

export const templateProblem = (os: string, site: SiteConfig): string | null =>
  site.proxmox.templates[os] ? null : `templat ${show(os)} tidak ada; yang diizinkan: ${Object.keys(site.proxmox.templates).join(", ")}`;

/** A clone's disk starts as the template's and can only grow: a smaller request would fail at apply time. */
export function templateDiskProblem(os: string, diskGb: number, site: SiteConfig, maxDiskGb: number): string | null {
  const min = site.proxmox.templates[os]?.diskGb;
  return min !== undefined && diskGb < min ? `diskGb ${diskGb} GB lebih kecil dari disk templat ${os} (${min} GB); yang diizinkan: ${min}–${maxDiskGb} GB` : null;
}

export const nodeProblem = (node: string, site: SiteConfig): string | null =>
  site.proxmox.nodes[node] ? null : `node ${show(node)} tidak ada; yang diizinkan: ${Object.keys(site.proxmox.nodes).join(", ")}`;

export function vmidProblem(vmid: number, site: SiteConfig): string | null {
  const { min, max } = site.proxmox.vmidRange;
  return vmid < min || vmid > max ? `vmid ${vmid} di luar rentang; yang diizinkan: ${min}–${max}` : null;
}

/** The pool an address belongs to, or why it may not be given to a VM. */
export function poolOf(ip: string, pools: ReadonlyArray<IpPool>): { pool: IpPool } | { problem: string } {
  const addr = parseAddress(ip);
  const pool = addr?.kind() === "ipv4" ? pools.find((p) => addr.match(parseCidr(p.cidr))) : undefined;
  const allowed = pools.map((p) => `${p.first}–${p.last}`).join(", ");
  if (!pool) return { problem: `ip ${ip} tidak berada di pool IP mana pun; yang diizinkan: ${allowed}` };
  const [net, bits] = parseCidr(pool.cidr);
  const n = toInt(ip);
  const network = toInt(net.toString()) >>> 0;
  const broadcast = (network + 2 ** (32 - bits) - 1) >>> 0;
  if (n === network) return { problem: `ip ${ip} adalah alamat jaringan ${pool.cidr}; yang diizinkan: ${allowed}` };
  if (n === broadcast) return { problem: `ip ${ip} adalah alamat broadcast ${pool.cidr}; yang diizinkan: ${allowed}` };
  if (ip === pool.gateway) return { problem: `ip ${ip} adalah gateway pool ${pool.name}; yang diizinkan: ${allowed}` };
  if (n < toInt(pool.first) || n > toInt(pool.last)) return { problem: `ip ${ip} di luar rentang alokasi pool ${pool.name}; yang diizinkan: ${allowed}` };
  return { pool };
}

const toInt = (ip: string) => ipaddr.IPv4.parse(ip).toByteArray().reduce((a, b) => a * 256 + b, 0);

const localVms = (ctx: Parameters<Rule>[0]) => ofKind(ctx, "VirtualMachine").filter((r) => r.request.spec.location === "pusat-komputasi");

/** node/vmid/ip belong to pusat-komputasi (and are required there); pdn belongs to pdn. */
export const vmLocationFields: Rule = (ctx) =>
  ofKind(ctx, "VirtualMachine").flatMap((ref) => {
    const s = ref.request.spec;
    const out: Finding[] = [];
    if (s.location === "pusat-komputasi") {
      for (const f of ["node", "vmid", "ip"] as const) {
        if (s[f] === undefined) out.push(found(ref, ["spec"], `kolom wajib spec.${f} tidak ada; lokasi pusat-komputasi memerlukan node, vmid dan ip (diisi oleh pusdat new)`));
      }
      if (s.pdn) out.push(found(ref, ["spec", "pdn"], "spec.pdn hanya untuk location: pdn"));
    } else {
      for (const f of ["node", "vmid", "ip"] as const) {
        if (s[f] !== undefined) out.push(found(ref, ["spec", f], `spec.${f} hanya untuk location: pusat-komputasi; VPS PDN dialokasikan oleh PDN`));
      }
      if (s.pdn?.state === "active" && !s.pdn.address) {
        out.push(found(ref, ["spec", "pdn", "state"], "pdn.state active memerlukan pdn.address (alamat yang diberikan PDN)"));
      }
    }
    return out;
  });

export const vmPlacement: Rule = (ctx) =>
  ofKind(ctx, "VirtualMachine").flatMap((ref) => {
    const s = ref.request.spec;
    const out: Finding[] = [];
    const add = (field: string, problem: string | null) => problem && out.push(found(ref, ["spec", field], problem));
    add("os", templateProblem(s.os, ctx.site));
    if (s.location !== "pusat-komputasi") return out;
    if (isActive(ref)) add("diskGb", templateDiskProblem(s.os, s.diskGb, ctx.site, ctx.ceilings["vm-ceiling"].maxDiskGb));
    if (s.node !== undefined) add("node", nodeProblem(s.node, ctx.site));
    if (s.vmid !== undefined) add("vmid", vmidProblem(s.vmid, ctx.site));
    if (s.ip !== undefined) {
      const p = poolOf(s.ip, ctx.site.proxmox.ipPools);
      add("ip", "problem" in p ? p.problem : null);
    }
    return out;
  });

/** VMID, IP and hostname stay taken while the VM exists, decommissioned (stopped) or not. */
export const vmUnique: Rule = (ctx) => {
  const out: Finding[] = [];
  const vms = localVms(ctx);
  const check = (field: "vmid" | "ip" | "hostname", label: string) =>
    duplicates(vms, (r) => (r.request.spec[field] === undefined ? undefined : String(r.request.spec[field])), (dup, first) =>
      out.push(found(dup, ["spec", field], `${label} ${dup.request.spec[field]} sudah dipakai oleh ${first.file}; ${label} harus unik`)),
    );
  check("vmid", "vmid");
  check("ip", "ip");
  check("hostname", "hostname");
  return out;
};

export const vmCeilings: Rule = (ctx) =>
  ofKind(ctx, "VirtualMachine")
    .filter(isActive)
    .flatMap((ref: VmRef) =>
      vmCeilingProblems(ref.request.spec, ctx.ceilings["vm-ceiling"]).map((v) => found(ref, ["spec", v.field], v.message)),
    );
