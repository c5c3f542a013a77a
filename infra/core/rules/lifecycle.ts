/** Rules on the request as a whole: identity and the decommission record. */
import type { Rule, RuleFinding } from "./types";
import { duplicates } from "./types";

export const uniqueIds: Rule = (ctx) => {
  const out: RuleFinding[] = [];
  duplicates(ctx.requests, (r) => r.request.metadata.id, (dup, first) =>
    out.push({ ref: dup, path: ["metadata", "id"], message: `id ${dup.request.metadata.id} sudah dipakai oleh ${first.file}; id harus unik di antara semua permintaan` }),
  );
  return out;
};

/** `decommission` is required when status is decommissioned and forbidden otherwise. */
export const decommissionFields: Rule = (ctx) =>
  ctx.requests.flatMap((ref): RuleFinding[] => {
    const m = ref.request.metadata;
    if (m.status === "decommissioned" && !m.decommission) {
      return [{ ref, path: ["metadata", "status"], message: "status decommissioned memerlukan metadata.decommission (Nota Dinas penghentian)" }];
    }
    if (m.status === "active" && m.decommission) {
      return [{ ref, path: ["metadata", "decommission"], message: "metadata.decommission hanya boleh ada bila status decommissioned" }];
    }
    return [];
  });

/** A service cannot be stopped before it was asked for. */
export const decommissionDates: Rule = (ctx) =>
  ctx.requests.flatMap((ref): RuleFinding[] => {
    const m = ref.request.metadata;
    const d = m.decommission?.notaDinas.date;
    return d !== undefined && d < m.notaDinas.date
      ? [{ ref, path: ["metadata", "decommission", "notaDinas", "date"], message: `tanggal penghentian ${d} sebelum tanggal permohonan ${m.notaDinas.date}; yang diizinkan: tanggal ≥ ${m.notaDinas.date}` }]
      : [];
  });
