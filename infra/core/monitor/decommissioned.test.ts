import { DEFAULT_MONITOR } from "./config";
import { healPlan, judge } from "./judge";
import type { DnsAnswer } from "../verify/types";
import type { Facts, GoneFacts, Target } from "./types";

const NOW = Date.parse("2026-11-23T03:00:00Z");
const ok = (resolver: string, records: string[], rcode = "NOERROR"): DnsAnswer => ({ resolver, ok: true, rcode, records, cnames: [] });
const dnsFail = (resolver: string, error: string): DnsAnswer => ({ resolver, ok: false, error });

const plain: Target = { kind: "subdomain", id: "lama", decommissioned: true, fqdn: "lama.uji.test", type: "A", value: "203.0.113.10", proxied: false };
const v6: Target = { kind: "subdomain", id: "lama6", decommissioned: true, fqdn: "lama6.uji.test", type: "AAAA", value: "2001:db8::10", proxied: false };
const alias: Target = { kind: "subdomain", id: "alias", decommissioned: true, fqdn: "alias.uji.test", type: "CNAME", value: "app.example.org", proxied: false };
const proxied: Target = { kind: "subdomain", id: "prox", decommissioned: true, fqdn: "prox.uji.test", type: "A", value: "203.0.113.11", proxied: true };
const pdn: Target = { kind: "pdn", id: "sipd-lama", decommissioned: true, address: "198.51.100.7", ports: [22, 443], ticket: "PDN-2026-000123" };

const port = (p: number, connected: boolean, error: string | null = null) => ({ port: p, answer: { connected, banner: null, error } });
const facts = (id: string, g?: GoneFacts): Facts => ({ hosting: null, proxmox: null, probes: {}, ...(g ? { gone: { [id]: g } } : {}) });

describe("judge: decommissioned subdomains", () => {
  const cases: [string, Target, GoneFacts | undefined, [string, string, string][], string][] = [
    ["record gone (NXDOMAIN)", plain, { ok: true, dns: [ok("r1", [], "NXDOMAIN"), ok("r2", [], "NXDOMAIN")] }, [], "normal: lama.uji.test tidak lagi terjawab DNS sesuai penghentian"],
    [
      "still answers with the request's address",
      plain,
      { ok: true, dns: [ok("r1", ["203.0.113.10"]), ok("r2", [], "NXDOMAIN")] },
      [["decommissioned-resolves", "error", "permintaan sudah dihentikan, tetapi lama.uji.test A masih menjawab 203.0.113.10, alamat permintaannya (rekaman harus dihapus)"]],
      "permintaan sudah dihentikan, tetapi lama.uji.test A masih menjawab 203.0.113.10, alamat permintaannya (rekaman harus dihapus)",
    ],
    [
      "an IPv6 address compared by value",
      v6,
      { ok: true, dns: [ok("r1", ["2001:DB8:0:0:0:0:0:10"])] },
      [["decommissioned-resolves", "error", "permintaan sudah dihentikan, tetapi lama6.uji.test AAAA masih menjawab 2001:db8::10, alamat permintaannya (rekaman harus dihapus)"]],
      "permintaan sudah dihentikan, tetapi lama6.uji.test AAAA masih menjawab 2001:db8::10, alamat permintaannya (rekaman harus dihapus)",
    ],
    [
      "a CNAME target compared without case or final dot",
      alias,
      { ok: true, dns: [ok("r1", ["App.Example.org."])] },
      [["decommissioned-resolves", "error", "permintaan sudah dihentikan, tetapi alias.uji.test CNAME masih menjawab app.example.org, alamat permintaannya (rekaman harus dihapus)"]],
      "permintaan sudah dihentikan, tetapi alias.uji.test CNAME masih menjawab app.example.org, alamat permintaannya (rekaman harus dihapus)",
    ],
    [
      "another address: the record went, the name lives on",
      plain,
      { ok: true, dns: [ok("r1", ["203.0.113.99"])] },
      [["decommissioned-answers", "warning", "permintaan sudah dihentikan; lama.uji.test A tidak lagi menunjuk 203.0.113.10, tetapi masih menjawab 203.0.113.99 (rekaman wildcard atau nama dipakai lagi? periksa zona)"]],
      "permintaan sudah dihentikan; lama.uji.test A tidak lagi menunjuk 203.0.113.10, tetapi masih menjawab 203.0.113.99 (rekaman wildcard atau nama dipakai lagi? periksa zona)",
    ],
    [
      "proxied: any answer is the proxied record still serving",
      proxied,
      { ok: true, dns: [ok("r1", ["104.16.0.1", "104.16.0.2"])] },
      [["decommissioned-resolves", "error", "permintaan sudah dihentikan, tetapi prox.uji.test A masih menjawab 104.16.0.1, 104.16.0.2 lewat proxy (rekaman harus dihapus)"]],
      "permintaan sudah dihentikan, tetapi prox.uji.test A masih menjawab 104.16.0.1, 104.16.0.2 lewat proxy (rekaman harus dihapus)",
    ],
    [
      "a resolver that fails leaves it unknown: an error, like an active subdomain's",
      plain,
      { ok: true, dns: [ok("r1", [], "NXDOMAIN"), dnsFail("r2", "resolver 127.0.0.1:53 tidak menjawab dalam 5 detik")] },
      [["check-failed", "error", "DNS lama.uji.test tidak dapat diperiksa: resolver 127.0.0.1:53 tidak menjawab dalam 5 detik"]],
      "DNS lama.uji.test tidak dapat diperiksa: resolver 127.0.0.1:53 tidak menjawab dalam 5 detik",
    ],
    ["the pool's timeout", plain, { ok: false, error: "tidak menjawab dalam 5 detik" }, [["check-failed", "error", "tidak menjawab dalam 5 detik"]], "tidak menjawab dalam 5 detik"],
    ["not checked at all", plain, undefined, [["check-failed", "error", "tidak diperiksa"]], "tidak diperiksa"],
  ];
  it.each(cases)("%s", (_n, target, gone, want, summary) => {
    const j = judge([target], facts(target.id, gone), DEFAULT_MONITOR, NOW);
    expect(j.findings.map((x) => [x.code, x.severity, x.message])).toEqual(want);
    expect(j.targets[0]!.summary).toBe(summary);
    expect(j.targets[0]!.kind).toBe("subdomain");
  });
});

