/**
 * `pusdat verify` end to end: the CLI in a child process (as CI runs it) against servers in this
 * process, all on 127.0.0.1: DNS over UDP, HTTPS with a certificate from a test CA (trusted through
 * NODE_EXTRA_CA_CERTS), WHM and cPanel over HTTPS, the Proxmox API, SSH-like and silent TCP ports.
 */
import { execFileSync, spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { Verification } from "../infra/core/archive/record";
import { main } from "../scripts/cli";
import { FakeDns } from "./support/fake-dns";
import { FakeProxmox } from "./support/fake-proxmox";
import { FakeWhm } from "./support/fake-whm";
import { makeCa, makeCert, type Pem, startHttps } from "./support/tls";
import { VERIFY_FIXTURE } from "./support/verify-fixture";

const REPO = path.resolve(__dirname, "..");
const PASSWORD = "Rahasia-Uji-Sandi-7731";
jest.setTimeout(30_000);

let ca: Pem;
let web: Pem;
let selfSigned: Pem;
beforeAll(async () => {
  ca = await makeCa();
  web = await makeCert(["sibapo.uji.test", "disdik.uji.test"], { ca, toDays: 45 });
  selfSigned = await makeCert(["127.0.0.1"]);
});

interface World {
  root: string;
  dns: FakeDns;
  whm: FakeWhm;
  pve: FakeProxmox;
  ports: { https: number; ssh: number; open: number; silent: number };
  stop(): Promise<void>;
}

async function tcpServer(onConn: (s: net.Socket) => void) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => (sockets.add(s), onConn(s)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))),
  };
}

/** Every server up and answering as after a successful `pulumi up`; a temp project pointing at them. */
async function world(): Promise<World> {
  const dns = new FakeDns();
  await dns.start();
  dns.set("A", "sibapo.uji.test", ["127.0.0.1"]).set("A", "ppid.uji.test", ["203.0.113.20"]).set("CNAME", "jdih.uji.test", ["jdih.example.org"]);
  dns.set("A", "disdik.uji.test", ["127.0.0.1"]);
  const whm = new FakeWhm();
  await whm.start(selfSigned);
  await whm.startCpanel(selfSigned);
  whm.accounts.set("disdikweb", { user: "disdikweb", domain: "disdik.uji.test", plan: "sedang", suspended: false, password: PASSWORD });
  whm.accounts.set("keclama", { user: "keclama", domain: "keclama.uji.test", plan: "kecil", suspended: true, password: "lama" });
  const pve = new FakeProxmox();
  await pve.start(selfSigned);
  pve.vms.set(210, { node: "pve1", status: "running", cores: 2, memoryMb: 4096, scsi0: "local-lvm:vm-210-disk-0,size=40G", addresses: ["127.0.0.1"] });
  pve.vms.set(211, { node: "pve1", status: "stopped", cores: 1, memoryMb: 2048, scsi0: "local-lvm:vm-211-disk-0,size=20G", addresses: null });
  const https = await startHttps({ default: web });
  const ssh = await tcpServer((s) => s.write("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n"));
  const open = await tcpServer(() => undefined);
  const silent = await tcpServer(() => undefined);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-verify-"));
  fs.cpSync(path.join(VERIFY_FIXTURE, "requests"), path.join(root, "requests"), { recursive: true });
  const stack = parse(fs.readFileSync(path.join(VERIFY_FIXTURE, "Pulumi.uji.yaml"), "utf8"));
  stack.config["pusdat:proxmox"].endpoint = pve.endpoint;
  stack.config["pusdat:verify"] = {
    ...stack.config["pusdat:verify"],
    resolvers: [dns.address],
    ports: { https: https.port, whm: whm.port, cpanel: whm.cpanelPort },
    sshPorts: [ssh.port],
  };
  fs.writeFileSync(path.join(root, "Pulumi.uji.yaml"), stringify(stack));
  setPorts(root, "vm/sibapo-app", [ssh.port, open.port]);
  setPorts(root, "vm/sipd-uji", [ssh.port]);
  fs.writeFileSync(path.join(root, "ca.pem"), ca.cert);
  fs.writeFileSync(path.join(root, "sandi.json"), JSON.stringify({ "disdik-web": PASSWORD }));
  return {
    root,
    dns,
    whm,
    pve,
    ports: { https: https.port, ssh: ssh.port, open: open.port, silent: silent.port },
    stop: async () => {
      await Promise.all([dns.stop(), whm.stop(), pve.stop(), https.stop(), ssh.stop(), open.stop(), silent.stop()]);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

function setPorts(root: string, rel: string, ports: number[]) {
  const file = path.join(root, "requests", `${rel}.yaml`);
  const doc = parse(fs.readFileSync(file, "utf8"));
  doc.spec.ports = ports;
  fs.writeFileSync(file, stringify(doc));
}

/** The CLI in a child process, asynchronously: the servers above live in this process's event loop. */
function cli(w: World, args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string }> {
  const base = { ...process.env };
  for (const k of ["WHM_HOST", "WHM_API_TOKEN", "PROXMOX_VE_API_TOKEN", "PROXMOX_VE_ENDPOINT"]) delete base[k];
  const child = spawn(process.execPath, [path.join(REPO, "scripts/pusdat.js"), "verify", "--stack", "uji", "--policy-config", path.join(REPO, "policies/config.json"), ...args], {
    cwd: w.root,
    env: { ...base, NODE_EXTRA_CA_CERTS: path.join(w.root, "ca.pem"), WHM_API_TOKEN: w.whm.token, PROXMOX_VE_API_TOKEN: w.pve.token, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, out, err })));
}

/** Durations vary run to run; everything else is asserted exactly. */
const steady = (text: string) => text.replace(/\(\d+ ms\)/g, "(N ms)");

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.stop();
});

