import { ctx, findings, req } from "../../../test/support/requests";
import { nodeCapacity, opdTotals, overruns } from "./capacity";

describe("overruns", () => {
  test("adds up in order and names every item past the limit", () => {
    const items = [{ k: "a", n: 3 }, { k: "a", n: 2 }, { k: "b", n: 9 }, { k: "a", n: 1 }];
    expect(overruns(items, (i) => i.k, (i) => ({ n: i.n }), (k) => (k === "a" ? { n: 4 } : undefined))).toEqual([
      { item: items[1], key: "a", field: "n", before: 3, after: 5, limit: 4 },
      { item: items[3], key: "a", field: "n", before: 5, after: 6, limit: 4 },
    ]);
  });
});

const vm = (id: string, date: string, spec: object, opd = "Dinas Uji") =>
  req("vm/sibapo-app", { metadata: { id, opd, notaDinas: { date } }, spec: { hostname: id, ...spec } });

describe("capacity rules", () => {
  test.each([
    ["memory is not overcommitted: 64 GB fits exactly, one more GB does not", nodeCapacity,
      [vm("vb", "2026-10-02", { memoryGb: 32, node: "pve1" }), vm("va", "2026-10-01", { memoryGb: 32, node: "pve1" }), vm("vc", "2026-10-03", { memoryGb: 1, node: "pve1" })],
      ["vc.yaml spec.memoryGb: kapasitas memori node pve1 terlampaui: 65 GB dari 64 GB (64 GB × overcommit 1); sisa sebelum permintaan ini 0 GB"]],
    ["CPU is overcommitted 4x: 64 cores on a 16-core node", nodeCapacity,
      Array.from({ length: 9 }, (_, i) => vm(`v${i}`, `2026-10-0${i + 1}`, { cpu: 8, memoryGb: 1, diskGb: 10, node: "pve2" }, `OPD ${i}`)),
      ["v8.yaml spec.cpu: kapasitas CPU node pve2 terlampaui: 72 inti dari 64 inti (16 inti × overcommit 4); sisa sebelum permintaan ini 0 inti"]],
    ["decommissioned VMs hold no capacity", nodeCapacity,
      [vm("va", "2026-10-01", { memoryGb: 60, node: "pve1" }), req("vm/eoffice-lama", { spec: { memoryGb: 30 } })], []],
    ["different nodes do not add up", nodeCapacity,
      [vm("va", "2026-10-01", { memoryGb: 32, diskGb: 600, node: "pve1" }), vm("vb", "2026-10-02", { memoryGb: 32, diskGb: 600, node: "pve2" })], []],
    ["OPD memory total, compared without regard to case and spacing", opdTotals,
      [vm("va", "2026-10-01", { memoryGb: 32, node: "pve1" }), vm("vb", "2026-10-02", { memoryGb: 32, node: "pve2" }, "dinas  uji"), vm("vc", "2026-10-03", { memoryGb: 32, node: "pve2" }, "DINAS UJI"), vm("vd", "2026-10-04", { memoryGb: 1, node: "pve1" })],
      ['vd.yaml spec.memoryGb: total memori OPD "Dinas Uji" menjadi 97 GB; batas per OPD 96 GB (sudah terpakai 96 GB)']],
    ["PDN VMs do not count toward the OPD total", opdTotals,
      [vm("va", "2026-10-01", { cpu: 8, node: "pve1" }), vm("vb", "2026-10-02", { cpu: 8, node: "pve2" }), vm("vc", "2026-10-03", { cpu: 8, node: "pve2" }), req("vm/sipd-bappeda", { metadata: { opd: "Dinas Uji" }, spec: { cpu: 8 } })], []],
  ])("%s", (_n, rule, requests, expected) => expect(findings(rule, ctx(requests))).toEqual(expected));

  test("hosting accounts per OPD", () => {
    const accounts = Array.from({ length: 11 }, (_, i) =>
      req("hosting/disdik-web", { metadata: { id: `hh${i}`, notaDinas: { date: `2026-10-${String(i + 1).padStart(2, "0")}` } }, spec: { domain: `hh${i}`, username: `hh${i}` } }),
    );
    expect(findings(opdTotals, ctx(accounts))).toEqual(['hh10.yaml spec.username: total akun hosting OPD "Dinas Pendidikan" menjadi 11 akun; batas per OPD 10 akun (sudah terpakai 10 akun)']);
  });
});
