import {
  canonical,
  judgeAgentIp,
  judgeDnsAbsent,
  judgeDnsEquals,
  judgeDnsResolves,
  judgeHttps,
  judgeLogin,
  judgePveConfig,
  judgePveStatus,
  judgeTcp,
  judgeTls,
  judgeWhmAccount,
} from "./judge";
import type { AccountFacts, CertificateFacts, DnsAnswer, Judged } from "./types";

const R1 = "127.0.0.1:5301";
const R2 = "127.0.0.1:5302";
const ok = (resolver: string, records: string[], rcode = "NOERROR"): DnsAnswer => ({ resolver, ok: true, rcode, records, cnames: [] });
const down = (resolver: string): DnsAnswer => ({ resolver, ok: false, error: `resolver ${resolver} tidak menjawab dalam 5 detik` });

describe("DNS", () => {
  const eq = { name: "dns", probe: "dns-equals" as const, fqdn: "ppid.uji.test", type: "A" as const, expect: ["203.0.113.20"] };
  test.each<[string, DnsAnswer[], Judged]>([
    ["every resolver agrees", [ok(R1, ["203.0.113.20"]), ok(R2, ["203.0.113.20"])], { result: "passed", detail: `ppid.uji.test A 203.0.113.20 (resolver ${R1}, ${R2})` }],
    [
      "one resolver still has the old address",
      [ok(R1, ["203.0.113.20"]), ok(R2, ["203.0.113.9"])],
      { result: "failed", detail: `ppid.uji.test A: resolver ${R2} menjawab 203.0.113.9; yang diminta: 203.0.113.20` },
    ],
    ["not there yet", [ok(R1, [], "NXDOMAIN")], { result: "failed", detail: `ppid.uji.test A: resolver ${R1} menjawab tidak ada (NXDOMAIN); yang diminta: 203.0.113.20` }],
    ["an extra record is a mismatch", [ok(R1, ["203.0.113.20", "203.0.113.21"])], { result: "failed", detail: `ppid.uji.test A: resolver ${R1} menjawab 203.0.113.20, 203.0.113.21; yang diminta: 203.0.113.20` }],
    ["a resolver that does not answer", [ok(R1, ["203.0.113.20"]), down(R2)], { result: "failed", detail: `resolver ${R2} tidak menjawab dalam 5 detik` }],
  ])("equals: %s", (_, answers, expected) => expect(judgeDnsEquals(eq, answers)).toEqual(expected));

  test("AAAA and CNAME compare by value, not spelling", () => {
    expect(judgeDnsEquals({ name: "dns", probe: "dns-equals", fqdn: "v6.uji.test", type: "AAAA", expect: ["2001:db8::10"] }, [ok(R1, ["2001:DB8:0:0:0:0:0:10"])]).result).toBe("passed");
    expect(judgeDnsEquals({ name: "dns", probe: "dns-equals", fqdn: "jdih.uji.test", type: "CNAME", expect: ["jdih.example.org"] }, [ok(R1, ["JDIH.example.org."])]).result).toBe("passed");
    expect(canonical("AAAA", "2001:db8::10")).toBe("2001:db8:0:0:0:0:0:10");
  });

  const res = { name: "dns", probe: "dns-resolves", fqdn: "sibapo.uji.test", type: "A" } as const;
  test.each<[string, DnsAnswer[], Judged]>([
    ["proxied answers", [ok(R1, ["104.16.1.2", "104.16.1.1"]), ok(R2, ["104.16.1.1"])], { result: "passed", detail: `sibapo.uji.test A 104.16.1.1, 104.16.1.2 (proxied; resolver ${R1}, ${R2})` }],
    ["one resolver has nothing", [ok(R1, ["104.16.1.1"]), ok(R2, [], "NXDOMAIN")], { result: "failed", detail: `sibapo.uji.test: resolver ${R2} tidak punya rekaman A (NXDOMAIN)` }],
  ])("resolves: %s", (_, answers, expected) => expect(judgeDnsResolves(res, answers)).toEqual(expected));

  const gone = { name: "dns", probe: "dns-absent", fqdn: "sibapo.uji.test", type: "A" } as const;
  test.each<[string, DnsAnswer[], Judged]>([
    ["removed everywhere", [ok(R1, [], "NXDOMAIN"), ok(R2, [])], { result: "passed", detail: `sibapo.uji.test tidak lagi punya rekaman A (resolver ${R1}, ${R2})` }],
    ["still cached somewhere", [ok(R1, []), ok(R2, ["203.0.113.10"])], { result: "failed", detail: `sibapo.uji.test A seharusnya sudah dihapus: resolver ${R2} masih menjawab 203.0.113.10` }],
  ])("absent: %s", (_, answers, expected) => expect(judgeDnsAbsent(gone, answers)).toEqual(expected));
});

