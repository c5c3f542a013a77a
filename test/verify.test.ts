/** `pusdat verify` end to end (the first test in the real process): a good apply, the JSON record shape, and failures said per check. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { Verification } from "../infra/core/archive/record";
import { certEnd, cli, cliProcess, PASSWORD, setPorts, steady, type World, world } from "./support/verify-world";

jest.setTimeout(30_000);

const ALL = ["sibapo", "ppid", "jdih", "disdik-web", "kec-lama", "sibapo-app", "eoffice-lama", "sipd-uji", "sipd-antre", "pangan-uji"];

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.stop();
});

// The real process, as CI runs it: this file's other tests run the same CLI in this process.
test("after a good apply every check passes (text), and the password appears nowhere", async () => {
  const r = await cliProcess(w, [...ALL, "--passwords-file", "sandi.json"]);
  const { ssh, open } = w.ports;
  expect(r.err).toBe("");
  expect(steady(r.out)).toBe(
    [
      "Tes akses stack uji: 10 permintaan",
      "sibapo (Subdomain, diubah): LULUS",
      `  [lulus] dns: sibapo.uji.test A 127.0.0.1 (proxied; resolver ${w.dns.address}) (N ms)`,
      "  [lulus] https: https://sibapo.uji.test/ lewat 127.0.0.1 menjawab HTTP 200 (N ms)",
      "  [lulus] tls: sertifikat sah untuk sibapo.uji.test sampai " + certEnd() + " (44 hari lagi) (N ms)",
      "ppid (Subdomain, diubah): LULUS",
      `  [lulus] dns: ppid.uji.test A 203.0.113.20 (resolver ${w.dns.address}) (N ms)`,
      "jdih (Subdomain, diubah): LULUS",
      `  [lulus] dns: jdih.uji.test CNAME jdih.example.org (resolver ${w.dns.address}) (N ms)`,
      "disdik-web (HostingAccount, diubah): LULUS",
      "  [lulus] whm-account: akun disdikweb aktif di WHM, domain disdik.uji.test, paket sedang, disk 120/5120 MB (N ms)",
      `  [lulus] dns: disdik.uji.test A 127.0.0.1 (proxied; resolver ${w.dns.address}) (N ms)`,
      "  [lulus] https: https://disdik.uji.test/ lewat 127.0.0.1 menjawab HTTP 200 (N ms)",
      "  [lulus] tls: sertifikat sah untuk disdik.uji.test sampai " + certEnd() + " (44 hari lagi) (N ms)",
      "  [lulus] origin: https://disdik.uji.test/ di server hosting 127.0.0.1 menjawab HTTP 200 (N ms)",
      "  [lulus] cpanel-login: login cPanel sebagai disdikweb dengan kata sandinya sendiri berhasil (kuota terpakai 120/5120 MB) (N ms)",
      "kec-lama (HostingAccount, dihentikan): LULUS",
      "  [lulus] whm-account: akun keclama disuspend sesuai penghentian layanan (N ms)",
      `  [lulus] dns: keclama.uji.test tidak lagi punya rekaman A (resolver ${w.dns.address}) (N ms)`,
      "sibapo-app (VirtualMachine, diubah): LULUS",
      "  [lulus] proxmox-status: VM 210 di node pve1 berstatus running (N ms)",
      "  [lulus] proxmox-config: VM 210: 2 inti, memori 4096 MB, disk scsi0 40 GB sesuai permintaan (N ms)",
      "  [lulus] guest-agent-ip: agen tamu VM 210 melaporkan alamat 127.0.0.1 (N ms)",
      ...[
        [ssh, `  [lulus] tcp-${ssh}: 127.0.0.1:${ssh} menjawab "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13" (N ms)`],
        [open, `  [lulus] tcp-${open}: 127.0.0.1:${open} menerima sambungan TCP (N ms)`],
      ]
        .sort((a, b) => (a[0] as number) - (b[0] as number))
        .map((x) => x[1] as string),
      "eoffice-lama (VirtualMachine, dihentikan): LULUS",
      "  [lulus] proxmox-status: VM 211 di node pve1 berstatus stopped (N ms)",
      "sipd-uji (VirtualMachine, diubah): LULUS",
      `  [lulus] tcp-${ssh}: 127.0.0.1:${ssh} menjawab "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13" (N ms)`,
      "sipd-antre (VirtualMachine, diubah): DILEWATI",
      "  [dilewati] pdn: VM PDN belum aktif (e-Tiket PDN-2026-000778 berstatus submitted); tes akses menunggu status active dan alamatnya (N ms)",
      "pangan-uji (ApiAccess, diubah): DILEWATI",
      "  [dilewati] splp: spec.exchange belum diisi (nama API, versi, tier di WSO2); langganan SPLP tetap langkah manual dan tidak diuji otomatis (N ms)",
      "Hasil: 8 lulus, 0 gagal, 2 dilewati.",
      "",
    ].join("\n"),
  );
  expect(r.code).toBe(0);
  expect(r.out + r.err).not.toContain(PASSWORD);
  expect(r.out + r.err).not.toContain(w.whm.token);
  expect(w.whm.logins).toEqual(["disdikweb"]);
  expect(w.pve.calls.every((c) => c.auth)).toBe(true);
});

test("JSON: each request's verify object is the archive record's, keyed by id", async () => {
  const r = await cli(w, ["sibapo", "kec-lama", "pangan-uji", "--format", "json", "--passwords-file", "sandi.json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  for (const q of Object.values(doc.requests) as { verify: unknown }[]) expect(Verification.safeParse(q.verify).success).toBe(true);
  for (const q of Object.values(doc.requests) as { verify: { at: string; checks: { durationMs: number }[] } }[]) {
    expect(q.verify.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    q.verify.at = "AT";
    for (const c of q.verify.checks) {
      expect(typeof c.durationMs).toBe("number");
      c.durationMs = 0;
    }
  }
  expect(doc).toEqual({
    schema: "pusdat-verify/v1",
    stack: "uji",
    since: null,
    result: "passed",
    requests: {
      sibapo: {
        kind: "Subdomain",
        change: "update",
        verify: {
          result: "passed",
          at: "AT",
          checks: [
            { name: "dns", result: "passed", detail: `sibapo.uji.test A 127.0.0.1 (proxied; resolver ${w.dns.address})`, durationMs: 0 },
            { name: "https", result: "passed", detail: "https://sibapo.uji.test/ lewat 127.0.0.1 menjawab HTTP 200", durationMs: 0 },
            { name: "tls", result: "passed", detail: `sertifikat sah untuk sibapo.uji.test sampai ${certEnd()} (44 hari lagi)`, durationMs: 0 },
          ],
        },
      },
      "kec-lama": {
        kind: "HostingAccount",
        change: "decommission",
        verify: {
          result: "passed",
          at: "AT",
          checks: [
            { name: "whm-account", result: "passed", detail: "akun keclama disuspend sesuai penghentian layanan", durationMs: 0 },
            { name: "dns", result: "passed", detail: `keclama.uji.test tidak lagi punya rekaman A (resolver ${w.dns.address})`, durationMs: 0 },
          ],
        },
      },
      "pangan-uji": {
        kind: "ApiAccess",
        change: "update",
        verify: {
          result: "skipped",
          at: "AT",
          checks: [{ name: "splp", result: "skipped", detail: "spec.exchange belum diisi (nama API, versi, tier di WSO2); langganan SPLP tetap langkah manual dan tidak diuji otomatis", durationMs: 0 }],
        },
      },
    },
  });
});

test("what went wrong is said per check, exit 1: stale DNS, wrong plan, wrong password, stopped VM, silent SSH port", async () => {
  w.dns.set("A", "ppid.uji.test", ["203.0.113.99"]);
  w.whm.accounts.get("disdikweb")!.plan = "kecil";
  fs.writeFileSync(path.join(w.root, "sandi.json"), JSON.stringify({ "disdik-web": "sandi-yang-salah" }));
  w.pve.vms.get(210)!.status = "stopped";
  w.pve.vms.get(210)!.memoryMb = 2048;
  setPorts(w.root, "vm/sipd-uji", [w.ports.silent]);
  const stack = parse(fs.readFileSync(path.join(w.root, "Pulumi.uji.yaml"), "utf8"));
  stack.config["pusdat:verify"].sshPorts = [w.ports.ssh, w.ports.silent];
  fs.writeFileSync(path.join(w.root, "Pulumi.uji.yaml"), stringify(stack));

  const r = await cli(w, ["ppid", "disdik-web", "sibapo-app", "sipd-uji", "--passwords-file", "sandi.json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(1);
  const failed = steady(r.out)
    .split("\n")
    .filter((l) => l.startsWith("  [gagal]") || /^\S.*: (GAGAL|LULUS)$/.test(l) || l.startsWith("Hasil"));
  expect(failed).toEqual([
    "ppid (Subdomain, diubah): GAGAL",
    `  [gagal] dns: ppid.uji.test A: resolver ${w.dns.address} menjawab 203.0.113.99; yang diminta: 203.0.113.20 (N ms)`,
    "disdik-web (HostingAccount, diubah): GAGAL",
    "  [gagal] whm-account: akun disdikweb: paket kecil, yang diminta sedang (N ms)",
    "  [gagal] cpanel-login: cPanel menolak login disdikweb (HTTP 401): nama pengguna atau kata sandi salah, atau akun disuspend (N ms)",
    "sibapo-app (VirtualMachine, diubah): GAGAL",
    "  [gagal] proxmox-status: VM 210 di node pve1 berstatus stopped; seharusnya running (N ms)",
    "  [gagal] proxmox-config: konfigurasi VM 210 tidak sesuai permintaan: memori 2048 MB, yang diminta 4096 MB (4 GB) (N ms)",
    `  [gagal] guest-agent-ip: Proxmox menjawab HTTP 500 untuk GET /nodes/pve1/qemu/210/agent/network-get-interfaces: QEMU guest agent is not running (N ms)`,
    "sipd-uji (VirtualMachine, diubah): GAGAL",
    `  [gagal] tcp-${w.ports.silent}: 127.0.0.1:${w.ports.silent} menerima sambungan tetapi tidak mengirim identitas dalam 3 detik (N ms)`,
    "Hasil: 0 lulus, 4 gagal, 0 dilewati.",
  ]);
  expect(r.out + r.err).not.toContain("sandi-yang-salah");
});
