/**
 * Where a new local VM goes: a node with room, the lowest free VMID, the lowest free IP. Pure: the
 * caller hands over every claim it could find (main, working tree, remote branches).
 *
 * Node rule: free = capacity × overcommit (site.proxmox) − use by active local VMs. A node is a
 * candidate when the VM fits: free CPU, memory and disk after placement all ≥ 0. Among candidates the
 * one with the most free CPU after placement wins; equal CPU → the most free memory; equal memory →
 * the most free disk; a full tie → the node name first in alphabetical order.
 */
import ipaddr from "ipaddr.js";
import type { IpPool, SiteConfig } from "../config/site";
import type { Size } from "./claims";

export interface NodeRoom {
  node: string;
  /** Free after placing the VM; negative when it does not fit. */
  free: Size;
}

export const fits = (r: NodeRoom) => r.free.cpu >= 0 && r.free.memoryGb >= 0 && r.free.diskGb >= 0;

export function roomAfter(site: SiteConfig, use: ReadonlyMap<string, Size>, size: Size): NodeRoom[] {
  const o = site.proxmox.overcommit;
  return Object.entries(site.proxmox.nodes).map(([node, n]) => {
    const u = use.get(node) ?? { cpu: 0, memoryGb: 0, diskGb: 0 };
    return {
      node,
      free: {
        cpu: n.cores * o.cpu - u.cpu - size.cpu,
        memoryGb: n.memoryGb * o.memory - u.memoryGb - size.memoryGb,
        diskGb: n.diskGb * o.disk - u.diskGb - size.diskGb,
      },
    };
  });
}

const byMostFree = (a: NodeRoom, b: NodeRoom) =>
  b.free.cpu - a.free.cpu || b.free.memoryGb - a.free.memoryGb || b.free.diskGb - a.free.diskGb || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);

export function chooseNode(site: SiteConfig, use: ReadonlyMap<string, Size>, size: Size): { node: string } | { problem: string } {
  const rooms = roomAfter(site, use, size);
  const best = rooms.filter(fits).sort(byMostFree)[0];
  if (best) return { node: best.node };
  const left = rooms
    .map((r) => `${r.node} CPU ${r.free.cpu + size.cpu} inti, memori ${r.free.memoryGb + size.memoryGb} GB, disk ${r.free.diskGb + size.diskGb} GB`)
    .join("; ");
  return { problem: `tidak ada node yang masih muat untuk ${size.cpu} inti, ${size.memoryGb} GB memori, ${size.diskGb} GB disk; sisa kapasitas: ${left}` };
}

export function lowestVmid(range: { min: number; max: number }, taken: ReadonlySet<number>): { vmid: number } | { problem: string } {
  for (let v = range.min; v <= range.max; v++) if (!taken.has(v)) return { vmid: v };
  return { problem: `semua VMID ${range.min}–${range.max} sudah dipakai (permintaan yang dihentikan tetap memegang VMID-nya)` };
}

const toInt = (ip: string) => ipaddr.IPv4.parse(ip).toByteArray().reduce((a, b) => a * 256 + b, 0);
const toIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");

/** Between `first` and `last` of each pool in order, never the network, gateway or broadcast address. */
export function lowestIp(pools: ReadonlyArray<IpPool>, taken: ReadonlySet<string>): { ip: string } | { problem: string } {
  for (const p of pools) {
    const [net, bits] = ipaddr.parseCIDR(p.cidr);
    const network = toInt(net.toString());
    const broadcast = network + 2 ** (32 - bits) - 1;
    const gateway = toInt(p.gateway);
    for (let n = toInt(p.first); n <= toInt(p.last); n++) {
      if (n === network || n === broadcast || n === gateway) continue;
      const ip = toIp(n);
      if (!taken.has(ip)) return { ip };
    }
  }
  const pools_ = pools.map((p) => `${p.name} ${p.first}–${p.last}`).join(", ");
  return { problem: `pool IP penuh: semua alamat di ${pools_} sudah dipakai (permintaan yang dihentikan tetap memegang IP-nya)` };
}
