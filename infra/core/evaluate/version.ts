/**
 * What the evaluation reads from a request file at some commit, tolerantly: history may hold files
 * that a later schema would refuse, and one odd old file must not stop the report.
 */
import { KINDS, type Kind } from "../model/kinds";
import type { RequestVersion } from "./cases";

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** `YYYY-MM-DD` from a string or a YAML timestamp, else null. */
export function dateText(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return null;
}

/** The parsed YAML of a request file → the fields the evaluation needs, or null when it is no request. */
export function requestVersion(doc: Record<string, unknown>): RequestVersion | null {
  const kind = doc.kind;
  if (typeof kind !== "string" || !KINDS.includes(kind as Kind)) return null;
  const meta = obj(doc.metadata) ?? {};
  const spec = obj(doc.spec) ?? {};
  const v: RequestVersion = {
    kind: kind as Kind,
    opd: typeof meta.opd === "string" && meta.opd.trim() ? meta.opd.trim() : "(OPD tidak tercatat)",
    notaDinasDate: dateText(obj(meta.notaDinas)?.date),
    status: meta.status === "decommissioned" ? "decommissioned" : "active",
  };
  if (kind === "VirtualMachine") {
    v.location = spec.location === "pdn" ? "pdn" : "pusat-komputasi";
    const state = obj(spec.pdn)?.state;
    if (typeof state === "string") v.pdnState = state;
    const [cpu, memoryGb, diskGb] = [num(spec.cpu), num(spec.memoryGb), num(spec.diskGb)];
    if (cpu !== null && memoryGb !== null && diskGb !== null) v.size = { cpu, memoryGb, diskGb };
  }
  return v;
}
