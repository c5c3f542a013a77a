/**
 * The records under `catatan/`, validated against `pusdat-arsip/v1`. A record that is not valid
 * JSON, does not match the schema, or lies under a name other than the one its content gives
 * (`recordPath`) is kept as invalid, with every reason, so that the audit reports it instead of
 * trusting it.
 */
import { isUtf8 } from "node:buffer";
import * as z from "zod";
// Only the Indonesian locale: importing all of zod's locales costs every start ~100 ms.
import indonesian from "zod/v4/locales/id.cjs";
import { ArchiveRecord, recordPath } from "../archive/record";
import type { InvalidRecordFile, ValidRecord } from "./types";

export type InvalidRecord = InvalidRecordFile;

export interface Records {
  valid: ValidRecord[];
  invalid: InvalidRecord[];
}

const NAME = /^catatan\/\d{4}\/(\d{4}-\d{2}-\d{2})-([0-9a-f]{12})\.json$/;
const MAX_PROBLEMS = 5;

/** The Asia/Jakarta day in a record's file name, or null when the name has none. */
export const recordDay = (path: string): string | null => path.match(NAME)?.[1] ?? null;

const issuePath = (p: ReadonlyArray<PropertyKey>): string =>
  p.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join("") || "(akar)";

/** Records of `stack` (records of other stacks are theirs to audit), sorted by path. */
export function readRecords(files: ReadonlyArray<{ path: string; bytes: Buffer }>, stack: string): Records {
  const valid: ValidRecord[] = [];
  const invalid: InvalidRecord[] = [];
  for (const { path, bytes } of files) {
    const commit12 = path.match(NAME)?.[2] ?? null;
    const bad = (problems: string[], commit: string | null = null) => invalid.push({ path, commit, commit12, problems });
    if (!isUtf8(bytes)) {
      bad(["bukan teks UTF-8"]);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString("utf8"));
    } catch (e) {
      bad([`bukan JSON yang sah${jsonWhere(bytes.toString("utf8"), (e as Error).message)}`]);
      continue;
    }
    const obj = json !== null && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
    if (typeof obj.stack === "string" && obj.stack !== stack) continue;
    const named = typeof obj.commit === "string" && /^[0-9a-f]{40}$/.test(obj.commit) ? obj.commit : null;
    const r = ArchiveRecord.safeParse(json, { error: indonesian().localeError });
    if (!r.success) {
      const all = r.error.issues.map((i) => `${issuePath(i.path)}: ${i.message}`);
      const shown = all.slice(0, MAX_PROBLEMS);
      if (all.length > MAX_PROBLEMS) shown.push(`dan ${all.length - MAX_PROBLEMS} masalah lain`);
      bad(shown, named);
      continue;
    }
    const expected = recordPath(r.data);
    if (expected !== path) {
      bad([`nama berkas tidak sesuai isinya; seharusnya ${expected} (tanggal selesai penerapan WIB dan 12 digit commit)`], named);
      continue;
    }
    valid.push({ path, record: r.data });
  }
  return { valid, invalid };
}

/** Where JSON.parse stopped, as " (baris L, kolom C)", when its message gives a position. */
function jsonWhere(text: string, message: string): string {
  const m = message.match(/position (\d+)/);
  if (!m) return text.trim() === "" ? " (berkas kosong)" : /end of JSON input/.test(message) ? " (berakhir sebelum waktunya)" : "";
  const before = text.slice(0, Number(m[1])).split("\n");
  return ` (baris ${before.length}, kolom ${before[before.length - 1]!.length + 1})`;
}
