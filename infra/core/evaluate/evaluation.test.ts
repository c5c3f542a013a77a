import { EVENTS, event, RECORDS, version } from "../../../test/support/evaluation";
import { Calendar } from "../config/site";
import { evaluate } from "./evaluation";
import { parsePeriod, type Period } from "./period";

const period = (p: string) => parsePeriod(p) as Period;
const Q3 = evaluate({ stack: "contoh", period: period("2026-Q3"), calendar: Calendar.parse({}), changes: EVENTS, records: RECORDS, monitoring: [] });

describe("evaluate", () => {
  test("per service: count, completed, median, P90, within target, longest step", () => {
    expect(Q3.services.map((s) => [s.service, s.count, s.completed, s.median, s.p90, s.withinTarget, s.share, s.longestStep])).toEqual([
      ["subdomain", 2, 1, 200, 200, 0, 0, "approval"],
      ["hosting", 1, 1, 552, 552, 0, 0, "approval"],
      ["vm-local", 1, 1, 130, 130, 1, 1, "approval"],
      ["vm-local-resize", 1, 1, 75, 75, 1, 1, "approval"],
      ["vm-pdn", 1, 1, 1470, 1470, 1, 1, "apply"],
    ]);
  });
  test("total and the time in each step", () => {
    expect([Q3.total.count, Q3.total.completed, Q3.total.withinTarget, Q3.total.median, Q3.total.p90]).toEqual([6, 5, 3, 200, 1470]);
    expect(Q3.total.stepMinutes).toEqual({ filing: 180, approval: 750, apply: 1475, verify: 22 });
  });
  test("per OPD, sorted", () => {
    expect(Q3.opds.map((o) => [o.opd, o.count, o.completed, o.median, o.withinTarget])).toEqual([
      ["Bagian Hukum", 1, 0, null, 0],
      ["Dinas Kesehatan", 1, 1, 552, 0],
      ["Dinas Perdagangan", 4, 4, 165, 3],
    ]);
  });
  test("per month, every month of the period even when empty", () => {
    expect(Q3.months.map((m) => [m.label, m.count, m.completed, m.median])).toEqual([
      ["Juli 2026", 0, 0, null],
      ["Agustus 2026", 0, 0, null],
      ["September 2026", 6, 5, 200],
    ]);
  });
  test("incidents: the failed first apply", () => {
    expect(Q3.incidents).toEqual([{ type: "apply-failed", date: "2026-09-14", subject: "sibapo-app", detail: "penerapan commit 000000000000 gagal" }]);
  });
  test("observations are generated sentences", () => {
    expect(Q3.observations).toEqual([
      "Secara keseluruhan 3 dari 5 permintaan yang selesai memenuhi target SOP (60%). 1 permintaan belum selesai.",
      "Subdomain: 1 dari 1 melewati target 125 menit kerja, median 200 menit kerja; langkah terlama: menunggu persetujuan; 1 belum selesai.",
      "Hosting: 1 dari 1 melewati target 410 menit kerja, median 552 menit kerja; langkah terlama: menunggu persetujuan.",
      "VPS lokal: 1 dari 1 dalam target 320 menit kerja, median 130 menit kerja; langkah terlama: menunggu persetujuan.",
      "Tambah resource VPS lokal: 1 dari 1 dalam target 360 menit kerja, median 75 menit kerja; langkah terlama: menunggu persetujuan.",
      "VPS PDN: 1 dari 1 dalam target 2.010 menit kerja, median 1.470 menit kerja; langkah terlama: persetujuan → diterapkan.",
      "Paling jauh dari target: sibapo (Subdomain, Dinas Perdagangan) 200 menit kerja, 1,6 kali target.",
      'Di seluruh layanan, waktu paling banyak habis pada langkah "persetujuan → diterapkan" (61% dari menit kerja).',
      "Belum selesai: jdih (Subdomain).",
      "Insiden: 1 penerapan gagal, 0 verifikasi gagal, 0 temuan pemantauan.",
    ]);
  });
  test("a period without changes says so, and counts monitoring incidents", () => {
    const ev = evaluate({
      stack: "contoh",
      period: period("2026-08"),
      calendar: Calendar.parse({}),
      changes: EVENTS,
      records: RECORDS,
      monitoring: [{ path: "pemantauan/2026/2026-08-03.json", date: "2026-08-03", json: { findings: [{ target: "jdih", severity: "error", message: "tidak dapat dijangkau" }] } }],
    });
    expect([ev.cases.length, ev.services.length, ev.observations]).toEqual([0, 0, ["Tidak ada permintaan dengan target SOP yang digabungkan dalam periode ini. Tercatat 1 insiden."]]);
  });
  test("a period where nothing is finished says so", () => {
    const ev = evaluate({ stack: "contoh", period: period("2026-09"), calendar: Calendar.parse({}), changes: EVENTS.slice(8, 9), records: [], monitoring: [] });
    expect(ev.observations).toEqual([
      "Belum ada permintaan yang selesai (diterapkan dan diverifikasi) dari 1 permintaan dalam periode ini.",
      "Subdomain: belum ada yang selesai dari 1 (target 125 menit kerja).",
      "Belum selesai: jdih (Subdomain).",
      "Tidak ada insiden tercatat (penerapan, verifikasi, pemantauan) dalam periode ini.",
    ]);
  });
  test("a holiday in the stack calendar counts no working minutes", () => {
    const e = [event(1, "2026-09-07T03:40:00Z", "sibapo", null, version({ kind: "Subdomain" }))];
    const cal = Calendar.parse({ holidays: ["2026-09-07"] });
    const ev = evaluate({ stack: "contoh", period: period("2026-09"), calendar: cal, changes: e, records: RECORDS, monitoring: [] });
    // the whole case falls on a holiday: 0 working minutes, 200 calendar minutes
    expect([ev.cases[0]!.workingMinutes, ev.cases[0]!.calendarMinutes, ev.cases[0]!.withinTarget]).toEqual([0, 200, true]);
  });
});
