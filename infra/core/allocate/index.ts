/** Allocation for `pusdat new`: names that are free, and where a new local VM goes. Pure functions. */
import type { SiteConfig } from "../config/site";
import { type Claim, nodeUse, type Size } from "./claims";
import { takenBy } from "./names";
import { chooseNode, lowestIp, lowestVmid } from "./place";

export * from "./claims";
export * from "./names";
export * from "./place";

export interface Placement {
  node: string;
  vmid: number;
  ip: string;
}

/** Node, VMID and IP for a new local VM of `size`, or every reason it cannot have them. */
export function placeVm(site: SiteConfig, claims: ReadonlyArray<Claim>, size: Size): { ok: true; placement: Placement } | { ok: false; problems: string[] } {
  const taken = takenBy(claims);
  const node = chooseNode(site, nodeUse(claims), size);
  const vmid = lowestVmid(site.proxmox.vmidRange, taken.vmids);
  const ip = lowestIp(site.proxmox.ipPools, taken.ips);
  const problems = [node, vmid, ip].flatMap((r) => ("problem" in r ? [r.problem] : []));
  if ("node" in node && "vmid" in vmid && "ip" in ip) return { ok: true, placement: { node: node.node, vmid: vmid.vmid, ip: ip.ip } };
  return { ok: false, problems };
}
