/**
 * Letter numbers. Every document pusdat issues gets a number from `organisation.letterNumber`
 * (`{seq}`, `{year}`), and no number is ever issued twice. The rule:
 *
 * - The numbers already issued are kept in `dokumen/register.json` on the `arsip` branch (the only
 *   writer is the apply workflow, one run at a time), one entry per document.
 * - A document already in the register (same commit, request and type) keeps its number, so running
 *   `pusdat docs` again for the same change gives the same letters.
 * - A new document gets 1 + the highest `seq` issued in its year (when the pattern has `{year}`: the
 *   series restarts every January) or ever (when it has not); a number that would still collide
 *   with one in the register (the pattern was changed) is skipped.
 * - `pusdat arsip` only accepts a register that keeps every entry of the one on the branch.
 */
import * as z from "zod";
import { DOCUMENT_TYPES } from "../core/archive/record";

export const REGISTER_SCHEMA = "pusdat-register/v1";
export const REGISTER_PATH = "dokumen/register.json";

export type DocType = (typeof DOCUMENT_TYPES)[number];

export const RegisterEntry = z.strictObject({
  nomor: z.string().min(1),
  year: z.int().min(2000),
  seq: z.int().min(1),
  request: z.string().min(1),
  type: z.enum(DOCUMENT_TYPES),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export const Register = z.strictObject({ schema: z.literal(REGISTER_SCHEMA), entries: z.array(RegisterEntry) });
export type RegisterEntry = z.infer<typeof RegisterEntry>;
export type Register = z.infer<typeof Register>;

export const emptyRegister = (): Register => ({ schema: REGISTER_SCHEMA, entries: [] });

export function formatNumber(pattern: string, seq: number, year: number): string {
  return pattern.replaceAll("{seq}", String(seq)).replaceAll("{year}", String(year));
}

export interface Wanted {
  request: string;
  type: DocType;
  commit: string;
  /** The letter's date (Asia/Jakarta), `YYYY-MM-DD`. */
  date: string;
}

const keyOf = (w: { request: string; type: string; commit: string }) => `${w.commit} ${w.request} ${w.type}`;

/** The numbers of `wanted`, in order, and the register that records them (the input is not changed). */
export function assignNumbers(register: Register, wanted: Wanted[], pattern: string): { register: Register; numbers: string[] } {
  const entries = [...register.entries];
  const byKey = new Map(entries.map((e) => [keyOf(e), e]));
  const used = new Set(entries.map((e) => e.nomor));
  const perYear = pattern.includes("{year}");
  const numbers = wanted.map((w) => {
    const known = byKey.get(keyOf(w));
    if (known) return known.nomor;
    const year = Number(w.date.slice(0, 4));
    let seq = 1 + Math.max(0, ...entries.filter((e) => !perYear || e.year === year).map((e) => e.seq));
    while (used.has(formatNumber(pattern, seq, year))) seq++;
    const entry: RegisterEntry = { nomor: formatNumber(pattern, seq, year), year, seq, request: w.request, type: w.type, commit: w.commit, date: w.date };
    entries.push(entry);
    byKey.set(keyOf(entry), entry);
    used.add(entry.nomor);
    return entry.nomor;
  });
  return { register: { schema: REGISTER_SCHEMA, entries }, numbers };
}

/** Why `next` may not replace `current` on the branch (an entry lost or changed, a number twice), or null. */
export function registerProblem(current: Register, next: Register): string | null {
  const have = new Map(next.entries.map((e) => [keyOf(e), e]));
  for (const e of current.entries) {
    const n = have.get(keyOf(e));
    if (!n || JSON.stringify(n) !== JSON.stringify(e)) {
      return `register nomor di cabang arsip sudah memuat ${e.nomor} (${e.request}, ${e.type}) yang tidak ada atau berbeda di register baru; jalankan ulang pusdat docs dari cabang arsip terbaru`;
    }
  }
  const seen = new Set<string>();
  for (const e of next.entries) {
    if (seen.has(e.nomor)) return `nomor surat ${e.nomor} tercatat dua kali di register baru`;
    seen.add(e.nomor);
  }
  return null;
}
