import { EVENTS, event, PDN, RECORDS, VM, version } from "../../../test/support/evaluation";
import { officeCalendar } from "../calendar/working-time";
import { Calendar } from "../config/site";
import { buildCases, type Case, changeType, serviceOf } from "./cases";

const OC = officeCalendar(Calendar.parse({}));
const CASES = buildCases(EVENTS, RECORDS, OC);
const pick = (c: Case) => [c.id, c.service, c.pullRequest, c.date, c.steps.filing, c.steps.approval, c.steps.apply, c.steps.verify, c.workingMinutes, c.calendarMinutes, c.target, c.withinTarget];

describe("buildCases", () => {
  test("one case per change with an SOP target, in history order", () => {
    expect(CASES.map((c) => `${c.id}@${c.commit.slice(-2)}`)).toEqual(["sibapo@01", "dinkes-web@02", "sibapo-app@03", "sibapo-app@04", "sipd-pdn@06", "jdih@09"]);
  });
  const rows: [string, unknown[]][] = [
    // Nota Dinas Mon 07:30 → PR 08:30 (60) → approved 10:30 (120) → applied 10:45 (15) → verified 10:50 (5)
    ["subdomain over target", ["sibapo", "subdomain", 1, "2026-09-07", 60, 120, 15, 5, 200, 200, 125, false]],
    // Thu 07:30 → PR 09:00 (90) → merged Fri 08:00 (180 + 180 + 90 = 450) → applied (10) → verified (2)
    ["hosting approved by the merge", ["dinkes-web", "hosting", 2, "2026-09-11", 90, 450, 10, 2, 552, 1482, 410, false]],
    // Mon 07:30 → PR 07:30 (0) → approved 08:30 (60) → second, successful apply 09:30 (60) → verified (10)
    ["local VM after a failed apply", ["sibapo-app", "vm-local", 3, "2026-09-14", 0, 60, 60, 10, 130, 130, 320, true]],
    // same Nota Dinas date: counted from the PR (Tue 09:00) → approved 10:00 → applied 10:10 → verified 10:15
    ["resize without a new Nota Dinas", ["sibapo-app", "vm-local-resize", 4, "2026-09-15", null, 60, 10, 5, 75, 75, 360, true]],
    // Wed 07:30 → PR 08:00 (30) → approved 09:00 (60) → active applied Mon 09:00 (360 + 450 + 480 + 90) → verified (0)
    ["PDN VM ends when it is active", ["sipd-pdn", "vm-pdn", 6, "2026-09-16", 30, 60, 1380, 0, 1470, 7290, 2010, true]],
    ["merged but never applied", ["jdih", "subdomain", null, "2026-09-22", null, null, null, null, null, null, 125, null]],
  ];
  test.each(rows)("%s", (_name, expected) => {
    const c = CASES.find((x) => x.id === expected[0] && x.service === expected[1])!;
    expect(pick(c)).toEqual(expected);
  });
  test("a PDN VM never set active stays open", () => {
    const [c] = buildCases(EVENTS.slice(5, 7), RECORDS, OC);
    expect(pick(c!)).toEqual(["sipd-pdn", "vm-pdn", 6, "2026-09-16", 30, 60, null, null, null, null, 2010, null]);
  });
  test("a resize with a new Nota Dinas counts from it", () => {
    const e = event(4, "2026-09-15T03:05:00Z", "sibapo-app", VM({ notaDinasDate: "2026-09-14" }), VM({ notaDinasDate: "2026-09-15", size: { cpu: 4, memoryGb: 4, diskGb: 40 } }));
    const [c] = buildCases([e], RECORDS, OC);
    // Tue 07:30 → PR 09:00 (90) + 75
    expect([c!.steps.filing, c!.workingMinutes]).toEqual([90, 165]);
  });
});

describe("changeType and serviceOf", () => {
  const rows: [string, number, string, string | null][] = [
    ["subdomain create", 0, "create", "subdomain"],
    ["hosting create", 1, "create", "hosting"],
    ["local VM create", 2, "create", "vm-local"],
    ["local VM resize", 3, "update", "vm-local-resize"],
    ["local VM other update", 4, "update", null],
    ["PDN create", 5, "create", "vm-pdn"],
    ["PDN ticket update", 6, "update", null],
    ["decommission", 9, "decommission", null],
  ];
  test.each(rows)("%s", (_n, i, type, service) => {
    expect([changeType(EVENTS[i]!), serviceOf(EVENTS[i]!)]).toEqual([type, service]);
  });
  test("removal and API", () => {
    expect(changeType(event(1, "2026-09-01T00:00:00Z", "x", version({ kind: "ApiAccess" }), null))).toBe("remove");
    expect(serviceOf(event(1, "2026-09-01T00:00:00Z", "x", null, version({ kind: "ApiAccess" })))).toBe("api");
    expect(serviceOf(event(1, "2026-09-01T00:00:00Z", "x", null, PDN("submitted")))).toBe("vm-pdn");
    expect(serviceOf(event(1, "2026-09-01T00:00:00Z", "x", null, version({ kind: "Subdomain", status: "decommissioned" })))).toBe(null);
    expect(serviceOf(event(1, "2026-09-01T00:00:00Z", "x", PDN("active"), { ...PDN("active"), size: { cpu: 8, memoryGb: 4, diskGb: 40 } }))).toBe("vm-pdn-resize");
  });
});


describe("a direct push without a new Nota Dinas", () => {
  test("starts when it reached main", () => {
    const e = event(4, "2026-09-15T03:05:00Z", "sibapo-app", VM({ notaDinasDate: "2026-09-14" }), VM({ notaDinasDate: "2026-09-14", size: { cpu: 4, memoryGb: 4, diskGb: 40 } }));
    const rec = { ...RECORDS[4]!, pullRequest: null };
    const [c] = buildCases([e], [rec], OC);
    // Tue 10:05 WIB (main) → applied 10:10 → verified 10:15
    expect([c!.mergedAt, c!.steps.approval, c!.steps.apply, c!.steps.verify, c!.workingMinutes]).toEqual(["2026-09-15T03:05:00Z", null, 5, 5, 10]);
  });
});
