import { DEFAULT_MONITOR } from "./config";
import { healPlan, judge } from "./judge";
import type { Facts, Target } from "./types";

const NOW = Date.parse("2026-11-23T03:00:00Z");
const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 1000;
const acct = (user: string, suspended: boolean, used: number | null = 120, limit: number | null = 5120) => ({ user, suspended, diskUsedMb: used, diskLimitMb: limit });
const vm = (vmid: number, status: string, cpu = 0.1, mem = 1, max = 4) => ({ vmid, node: "pve1", status, cpu, memBytes: mem * 2 ** 30, maxMemBytes: max * 2 ** 30 });

const web: Target = { kind: "hosting", id: "web", user: "webu", decommissioned: false };
const old: Target = { kind: "hosting", id: "old", user: "oldu", decommissioned: true };
const app: Target = { kind: "vm", id: "app", node: "pve1", vmid: 210, decommissioned: false };
const gone: Target = { kind: "vm", id: "gone", node: "pve1", vmid: 211, decommissioned: true };

function facts(o: { accounts?: Record<string, ReturnType<typeof acct>>; newest?: Record<string, string>; vms?: Record<string, ReturnType<typeof vm>>; vz?: Record<string, number> }): Facts {
  return {
    hosting: { ok: true, accounts: o.accounts ?? {}, backups: { ok: true, newest: o.newest ?? {} } },
    proxmox: { ok: true, vms: o.vms ?? {}, backups: o.vz ?? {}, backupErrors: {} },
    probes: {},
  };
}

describe("judge: hosting and local VMs", () => {
  const cases: [string, Target, Facts, [string, string, string][]][] = [
    ["healthy account", web, facts({ accounts: { webu: acct("webu", false) }, newest: { webu: "2026-11-20" } }), []],
    ["suspended account", web, facts({ accounts: { webu: acct("webu", true) }, newest: { webu: "2026-11-20" } }), [["account-suspended", "error", "akun webu ditangguhkan, padahal permintaannya aktif"]]],
    ["missing account", web, facts({}), [["account-missing", "error", "akun cPanel webu tidak ada di WHM"]]],
    ["disk 80 % warns", web, facts({ accounts: { webu: acct("webu", false, 4096, 5120) }, newest: { webu: "2026-11-20" } }), [["disk-usage", "warning", "disk akun webu terpakai 80% (4096/5120 MB), melewati batas peringatan 80%"]]],
    ["disk 95 % errs", web, facts({ accounts: { webu: acct("webu", false, 4900, 5120) }, newest: { webu: "2026-11-20" } }), [["disk-usage", "error", "disk akun webu terpakai 96% (4900/5120 MB), mencapai batas galat 95%"]]],
    ["unlimited disk is not judged", web, facts({ accounts: { webu: acct("webu", false, 4900, null) }, newest: { webu: "2026-11-20" } }), []],
    ["backup 30 days old passes", web, facts({ accounts: { webu: acct("webu", false) }, newest: { webu: "2026-10-24" } }), []],
    ["backup 31 days old", web, facts({ accounts: { webu: acct("webu", false) }, newest: { webu: "2026-10-23" } }), [["backup-old", "error", "cadangan terbaru akun webu bertanggal 2026-10-23 (31 hari), melebihi batas 30 hari"]]],
    ["no backup", web, facts({ accounts: { webu: acct("webu", false) } }), [["backup-missing", "error", "tidak ada cadangan untuk akun webu"]]],
    ["decommissioned and suspended", old, facts({ accounts: { oldu: acct("oldu", true) } }), []],
    ["decommissioned but active", old, facts({ accounts: { oldu: acct("oldu", false) } }), [["decommissioned-active", "error", "permintaan sudah dihentikan, tetapi akun oldu masih aktif (harus ditangguhkan)"]]],
    ["running VM", app, facts({ vms: { 210: vm(210, "running") }, vz: { 210: day("2026-11-22") } }), []],
    ["stopped VM", app, facts({ vms: { 210: vm(210, "stopped") }, vz: { 210: day("2026-11-22") } }), [["vm-stopped", "error", "VM 210 di pve1 berstatus stopped, padahal permintaannya aktif"]]],
    ["missing VM", app, facts({}), [["vm-missing", "error", "VM 210 tidak ada di klaster Proxmox"]]],
    ["CPU 97 %", app, facts({ vms: { 210: vm(210, "running", 0.97) }, vz: { 210: day("2026-11-22") } }), [["cpu-usage", "error", "CPU VM 210 terpakai 97%, mencapai batas galat 95%"]]],
    ["memory 85 %", app, facts({ vms: { 210: vm(210, "running", 0.1, 3.4, 4) }, vz: { 210: day("2026-11-22") } }), [["memory-usage", "warning", "memori VM 210 terpakai 85%, melewati batas peringatan 80%"]]],
    ["old vzdump", app, facts({ vms: { 210: vm(210, "running") }, vz: { 210: day("2026-09-01") } }), [["backup-old", "error", "cadangan vzdump terbaru VM 210 bertanggal 2026-09-01 (83 hari), melebihi batas 30 hari"]]],
    ["no vzdump", app, facts({ vms: { 210: vm(210, "running") } }), [["backup-missing", "error", "tidak ada cadangan vzdump untuk VM 210"]]],
    ["decommissioned and stopped", gone, facts({ vms: { 211: vm(211, "stopped") } }), []],
    ["decommissioned but running", gone, facts({ vms: { 211: vm(211, "running") } }), [["decommissioned-running", "error", "permintaan sudah dihentikan, tetapi VM 211 di pve1 masih berjalan (harus mati)"]]],
  ];
  it.each(cases)("%s", (_name, target, f, want) => {
    const got = judge([target], f, DEFAULT_MONITOR, NOW).findings.map((x) => [x.code, x.severity, x.message]);
    expect(got).toEqual(want);
  });

  it("a failed WHM call is an error for every account", () => {
    const f: Facts = { hosting: { ok: false, error: "WHM tidak menjawab listaccts dalam 5 detik" }, proxmox: null, probes: {} };
    expect(judge([web, old], f, DEFAULT_MONITOR, NOW).findings.map((x) => x.message)).toEqual([
      "data akun WHM tidak dapat diambil: WHM tidak menjawab listaccts dalam 5 detik",
      "data akun WHM tidak dapat diambil: WHM tidak menjawab listaccts dalam 5 detik",
    ]);
  });

  it("a healed VM or account becomes a warning that says so", () => {
    const f = facts({ accounts: { webu: acct("webu", true) }, newest: { webu: "2026-11-20" }, vms: { 210: vm(210, "stopped") }, vz: { 210: day("2026-11-22") } });
    const heal = [
      { action: "start-vm" as const, id: "app", node: "pve1", vmid: 210, result: "succeeded" as const, detail: "OK" },
      { action: "unsuspend-account" as const, id: "web", user: "webu", result: "succeeded" as const, detail: "OK" },
    ];
    expect(judge([web, app], f, DEFAULT_MONITOR, NOW, heal).findings.map((x) => [x.severity, x.message])).toEqual([
      ["warning", "akun webu ditangguhkan; diaktifkan kembali oleh --heal"],
      ["warning", "VM 210 di pve1 berstatus stopped; dinyalakan kembali oleh --heal"],
    ]);
  });

  it("summaries say what was seen", () => {
    const f = facts({ accounts: { webu: acct("webu", false) }, newest: { webu: "2026-11-20" }, vms: { 210: vm(210, "running", 0.25, 1, 4) }, vz: { 210: day("2026-11-22") } });
    expect(judge([web, app], f, DEFAULT_MONITOR, NOW).targets).toEqual([
      { id: "web", kind: "hosting", status: "ok", summary: "normal: aktif, disk 2%, cadangan 2026-11-20" },
      { id: "app", kind: "vm", status: "ok", summary: "normal: berjalan, CPU 25%, memori 25%, cadangan 2026-11-22" },
    ]);
  });
});

