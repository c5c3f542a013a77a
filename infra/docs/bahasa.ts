/** Indonesian wording shared by every document: dates as letters write them, verdicts, addressees. */
import { jakartaDate } from "../core/archive/record";

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const DAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

/** `2026-11-20` → `20 November 2026`. */
export function tanggal(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** `2026-11-20` → `Jumat`. */
export function hari(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

/** An instant as a Jakarta date and clock: `20 November 2026 pukul 12.04 WIB`. */
export function waktuWib(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${tanggal(jakartaDate(iso))} pukul ${local.slice(11, 13)}.${local.slice(14, 16)} WIB`;
}

export const HASIL: Record<"passed" | "failed" | "skipped", string> = { passed: "Berhasil", failed: "Gagal", skipped: "Tidak diuji" };

/**
 * Who a letter to an OPD is addressed to: its head. "Kecamatan X" is led by a Camat, a part of the
 * Sekretariat Daerah ("Sekretariat Daerah - Bagian Umum") by a Kepala Bagian, every other OPD by a Kepala.
 */
export function kepalaOpd(opd: string): string {
  const kec = opd.match(/^Kecamatan\s+(.+)$/);
  if (kec) return `Camat ${kec[1]}`;
  const bagian = opd.match(/^Sekretariat Daerah\s*-\s*Bagian\s+(.+)$/);
  if (bagian) return `Kepala Bagian ${bagian[1]} Sekretariat Daerah`;
  return `Kepala ${opd}`;
}
