/**
 * Turns zod issues into findings a technician can act on: the field, the bad value, what is allowed.
 * The schemas carry the "what is allowed" text in their `error` option; this adds the rest.
 */
import * as z from "zod";
// Only the Indonesian locale: importing all of zod's locales costs every start ~100 ms.
import indonesian from "zod/v4/locales/id.cjs";
import type { Path } from "./path";

// Zod's own fallback messages (for checks without an `error` text) in Bahasa Indonesia too.
z.config(indonesian());

export interface SchemaProblem {
  path: Path;
  /** Point at the key rather than the value (unknown fields). */
  key: boolean;
  message: string;
}

export function pathLabel(path: Path): string {
  let s = "";
  for (const seg of path) s += typeof seg === "number" ? `[${seg}]` : s ? `.${seg}` : seg;
  return s || "(akar berkas)";
}

export function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

export function getIn(value: unknown, path: Path): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

export function schemaProblems(schema: z.ZodType, error: z.ZodError, input: unknown): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path as Path;
    if (issue.code === "unrecognized_keys") {
      const allowed = allowedKeys(schema, path);
      for (const k of issue.keys) {
        out.push({
          path: [...path, k],
          key: true,
          message: `kolom tidak dikenal ${show(k)} di ${pathLabel(path)}; yang diizinkan: ${allowed.join(", ")}`,
        });
      }
      continue;
    }
    const value = getIn(input, path);
    const fields = allowedKeys(schema, path);
    // Objects have no `error` text of their own: name the fields they hold.
    const allowed = issue.code === "invalid_type" && issue.expected === "object" && fields.length ? `mapping berisi kolom ${fields.join(", ")}` : issue.message;
    out.push({
      path,
      key: false,
      message:
        value === undefined
          ? `kolom wajib ${pathLabel(path)} tidak ada; isi dengan: ${allowed}`
          : `${pathLabel(path)}: nilai ${show(value)} tidak sah; yang diizinkan: ${allowed}`,
    });
  }
  return out;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = defOf(s);
    if (d.innerType) s = d.innerType;
    else if (d.type === "pipe" && d.in) s = d.in;
    else return s;
  }
}

/** The field names an object schema accepts at `path`, for the "yang diizinkan" part of an unknown-field error. */
export function allowedKeys(schema: z.ZodType, path: Path): string[] {
  let s = unwrap(schema);
  for (const seg of path) {
    const d = defOf(s);
    if (d.type === "object" && d.shape && typeof seg === "string" && d.shape[seg]) s = unwrap(d.shape[seg]);
    else if (d.type === "array" && d.element) s = unwrap(d.element);
    else return [];
  }
  const d = defOf(s);
  return d.type === "object" && d.shape ? Object.keys(d.shape) : [];
}