describe("judge: subdomains and PDN VMs from the access test's checks", () => {
  const sub: Target = { kind: "subdomain", id: "sibapo", decommissioned: false, item: { id: "sibapo", change: "update", request: {} as never } };
  const check = (name: string, result: "passed" | "failed", detail: string) => ({ name, result, detail, durationMs: 1 });
  it.each([
    ["all passed, certificate 45 days", { ok: true as const, checks: [check("dns", "passed", "x"), check("tls", "passed", "y")], certValidTo: "2027-01-07T03:00:00.000Z" }, []],
    ["certificate 10 days", { ok: true as const, checks: [check("tls", "passed", "y")], certValidTo: "2026-12-03T03:00:00.000Z" }, [["cert-expiring", "warning", "sertifikat berakhir 2026-12-03 (10 hari lagi), kurang dari 14 hari"]]],
    ["https failed", { ok: true as const, checks: [check("https", "failed", "https://x/ menjawab HTTP 502")], certValidTo: null }, [["https-failed", "error", "https://x/ menjawab HTTP 502"]]],
    ["timed out", { ok: false as const, error: "tidak menjawab dalam 5 detik" }, [["check-failed", "error", "tidak menjawab dalam 5 detik"]]],
  ])("%s", (_n, probe, want) => {
    const f: Facts = { hosting: null, proxmox: null, probes: { sibapo: probe } };
    expect(judge([sub], f, DEFAULT_MONITOR, NOW).findings.map((x) => [x.code, x.severity, x.message])).toEqual(want);
  });
});

describe("healPlan", () => {
  it("starts stopped VMs and unsuspends accounts of active requests only", () => {
    const f = facts({ accounts: { webu: acct("webu", true), oldu: acct("oldu", true) }, vms: { 210: vm(210, "stopped"), 211: vm(211, "stopped") } });
    expect(healPlan([web, old, app, gone], f)).toEqual([
      { action: "unsuspend-account", id: "web", user: "webu" },
      { action: "start-vm", id: "app", node: "pve1", vmid: 210 },
    ]);
  });
  it("does nothing when everything runs", () => {
    expect(healPlan([web, app], facts({ accounts: { webu: acct("webu", false) }, vms: { 210: vm(210, "running") } }))).toEqual([]);
  });
});
