/**
 * What a request claims for as long as its file exists, active or decommissioned: its id, its DNS
 * name, its cPanel username, and for a local VM its VMID, IP and hostname (an active one also holds
 * node capacity). Claims are read loosely from any request text — main, the working tree, a colleague's
 * pushed branch — because a half-written request on another branch still holds what it names.
 */

export interface VmClaim {
  location?: string;
  node?: string;
  vmid?: number;
  ip?: string;
  hostname?: string;
  cpu?: number;
  memoryGb?: number;
  diskGb?: number;
}

export interface Claim {
  /** Where it was read, as the technician should be told: `requests/vm/x.yaml` or `origin/permintaan/x:requests/vm/x.yaml`. */
  source: string;
  id?: string;
  kind?: string;
  active: boolean;
  opd?: string;
  /** Subdomain `spec.name` or HostingAccount `spec.domain`, lower case (both live under the one zone). */
  name?: string;
  username?: string;
  vm?: VmClaim;
}

const rec = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === "number" && Number.isInteger(v) ? v : undefined);

/** The claim of one parsed request document (any shape); null when it is not a request at all. */
export function claimOf(value: unknown, source: string): Claim | null {
  const doc = rec(value);
  const meta = rec(doc.metadata);
  const spec = rec(doc.spec);
  const kind = str(doc.kind);
  const id = str(meta.id);
  if (kind === undefined && id === undefined) return null;
  const claim: Claim = { source, id, kind, active: meta.status !== "decommissioned", opd: str(meta.opd) };
  if (kind === "Subdomain") claim.name = str(spec.name)?.toLowerCase();
  if (kind === "HostingAccount") {
    claim.name = str(spec.domain)?.toLowerCase();
    claim.username = str(spec.username);
  }
  if (kind === "VirtualMachine") {
    claim.vm = {
      location: str(spec.location),
      node: str(spec.node),
      vmid: int(spec.vmid),
      ip: str(spec.ip),
      hostname: str(spec.hostname),
      cpu: int(spec.cpu),
      memoryGb: int(spec.memoryGb),
      diskGb: int(spec.diskGb),
    };
  }
  return claim;
}

export interface Size {
  cpu: number;
  memoryGb: number;
  diskGb: number;
}

/**
 * Node use by active local VMs. One request can appear in several places (main, the working tree,
 * branches): the first claim of each id counts, so callers list the working tree first, then main,
 * then the other branches. A VM proposed on another branch counts too: it will hold the room once merged.
 */
export function nodeUse(claims: ReadonlyArray<Claim>): Map<string, Size> {
  const seen = new Set<string>();
  const use = new Map<string, Size>();
  for (const c of claims) {
    if (c.id !== undefined) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
    }
    const vm = c.vm;
    if (!c.active || !vm || vm.location !== "pusat-komputasi" || vm.node === undefined) continue;
    const u = use.get(vm.node) ?? { cpu: 0, memoryGb: 0, diskGb: 0 };
    use.set(vm.node, { cpu: u.cpu + (vm.cpu ?? 0), memoryGb: u.memoryGb + (vm.memoryGb ?? 0), diskGb: u.diskGb + (vm.diskGb ?? 0) });
  }
  return use;
}

/** The first claim holding `key`, for "already used by …" messages. */
export function holder<T>(claims: ReadonlyArray<Claim>, key: (c: Claim) => T | undefined, value: T): Claim | undefined {
  return claims.find((c) => key(c) === value);
}
