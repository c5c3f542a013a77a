/** Rules on the request as a whole: identity and the decommission record. */
import type { Rule } from "./types";
import type { Finding } from "../findings";
import { duplicates, found } from "./types";

export const uniqueIds: Rule = (ctx) => {
  const out: Finding[] = [];
  duplicates(ctx.requests, (r) => r.request.metadata.id, (dup, first) =>
    out.push(found(dup, ["metadata", "id"], `id ${dup.request.metadata.id} sudah dipakai oleh ${first.file}; id harus unik di antara semua permintaan`)),
  );
  return out;
};

/** `decommission` is required when status is decommissioned and forbidden otherwise. */
export const decommissionFields: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const ref of ctx.requests) {
    const m = ref.request.metadata;
    if (m.status === "decommissioned" && !m.decommission) {
      out.push(found(ref, ["metadata", "status"], "status decommissioned memerlukan metadata.decommission (Nota Dinas penghentian)"));
    } else if (m.status === "active" && m.decommission) {
      out.push(found(ref, ["metadata", "decommission"], "metadata.decommission hanya boleh ada bila status decommissioned"));
    }
  }
  return out;
};

/** A service cannot be stopped before it was asked for. */
export const decommissionDates: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const ref of ctx.requests) {
    const m = ref.request.metadata;
    const d = m.decommission?.notaDinas.date;
    if (d !== undefined && d < m.notaDinas.date) {
      out.push(found(ref, ["metadata", "decommission", "notaDinas", "date"], `tanggal penghentian ${d} sebelum tanggal permohonan ${m.notaDinas.date}; yang diizinkan: tanggal ≥ ${m.notaDinas.date}`));
    }
  }
  return out;
};
