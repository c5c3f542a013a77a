/**
 * `pusdat monitor` on 127.0.0.1 for what issue 13 left open: decommissioned subdomains (their record
 * must be gone) and PDN VMs (their ports must be silent), and the PDN backup evidence recorded with
 * `--catat-backup-pdn` on the arsip branch.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { daysAgo, monitorCli, monitorWorld } from "./support/monitor-world";
import type { World } from "./support/verify-world";

jest.setTimeout(60_000);

let w: World;
beforeEach(async () => {
  w = await monitorWorld();
});
afterEach(async () => {
  await w.stop();
});

const MEMO = { notaDinas: { number: "000.8.3.3/150/DISKOMINFO/2026", date: "2026-11-10" } };

/** A copy of a world request under a new id, decommissioned, with `spec` fields replaced. */
function decommissionedCopy(rel: string, id: string, spec: Record<string, unknown>) {
  const doc = parse(fs.readFileSync(path.join(w.root, "requests", `${rel}.yaml`), "utf8"));
  doc.metadata.id = id;
  doc.metadata.status = "decommissioned";
  doc.metadata.decommission = MEMO;
  Object.assign(doc.spec, spec);
  fs.writeFileSync(path.join(w.root, "requests", path.dirname(rel), `${id}.yaml`), stringify(doc));
}

/** A port on 127.0.0.1 where nothing listens (taken, then given back). */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

type F = { id: string; kind: string; code: string; severity: string; message: string };
type T = { id: string; kind: string; status: string; summary: string };

test("a decommissioned subdomain still answering with its address is an error; once the record is gone it is normal", async () => {
  decommissionedCopy("subdomain/ppid", "ppid-lama", { name: "ppid-lama", target: { ip: "203.0.113.30" } });
  w.dns.set("A", "ppid-lama.uji.test", ["203.0.113.30"]);
  const live = await monitorCli(w, ["--format", "json"]);
  const report = JSON.parse(live.out);
  expect(report.findings).toEqual([
    { id: "ppid-lama", kind: "subdomain", code: "decommissioned-resolves", severity: "error", message: "permintaan sudah dihentikan, tetapi ppid-lama.uji.test A masih menjawab 203.0.113.30, alamat permintaannya (rekaman harus dihapus)" },
  ]);
  expect(report.summary).toEqual({ targets: 9, errors: 1, warnings: 0, healed: 0 });
  expect(live.code).toBe(1);
  expect(w.dns.queries).toContain("A ppid-lama.uji.test");

  w.dns.records.delete("A ppid-lama.uji.test");
  const removed = await monitorCli(w, ["--format", "json"]);
  const after = JSON.parse(removed.out);
  expect(after.findings).toEqual([]);
  expect(after.targets.find((t: T) => t.id === "ppid-lama")).toEqual({ id: "ppid-lama", kind: "subdomain", status: "ok", summary: "normal: ppid-lama.uji.test tidak lagi terjawab DNS sesuai penghentian" });
  expect(removed.code).toBe(0);
});

test("a decommissioned name answering with another address is a warning, not an error", async () => {
  decommissionedCopy("subdomain/ppid", "ppid-lama", { name: "ppid-lama", target: { ip: "203.0.113.30" } });
  w.dns.set("A", "ppid-lama.uji.test", ["203.0.113.31"]);
  const r = await monitorCli(w, ["--format", "json"]);
  expect(JSON.parse(r.out).findings.map((f: F) => [f.id, f.code, f.severity])).toEqual([["ppid-lama", "decommissioned-answers", "warning"]]);
  expect(r.code).toBe(0);
});

test("a decommissioned PDN VM: a port still accepting is a warning, refused ports are normal, --heal never touches it", async () => {
  const closed = await closedPort();
  decommissionedCopy("vm/sipd-uji", "sipd-lama", { hostname: "sipd-lama", ports: [closed, w.ports.open], pdn: { ticket: "PDN-2026-000888", state: "active", address: "127.0.0.1" } });
  const r = await monitorCli(w, ["--format", "json", "--heal"]);
  const report = JSON.parse(r.out);
  expect(report.findings).toEqual([
    { id: "sipd-lama", kind: "pdn", code: "decommissioned-answers", severity: "warning", message: `permintaan sudah dihentikan (e-Tiket PDN-2026-000888), tetapi 127.0.0.1:${w.ports.open} masih menerima sambungan; tindak lanjuti penghentian di PDN` },
  ]);
  expect(report.heal).toEqual([]);
  expect(r.code).toBe(0);

  decommissionedCopy("vm/sipd-uji", "sipd-lama", { hostname: "sipd-lama", ports: [closed], pdn: { ticket: "PDN-2026-000888", state: "active", address: "127.0.0.1" } });
  const quiet = JSON.parse((await monitorCli(w, ["--format", "json"])).out);
  expect(quiet.targets.find((t: T) => t.id === "sipd-lama")).toEqual({ id: "sipd-lama", kind: "pdn", status: "ok", summary: `normal: port ${closed} di 127.0.0.1 tidak lagi menjawab sesuai penghentian` });
  expect(w.pve.calls.some((c) => c.method === "POST")).toBe(false);
});

