/** SPLP API-access rules: a complete, approved, unambiguous request. */
import type { Rule, RuleFinding } from "./types";
import { duplicates, ofKind } from "./types";

export const apiEndpoints: Rule = (ctx) =>
  ofKind(ctx, "ApiAccess").flatMap((ref) => {
    const out: RuleFinding[] = [];
    const eps = ref.request.spec.endpoints.map((e, i) => ({ ...e, i }));
    duplicates(eps, (e) => `${e.method} ${e.path}`, (dup, first) =>
      out.push({ ref, path: ["spec", "endpoints", dup.i], message: `endpoint ${dup.method} ${dup.path} tertulis dua kali (lihat endpoints[${first.i}]); tiap endpoint cukup sekali` }),
    );
    return out;
  });

/** The provider approves what the consumer asked for: its approval cannot predate the request. */
export const apiApproval: Rule = (ctx) =>
  ofKind(ctx, "ApiAccess").flatMap((ref): RuleFinding[] => {
    const asked = ref.request.metadata.notaDinas.date;
    const approved = ref.request.spec.provider.approval.notaDinas.date;
    return approved < asked
      ? [{ ref, path: ["spec", "provider", "approval", "notaDinas", "date"], message: `persetujuan penyedia (${approved}) bertanggal sebelum permohonan (${asked}); yang diizinkan: tanggal ≥ ${asked}` }]
      : [];
  });
