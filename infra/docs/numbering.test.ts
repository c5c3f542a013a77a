import { assignNumbers, emptyRegister, formatNumber, type Register, type RegisterEntry, registerProblem } from "./numbering";

const C1 = "1".repeat(40);
const C2 = "2".repeat(40);
const PATTERN = "000.8.3.3/{seq}/DISKOMINFO/{year}";

const entry = (seq: number, year: number, request: string, type: RegisterEntry["type"], commit = C1): RegisterEntry => ({
  nomor: formatNumber(PATTERN, seq, year), year, seq, request, type, commit, date: `${year}-06-01`,
});
const reg = (...entries: RegisterEntry[]): Register => ({ schema: "pusdat-register/v1", entries });

test.each([
  ["000.8.3.3/{seq}/DISKOMINFO/{year}", 7, 2026, "000.8.3.3/7/DISKOMINFO/2026"],
  ["{seq}/SPBE", 12, 2027, "12/SPBE"],
  ["{year}/{seq}/{seq}", 3, 2026, "2026/3/3"],
])("formatNumber(%s, %d, %d) = %s", (pattern, seq, year, out) => {
  expect(formatNumber(pattern, seq, year)).toBe(out);
});

describe("assignNumbers", () => {
  test("the first numbers of an empty register start at 1, in the order asked", () => {
    const r = assignNumbers(emptyRegister(), [
      { request: "sibapo", type: "berita-acara", commit: C2, date: "2026-11-20" },
      { request: "sibapo", type: "nota-dinas-balasan", commit: C2, date: "2026-11-20" },
    ], PATTERN);
    expect(r.numbers).toEqual(["000.8.3.3/1/DISKOMINFO/2026", "000.8.3.3/2/DISKOMINFO/2026"]);
    expect(r.register.entries).toEqual([
      { nomor: "000.8.3.3/1/DISKOMINFO/2026", year: 2026, seq: 1, request: "sibapo", type: "berita-acara", commit: C2, date: "2026-11-20" },
      { nomor: "000.8.3.3/2/DISKOMINFO/2026", year: 2026, seq: 2, request: "sibapo", type: "nota-dinas-balasan", commit: C2, date: "2026-11-20" },
    ]);
  });

  test("continues after the highest number of the year, restarts in a new year, and does not change its input", () => {
    const before = reg(entry(1, 2026, "a", "berita-acara"), entry(5, 2026, "a", "nota-dinas-balasan"), entry(9, 2025, "b", "berita-acara"));
    const copy = structuredClone(before);
    const r = assignNumbers(before, [
      { request: "c", type: "berita-acara", commit: C2, date: "2026-12-31" },
      { request: "c", type: "nota-dinas-balasan", commit: C2, date: "2027-01-01" },
    ], PATTERN);
    expect(r.numbers).toEqual(["000.8.3.3/6/DISKOMINFO/2026", "000.8.3.3/1/DISKOMINFO/2027"]);
    expect(before).toEqual(copy);
    expect(r.register.entries.length).toBe(5);
  });

  test("a document already numbered keeps its number (running docs twice issues nothing new)", () => {
    const before = reg(entry(1, 2026, "a", "berita-acara", C2), entry(2, 2026, "a", "nota-dinas-balasan", C2));
    const r = assignNumbers(before, [{ request: "a", type: "nota-dinas-balasan", commit: C2, date: "2026-11-20" }], PATTERN);
    expect(r.numbers).toEqual(["000.8.3.3/2/DISKOMINFO/2026"]);
    expect(r.register).toEqual(before);
  });

  test("without {year} the series never restarts", () => {
    const before = reg({ ...entry(4, 2025, "a", "berita-acara"), nomor: "4/SPBE" });
    const r = assignNumbers(before, [{ request: "b", type: "berita-acara", commit: C2, date: "2026-01-02" }], "{seq}/SPBE");
    expect(r.numbers).toEqual(["5/SPBE"]);
  });

  test("a number already in the register is skipped even when the pattern changed", () => {
    const before = reg({ ...entry(1, 2025, "a", "berita-acara"), nomor: "2/SPBE" });
    const r = assignNumbers(before, [{ request: "b", type: "berita-acara", commit: C2, date: "2025-03-02" }], "{seq}/SPBE");
    expect(r.numbers).toEqual(["3/SPBE"]);
  });
});

describe("registerProblem", () => {
  const current = reg(entry(1, 2026, "a", "berita-acara"));
  test.each<[string, Register, string | null]>([
    ["the same register", current, null],
    ["a register that adds entries", reg(entry(1, 2026, "a", "berita-acara"), entry(2, 2026, "b", "berita-acara", C2)), null],
    ["a register that lost an entry", reg(entry(2, 2026, "b", "berita-acara", C2)), "register nomor di cabang arsip sudah memuat 000.8.3.3/1/DISKOMINFO/2026 (a, berita-acara) yang tidak ada atau berbeda di register baru; jalankan ulang pusdat docs dari cabang arsip terbaru"],
    ["a register that changed an entry's number", reg({ ...entry(1, 2026, "a", "berita-acara"), nomor: "X/1" }), "register nomor di cabang arsip sudah memuat 000.8.3.3/1/DISKOMINFO/2026 (a, berita-acara) yang tidak ada atau berbeda di register baru; jalankan ulang pusdat docs dari cabang arsip terbaru"],
    ["a register with a number twice", reg(entry(1, 2026, "a", "berita-acara"), { ...entry(1, 2026, "b", "berita-acara", C2) }), "nomor surat 000.8.3.3/1/DISKOMINFO/2026 tercatat dua kali di register baru"],
  ])("%s", (_name, next, problem) => {
    expect(registerProblem(current, next)).toBe(problem);
  });
});