test("PDN backup evidence: none is a warning naming the command; recorded with --catat-backup-pdn, its age is judged", async () => {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: w.root, encoding: "utf8" });
  git("update-ref", "-d", "refs/heads/arsip"); // start without the world's evidence
  const none = await monitorCli(w, ["--format", "json"]);
  expect(JSON.parse(none.out).findings).toEqual([
    {
      id: "sipd-uji",
      kind: "pdn",
      code: "backup-unrecorded",
      severity: "warning",
      message: 'belum ada bukti cadangan PDN tercatat; catat tanggal cadangan terbaru dari portal PDN atau balasan e-Tiket: pusdat monitor --catat-backup-pdn sipd-uji --tanggal YYYY-MM-DD --bukti "<di mana tanggal itu terlihat>"',
    },
  ]);
  expect(none.code).toBe(0);

  const old = daysAgo(100);
  const rec = await monitorCli(w, ["--catat-backup-pdn", "sipd-uji", "--tanggal", old, "--bukti", "balasan e-Tiket PDN-2026-000790"], { GITHUB_ACTOR: "teknisi-rina" });
  expect(rec.err).toBe("");
  expect(rec.out).toMatch(
    new RegExp(`^Bukti cadangan PDN sipd-uji bertanggal ${old} dicatat di cabang arsip \\([0-9a-f]{12}\\): cadangan-pdn/sipd-uji/${old}\\.json\\nCabang arsip di repositori ini sudah berubah; workflow cadangan-pdn mendorongnya ke forge \\(git push origin arsip\\)\\.\\n$`),
  );
  expect(rec.code).toBe(0);
  const stored = JSON.parse(git("show", `arsip:cadangan-pdn/sipd-uji/${old}.json`));
  expect({ ...stored, recordedAt: "<waktu>" }).toEqual({
    schema: "pusdat-cadangan-pdn/v1",
    stack: "uji",
    request: "sipd-uji",
    ticket: "PDN-2026-000777",
    backupDate: old,
    evidence: "balasan e-Tiket PDN-2026-000790",
    recordedAt: "<waktu>",
    recordedBy: "teknisi-rina",
  });
  const aged = await monitorCli(w, ["--format", "json"]);
  expect(JSON.parse(aged.out).findings.map((f: F) => [f.id, f.code, f.severity, f.message.split(";")[0]])).toEqual([
    ["sipd-uji", "backup-old", "error", `bukti cadangan PDN terbaru bertanggal ${old} (100 hari, balasan e-Tiket PDN-2026-000790), melebihi batas 90 hari`],
  ]);
  expect(aged.code).toBe(1);

  const again = await monitorCli(w, ["--catat-backup-pdn", "sipd-uji", "--tanggal", old, "--bukti", "portal PDN"]);
  expect(again.out).toContain(`cadangan-pdn/sipd-uji/${old}-2.json`); // never rewritten: the next free name
  const fresh = daysAgo(5);
  expect((await monitorCli(w, ["--catat-backup-pdn", "sipd-uji", "--tanggal", fresh, "--bukti", "portal PDN"])).code).toBe(0);
  const ok = await monitorCli(w, ["--format", "json"]);
  expect(JSON.parse(ok.out).targets.find((t: T) => t.id === "sipd-uji").summary).toBe(`normal: tcp-${w.ports.ssh}, cadangan PDN ${fresh}`);
  expect(ok.code).toBe(0);
  expect(git("rev-list", "--count", "arsip").trim()).toBe("3");
});

test.each([
  [["--catat-backup-pdn", "sibapo-app", "--tanggal", "2026-11-01", "--bukti", "portal PDN"], "--catat-backup-pdn sibapo-app: requests/vm/sibapo-app.yaml bukan VM PDN (location: pdn); cadangan lainnya dibaca langsung dari WHM dan Proxmox\n"],
  [["--catat-backup-pdn", "sipd-uji", "--tanggal", "2026-11-01"], '--catat-backup-pdn sipd-uji memerlukan --tanggal YYYY-MM-DD (tanggal cadangan terbaru) dan --bukti "<di mana tanggal itu terlihat>"\n'],
  [["--catat-backup-pdn", "sipd-uji", "--tanggal", "1-11-2026", "--bukti", "portal PDN"], '--tanggal "1-11-2026": bentuknya YYYY-MM-DD, mis. 2026-11-20\n'],
  [["--catat-backup-pdn", "sipd-uji", "--tanggal", "2026-11-01", "--bukti", "portal PDN", "--heal"], "--catat-backup-pdn hanya mencatat; jangan dipakai bersama --heal, --pdf atau --write-arsip\n"],
  [["--tanggal", "2026-11-01"], "--tanggal dan --bukti hanya dipakai bersama --catat-backup-pdn <id>\n"],
])("usage error %j: exit 2, nothing written, nothing contacted", async (args, err) => {
  const before = execFileSync("git", ["rev-parse", "arsip"], { cwd: w.root, encoding: "utf8" });
  const r = await monitorCli(w, args);
  expect(r.err).toBe(err);
  expect(r.out).toBe("");
  expect(r.code).toBe(2);
  expect(execFileSync("git", ["rev-parse", "arsip"], { cwd: w.root, encoding: "utf8" })).toBe(before);
  expect(w.whm.calls).toEqual([]);
  expect(w.pve.calls).toEqual([]);
});
