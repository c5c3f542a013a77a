import { record } from "../../../test/support/evaluation";
import { monitoringIncidents, recordIncidents } from "./incidents";
import { parsePeriod, type Period } from "./period";

const Q3 = parsePeriod("2026-Q3") as Period;

describe("recordIncidents", () => {
  test("failed applies and failed verifications dated in the period, by WIB date", () => {
    const records = [
      record({ commit: 1, id: "sibapo", applied: "2026-09-07T03:45:00Z", result: "failed" }),
      record({ commit: 2, id: "jdih", applied: "2026-09-08T03:45:00Z", verify: { at: "2026-09-08T03:50:00Z", result: "failed", failed: ["dns", "http"] } }),
      // 2026-09-30T17:30Z is 1 October in WIB: outside Q3
      record({ commit: 3, id: "ppid", applied: "2026-09-30T17:30:00Z", result: "failed" }),
      record({ commit: 4, id: "ok", applied: "2026-09-09T03:45:00Z" }),
    ];
    expect(recordIncidents(records, Q3)).toEqual([
      { type: "apply-failed", date: "2026-09-07", subject: "sibapo", detail: "penerapan commit 000000000000 gagal" },
      { type: "verify-failed", date: "2026-09-08", subject: "jdih", detail: "verifikasi gagal: dns, http" },
    ]);
  });
});

describe("monitoringIncidents reads whatever shape tolerantly", () => {
  const at = (json: unknown) => monitoringIncidents({ path: "pemantauan/2026/2026-09-10.json", date: "2026-09-10", json });
  const rows: [string, unknown, [string, string][]][] = [
    ["findings with severity", { findings: [{ code: "backup-stale", severity: "warning", target: "sibapo-app", message: "cadangan 40 hari" }, { code: "ok", severity: "info", target: "x" }] }, [["sibapo-app", "cadangan 40 hari"]]],
    ["results with status down", { results: [{ name: "jdih", status: "down" }, { name: "ppid", status: "up" }] }, [["jdih", "down"]]],
    ["nested checks under targets", { targets: [{ id: "dinkes-web", checks: [{ name: "disk", result: "failed", detail: "kuota 98%" }, { name: "suspended", result: "passed" }] }] }, [["dinkes-web", "disk: kuota 98%"]]],
    ["ok false", { items: [{ id: "sibapo", ok: false }] }, [["sibapo", "masalah"]]],
    ["not an object", "teks", []],
    ["no known list", { summary: { errors: 3 } }, []],
    ["null", null, []],
  ];
  test.each(rows)("%s", (_n, json, expected) => {
    expect(at(json).map((i) => [i.subject, i.detail])).toEqual(expected);
  });
});
