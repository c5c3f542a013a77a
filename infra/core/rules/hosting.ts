/** Hosting rules (SOP 1, 3): cPanel usernames and plans. */
import type { Ceilings } from "../config/ceilings";
import type { SiteConfig } from "../config/site";
import { show } from "../model/issues";
import type { Rule } from "./types";
import type { Finding } from "../findings";
import { duplicates, ofKind, found } from "./types";

/**
 * cPanel's own username rules, as far as they can be known offline; WHM's verify_new_username has the
 * last word at apply time (it also knows the server's mail aliases).
 */
export function usernameProblems(user: string, reserved: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  if (!/^[a-z][a-z0-9]{0,15}$/.test(user)) out.push(`username ${show(user)} tidak sah; yang diizinkan: huruf kecil a–z dan angka, diawali huruf, paling banyak 16 karakter`);
  if (user.startsWith("test")) out.push(`username ${show(user)} tidak boleh diawali "test" (aturan cPanel)`);
  if (user.endsWith("assword")) out.push(`username ${show(user)} tidak boleh diakhiri "assword" (aturan cPanel)`);
  if (reserved.includes(user)) out.push(`username ${show(user)} dicadangkan oleh sistem; nama yang dicadangkan: ${reserved.join(", ")}`);
  return out;
}

/** Why a plan may not be used: unknown, or above the hosting ceiling. */
export function planProblems(plan: string, site: SiteConfig, ceiling: Ceilings["hosting-plan-ceiling"]): string[] {
  const p = site.hosting.plans[plan];
  if (!p) return [`paket ${show(plan)} tidak ada; yang diizinkan: ${Object.keys(site.hosting.plans).join(", ")}`];
  const out: string[] = [];
  if (p.diskGb > ceiling.maxDiskGb) out.push(`paket ${plan}: kuota disk ${p.diskGb} GB melebihi batas ${ceiling.maxDiskGb} GB`);
  if (p.bandwidthGb > ceiling.maxBandwidthGb) out.push(`paket ${plan}: bandwidth ${p.bandwidthGb} GB melebihi batas ${ceiling.maxBandwidthGb} GB`);
  return out;
}

export const hostingUsernames: Rule = (ctx) => {
  const refs = ofKind(ctx, "HostingAccount");
  const out: Finding[] = refs.flatMap((ref) =>
    usernameProblems(ref.request.spec.username, ctx.site.hosting.reservedUsernames).map((message) => found(ref, ["spec", "username"], message)),
  );
  const taken = new Set<typeof refs[number]>();
  duplicates(refs, (r) => r.request.spec.username, (dup, first) => {
    taken.add(dup);
    out.push(found(dup, ["spec", "username"], `username ${dup.request.spec.username} sudah dipakai oleh ${first.file}; username harus unik`));
  });
  // With database prefixing on, cPanel names databases after the first 8 characters: those must differ too.
  if (ctx.site.hosting.databasePrefix) {
    duplicates(refs.filter((r) => !taken.has(r)), (r) => r.request.spec.username.slice(0, 8), (dup, first) =>
      out.push(
        found(dup, ["spec", "username"], `8 huruf pertama username ${dup.request.spec.username} (${dup.request.spec.username.slice(0, 8)}) sama dengan ${first.request.spec.username} di ${first.file}; awalan basis data harus unik`),
      ),
    );
  }
  return out;
};

export const hostingPlans: Rule = (ctx) =>
  ofKind(ctx, "HostingAccount").flatMap((ref) =>
    ref.request.metadata.status === "active"
      ? planProblems(ref.request.spec.plan, ctx.site, ctx.ceilings["hosting-plan-ceiling"]).map((message) => found(ref, ["spec", "plan"], message))
      : [],
  );
