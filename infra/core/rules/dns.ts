/**
 * DNS rules (SOP 11). The value checks (`*Problem`) take plain values so that the policy pack can
 * apply them to a Cloudflare record exactly as the validator applies them to a request.
 */
import ipaddr from "ipaddr.js";
import { show } from "../model/issues";
import type { HostingRef, Rule, RuleContext, SubdomainRef } from "./types";
import type { Finding } from "../findings";
import { duplicates, ofKind, found } from "./types";

/** Address ranges that are never a public service address, whatever the configured ranges say. */
const NEVER_PUBLIC: Record<string, string> = {
  private: "alamat privat",
  loopback: "alamat loopback",
  linkLocal: "alamat link-local",
  unspecified: "alamat tak tertentu",
  broadcast: "alamat broadcast",
  multicast: "alamat multicast",
  carrierGradeNat: "alamat CGNAT",
  uniqueLocal: "alamat unique-local",
  ipv4Mapped: "alamat IPv4-mapped",
};

/** ipaddr.parse tries IPv6 first, which is slow for the common IPv4 case: pick the family by its separator. */
export function parseAddress(a: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (a.includes(":")) return ipaddr.IPv6.isValid(a) ? ipaddr.IPv6.parse(a) : null;
  return ipaddr.IPv4.isValidFourPartDecimal(a) ? ipaddr.IPv4.parse(a) : null;
}

const cidrs = new Map<string, [ipaddr.IPv4 | ipaddr.IPv6, number]>();
/** Ranges come from the stack config: a handful of strings, parsed once each. */
export function parseCidr(r: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  let c = cidrs.get(r);
  if (!c) cidrs.set(r, (c = ipaddr.parseCIDR(r)));
  return c;
}

export function fullName(name: string, zone: string): string {
  return name === "@" ? zone.toLowerCase() : `${name}.${zone}`.toLowerCase();
}

/** Why an A/AAAA address may not be published, or null. */
export function addressProblem(address: string, ranges: ReadonlyArray<string>): string | null {
  const addr = parseAddress(address);
  if (!addr) return `${show(address)} bukan alamat IP; yang diizinkan: alamat publik di dalam ${ranges.join(", ")}`;
  const kind = NEVER_PUBLIC[addr.range()];
  if (kind) return `${address} adalah ${kind}; yang diizinkan: alamat publik di dalam ${ranges.join(", ")}`;
  const inside = ranges.some((r) => {
    const cidr = parseCidr(r);
    return cidr[0].kind() === addr.kind() && addr.match(cidr);
  });
  return inside ? null : `${address} di luar rentang IP publik stack; yang diizinkan: ${ranges.join(", ")}`;
}

/** `ttl` as the request writes it: "auto" or seconds. */
export function ttlProblem(proxied: boolean, ttl: "auto" | number): string | null {
  if (proxied && ttl !== "auto") {
    return `ttl ${ttl} tidak boleh untuk rekaman proxied; rekaman proxied selalu auto: hapus ttl atau set proxied: false`;
  }
  if (ttl !== "auto" && (ttl < 60 || ttl > 86400)) return `ttl ${ttl} di luar batas; yang diizinkan: auto atau 60–86400 detik`;
  return null;
}

const lowered = new WeakMap<ReadonlyArray<string>, ReadonlySet<string>>();
/** The reserved labels in lower case, once per list (the stack's list is asked about for every name). */
function reservedSet(reserved: ReadonlyArray<string>): ReadonlySet<string> {
  let set = lowered.get(reserved);
  if (!set) lowered.set(reserved, (set = new Set(reserved.map((r) => r.toLowerCase()))));
  return set;
}

/** The label directly under the zone decides whose name it is. */
export function reservedLabelProblem(name: string, reserved: ReadonlyArray<string>): string | null {
  const lower = name.toLowerCase();
  const top = name === "@" ? "@" : lower.slice(lower.lastIndexOf(".") + 1);
  return reservedSet(reserved).has(top)
    ? `label ${show(top)} dicadangkan untuk layanan Diskominfo; label yang dicadangkan: ${reserved.join(", ")}`
    : null;
}

