/**
 * Where a monitoring report goes on the `arsip` branch (ARCHIVE.md): `pemantauan/<YYYY>/<YYYY-MM-DD>.json`
 * (+ .pdf), the date in Asia/Jakarta. A record is never rewritten: a later run on the same day gets
 * the next free name `<YYYY-MM-DD>-2`, `-3`, … Pure: the taken paths come in.
 */
import { jakartaDate } from "../archive/record";

export function monitorPaths(at: string, taken: (path: string) => boolean): { json: string; pdf: string } {
  const day = jakartaDate(at);
  const dir = `pemantauan/${day.slice(0, 4)}`;
  for (let n = 1; ; n++) {
    const base = `${dir}/${day}${n === 1 ? "" : `-${n}`}`;
    if (!taken(`${base}.json`) && !taken(`${base}.pdf`)) return { json: `${base}.json`, pdf: `${base}.pdf` };
  }
}
