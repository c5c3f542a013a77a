/** The evaluation period: `2026-Q3` (a quarter), `2026-09` (a month) or `2026` (a year), in WIB dates. */

export interface Period {
  /** As given: `2026-Q3`, `2026-09`, `2026`. */
  id: string;
  /** In Bahasa Indonesia: "Triwulan III 2026", "September 2026", "Tahun 2026". */
  label: string;
  /** First day, `YYYY-MM-DD` (inclusive). */
  from: string;
  /** Last day, `YYYY-MM-DD` (inclusive). */
  to: string;
  /** The months it covers, `YYYY-MM`. */
  months: string[];
  /** The archive path of its report: `evaluasi/<YYYY>-<period>.pdf`. */
  archivePath: string;
}

export const MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const ROMAN = ["I", "II", "III", "IV"];

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function span(id: string, label: string, year: number, first: number, last: number, archive: string): Period {
  const months: string[] = [];
  for (let m = first; m <= last; m++) months.push(`${year}-${pad(m)}`);
  return { id, label, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`, months, archivePath: `evaluasi/${year}-${archive}.pdf` };
}

/** The period `text` names, or an Indonesian message saying what is allowed. */
export function parsePeriod(text: string): Period | string {
  const allowed = "yang diizinkan: triwulan YYYY-QN (mis. 2026-Q3), bulan YYYY-MM (mis. 2026-09) atau tahun YYYY (mis. 2026)";
  let m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return span(text, `Triwulan ${ROMAN[q - 1]} ${y}`, y, q * 3 - 2, q * 3, `Q${q}`);
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return `periode tidak sah: ${JSON.stringify(text)}: bulan harus 01–12; ${allowed}`;
    return span(text, `${MONTHS_ID[mo - 1]} ${y}`, y, mo, mo, pad(mo));
  }
  m = /^(\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    return span(text, `Tahun ${y}`, y, 1, 12, "tahunan");
  }
  return `periode tidak sah: ${JSON.stringify(text)}; ${allowed}`;
}

/** Whether a WIB date `YYYY-MM-DD` lies in the period. */
export const inPeriod = (p: Period, date: string): boolean => date >= p.from && date <= p.to;

/** "September 2026" for `2026-09`. */
export const monthLabel = (ym: string): string => `${MONTHS_ID[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