/** CNAME rules: not at the apex, not onto itself, and no dangling target inside our own zone. */
export function cnameProblems(full: string, target: string, zone: string, defined: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const t = target.toLowerCase();
  const z = zone.toLowerCase();
  if (full === z) out.push("CNAME tidak diizinkan di apex zona; gunakan ip atau ipv6");
  if (t === full) out.push(`CNAME menunjuk ke dirinya sendiri (${t}); yang diizinkan: nama host lain`);
  else if ((t === z || t.endsWith(`.${z}`)) && !defined.has(t)) {
    out.push(`CNAME menunjuk ke ${t} di dalam zona, tetapi tidak ada permintaan yang mendefinisikannya (risiko subdomain takeover)`);
  }
  return out;
}

export const subdomainTarget: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const ref of ofKind(ctx, "Subdomain")) {
    const given = Object.keys(ref.request.spec.target);
    if (given.length !== 1) out.push(found(ref, ["spec", "target"], `target harus berisi tepat satu dari ip, ipv6, cname; yang tertulis: ${given.join(", ") || "(kosong)"}`));
  }
  return out;
};

export const publicTargets: Rule = (ctx) => {
  const seen = new Map<string, string | null>(); // many records share an address: judge each once
  const out: Finding[] = [];
  for (const ref of ofKind(ctx, "Subdomain")) {
    for (const k of ["ip", "ipv6"] as const) {
      const a = ref.request.spec.target[k];
      if (a === undefined) continue;
      let problem = seen.get(a);
      if (problem === undefined) seen.set(a, (problem = addressProblem(a, ctx.site.publicRanges)));
      if (problem) out.push(found(ref, ["spec", "target", k], problem));
    }
  }
  return out;
};

export const ttlRules: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const ref of ofKind(ctx, "Subdomain")) {
    const problem = ttlProblem(ref.request.spec.proxied, ref.request.spec.ttl);
    if (problem) out.push(found(ref, ["spec", "ttl"], problem));
  }
  return out;
};

export const reservedLabels: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const ref of ofKind(ctx, "Subdomain")) {
    const p = reservedLabelProblem(ref.request.spec.name, ctx.site.reservedLabels);
    if (p) out.push(found(ref, ["spec", "name"], p));
  }
  for (const ref of ofKind(ctx, "HostingAccount")) {
    const p = reservedLabelProblem(ref.request.spec.domain, ctx.site.reservedLabels);
    if (p) out.push(found(ref, ["spec", "domain"], p));
  }
  return out;
};

type DefinedName = { ref: SubdomainRef | HostingRef; path: string[]; full: string };
const NAME_PATH = ["spec", "name"];
const DOMAIN_PATH = ["spec", "domain"];
const namesOf = new WeakMap<RuleContext, DefinedName[]>();

/**
 * Every name a request puts in the zone, decommissioned ones included (their names stay reserved),
 * in arrival order; built once per validation however many rules ask. Read-only for the callers.
 */
export function definedNames(ctx: RuleContext): ReadonlyArray<DefinedName> {
  let names = namesOf.get(ctx);
  if (names) return names;
  names = [];
  const zone = ctx.site.zone;
  for (const ref of ctx.requests) {
    const r = ref.request;
    if (r.kind === "Subdomain") names.push({ ref: ref as SubdomainRef, path: NAME_PATH, full: fullName(r.spec.name, zone) });
    else if (r.kind === "HostingAccount") names.push({ ref: ref as HostingRef, path: DOMAIN_PATH, full: fullName(r.spec.domain, zone) });
  }
  namesOf.set(ctx, names);
  return names;
}

export const uniqueFullNames: Rule = (ctx) => {
  const out: Finding[] = [];
  duplicates(definedNames(ctx), (n) => n.full, (dup, first) =>
    out.push(found(dup.ref, [...dup.path], `nama ${dup.full} sudah dipakai oleh ${first.ref.file}; nama lengkap harus unik (tanpa membedakan huruf besar/kecil)`)),
  );
  return out;
};

export const cnameRules: Rule = (ctx) => {
  const defined = new Set(definedNames(ctx).map((n) => n.full));
  const out: Finding[] = [];
  for (const ref of ofKind(ctx, "Subdomain")) {
    const t = ref.request.spec.target.cname;
    if (t === undefined) continue;
    const full = fullName(ref.request.spec.name, ctx.site.zone);
    for (const message of cnameProblems(full, t, ctx.site.zone, defined)) out.push(found(ref, ["spec", "target", "cname"], message));
  }
  return out;
};