const ALL = ["sibapo", "ppid", "jdih", "disdik-web", "kec-lama", "sibapo-app", "eoffice-lama", "sipd-uji", "sipd-antre", "pangan-uji"];

test("after a good apply every check passes (text), and the password appears nowhere", async () => {
  const r = await cli(w, [...ALL, "--passwords-file", "sandi.json"]);
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
      "  [dilewati] splp: penyediaan SPLP belum ada; akses API belum dapat diuji otomatis (N ms)",
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

/** The test certificate's end date as the probe reports it (UTC day). */
function certEnd(): string {
  return new Date(new X509Certificate(web.cert).validTo).toISOString().slice(0, 10);
}

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
          checks: [{ name: "splp", result: "skipped", detail: "penyediaan SPLP belum ada; akses API belum dapat diuji otomatis", durationMs: 0 }],
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
    `  [gagal] tcp-${w.ports.silent}: 127.0.0.1:${w.ports.silent} menerima sambungan tetapi tidak mengirim identitas dalam 1.5 detik (N ms)`,
    "Hasil: 0 lulus, 4 gagal, 0 dilewati.",
  ]);
  expect(r.out + r.err).not.toContain("sandi-yang-salah");
});

test("--wait: a DNS answer that changes after the first attempt passes on the second, said in the detail", async () => {
  w.dns.set("A", "ppid.uji.test", ["203.0.113.99"]);
  w.dns.afterAnswer = () => w.dns.set("A", "ppid.uji.test", ["203.0.113.20"]); // propagated right after the first answer
  const r = await cli(w, ["ppid", "--wait", "20"]);
  expect(r.err).toBe("");
  expect(steady(r.out)).toBe(
    [
      "Tes akses stack uji: 1 permintaan",
      "ppid (Subdomain, diubah): LULUS",
      `  [lulus] dns: ppid.uji.test A 203.0.113.20 (resolver ${w.dns.address}) (percobaan ke-2) (N ms)`,
      "Hasil: 1 lulus, 0 gagal, 0 dilewati.",
      "",
    ].join("\n"),
  );
  expect(r.code).toBe(0);
  expect(w.dns.queries).toEqual(["A ppid.uji.test", "A ppid.uji.test"]);
});

test("--wait: a failure that lasts is reported when the wait is over", async () => {
  w.dns.set("A", "ppid.uji.test", ["203.0.113.99"]);
  const r = await cli(w, ["ppid", "--wait", "2"]);
  expect(r.code).toBe(1);
  expect(steady(r.out).split("\n")[2]).toBe(
    `  [gagal] dns: ppid.uji.test A: resolver ${w.dns.address} menjawab 203.0.113.99; yang diminta: 203.0.113.20 (percobaan ke-3) (N ms)`,
  );
  expect(w.dns.queries).toEqual(["A ppid.uji.test", "A ppid.uji.test", "A ppid.uji.test"]);
});