describe("HTTPS and TLS", () => {
  const NOW = Date.parse("2026-11-23T05:00:00Z");
  const cert = (over: Partial<CertificateFacts> = {}): CertificateFacts => ({
    trusted: true,
    trustError: null,
    nameMatches: true,
    validFrom: "2026-11-01T00:00:00.000Z",
    validTo: "2027-01-31T12:00:00.000Z",
    subject: "sibapo.uji.test",
    ...over,
  });
  const tls = { name: "tls", probe: "tls", fqdn: "sibapo.uji.test" } as const;
  test.each<[string, CertificateFacts | null, Judged]>([
    ["valid: days to expiry", cert(), { result: "passed", detail: "sertifikat sah untuk sibapo.uji.test sampai 2027-01-31 (69 hari lagi)" }],
    ["expired", cert({ validTo: "2026-11-20T00:00:00.000Z", trusted: false, trustError: "CERT_HAS_EXPIRED" }), { result: "failed", detail: "sertifikat sibapo.uji.test kedaluwarsa sejak 2026-11-20 (3 hari lalu)" }],
    ["not yet valid", cert({ validFrom: "2026-12-01T00:00:00.000Z" }), { result: "failed", detail: "sertifikat sibapo.uji.test baru berlaku mulai 2026-12-01" }],
    ["another name", cert({ nameMatches: false, subject: "lain.uji.test" }), { result: "failed", detail: "sertifikat tidak berlaku untuk sibapo.uji.test (diterbitkan untuk lain.uji.test)" }],
    ["untrusted chain", cert({ trusted: false, trustError: "DEPTH_ZERO_SELF_SIGNED_CERT" }), { result: "failed", detail: "sertifikat sibapo.uji.test tidak dipercaya: DEPTH_ZERO_SELF_SIGNED_CERT" }],
    ["no certificate", null, { result: "failed", detail: "sibapo.uji.test: server tidak menunjukkan sertifikat" }],
  ])("tls: %s", (_, c, expected) => expect(judgeTls(tls, { status: 200, certificate: c }, NOW)).toEqual(expected));

  test.each<[number, Judged]>([
    [200, { result: "passed", detail: "https://sibapo.uji.test/ lewat 127.0.0.1 menjawab HTTP 200" }],
    [403, { result: "passed", detail: "https://sibapo.uji.test/ lewat 127.0.0.1 menjawab HTTP 403" }],
    [522, { result: "failed", detail: "https://sibapo.uji.test/ lewat 127.0.0.1 menjawab HTTP 522: server atau origin bermasalah" }],
  ])("https status %d", (status, expected) => expect(judgeHttps({ name: "https", probe: "https", fqdn: "sibapo.uji.test" }, { status, certificate: null }, "127.0.0.1")).toEqual(expected));
});

test("https-origin names the hosting server", () => {
  expect(judgeHttps({ name: "origin", probe: "https-origin", fqdn: "disdik.uji.test", address: "203.0.113.5" }, { status: 200, certificate: null }, "203.0.113.5")).toEqual({
    result: "passed",
    detail: "https://disdik.uji.test/ di server hosting 203.0.113.5 menjawab HTTP 200",
  });
});

