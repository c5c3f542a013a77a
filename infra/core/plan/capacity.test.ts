/** The capacity report the plan prints: per node and per OPD, from usageOf (kinds.ts), against the limits. */
import { ctx, req } from "../../../test/support/requests";
import { usageOf } from "../kinds";
import { capacityReport } from "./capacity";

test.each([
  ["a local VM uses its node and its OPD", "vm/sibapo-app", { node: "pve1", amounts: { cpu: 2, memoryGb: 4, diskGb: 40 }, countPath: ["spec", "cpu"] }],
  ["a hosting account counts one account", "hosting/disdik-web", { amounts: { hostingAccounts: 1 }, countPath: ["spec", "username"] }],
  ["a subdomain counts one subdomain", "subdomain/sibapo", { amounts: { subdomains: 1 }, countPath: ["spec", "name"] }],
  ["a PDN VM uses nothing here", "vm/sipd-bappeda", null],
  ["an API access uses nothing here", "api/simpeg-nik", null],
  ["a decommissioned VM holds no capacity", "vm/eoffice-lama", null],
])("usageOf: %s", (_n, sample, expected) => {
  expect(usageOf(req(sample).request)).toEqual(expected);
});

test("capacityReport adds up per node and per OPD, against capacity × overcommit and the OPD ceilings", () => {
  const c = ctx([req("vm/sibapo-app"), req("vm/simpeg-db"), req("vm/eoffice-lama"), req("subdomain/sibapo"), req("hosting/disdik-web"), req("api/simpeg-nik")]);
  const r = capacityReport(c.requests, c.site, c.ceilings);
  expect(r.nodes).toEqual([
    { key: "pve1", label: "pve1", used: { cpu: 2, memoryGb: 4, diskGb: 40 }, limit: { cpu: 64, memoryGb: 64, diskGb: 1000 } },
    { key: "pve2", label: "pve2", used: { cpu: 4, memoryGb: 16, diskGb: 200 }, limit: { cpu: 64, memoryGb: 64, diskGb: 1000 } },
  ]);
  const limit = { cpu: 24, memoryGb: 96, diskGb: 2000, hostingAccounts: 10, subdomains: 20 };
  expect(r.opds.map((o) => [o.label, o.used])).toEqual([
    ["Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", { cpu: 4, memoryGb: 16, diskGb: 200, hostingAccounts: 0, subdomains: 0 }],
    ["Dinas Pendidikan", { cpu: 0, memoryGb: 0, diskGb: 0, hostingAccounts: 1, subdomains: 0 }],
    ["Dinas Perdagangan", { cpu: 2, memoryGb: 4, diskGb: 40, hostingAccounts: 0, subdomains: 1 }],
  ]);
  expect(r.opds.every((o) => JSON.stringify(o.limit) === JSON.stringify(limit))).toBe(true);
});
