/**
 * The parts every request shares (REQUEST-FORMAT.md, "Common part").
 * The `error` strings say what is allowed; the issue formatter adds the bad value and the field.
 */
import * as z from "zod";

export const API_VERSION = "pusdat/v1";

export const REQUEST_ID = /^[a-z][a-z0-9-]{1,62}$/;

export const Id = z
  .string({ error: "teks: huruf kecil a–z, angka dan '-', diawali huruf, 2–63 karakter" })
  .regex(REQUEST_ID, { error: "huruf kecil a–z, angka dan '-', diawali huruf, 2–63 karakter" })
  .meta({ description: "Pengenal permintaan, unik di antara SEMUA permintaan; nama berkas = <id>.yaml" });

/** A calendar date written as YYYY-MM-DD that really exists (no 2026-02-30). */
export const IsoDate = z
  .string({ error: "tanggal dengan format YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "tanggal dengan format YYYY-MM-DD" })
  .refine(isRealDate, { error: "tanggal yang benar-benar ada di kalender (YYYY-MM-DD)" })
  .meta({ description: "Tanggal, format YYYY-MM-DD" });

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** For "YYYY-MM-DD" (already matched by the regex): does that day exist in the Gregorian calendar? */
export function isRealDate(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS[m - 1]!);
}

const NOTA_NUMBER = /^[0-9A-Za-z.\-]+(\/[0-9A-Za-z.\-]+)+$/;

export const NotaDinas = z
  .strictObject({
    number: z
      .string({ error: "teks bertanda kutip, mis. \"000.8.3.3/123/DISKOMINFO/2026\"" })
      .max(100, { error: "paling banyak 100 karakter" })
      .regex(NOTA_NUMBER, {
        error: "nomor surat: bagian huruf/angka/titik/'-' dipisah '/', mis. \"000.8.3.3/123/DISKOMINFO/2026\"",
      })
      .meta({ description: "Nomor Nota Dinas" }),
    date: IsoDate,
  })
  .meta({ description: "Nota Dinas: nomor dan tanggal" });

const PHONE = /^(?:\+62\d{7,13}|08\d{7,13})$/;

export const Contact = z
  .strictObject({
    name: z
      .string({ error: "teks (nama narahubung)" })
      .trim()
      .min(3, { error: "nama minimal 3 karakter" })
      .max(100, { error: "paling banyak 100 karakter" }),
    email: z.email({ error: "alamat email yang sah, mis. nama@contohkab.go.id" }),
    phone: z
      .string({ error: "teks bertanda kutip, mis. \"+6281234567890\"" })
      .regex(PHONE, { error: "+62… atau 08…, hanya angka setelah awalan, total 9–15 digit" }),
  })
  .meta({ description: "Narahubung (wajib menurut SOP SPLP; berlaku untuk semua jenis)" });

export const Status = z
  .enum(["active", "decommissioned"], { error: "active atau decommissioned" })
  .meta({ description: "active (bawaan) | decommissioned" });

export const Decommission = z
  .strictObject({
    notaDinas: NotaDinas,
    finalBackup: z
      .string({ error: "teks: nama berkas cadangan terakhir" })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:\-\/]{2,199}$/, {
        error: "nama berkas cadangan: huruf, angka, '.', '_', ':', '-', '/', 3–200 karakter",
      })
      .optional()
      .meta({ description: "VM / hosting: cadangan terakhir yang disimpan; wajib sebelum berkas dihapus" }),
  })
  .meta({ description: "Wajib bila status decommissioned, dilarang bila tidak" });

export const Metadata = z.strictObject({
  id: Id,
  opd: z
    .string({ error: "teks: nama Perangkat Daerah" })
    .trim()
    .min(3, { error: "nama OPD minimal 3 karakter" })
    .max(200, { error: "paling banyak 200 karakter" })
    .meta({ description: "Perangkat Daerah (OPD) pemohon" }),
  contact: Contact,
  notaDinas: NotaDinas,
  purpose: z
    .string({ error: "teks: proses bisnis / kegunaan" })
    .trim()
    .min(10, { error: "uraian minimal 10 karakter" })
    .max(1000, { error: "paling banyak 1000 karakter" })
    .meta({ description: "Proses bisnis / untuk apa layanan ini" }),
  status: Status.default("active"),
  decommission: Decommission.optional(),
});

/** Common envelope: the spec differs per kind. */
export function envelope<K extends string, S extends z.ZodType>(kind: K, spec: S) {
  return z.strictObject({
    apiVersion: z.literal(API_VERSION, { error: API_VERSION }),
    kind: z.literal(kind, { error: kind }),
    metadata: Metadata,
    spec,
  });
}

/** One or more DNS labels under the zone; `@` is syntactically accepted so the reserved-label rule can name it. */
const DNS_NAME = /^(@|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$/;

export const DnsName = z
  .string({ error: "teks: label DNS" })
  .max(190, { error: "paling banyak 190 karakter" })
  .regex(DNS_NAME, {
    error: "satu atau lebih label DNS dipisah titik; tiap label huruf, angka dan '-', tidak diawali/diakhiri '-', 1–63 karakter",
  });