describe("WHM and cPanel", () => {
  const acct = (over: Partial<AccountFacts> = {}): AccountFacts => ({ user: "disdikweb", domain: "disdik.uji.test", plan: "sedang", suspended: false, diskUsedMb: 120, diskLimitMb: 5120, ...over });
  test.each<[string, Parameters<typeof judgeWhmAccount>[1], AccountFacts | null, Judged]>([
    ["active on the plan", { state: "active", plan: "sedang" }, acct(), { result: "passed", detail: "akun disdikweb aktif di WHM, domain disdik.uji.test, paket sedang, disk 120/5120 MB" }],
    ["wrong plan", { state: "active", plan: "besar" }, acct(), { result: "failed", detail: "akun disdikweb: paket sedang, yang diminta besar" }],
    ["suspended and wrong plan", { state: "active", plan: "besar" }, acct({ suspended: true }), { result: "failed", detail: "akun disdikweb: akun disuspend; paket sedang, yang diminta besar" }],
    ["missing", { state: "active", plan: "sedang" }, null, { result: "failed", detail: "akun disdikweb tidak ada di WHM" }],
    ["decommissioned and suspended", { state: "suspended" }, acct({ suspended: true }), { result: "passed", detail: "akun disdikweb disuspend sesuai penghentian layanan" }],
    ["decommissioned but active", { state: "suspended" }, acct(), { result: "failed", detail: "akun disdikweb masih aktif; seharusnya disuspend karena layanan dihentikan" }],
    ["removed: gone", { state: "removed" }, null, { result: "passed", detail: "akun disdikweb tidak ada lagi di WHM" }],
    ["removed: suspended", { state: "removed" }, acct({ suspended: true }), { result: "passed", detail: "akun disdikweb disuspend; berkas disimpan (pusdat tidak menghapus akun dengan removeacct)" }],
    ["removed: still active", { state: "removed" }, acct(), { result: "failed", detail: "akun disdikweb masih aktif di WHM padahal permintaannya dihapus; seharusnya disuspend" }],
  ])("account: %s", (_, want, a, expected) => expect(judgeWhmAccount("disdikweb", want, a)).toEqual(expected));

  test.each<[string, Parameters<typeof judgeLogin>[1], Judged]>([
    ["ok", { ok: true, megabytesUsed: 120, megabyteLimit: 5120 }, { result: "passed", detail: "login cPanel sebagai disdikweb dengan kata sandinya sendiri berhasil (kuota terpakai 120/5120 MB)" }],
    ["refused", { ok: false, reason: "cPanel menolak login disdikweb (HTTP 401)" }, { result: "failed", detail: "cPanel menolak login disdikweb (HTTP 401)" }],
    ["no password", "no-password", { result: "failed", detail: "kata sandi akun disdikweb tidak ada di sumber kata sandi (hostingPasswords); login tidak dapat diuji" }],
  ])("login: %s", (_, a, expected) => expect(judgeLogin("disdikweb", a)).toEqual(expected));
});

