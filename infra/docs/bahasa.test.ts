import { hari, kepalaOpd, tanggal, waktuWib } from "./bahasa";

test.each([
  ["2026-11-20", "20 November 2026", "Jumat"],
  ["2026-01-01", "1 Januari 2026", "Kamis"],
  ["2024-02-29", "29 Februari 2024", "Kamis"],
  ["2026-08-17", "17 Agustus 2026", "Senin"],
])("%s is %s, a %s", (date, long, day) => {
  expect([tanggal(date), hari(date)]).toEqual([long, day]);
});

test.each([
  ["2026-11-20T05:03:40Z", "20 November 2026 pukul 12.03 WIB"],
  ["2026-11-20T17:30:00Z", "21 November 2026 pukul 00.30 WIB"],
])("waktuWib(%s) = %s", (iso, out) => {
  expect(waktuWib(iso)).toBe(out);
});

test.each([
  ["Dinas Perdagangan", "Kepala Dinas Perdagangan"],
  ["Badan Perencanaan Pembangunan Daerah", "Kepala Badan Perencanaan Pembangunan Daerah"],
  ["Kecamatan Kota", "Camat Kota"],
  ["Sekretariat Daerah - Bagian Umum", "Kepala Bagian Umum Sekretariat Daerah"],
])("a letter to %s is addressed to %s", (opd, head) => {
  expect(kepalaOpd(opd)).toBe(head);
});
