/**
 * Names a new request may take, and what to offer when the one asked for is taken. Every claim
 * counts, decommissioned ones included: their names stay reserved while their files exist.
 */
import { usernameProblems } from "../rules/hosting";
import type { Claim } from "./claims";

export interface Taken {
  /** Ids in use → where. */
  ids: Map<string, string>;
  /** Subdomain names and hosting domains (lower case) → where. */
  names: Map<string, string>;
  usernames: Map<string, string>;
  /** Local VMs only, as vm-unique compares them. */
  hostnames: Map<string, string>;
  vmids: Set<number>;
  ips: Set<string>;
}

export function takenBy(claims: ReadonlyArray<Claim>): Taken {
  const t: Taken = { ids: new Map(), names: new Map(), usernames: new Map(), hostnames: new Map(), vmids: new Set(), ips: new Set() };
  const put = <K>(m: Map<K, string>, k: K | undefined, where: string) => k !== undefined && !m.has(k) && m.set(k, where);
  for (const c of claims) {
    put(t.ids, c.id, c.source);
    put(t.names, c.name, c.source);
    put(t.usernames, c.username, c.source);
    if (c.vm?.location === "pusat-komputasi") {
      put(t.hostnames, c.vm.hostname, c.source);
      if (c.vm.vmid !== undefined) t.vmids.add(c.vm.vmid);
      if (c.vm.ip !== undefined) t.ips.add(c.vm.ip);
    }
  }
  return t;
}

/** The first of `base`, `base-2`, `base-3`, … (within `max` characters) that `free` accepts. */
export function firstFree(base: string, free: (s: string) => boolean, max = 63): string | undefined {
  if (free(base)) return base;
  for (let n = 2; n < 1000; n++) {
    const s = `${base.slice(0, max - String(n).length - 1)}-${n}`;
    if (free(s)) return s;
  }
  return undefined;
}

const offer = (s: string | undefined) => (s ? `; yang masih bebas, mis.: ${s}` : "");

export function idTakenProblem(id: string, t: Taken): string | null {
  const where = t.ids.get(id);
  return where ? `id ${id} sudah dipakai oleh ${where}; id harus unik di antara semua permintaan${offer(firstFree(id, (s) => !t.ids.has(s)))}` : null;
}

/** Subdomain names and hosting domains share one namespace under the zone. */
export function nameTakenProblem(name: string, zone: string, t: Taken): string | null {
  const where = t.names.get(name.toLowerCase());
  if (!where) return null;
  const free = firstFree(name.toLowerCase(), (s) => !t.names.has(s), 190);
  return `nama ${name.toLowerCase()}.${zone} sudah dipakai oleh ${where}; nama lengkap harus unik${offer(free)}`;
}

export function hostnameTakenProblem(hostname: string, t: Taken): string | null {
  const where = t.hostnames.get(hostname);
  return where ? `hostname ${hostname} sudah dipakai oleh ${where}; hostname harus unik${offer(firstFree(hostname, (s) => !t.hostnames.has(s)))}` : null;
}

const prefixOf = (u: string) => u.slice(0, 8);

/** Taken outright, or (with database prefixing) sharing its first 8 characters with a taken one. */
export function usernameClash(user: string, t: Taken, databasePrefix: boolean): string | null {
  const where = t.usernames.get(user);
  if (where) return `username ${user} sudah dipakai oleh ${where}; username harus unik`;
  if (!databasePrefix) return null;
  for (const [other, at] of t.usernames) {
    if (prefixOf(other) === prefixOf(user)) return `8 huruf pertama username ${user} (${prefixOf(user)}) sama dengan ${other} di ${at}; awalan basis data harus unik`;
  }
  return null;
}

/**
 * A cPanel username valid under the rules (usernameProblems), unique, and with a unique first 8
 * characters when database prefixing is on: the letters and digits of `seed` (a domain or id),
 * else the same cut short with a number (`disdik2`, …).
 */
export function suggestUsername(seed: string, reserved: ReadonlyArray<string>, t: Taken, databasePrefix: boolean): string | undefined {
  let base = seed.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/^[0-9]+/, "");
  if (base.startsWith("test")) base = `u${base}`;
  if (!base) base = "akun";
  const ok = (u: string) => usernameProblems(u, reserved).length === 0 && usernameClash(u, t, databasePrefix) === null;
  const width = databasePrefix ? 8 : 16;
  const first = base.slice(0, 16);
  if (ok(first)) return first;
  for (let n = 2; n < 1000; n++) {
    const u = `${base.slice(0, width - String(n).length)}${n}`;
    if (ok(u)) return u;
  }
  return undefined;
}

export function usernameProblem(user: string, reserved: ReadonlyArray<string>, t: Taken, databasePrefix: boolean): string | null {
  const problems = usernameProblems(user, reserved);
  const clash = usernameClash(user, t, databasePrefix);
  if (clash) problems.push(clash);
  if (!problems.length) return null;
  return `${problems.join("; ")}${offer(suggestUsername(user, reserved, t, databasePrefix))}`;
}
