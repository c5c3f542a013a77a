/** The verify clients against real protocol servers on 127.0.0.1, each closed when its test ends. */
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import { FakeDns } from "../../test/support/fake-dns";
import { FakeProxmox } from "../../test/support/fake-proxmox";
import { FakeWhm } from "../../test/support/fake-whm";
import { makeCa, makeCert, type Pem, startHttps } from "../../test/support/tls";
import { WhmClient } from "../whm/client";
import { cpanelLogin } from "./cpanel";
import { query, queryAll } from "./dns";
import { fetchVia, httpRequest, trustInProcess } from "./http";
import { probeHttps } from "./https-probe";
import { diskSizeGb, ProxmoxClient } from "./proxmox";
import { tcpProbe } from "./tcp";

let ca: Pem;
let good: Pem;
beforeAll(async () => {
  ca = await makeCa();
  good = await makeCert(["sibapo.uji.test", "127.0.0.1"], { ca, toDays: 30 });
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function dnsServer() {
  const dns = new FakeDns();
  await dns.start();
  cleanups.push(() => dns.stop());
  return dns;
}

describe("DNS over UDP (dns-packet)", () => {
  test("A, AAAA and CNAME answers, sorted; a CNAME chain is reported beside the records", async () => {
    const dns = await dnsServer();
    dns.set("A", "sibapo.uji.test", ["203.0.113.11", "203.0.113.10"]).set("AAAA", "v6.uji.test", ["2001:db8::10"]).set("CNAME", "jdih.uji.test", ["jdih.example.org"]);
    dns.set("A", "jdih.example.org", ["198.51.100.7"]);
    const r = { address: "127.0.0.1", port: dns.port };
    expect(await query(r, "sibapo.uji.test", "A", 3000)).toEqual({ resolver: dns.address, ok: true, rcode: "NOERROR", records: ["203.0.113.10", "203.0.113.11"], cnames: [] });
    expect(await query(r, "v6.uji.test", "AAAA", 3000)).toEqual({ resolver: dns.address, ok: true, rcode: "NOERROR", records: ["2001:db8::10"], cnames: [] });
    expect(await query(r, "jdih.uji.test", "CNAME", 3000)).toEqual({ resolver: dns.address, ok: true, rcode: "NOERROR", records: ["jdih.example.org"], cnames: [] });
    expect(await query(r, "jdih.uji.test", "A", 3000)).toEqual({ resolver: dns.address, ok: true, rcode: "NOERROR", records: ["198.51.100.7"], cnames: ["jdih.example.org"] });
    expect(dns.queries).toEqual(["A sibapo.uji.test", "AAAA v6.uji.test", "CNAME jdih.uji.test", "A jdih.uji.test"]);
  });

  test("an unknown name is NXDOMAIN with no records", async () => {
    const dns = await dnsServer();
    expect(await query({ address: "127.0.0.1", port: dns.port }, "hilang.uji.test", "A", 3000)).toEqual({ resolver: dns.address, ok: true, rcode: "NXDOMAIN", records: [], cnames: [] });
  });

  test("a silent resolver, an answer with another id, and garbage all end in the timeout or an error", async () => {
    const dns = await dnsServer();
    const r = { address: "127.0.0.1", port: dns.port };
    dns.behaviour = "silent";
    expect(await query(r, "sibapo.uji.test", "A", 300)).toEqual({ resolver: dns.address, ok: false, error: `resolver ${dns.address} tidak menjawab dalam 0.3 detik` });
    dns.behaviour = "wrong-id";
    expect(await query(r, "sibapo.uji.test", "A", 300)).toEqual({ resolver: dns.address, ok: false, error: `resolver ${dns.address} tidak menjawab dalam 0.3 detik` });
    dns.behaviour = "garbage";
    expect(await query(r, "sibapo.uji.test", "A", 300)).toEqual({ resolver: dns.address, ok: false, error: `jawaban resolver ${dns.address} bukan paket DNS yang sah` });
  });

  test("every configured resolver is asked; their answers keep the configured order", async () => {
    const a = await dnsServer();
    const b = await dnsServer();
    a.set("A", "sibapo.uji.test", ["203.0.113.10"]);
    b.set("A", "sibapo.uji.test", ["203.0.113.99"]);
    const answers = await queryAll([{ address: "127.0.0.1", port: a.port }, { address: "127.0.0.1", port: b.port }], "sibapo.uji.test", "A", 3000);
    expect(answers.map((x) => (x.ok ? x.records : x.error))).toEqual([["203.0.113.10"], ["203.0.113.99"]]);
  });
});

describe("HTTPS probe (node:https, certificate judged after the handshake)", () => {
  async function server(certs: Parameters<typeof startHttps>[0], status = 200) {
    const s = await startHttps(certs, status);
    cleanups.push(s.stop);
    return s;
  }

  test("a certificate from a trusted CA for the name: status, trust, name and dates", async () => {
    const s = await server({ default: good }, 204);
    const r = await probeHttps({ address: "127.0.0.1", name: "sibapo.uji.test", port: s.port, timeoutMs: 5000, ca: [ca.cert] });
    expect(r.status).toBe(204);
    expect(r.certificate).toMatchObject({ trusted: true, trustError: null, nameMatches: true, subject: "sibapo.uji.test" });
    const days = (Date.parse(r.certificate!.validTo) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
  });

  test("the same server without the test CA trusted: the chain does not verify", async () => {
    const s = await server({ default: good });
    const r = await probeHttps({ address: "127.0.0.1", name: "sibapo.uji.test", port: s.port, timeoutMs: 5000 });
    expect(r.certificate).toMatchObject({ trusted: false, trustError: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", nameMatches: true });
  });

  test("a CA trusted in-process counts for the probe and for API calls until the empty list ends it", async () => {
    const s = await server({ default: good });
    const probe = () => probeHttps({ address: "127.0.0.1", name: "sibapo.uji.test", port: s.port, timeoutMs: 5000 });
    const get = () => httpRequest(`https://127.0.0.1:${s.port}/`, { timeoutMs: 5000 });
    trustInProcess([ca.cert]);
    cleanups.push(() => trustInProcess([]));
    expect((await probe()).certificate).toMatchObject({ trusted: true, trustError: null });
    expect(await get()).toEqual({ status: 200, body: `halo 127.0.0.1:${s.port}` });
    trustInProcess([]);
    expect((await probe()).certificate).toMatchObject({ trusted: false, trustError: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" });
    await expect(get()).rejects.toThrow(`sertifikat TLS https://127.0.0.1:${s.port} ditolak: unable to verify the first certificate`);
  });

  test("a certificate for another name, and an expired one", async () => {
    const other = await makeCert(["lain.uji.test"], { ca });
    const old = await makeCert(["sibapo.uji.test"], { ca, fromDays: -60, toDays: -2 });
    const s1 = await server({ default: other });
    const s2 = await server({ default: old });
    const a = await probeHttps({ address: "127.0.0.1", name: "sibapo.uji.test", port: s1.port, timeoutMs: 5000, ca: [ca.cert] });
    expect(a.certificate).toMatchObject({ trusted: true, trustError: null, nameMatches: false, subject: "lain.uji.test" });
    const b = await probeHttps({ address: "127.0.0.1", name: "sibapo.uji.test", port: s2.port, timeoutMs: 5000, ca: [ca.cert] });
    expect(b.certificate).toMatchObject({ trusted: false, trustError: "CERT_HAS_EXPIRED", nameMatches: true });
  });

  test("a port that accepts and never answers ends in the timeout; a closed port is refused", async () => {
    const held = new Set<net.Socket>();
    const mute = net.createServer((s) => held.add(s));
    await new Promise<void>((r) => mute.listen(0, "127.0.0.1", r));
    cleanups.push(() => new Promise<void>((r) => (held.forEach((s) => s.destroy()), mute.close(() => r()))));
    const port = (mute.address() as AddressInfo).port;
    await expect(probeHttps({ address: "127.0.0.1", name: "sibapo.uji.test", port, timeoutMs: 300 })).rejects.toThrow(
      `https://sibapo.uji.test (127.0.0.1:${port}) tidak menjawab dalam 0.3 detik`,
    );
    const closed = await freePort();
    await expect(probeHttps({ address: "127.0.0.1", name: "sibapo.uji.test", port: closed, timeoutMs: 300 })).rejects.toThrow(
      `https://sibapo.uji.test (127.0.0.1:${closed}) menolak sambungan`,
    );
  });
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe("WHM accountsummary over HTTPS (WhmClient through fetchVia)", () => {
  async function whmTls() {
    const selfSigned = await makeCert(["127.0.0.1"]);
    const whm = new FakeWhm();
    await whm.start(selfSigned);
    await whm.startCpanel(selfSigned);
    cleanups.push(() => whm.stop());
    whm.accounts.set("disdikweb", { user: "disdikweb", domain: "disdik.uji.test", plan: "sedang", suspended: false, password: "Rahasia-Uji-123" });
    return whm;
  }

  test("a self-signed WHM is accepted only when allowed", async () => {
    const whm = await whmTls();
    const client = (insecureTls: boolean) => new WhmClient({ host: whm.url, token: whm.token, timeoutMs: 3000, retries: 0, fetchImpl: fetchVia({ timeoutMs: 3000, insecureTls }) });
    expect(await client(true).accountSummary("disdikweb")).toEqual({ user: "disdikweb", domain: "disdik.uji.test", plan: "sedang", suspended: false, diskUsedMb: 120, diskLimitMb: 5120 });
    expect(await client(true).accountSummary("tidakada")).toBeNull();
    await expect(client(false).accountSummary("disdikweb")).rejects.toThrow(
      `WHM tidak dapat dihubungi untuk accountsummary: sertifikat TLS ${whm.url} ditolak: self-signed certificate`,
    );
  });

  test("result 0 with HTTP 200 is a refusal with WHM's reason; a wrong token is HTTP 401 and never echoed", async () => {
    const whm = await whmTls();
    const client = (token: string) => new WhmClient({ host: whm.url, token, timeoutMs: 3000, retries: 0, fetchImpl: fetchVia({ timeoutMs: 3000, insecureTls: true }) });
    whm.faults.set("accountsummary", "reject");
    await expect(client(whm.token).accountSummary("disdikweb")).rejects.toThrow("WHM menolak accountsummary: Simulated refusal of accountsummary.");
    whm.faults.delete("accountsummary");
    const err = await client("TOKEN-SALAH-XYZ").accountSummary("disdikweb").catch((e: Error) => e.message);
    expect(err).toBe("WHM menolak token API (HTTP 401) untuk accountsummary; periksa WHM_API_TOKEN dan izinnya");
  });

  test("a hanging WHM ends in the client's timeout", async () => {
    const whm = await whmTls();
    whm.faults.set("accountsummary", "hang");
    const client = new WhmClient({ host: whm.url, token: whm.token, timeoutMs: 300, retries: 0, fetchImpl: fetchVia({ timeoutMs: 300, insecureTls: true }) });
    await expect(client.accountSummary("disdikweb")).rejects.toThrow("WHM tidak menjawab accountsummary dalam 0.3 detik");
  });

  test("cPanel UAPI login with the account's own password: both documented envelopes, 401, status 0, timeout", async () => {
    const whm = await whmTls();
    const base = `https://127.0.0.1:${whm.cpanelPort}`;
    const o = { base, timeoutMs: 3000, insecureTls: true };
    expect(await cpanelLogin("disdikweb", "Rahasia-Uji-123", o)).toEqual({ ok: true, megabytesUsed: 120, megabyteLimit: 5120 });
    whm.cpanelShape = "flat";
    expect(await cpanelLogin("disdikweb", "Rahasia-Uji-123", o)).toEqual({ ok: true, megabytesUsed: 120, megabyteLimit: 5120 });
    expect(await cpanelLogin("disdikweb", "salah", o)).toEqual({
      ok: false,
      reason: "cPanel menolak login disdikweb (HTTP 401): nama pengguna atau kata sandi salah, atau akun disuspend",
    });
    whm.cpanelShape = "wrapped";
    whm.cpanelFault = "status0";
    expect(await cpanelLogin("disdikweb", "Rahasia-Uji-123", o)).toEqual({ ok: false, reason: "cPanel menolak /execute/Quota/get_quota_info untuk disdikweb: Simulated UAPI failure." });
    whm.cpanelFault = "hang";
    expect(await cpanelLogin("disdikweb", "Rahasia-Uji-123", { ...o, timeoutMs: 300 })).toEqual({ ok: false, reason: `cPanel: ${base} tidak menjawab dalam 0.3 detik` });
    expect(whm.logins).toEqual(["disdikweb", "disdikweb", "disdikweb", "disdikweb"]);
  });
});

describe("Proxmox REST (PVEAPIToken)", () => {
  async function pve() {
    const p = new FakeProxmox();
    await p.start(await makeCert(["127.0.0.1"]));
    cleanups.push(() => p.stop());
    p.vms.set(210, { node: "pve1", status: "running", cores: 2, memoryMb: 4096, scsi0: "local-lvm:vm-210-disk-0,iothread=1,size=40G", addresses: ["10.20.30.15", "fe80::be24:11ff:fe00:1"] });
    return p;
  }
  const client = (p: FakeProxmox, over: Partial<ConstructorParameters<typeof ProxmoxClient>[0]> = {}) =>
    new ProxmoxClient({ endpoint: p.endpoint, token: p.token, timeoutMs: 3000, insecureTls: true, ...over });

  test("status, config and guest agent addresses of an existing VM", async () => {
    const p = await pve();
    const c = client(p);
    expect(await c.status("pve1", 210)).toBe("running");
    expect(await c.config("pve1", 210)).toEqual({ cores: 2, sockets: 1, memoryMb: 4096, disksGb: { scsi0: 40 } });
    expect(await c.guestAddresses("pve1", 210)).toEqual(["10.20.30.15", "fe80::be24:11ff:fe00:1"]);
    expect(p.calls.map((x) => x.path)).toEqual([
      "/api2/json/nodes/pve1/qemu/210/status/current",
      "/api2/json/nodes/pve1/qemu/210/config",
      "/api2/json/nodes/pve1/qemu/210/agent/network-get-interfaces",
    ]);
  });

  test("a VM that does not exist is null; the agent being down is an error that says so", async () => {
    const p = await pve();
    expect(await client(p).status("pve1", 999)).toBeNull();
    expect(await client(p).config("pve1", 999)).toBeNull();
    p.vms.get(210)!.addresses = null;
    await expect(client(p).guestAddresses("pve1", 210)).rejects.toThrow(
      "Proxmox menjawab HTTP 500 untuk GET /nodes/pve1/qemu/210/agent/network-get-interfaces: QEMU guest agent is not running",
    );
  });

  test("401 names the token variable without its value; self-signed refused unless allowed; timeout", async () => {
    const p = await pve();
    const err = await client(p, { token: "salah@pve!x=rahasia" }).status("pve1", 210).catch((e: Error) => e.message);
    expect(err).toBe("Proxmox menolak token API (HTTP 401) untuk GET /nodes/pve1/qemu/210/status/current; periksa PROXMOX_VE_API_TOKEN dan izinnya");
    await expect(client(p, { insecureTls: false }).status("pve1", 210)).rejects.toThrow(`Proxmox: sertifikat TLS https://127.0.0.1:${p.port} ditolak: self-signed certificate`);
    p.hang = true;
    await expect(client(p, { timeoutMs: 300 }).status("pve1", 210)).rejects.toThrow(`Proxmox: https://127.0.0.1:${p.port} tidak menjawab dalam 0.3 detik`);
  });

  test.each([
    ["local-lvm:vm-210-disk-0,size=40G", 40],
    ["local-lvm:vm-210-disk-0,size=40960M", 40],
    ["ceph:vm-1-disk-0,size=1T,ssd=1", 1024],
    ["local-lvm:vm-210-disk-0", null],
  ])("disk size of %s", (spec, gb) => expect(diskSizeGb(spec)).toBe(gb));
});

describe("TCP connect and SSH banner", () => {
  async function listener(onConn: (s: net.Socket) => void) {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => {
      sockets.add(s);
      onConn(s);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    cleanups.push(() => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))));
    return (server.address() as AddressInfo).port;
  }

  test("an SSH server's identification line", async () => {
    const port = await listener((s) => s.write("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n"));
    expect(await tcpProbe({ host: "127.0.0.1", port, timeoutMs: 3000, readBanner: true })).toEqual({ connected: true, banner: "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13", error: null });
  });

  test("a port that accepts and never speaks: connected, no banner, the timeout said", async () => {
    const port = await listener(() => undefined);
    expect(await tcpProbe({ host: "127.0.0.1", port, timeoutMs: 300, readBanner: true })).toEqual({
      connected: true,
      banner: null,
      error: `127.0.0.1:${port} menerima sambungan tetapi tidak mengirim identitas dalam 0.3 detik`,
    });
    expect(await tcpProbe({ host: "127.0.0.1", port, timeoutMs: 3000 })).toEqual({ connected: true, banner: null, error: null });
  });

  test("a closed port is refused", async () => {
    const port = await freePort();
    expect(await tcpProbe({ host: "127.0.0.1", port, timeoutMs: 300 })).toEqual({ connected: false, banner: null, error: `127.0.0.1:${port} menolak sambungan` });
  });
});
