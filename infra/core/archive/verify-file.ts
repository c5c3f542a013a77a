/**
 * The results of `pusdat verify --format json`, per request id, as `pusdat docs` and `pusdat arsip`
 * read them (`--verify-file`). Accepted shapes, so the file may come straight from the verify command:
 *   { "<id>": Verification, … }
 *   { "requests": { "<id>": Verification | { kind, change, verify: Verification }, … } }   (pusdat verify's own)
 *   { "requests": [ { "id": "<id>", …Verification } | { "id": "<id>", "verify": Verification }, … ] }
 * Fields beyond those of `Verification` are dropped, so nothing else a file carries reaches a record
 * or a document.
 */
import * as z from "zod";
import { Verification } from "./record";

export type VerifyResults = Record<string, Verification>;

function pick(v: unknown): unknown {
  if (!v || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  const checks = Array.isArray(o.checks)
    ? o.checks.map((c) => {
        if (!c || typeof c !== "object") return c;
        const k = c as Record<string, unknown>;
        return { name: k.name, result: k.result, detail: k.detail, ...(k.durationMs !== undefined ? { durationMs: k.durationMs } : {}) };
      })
    : o.checks;
  return { result: o.result, at: o.at, checks };
}

function entries(json: unknown): [string, unknown][] | string {
  if (!json || typeof json !== "object" || Array.isArray(json)) return "objek JSON yang berisi hasil per id permintaan";
  const top = json as Record<string, unknown>;
  const reqs = "requests" in top ? top.requests : top;
  if (Array.isArray(reqs)) {
    const out: [string, unknown][] = [];
    for (const [n, item] of reqs.entries()) {
      const it = item as Record<string, unknown> | null;
      if (!it || typeof it.id !== "string") return `requests[${n}] tanpa "id"`;
      out.push([it.id, "verify" in it ? it.verify : it]);
    }
    return out;
  }
  if (!reqs || typeof reqs !== "object") return "\"requests\" harus berupa daftar atau objek";
  // `pusdat verify --format json` nests each result under `verify`, beside its kind and change.
  return Object.entries(reqs as Record<string, unknown>)
    .filter(([k]) => k !== "schema" && k !== "summary")
    .map(([k, v]) => [k, v && typeof v === "object" && "verify" in v ? (v as { verify: unknown }).verify : v]);
}

/** The results in `text` (the file's content), or what is wrong with it, in Bahasa Indonesia. */
export function parseVerifyResults(text: string, file: string): { ok: true; value: VerifyResults } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `${file}: bukan JSON yang sah (${(e as Error).message})` };
  }
  const list = entries(json);
  if (typeof list === "string") return { ok: false, problem: `${file}: ${list}` };
  const value: VerifyResults = {};
  for (const [id, raw] of list) {
    const r = Verification.safeParse(pick(raw));
    if (!r.success) {
      const i = r.error.issues[0]!;
      return { ok: false, problem: `${file}: hasil uji untuk ${JSON.stringify(id)} tidak sah di ${[id, ...i.path].join(".")}: ${i.message}` };
    }
    value[id] = r.data;
  }
  return { ok: true, value };
}

export const VerifyFileSchema = z.record(z.string(), Verification);
