/** SPLP API-access rules: a complete, approved, unambiguous request. */
import type { Rule } from "./types";
import type { Finding } from "../findings";
import { duplicates, ofKind, found } from "./types";

export const apiEndpoints: Rule = (ctx) =>
  ofKind(ctx, "ApiAccess").flatMap((ref) => {
    const out: Finding[] = [];
    const eps = ref.request.spec.endpoints.map((e, i) => ({ ...e, i }));
    duplicates(eps, (e) => `${e.method} ${e.path}`, (dup, first) =>
      out.push(found(ref, ["spec", "endpoints", dup.i], `endpoint ${dup.method} ${dup.path} tertulis dua kali (lihat endpoints[${first.i}]); tiap endpoint cukup sekali`)),
    );
    return out;
  });

/** The provider approves what the consumer asked for: its approval cannot predate the request. */
export const apiApproval: Rule = (ctx) =>
  ofKind(ctx, "ApiAccess").flatMap((ref): Finding[] => {
    const asked = ref.request.metadata.notaDinas.date;
    const approved = ref.request.spec.provider.approval.notaDinas.date;
    return approved < asked
      ? [found(ref, ["spec", "provider", "approval", "notaDinas", "date"], `persetujuan penyedia (${approved}) bertanggal sebelum permohonan (${asked}); yang diizinkan: tanggal ≥ ${asked}`)]
      : [];
  });