describe("Proxmox", () => {
  const st = (want: "running" | "stopped" | "gone") => ({ name: "proxmox-status", probe: "pve-status", node: "pve1", vmid: 210, want }) as const;
  test.each<[string, ReturnType<typeof st>, string | null, Judged]>([
    ["running", st("running"), "running", { result: "passed", detail: "VM 210 di node pve1 berstatus running" }],
    ["stopped, wanted running", st("running"), "stopped", { result: "failed", detail: "VM 210 di node pve1 berstatus stopped; seharusnya running" }],
    ["missing", st("running"), null, { result: "failed", detail: "VM 210 di node pve1 tidak ada" }],
    ["decommissioned and stopped", st("stopped"), "stopped", { result: "passed", detail: "VM 210 di node pve1 berstatus stopped" }],
    ["removed and gone", st("gone"), null, { result: "passed", detail: "VM 210 di node pve1 tidak ada lagi" }],
    ["removed but there", st("gone"), "stopped", { result: "failed", detail: "VM 210 di node pve1 masih ada (status stopped); seharusnya sudah dihapus" }],
  ])("status: %s", (_, s, status, expected) => expect(judgePveStatus(s, status)).toEqual(expected));

  const cfg = { name: "proxmox-config", probe: "pve-config", node: "pve1", vmid: 210, cpu: 4, memoryGb: 8, diskGb: 60 } as const;
  test.each<[string, Parameters<typeof judgePveConfig>[1], Judged]>([
    ["resized as asked", { cores: 4, sockets: 1, memoryMb: 8192, disksGb: { scsi0: 60 } }, { result: "passed", detail: "VM 210: 4 inti, memori 8192 MB, disk scsi0 60 GB sesuai permintaan" }],
    ["sockets count", { cores: 2, sockets: 2, memoryMb: 8192, disksGb: { scsi0: 60 } }, { result: "passed", detail: "VM 210: 4 inti, memori 8192 MB, disk scsi0 60 GB sesuai permintaan" }],
    [
      "resize not applied",
      { cores: 2, sockets: 1, memoryMb: 4096, disksGb: { scsi0: 40 } },
      { result: "failed", detail: "konfigurasi VM 210 tidak sesuai permintaan: 2 inti, yang diminta 4; memori 4096 MB, yang diminta 8192 MB (8 GB); disk scsi0 40 GB, yang diminta 60 GB" },
    ],
    ["no scsi0", { cores: 4, sockets: 1, memoryMb: 8192, disksGb: { virtio0: 60 } }, { result: "failed", detail: "konfigurasi VM 210 tidak sesuai permintaan: disk scsi0 tidak ada" }],
    ["missing VM", null, { result: "failed", detail: "VM 210 di node pve1 tidak ada" }],
  ])("config: %s", (_, c, expected) => expect(judgePveConfig(cfg, c, "scsi0")).toEqual(expected));

  const ip = { name: "guest-agent-ip", probe: "pve-agent-ip", node: "pve1", vmid: 210, ip: "10.20.30.15" } as const;
  test.each<[string, string[] | null, Judged]>([
    ["reported", ["10.20.30.15", "fe80::1"], { result: "passed", detail: "agen tamu VM 210 melaporkan alamat 10.20.30.15" }],
    ["another address", ["10.20.30.99"], { result: "failed", detail: "agen tamu VM 210 melaporkan 10.20.30.99; alamat 10.20.30.15 tidak ada" }],
    ["nothing", [], { result: "failed", detail: "agen tamu VM 210 melaporkan tidak ada; alamat 10.20.30.15 tidak ada" }],
  ])("agent: %s", (_, a, expected) => expect(judgeAgentIp(ip, a)).toEqual(expected));
});

describe("TCP", () => {
  const ssh = { name: "tcp-22", probe: "tcp", host: "10.20.30.15", port: 22, ssh: true } as const;
  const web = { name: "tcp-443", probe: "tcp", host: "10.20.30.15", port: 443, ssh: false } as const;
  test.each<[string, typeof ssh | typeof web, Parameters<typeof judgeTcp>[1], Judged]>([
    ["ssh banner", ssh, { connected: true, banner: "SSH-2.0-OpenSSH_9.6", error: null }, { result: "passed", detail: '10.20.30.15:22 menjawab "SSH-2.0-OpenSSH_9.6"' }],
    [
      "not ssh",
      ssh,
      { connected: true, banner: "HTTP/1.1 400 Bad Request\u0007", error: null },
      { result: "failed", detail: '10.20.30.15:22 menerima sambungan tetapi bukan SSH: menjawab "HTTP/1.1 400 Bad Request?", yang diharapkan diawali SSH-2.0-' },
    ],
    [
      "silent",
      ssh,
      { connected: true, banner: null, error: "10.20.30.15:22 menerima sambungan tetapi tidak mengirim identitas dalam 5 detik" },
      { result: "failed", detail: "10.20.30.15:22 menerima sambungan tetapi tidak mengirim identitas dalam 5 detik" },
    ],
    ["refused", web, { connected: false, banner: null, error: "10.20.30.15:443 menolak sambungan" }, { result: "failed", detail: "10.20.30.15:443 menolak sambungan" }],
    ["open", web, { connected: true, banner: null, error: null }, { result: "passed", detail: "10.20.30.15:443 menerima sambungan TCP" }],
  ])("%s", (_, s, a, expected) => expect(judgeTcp(s, a)).toEqual(expected));
});
