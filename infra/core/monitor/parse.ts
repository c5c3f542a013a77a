/**
 * WHM and Proxmox answers (their `data`) → monitoring facts. Pure; unknown shapes are skipped, not
 * guessed at.
 */
import type { AccountFact, VmFact } from "./types";

const mb = (v: unknown): number | null => {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return null;
  const m = v.match(/^(\d+(?:\.\d+)?)M$/);
  return m ? Number(m[1]) : null;
};

/** WHM `listaccts` data: `{ acct: [{ user, suspended, diskused: "120M", disklimit: "5120M" | "unlimited" }] }`. */
export function accountsOf(data: Record<string, unknown>): Record<string, AccountFact> {
  const out: Record<string, AccountFact> = {};
  for (const a of (Array.isArray(data.acct) ? data.acct : []) as Record<string, unknown>[]) {
    if (typeof a.user !== "string") continue;
    out[a.user] = { user: a.user, suspended: a.suspended === 1 || a.suspended === "1", diskUsedMb: mb(a.diskused), diskLimitMb: mb(a.disklimit) };
  }
  return out;
}

/**
 * WHM `backup_date_list` data: `{ backup_set: ["2026-11-20T00:00:00.000Z", …] }` (the API reference's
 * form; older servers give bare dates), distinct, newest first, as given (they are the restore points).
 */
export function backupDatesOf(data: Record<string, unknown>): string[] {
  const set = Array.isArray(data.backup_set) ? data.backup_set : [];
  return [...new Set(set.filter((d): d is string => typeof d === "string" && /^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z)?$/.test(d)))].sort().reverse();
}

/** WHM `backup_user_list` data for one restore point: `{ user: [{ username, status }] }`; every user but those with status "no_backup". */
export function backupUsersOf(data: Record<string, unknown>): string[] {
  const users = Array.isArray(data.user) ? data.user : [];
  return (users as Record<string, unknown>[]).filter((u) => typeof u.username === "string" && u.status !== "no_backup").map((u) => u.username as string);
}

/** Proxmox `/cluster/resources?type=vm` data → VMs by VMID (qemu only). */
export function vmsOf(data: unknown): Record<string, VmFact> {
  const out: Record<string, VmFact> = {};
  for (const r of (Array.isArray(data) ? data : []) as Record<string, unknown>[]) {
    if (r.type !== "qemu" || typeof r.vmid !== "number" || typeof r.node !== "string") continue;
    out[String(r.vmid)] = {
      vmid: r.vmid,
      node: r.node,
      status: typeof r.status === "string" ? r.status : "unknown",
      cpu: typeof r.cpu === "number" ? r.cpu : 0,
      memBytes: typeof r.mem === "number" ? r.mem : 0,
      maxMemBytes: typeof r.maxmem === "number" ? r.maxmem : 0,
    };
  }
  return out;
}

const VZDUMP = /(?:^|[:/])vzdump-qemu-(\d+)-/;

/** Proxmox storage content (content=backup) → newest `ctime` (seconds) per VMID, merged into `into`. */
export function newestVzdumps(data: unknown, into: Record<string, number> = {}): Record<string, number> {
  for (const f of (Array.isArray(data) ? data : []) as Record<string, unknown>[]) {
    const m = typeof f.volid === "string" ? f.volid.match(VZDUMP) : null;
    if (!m || typeof f.ctime !== "number") continue;
    if (into[m[1]!] === undefined || f.ctime > into[m[1]!]!) into[m[1]!] = f.ctime;
  }
  return into;
}
