/**
 * `pusdat monitor` end to end on 127.0.0.1: WHM, Proxmox, DNS, HTTPS and TCP stand-ins; the CLI in a
 * child process as the scheduled workflow runs it for the healthy round, in this process for the rest.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { daysAgo, monitorCli, monitorProcess, monitorWorld, PDN_BACKUP_DAYS_AGO, steadyAt } from "./support/monitor-world";
import type { World } from "./support/verify-world";

jest.setTimeout(60_000);

let w: World;
beforeEach(async () => {
  w = await monitorWorld();
});
afterEach(async () => {
  await w.stop();
});

const steady = (w: World, text: string) => steadyAt(text).replaceAll(`tcp-${w.ports.ssh}`, "tcp-SSH");
const statusLines = (healthyVm = "NORMAL     VM lokal sibapo-app: normal: berjalan, CPU 5%, memori 25%, cadangan " + daysAgo(1)) => [
  "Status sasaran:",
  `  NORMAL     hosting disdik-web: normal: aktif, disk 2%, cadangan ${daysAgo(2)}`,
  "  NORMAL     hosting kec-lama: normal: ditangguhkan sesuai penghentian",
  "  NORMAL     VM lokal eoffice-lama: normal: stopped sesuai penghentian",
  `  ${healthyVm}`,
  "  NORMAL     subdomain jdih: normal: dns",
  "  NORMAL     subdomain ppid: normal: dns",
  "  NORMAL     subdomain sibapo: normal: dns, https, tls, sertifikat 44 hari lagi",
  `  NORMAL     VM PDN sipd-uji: normal: tcp-SSH, cadangan PDN ${daysAgo(PDN_BACKUP_DAYS_AGO)}`,
];

test("a healthy world: every service normal, exit 0, no Proxmox or WHM change", async () => {
  const r = await monitorProcess(w, []);
  expect(steady(w, r.out)).toBe(["Pemantauan layanan stack uji, <waktu>", "8 sasaran, 0 galat, 0 peringatan, 0 tindakan --heal berhasil", "", ...statusLines(), ""].join("\n"));
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  // One listaccts for all accounts, one cluster/resources for all VMs: no per-target polling. The
  // newest restore point holds every active account, so older ones are not read.
  // The account list and the backup dates are asked at once, so only the restore point's read has an order.
  const fns = w.whm.calls.map((c) => c.fn);
  expect([...fns].sort()).toEqual(["backup_date_list", "backup_user_list", "listaccts"]);
  expect(fns.indexOf("backup_user_list")).toBeGreaterThan(fns.indexOf("backup_date_list"));
  // The VM list and the node's backup listing are asked at once too: exactly these two, in either order.
  expect(w.pve.calls.map((c) => c.path).sort()).toEqual(["/api2/json/cluster/resources?type=vm", "/api2/json/nodes/pve1/storage/cadangan/content?content=backup"]);
  expect(w.pve.calls.some((c) => c.method === "POST")).toBe(false);
});

test("a decommissioned VM that runs and an active one that stopped: errors, exit 1; without --heal nothing is started", async () => {
  w.pve.vms.get(211)!.status = "running";
  w.pve.vms.get(210)!.status = "stopped";
  w.whm.accounts.get("disdikweb")!.suspended = true;
  const r = await monitorCli(w, ["--format", "json"]);
  expect(r.code).toBe(1);
  const report = JSON.parse(r.out);
  expect(report.findings).toEqual([
    { id: "disdik-web", kind: "hosting", code: "account-suspended", severity: "error", message: "akun disdikweb ditangguhkan, padahal permintaannya aktif" },
    { id: "eoffice-lama", kind: "vm", code: "decommissioned-running", severity: "error", message: "permintaan sudah dihentikan, tetapi VM 211 di pve1 masih berjalan (harus mati)" },
    { id: "sibapo-app", kind: "vm", code: "vm-stopped", severity: "error", message: "VM 210 di pve1 berstatus stopped, padahal permintaannya aktif" },
  ]);
  expect(report.heal).toEqual([]);
  expect(report.summary).toEqual({ targets: 8, errors: 3, warnings: 0, healed: 0 });
  expect(report.schema).toBe("pusdat-pemantauan/v1");
  expect(w.pve.calls.some((c) => c.method === "POST")).toBe(false);
  expect(w.whm.calls.map((c) => c.fn)).not.toContain("unsuspendacct");
});

test("--heal starts the stopped VM and unsuspends the account, never touches the decommissioned ones, and lists every action", async () => {
  w.pve.vms.get(211)!.status = "running";
  w.pve.vms.get(210)!.status = "stopped";
  w.whm.accounts.get("disdikweb")!.suspended = true;
  const r = await monitorCli(w, ["--heal"]);
  expect(steady(w, r.out)).toBe(
    [
      "Pemantauan layanan stack uji, <waktu>",
      "8 sasaran, 1 galat, 2 peringatan, 2 tindakan --heal berhasil",
      "",
      "Status sasaran:",
      "  PERINGATAN hosting disdik-web: akun disdikweb ditangguhkan; diaktifkan kembali oleh --heal",
      "  NORMAL     hosting kec-lama: normal: ditangguhkan sesuai penghentian",
      "  GALAT      VM lokal eoffice-lama: permintaan sudah dihentikan, tetapi VM 211 di pve1 masih berjalan (harus mati)",
      "  PERINGATAN VM lokal sibapo-app: VM 210 di pve1 berstatus stopped; dinyalakan kembali oleh --heal",
      "  NORMAL     subdomain jdih: normal: dns",
      "  NORMAL     subdomain ppid: normal: dns",
      "  NORMAL     subdomain sibapo: normal: dns, https, tls, sertifikat 44 hari lagi",
      `  NORMAL     VM PDN sipd-uji: normal: tcp-SSH, cadangan PDN ${daysAgo(PDN_BACKUP_DAYS_AGO)}`,
      "",
      "Temuan:",
      "  [PERINGATAN] hosting disdik-web: akun disdikweb ditangguhkan; diaktifkan kembali oleh --heal (account-suspended)",
      "  [GALAT] VM lokal eoffice-lama: permintaan sudah dihentikan, tetapi VM 211 di pve1 masih berjalan (harus mati) (decommissioned-running)",
      "  [PERINGATAN] VM lokal sibapo-app: VM 210 di pve1 berstatus stopped; dinyalakan kembali oleh --heal (vm-stopped)",
      "",
      "Tindakan --heal:",
      "  aktifkan kembali akun disdikweb (disdik-web): berhasil: WHM unsuspendacct disdikweb berhasil",
      "  nyalakan VM 210 di pve1 (sibapo-app): berhasil: tugas Proxmox qmstart selesai: OK",
      "",
    ].join("\n"),
  );
  expect(r.code).toBe(1); // the decommissioned VM still runs: a person decides
  expect(w.pve.vms.get(210)!.status).toBe("running");
  expect(w.pve.vms.get(211)!.status).toBe("running");
  expect(w.whm.accounts.get("disdikweb")!.suspended).toBe(false);
  expect(w.whm.accounts.get("keclama")!.suspended).toBe(true);
  expect(w.pve.calls.filter((c) => c.method === "POST").map((c) => c.path)).toEqual(["/api2/json/nodes/pve1/qemu/210/status/start"]);
  expect(w.whm.calls.filter((c) => c.fn === "unsuspendacct").map((c) => c.params.user)).toEqual(["disdikweb"]);
});

test("a start task that fails is reported as a failed action and the VM stays an error", async () => {
  w.pve.vms.get(210)!.status = "stopped";
  w.pve.startExit = "start failed: QEMU exited with code 1";
  const r = await monitorCli(w, ["--heal", "--format", "json"]);
  const report = JSON.parse(r.out);
  expect(report.heal).toEqual([
    { action: "start-vm", id: "sibapo-app", node: "pve1", vmid: 210, result: "failed", detail: "tugas Proxmox qmstart gagal: start failed: QEMU exited with code 1" },
  ]);
  expect(report.findings.map((f: { code: string; severity: string }) => `${f.code} ${f.severity}`)).toEqual(["vm-stopped error"]);
  expect(r.code).toBe(1);
});

test("old backups, missing backups and a full disk are found", async () => {
  w.whm.backups.clear();
  w.whm.backups.set(daysAgo(31), ["disdikweb"]);
  w.whm.diskUsedMb.set("disdikweb", 4900);
  w.pve.backups.splice(0);
  const r = await monitorCli(w, ["--format", "markdown"]);
  expect(r.code).toBe(1);
  expect(steady(w, r.out)).toBe(
    [
      "## Pemantauan layanan stack uji",
      "",
      "Waktu: <waktu>  ",
      "Ringkasan: 8 sasaran, 3 galat, 0 peringatan, 0 tindakan --heal berhasil",
      "",
      "| status | jenis | id | keterangan |",
      "|---|---|---|---|",
      `| GALAT | hosting | disdik-web | disk akun disdikweb terpakai 96% (4900/5120 MB), mencapai batas galat 95%; cadangan terbaru akun disdikweb bertanggal ${daysAgo(31)} (31 hari), melebihi batas 30 hari |`,
      "| NORMAL | hosting | kec-lama | normal: ditangguhkan sesuai penghentian |",
      "| NORMAL | VM lokal | eoffice-lama | normal: stopped sesuai penghentian |",
      "| GALAT | VM lokal | sibapo-app | tidak ada cadangan vzdump untuk VM 210 |",
      "| NORMAL | subdomain | jdih | normal: dns |",
      "| NORMAL | subdomain | ppid | normal: dns |",
      "| NORMAL | subdomain | sibapo | normal: dns, https, tls, sertifikat 44 hari lagi |",
      `| NORMAL | VM PDN | sipd-uji | normal: tcp-SSH, cadangan PDN ${daysAgo(PDN_BACKUP_DAYS_AGO)} |`,
      "",
      "### Temuan",
      "",
      "- [GALAT] hosting disdik-web: disk akun disdikweb terpakai 96% (4900/5120 MB), mencapai batas galat 95% (disk-usage)",
      `- [GALAT] hosting disdik-web: cadangan terbaru akun disdikweb bertanggal ${daysAgo(31)} (31 hari), melebihi batas 30 hari (backup-old)`,
      "- [GALAT] VM lokal sibapo-app: tidak ada cadangan vzdump untuk VM 210 (backup-missing)",
      "",
    ].join("\n"),
  );
});

test("a DNS answer that differs from the request is an error", async () => {
  w.dns.set("A", "ppid.uji.test", ["203.0.113.99"]);
  const r = await monitorCli(w, ["--format", "json"]);
  const report = JSON.parse(r.out);
  expect(report.findings.map((f: { id: string; code: string }) => `${f.id} ${f.code}`)).toEqual(["ppid dns-failed"]);
  expect(report.findings[0].message).toContain("203.0.113.99");
  expect(r.code).toBe(1);
});

test("missing credentials are a usage error, exit 2, and no token is printed", async () => {
  const r = await monitorCli(w, [], { WHM_API_TOKEN: "", PROXMOX_VE_API_TOKEN: "" });
  expect(r.err).toBe("kredensial tidak ada di lingkungan: WHM_API_TOKEN (akun hosting); PROXMOX_VE_API_TOKEN (VM Pusat Komputasi)\n");
  expect(r.out).toBe("");
  expect(r.code).toBe(2);
});

test("tokens never appear in the output", async () => {
  w.pve.vms.get(210)!.status = "stopped";
  const r = await monitorCli(w, ["--heal", "--format", "json"], { WHM_API_TOKEN: "salah-token-whm" });
  expect(r.out + r.err).not.toContain("salah-token-whm");
  expect(r.out + r.err).not.toContain(w.pve.token);
  expect(JSON.parse(r.out).findings[0].message).toBe("data akun WHM tidak dapat diambil: WHM menolak token API (HTTP 401) untuk listaccts; periksa WHM_API_TOKEN dan izinnya");
});

test("--pdf writes the report; --write-arsip commits it to arsip and a second run the same day gets the next name", async () => {
  // The world is already a repository whose arsip holds one PDN backup record (monitorWorld).
  const git = (...args: string[]) => execFileSync("git", args, { cwd: w.root, encoding: "utf8" });
  const pdnRecord = `cadangan-pdn/sipd-uji/${daysAgo(PDN_BACKUP_DAYS_AGO)}.json`;
  const pdf = path.join(w.root, "laporan.pdf");
  const first = await monitorCli(w, ["--pdf", pdf, "--write-arsip"]);
  expect(first.code).toBe(0);
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  const second = await monitorCli(w, ["--write-arsip", "--format", "json"]);
  expect(second.code).toBe(0);
  const files = git("ls-tree", "-r", "--name-only", "arsip").trim().split("\n");
  const day = JSON.parse(second.out).at; // both runs fall on the same Jakarta day unless midnight passes between them
  const jakarta = new Date(Date.parse(day) + 7 * 3600_000).toISOString().slice(0, 10);
  const dir = `pemantauan/${jakarta.slice(0, 4)}`;
  expect(files).toEqual([pdnRecord, `${dir}/${jakarta}-2.json`, `${dir}/${jakarta}-2.pdf`, `${dir}/${jakarta}.json`, `${dir}/${jakarta}.pdf`]);
  expect(git("show", `arsip:${dir}/${jakarta}-2.json`)).toBe(second.out);
  expect(git("rev-list", "--count", "arsip").trim()).toBe("3");
  expect(second.err).toMatch(new RegExp(`^Laporan disimpan ke cabang arsip \\([0-9a-f]{12}\\): ${dir}/${jakarta}-2.json, ${dir}/${jakarta}-2.pdf\\n$`));
});

test("a backup storage that never answers costs one timeout and is reported, the rest of the round goes on", async () => {
  w.pve.hangPaths.add("/api2/json/nodes/pve1/storage/cadangan/content?content=backup");
  const r = await monitorCli(w, ["--format", "json"]);
  const report = JSON.parse(r.out);
  expect(report.findings.map((f: { id: string; code: string; severity: string }) => `${f.id} ${f.code} ${f.severity}`)).toEqual(["sibapo-app backup-unknown warning"]);
  // The client's own timeout and the pool's fire at the same limit; either one's words are accepted.
  expect(report.findings[0].message).toMatch(/^daftar cadangan di node pve1 tidak dapat diambil: (Proxmox: https:\/\/127\.0\.0\.1:\d+ )?tidak menjawab dalam 5 detik$/);
  expect(report.targets.find((t: { id: string }) => t.id === "eoffice-lama").status).toBe("ok");
  expect(r.code).toBe(0);
});