test("--changed-since: changed and removed request files between REF and HEAD, as the record's change", async () => {
  const git = (...a: string[]) => execFileSync("git", ["-C", w.root, "-c", "user.name=Teknisi Uji", "-c", "user.email=teknisi@uji.test", ...a], { encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "awal");
  fs.rmSync(path.join(w.root, "requests/subdomain/jdih.yaml"));
  fs.rmSync(path.join(w.root, "requests/vm/eoffice-lama.yaml"));
  const file = path.join(w.root, "requests/hosting/disdik-web.yaml");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("plan: sedang", "plan: kecil"));
  git("commit", "-qam", "ubah");
  // jdih's record is gone from DNS; VM 211 still exists on Proxmox: removal not done.
  w.dns.records.delete("CNAME jdih.uji.test");

  const r = await cli(w, ["--changed-since", "HEAD~1", "--format", "json", "--passwords-file", "sandi.json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.out);
  expect(doc.since).toBe("HEAD~1");
  expect(
    Object.fromEntries(
      Object.entries(doc.requests as Record<string, { change: string; verify: { result: string; checks: { name: string; result: string; detail: string }[] } }>).map(([id, q]) => [
        id,
        [q.change, q.verify.result, q.verify.checks.filter((c) => c.result !== "passed").map((c) => `${c.name}: ${c.detail}`)],
      ]),
    ),
  ).toEqual({
    "disdik-web": ["update", "failed", ["whm-account: akun disdikweb: paket sedang, yang diminta kecil"]],
    "eoffice-lama": ["remove", "failed", ["proxmox-status: VM 211 di node pve1 masih ada (status stopped); seharusnya sudah dihapus"]],
    jdih: ["remove", "passed", []],
  });
});

test("nothing changed since REF: nothing to verify, exit 0", async () => {
  const git = (...a: string[]) => execFileSync("git", ["-C", w.root, "-c", "user.name=Teknisi Uji", "-c", "user.email=teknisi@uji.test", ...a], { encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "awal");
  const r = await cli(w, ["--changed-since", "HEAD"]);
  expect(r).toEqual({ code: 0, out: "Tes akses stack uji (perubahan sejak HEAD): 0 permintaan\nTidak ada permintaan yang berubah; tidak ada yang diuji.\nHasil: 0 lulus, 0 gagal, 0 dilewati.\n", err: "" });
});

test("usage and configuration errors exit 2 and say what is missing, never a secret", async () => {
  const noToken = await cli(w, ["disdik-web", "sibapo-app"], { WHM_API_TOKEN: undefined, PROXMOX_VE_API_TOKEN: undefined });
  expect(noToken).toEqual({
    code: 2,
    out: "",
    err: "kredensial tidak ada di lingkungan: WHM_API_TOKEN (untuk disdik-web); PROXMOX_VE_API_TOKEN (untuk sibapo-app)\n",
  });
  fs.writeFileSync(path.join(w.root, "rusak.json"), `["${PASSWORD}"]`);
  const badFile = await cli(w, ["disdik-web", "--passwords-file", "rusak.json"]);
  expect(badFile).toEqual({ code: 2, out: "", err: 'berkas kata sandi rusak.json harus berupa objek {"<id permintaan>": "<kata sandi>"} dengan nilai teks\n' });
  const badRef = await cli(w, ["--changed-since", "tidak-ada"]);
  expect(badRef.code).toBe(2);
});

test("in process: usage errors from the sample stack, before any network call", async () => {
  const run = async (...args: string[]) => {
    let out = "";
    let err = "";
    const code = await main(["verify", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };
  expect(await run()).toEqual({ code: 2, out: "", err: "sebutkan id permintaan yang diuji, atau --changed-since REF (mis. --changed-since HEAD~1)\n" });
  expect(await run("sibapo", "--changed-since", "HEAD")).toEqual({ code: 2, out: "", err: "sebutkan id permintaan atau --changed-since REF, bukan keduanya\n" });
  expect(await run("--wait", "-1", "sibapo")).toEqual({ code: 2, out: "", err: 'nilai "-1" untuk --wait tidak sah; yang diizinkan: bilangan bulat detik 0–3600\n' });
  expect(await run("--format", "xml", "sibapo")).toEqual({ code: 2, out: "", err: 'pusdat: nilai "xml" untuk --format tidak sah; yang diizinkan: text, json\n' });
  const unknown = await run("tidak-ada");
  expect(unknown.code).toBe(2);
  expect(unknown.err).toMatch(/^permintaan tidak ditemukan atau tidak sah: tidak-ada; jalankan pusdat validate \(id yang ada: dinkes-web, /);
});
