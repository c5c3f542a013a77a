import { dateText, requestVersion } from "./version";

describe("requestVersion reads old files tolerantly", () => {
  const rows: [string, Record<string, unknown>, unknown][] = [
    ["a subdomain", { kind: "Subdomain", metadata: { opd: " Dinas Perdagangan ", notaDinas: { date: "2026-09-07" } } }, { kind: "Subdomain", opd: "Dinas Perdagangan", notaDinasDate: "2026-09-07", status: "active" }],
    ["a YAML timestamp date", { kind: "HostingAccount", metadata: { opd: "Dinkes", notaDinas: { date: new Date("2026-10-01T00:00:00Z") }, status: "decommissioned" } }, { kind: "HostingAccount", opd: "Dinkes", notaDinasDate: "2026-10-01", status: "decommissioned" }],
    [
      "a PDN VM",
      { kind: "VirtualMachine", metadata: { opd: "Bappeda", notaDinas: { date: "2026-09-16" } }, spec: { location: "pdn", cpu: 2, memoryGb: 8, diskGb: 100, pdn: { ticket: "PDN-1", state: "active" } } },
      { kind: "VirtualMachine", opd: "Bappeda", notaDinasDate: "2026-09-16", status: "active", location: "pdn", pdnState: "active", size: { cpu: 2, memoryGb: 8, diskGb: 100 } },
    ],
    ["a VM without sizes or memo", { kind: "VirtualMachine", metadata: {}, spec: { cpu: "dua" } }, { kind: "VirtualMachine", opd: "(OPD tidak tercatat)", notaDinasDate: null, status: "active", location: "pusat-komputasi" }],
    ["an unknown kind", { kind: "Printer", metadata: {} }, null],
    ["no kind", { metadata: {} }, null],
  ];
  test.each(rows)("%s", (_n, doc, expected) => expect(requestVersion(doc)).toEqual(expected));
  test.each([["2026-02-03", "2026-02-03"], ["3 Feb 2026", null], [20260203, null], [new Date("x"), null]] as [unknown, string | null][])("dateText(%p) = %p", (v, d) => expect(dateText(v)).toBe(d));
});