describe("judge: decommissioned PDN VMs", () => {
  const cases: [string, GoneFacts, [string, string, string][], string][] = [
    ["every port refuses or stays silent", { ok: true, ports: [port(22, false, "198.51.100.7:22 menolak sambungan"), port(443, false, "198.51.100.7:443 tidak menerima sambungan dalam 4 detik")] }, [], "ok"],
    [
      "a port still accepts: a warning (PDN stops it through the e-Tiket)",
      { ok: true, ports: [port(22, true), port(443, false, "198.51.100.7:443 menolak sambungan")] },
      [["decommissioned-answers", "warning", "permintaan sudah dihentikan (e-Tiket PDN-2026-000123), tetapi 198.51.100.7:22 masih menerima sambungan; tindak lanjuti penghentian di PDN"]],
      "warning",
    ],
    [
      "both ports accept",
      { ok: true, ports: [port(22, true), port(443, true)] },
      [["decommissioned-answers", "warning", "permintaan sudah dihentikan (e-Tiket PDN-2026-000123), tetapi 198.51.100.7:22, 198.51.100.7:443 masih menerima sambungan; tindak lanjuti penghentian di PDN"]],
      "warning",
    ],
    ["the pool's timeout", { ok: false, error: "tidak menjawab dalam 5 detik" }, [["check-failed", "error", "tidak menjawab dalam 5 detik"]], "error"],
  ];
  it.each(cases)("%s", (_n, gone, want, status) => {
    const j = judge([pdn], facts(pdn.id, gone), DEFAULT_MONITOR, NOW);
    expect(j.findings.map((x) => [x.code, x.severity, x.message])).toEqual(want);
    expect(j.targets[0]!.status).toBe(status);
  });

  it("a silent PDN VM's summary says so", () => {
    const j = judge([pdn], facts(pdn.id, { ok: true, ports: [port(22, false, "x"), port(443, false, "y")] }), DEFAULT_MONITOR, NOW);
    expect(j.targets).toEqual([{ id: "sipd-lama", kind: "pdn", status: "ok", summary: "normal: port 22, 443 di 198.51.100.7 tidak lagi menjawab sesuai penghentian" }]);
  });

  it("--heal never plans anything for decommissioned subdomains or PDN VMs", () => {
    const f: Facts = { hosting: { ok: true, accounts: {}, backups: { ok: true, newest: {} } }, proxmox: { ok: true, vms: {}, backups: {}, backupErrors: {} }, probes: {}, gone: { lama: { ok: true, dns: [ok("r1", ["203.0.113.10"])] }, "sipd-lama": { ok: true, ports: [port(22, true)] } } };
    expect(healPlan([plain, pdn], f)).toEqual([]);
  });
});
