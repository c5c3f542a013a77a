import { monitorPaths } from "./arsip";

describe("monitorPaths", () => {
  it.each([
    ["first run of the day (Jakarta date, UTC+7)", "2026-11-23T18:30:00.000Z", [], "pemantauan/2026/2026-11-24"],
    ["second run the same day", "2026-11-23T03:00:00.000Z", ["pemantauan/2026/2026-11-23.json"], "pemantauan/2026/2026-11-23-2"],
    ["a lone PDF also takes the name", "2026-11-23T03:00:00.000Z", ["pemantauan/2026/2026-11-23.pdf"], "pemantauan/2026/2026-11-23-2"],
    ["third run", "2026-11-23T03:00:00.000Z", ["pemantauan/2026/2026-11-23.json", "pemantauan/2026/2026-11-23-2.json"], "pemantauan/2026/2026-11-23-3"],
    ["new year in Jakarta", "2026-12-31T17:00:00.000Z", [], "pemantauan/2027/2027-01-01"],
  ])("%s", (_n, at, taken, base) => {
    expect(monitorPaths(at, (p) => (taken as string[]).includes(p))).toEqual({ json: `${base}.json`, pdf: `${base}.pdf` });
  });
});
