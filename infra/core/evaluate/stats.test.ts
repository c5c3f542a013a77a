import { inPeriod, parsePeriod } from "./period";
import { median, percentile } from "./stats";
import { calendarText, decimalText, grouped, minutesText } from "./evaluation";

describe("median and nearest-rank P90", () => {
  const rows: [number[], number | null, number | null][] = [
    [[], null, null],
    [[7], 7, 7],
    [[5, 1], 3, 5],
    [[3, 1, 2], 2, 3],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 55, 90],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 10],
    [[200, 130, 75, 552], 165, 552],
  ];
  test.each(rows)("%j → median %p, P90 %p", (values, m, p) => {
    expect([median(values), percentile(values, 90)]).toEqual([m, p]);
  });
});

describe("parsePeriod", () => {
  const rows: [string, object][] = [
    ["2026-Q3", { label: "Triwulan III 2026", from: "2026-07-01", to: "2026-09-30", months: ["2026-07", "2026-08", "2026-09"], archivePath: "evaluasi/2026-Q3.pdf" }],
    ["2026-Q1", { label: "Triwulan I 2026", from: "2026-01-01", to: "2026-03-31", months: ["2026-01", "2026-02", "2026-03"], archivePath: "evaluasi/2026-Q1.pdf" }],
    ["2028-02", { label: "Februari 2028", from: "2028-02-01", to: "2028-02-29", months: ["2028-02"], archivePath: "evaluasi/2028-02.pdf" }],
    ["2026-09", { label: "September 2026", from: "2026-09-01", to: "2026-09-30", months: ["2026-09"], archivePath: "evaluasi/2026-09.pdf" }],
    ["2026", { label: "Tahun 2026", from: "2026-01-01", to: "2026-12-31", archivePath: "evaluasi/2026-tahunan.pdf" }],
  ];
  test.each(rows)("%s", (text, expected) => expect(parsePeriod(text)).toMatchObject({ id: text, ...expected }));
  const bad: [string, string][] = [
    ["2026-Q5", 'periode tidak sah: "2026-Q5"; yang diizinkan: triwulan YYYY-QN (mis. 2026-Q3), bulan YYYY-MM (mis. 2026-09) atau tahun YYYY (mis. 2026)'],
    ["2026-13", 'periode tidak sah: "2026-13": bulan harus 01–12; yang diizinkan: triwulan YYYY-QN (mis. 2026-Q3), bulan YYYY-MM (mis. 2026-09) atau tahun YYYY (mis. 2026)'],
    ["Q3", 'periode tidak sah: "Q3"; yang diizinkan: triwulan YYYY-QN (mis. 2026-Q3), bulan YYYY-MM (mis. 2026-09) atau tahun YYYY (mis. 2026)'],
  ];
  test.each(bad)("refuses %s", (text, message) => expect(parsePeriod(text)).toBe(message));
  test("inPeriod is inclusive at both ends", () => {
    const p = parsePeriod("2026-09");
    if (typeof p === "string") throw new Error(p);
    expect(["2026-08-31", "2026-09-01", "2026-09-30", "2026-10-01"].map((d) => inPeriod(p, d))).toEqual([false, true, true, false]);
  });
});

describe("number texts", () => {
  const rows: [string, string][] = [
    [minutesText(null), "-"],
    [minutesText(1234.5), "1.235"],
    [grouped(1234567), "1.234.567"],
    [grouped(999), "999"],
    [decimalText(2.54), "2,5"],
    [decimalText(3), "3"],
    [decimalText(1234.06), "1.234,1"],
    [calendarText(0), "0 mnt"],
    [calendarText(59), "59 mnt"],
    [calendarText(1482), "1 hr 42 mnt"],
    [calendarText(7290), "5 hr 1 j 30 mnt"],
    [calendarText(120), "2 j"],
  ];
  test.each(rows)("%s = %s", (got, want) => expect(got).toBe(want));
});
