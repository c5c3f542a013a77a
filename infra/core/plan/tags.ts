/**
 * Traceability: every record and VM says which request, OPD and Nota Dinas it came from, so whoever
 * finds it in the Cloudflare or Proxmox console can walk back to the pull request.
 */
import type { Request } from "../model/kinds";

/** Lowercase, ASCII letters/digits/'.'/'-' only, as both Cloudflare and Proxmox tags accept. */
export function slug(s: string, max = 48): string {
  const out = s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return out.slice(0, max).replace(/-+$/g, "") || "x";
}

export function dnsTags(r: Request): string[] {
  return [`pusdat-id:${r.metadata.id}`, `opd:${slug(r.metadata.opd)}`, `nota-dinas:${slug(r.metadata.notaDinas.number)}`].sort();
}

/** Cloudflare keeps at most 100 characters of comment on every plan. */
export function dnsComment(r: Request): string {
  const c = `pusdat ${r.metadata.id} | ${r.metadata.opd} | ND ${r.metadata.notaDinas.number}`;
  return c.length > 100 ? `${c.slice(0, 99)}…` : c;
}

/** Proxmox sorts tags itself; giving them sorted avoids a perpetual diff. */
export function vmTags(r: Request): string[] {
  return ["pusdat", `req-${r.metadata.id}`, `opd-${slug(r.metadata.opd, 40)}`, `nd-${slug(r.metadata.notaDinas.number, 40)}`].sort();
}
