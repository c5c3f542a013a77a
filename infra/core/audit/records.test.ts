import { makeRecord, T0 } from "../../../test/support/audit-repo";
import { type InvalidRecord, readRecords, recordDay } from "./records";

const C = "1a2b3c4d5e6f".padEnd(40, "0");
const GOOD = makeRecord(C, T0 + 60);
const GOOD_PATH = "catatan/2026/2026-11-20-1a2b3c4d5e6f.json";
const file = (path: string, value: unknown) => ({ path, bytes: Buffer.from(typeof value === "string" ? value : JSON.stringify(value)) });
const invalid = (path: string, problems: string[], commit: string | null = null, commit12: string | null = "1a2b3c4d5e6f"): InvalidRecord => ({ path, commit, commit12, problems });

const ROWS: Array<[string, { path: string; bytes: Buffer }, InvalidRecord | null]> = [
  ["a valid record under its own name", file(GOOD_PATH, GOOD), null],
  ["not JSON, with the place it broke", file(GOOD_PATH, "{\n  \"schema\": }"), invalid(GOOD_PATH, ["bukan JSON yang sah"])],
  ["not JSON, with a position", file(GOOD_PATH, "{\n  x"), invalid(GOOD_PATH, ["bukan JSON yang sah (baris 2, kolom 3)"])],
  ["an empty file", file(GOOD_PATH, ""), invalid(GOOD_PATH, ["bukan JSON yang sah (berkas kosong)"])],
  ["a truncated file", file(GOOD_PATH, "{\"schema\": "), invalid(GOOD_PATH, ["bukan JSON yang sah (berakhir sebelum waktunya)"])],
  ["a file cut after a value", file(GOOD_PATH, "{\"schema\": \"pusdat-arsip/v1\""), invalid(GOOD_PATH, ["bukan JSON yang sah (baris 1, kolom 29)"])],
  ["not UTF-8", { path: GOOD_PATH, bytes: Buffer.from([0x7b, 0xff, 0x7d]) }, invalid(GOOD_PATH, ["bukan teks UTF-8"])],
  [
    "schema problems, named by path, the commit still known",
    file(GOOD_PATH, { ...GOOD, apply: { ...GOOD.apply, result: "ok" }, pullRequest: { ...GOOD.pullRequest, headSha: "xyz" } }),
    invalid(GOOD_PATH, ["pullRequest.headSha: 40 digit heksadesimal", 'apply.result: Pilihan tidak valid: diharapkan salah satu dari "succeeded"|"failed"'], C),
  ],
  [
    "more than five problems are counted, not listed",
    file("catatan/2026/lain.json", { schema: "pusdat-arsip/v1" }),
    invalid(
      "catatan/2026/lain.json",
      [
        "stack: Input tidak valid: diharapkan string, diterima undefined",
        "commit: Input tidak valid: diharapkan string, diterima undefined",
        "pullRequest: Input tidak valid: diharapkan object, diterima undefined",
        "apply: Input tidak valid: diharapkan object, diterima undefined",
        "requests: Input tidak valid: diharapkan array, diterima undefined",
      ],
      null,
      null,
    ),
  ],
  [
    "a record under another name than its content gives",
    file("catatan/2026/2026-11-21-1a2b3c4d5e6f.json", GOOD),
    invalid("catatan/2026/2026-11-21-1a2b3c4d5e6f.json", ["nama berkas tidak sesuai isinya; seharusnya catatan/2026/2026-11-20-1a2b3c4d5e6f.json (tanggal selesai penerapan WIB dan 12 digit commit)"], C),
  ],
];

describe("readRecords", () => {
  test.each(ROWS)("%s", (_name, f, expected) => {
    const r = readRecords([f], "contoh");
    expect(r).toEqual(expected === null ? { valid: [{ path: f.path, record: GOOD }], invalid: [] } : { valid: [], invalid: [expected] });
  });

  test("records of another stack, valid or not, are that stack's to audit", () => {
    const other = makeRecord(C, T0 + 60, { stack: "produksi" });
    expect(readRecords([file(GOOD_PATH, other), file("catatan/2026/x.json", { stack: "produksi", commit: 1 })], "contoh")).toEqual({ valid: [], invalid: [] });
  });

  test.each([
    ["catatan/2026/2026-11-20-1a2b3c4d5e6f.json", "2026-11-20"],
    ["catatan/2026/lain.json", null],
    ["catatan/2026-11-20-1a2b3c4d5e6f.json", null],
  ])("recordDay(%s) = %s", (path, day) => expect(recordDay(path)).toBe(day));
});
