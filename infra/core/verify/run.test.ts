import { fixtureProject, fixtureRequest } from "../../../test/support/verify-fixture";
import { nextDelay, schedule } from "./retry";
import { type Clock, overall, type Probes, verifyItem } from "./run";
import type { DnsAnswer } from "./types";

describe("retry schedule within --wait", () => {
  test.each<[number, number, number, number | null]>([
    [1, 0, 60_000, 1000],
    [2, 1000, 60_000, 2000],
    [4, 7000, 60_000, 8000],
    [5, 15_000, 60_000, 15_000],
    [9, 50_000, 60_000, 10_000],
    [3, 60_000, 60_000, null],
    [1, 0, 0, null],
  ])("attempt %d at %d ms of %d ms → %p", (attempt, now, deadline, expected) => expect(nextDelay(attempt, now, deadline)).toBe(expected));

  test.each<[number, number[]]>([
    [0, []],
    [5000, [1000, 2000, 2000]],
    [60_000, [1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]],
  ])("whole schedule for %d ms", (wait, expected) => {
    expect(schedule(wait)).toEqual(expected);
    expect(expected.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(wait);
  });
});

test.each<[string[], string]>([
  [["passed", "failed", "skipped"], "failed"],
  [["passed", "skipped"], "passed"],
  [["skipped"], "skipped"],
  [[], "skipped"],
])("overall of %p is %s", (results, expected) => expect(overall(results.map((result) => ({ result: result as "passed" })))).toBe(expected));

/** A clock that advances only when slept on, or by `tick` per reading. */
function fakeClock(start = Date.parse("2026-11-23T05:00:00Z"), tick = 0): Clock & { slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => (t += tick) - tick,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}

const refuse = () => Promise.reject(new Error("tidak dipakai dalam uji ini"));
const probes = (over: Partial<Probes>): Probes => ({
  dns: refuse,
  https: refuse,
  whmAccount: refuse,
  password: refuse,
  cpanelLogin: refuse,
  pveStatus: refuse,
  pveConfig: refuse,
  pveAgentAddresses: refuse,
  tcp: refuse,
  splpFacts: refuse,
  splpCall: refuse,
  ...over,
});

describe("verifyItem", () => {
  const site = () => fixtureProject().site;
  const ppid = { id: "ppid", change: "create" as const, request: fixtureRequest("ppid") };
  const answer = (records: string[]): DnsAnswer[] => [{ resolver: "127.0.0.1:53", ok: true, rcode: records.length ? "NOERROR" : "NXDOMAIN", records, cnames: [] }];

  test("DNS that propagates on the third attempt passes; the record says which attempt", async () => {
    const clock = fakeClock();
    const seen = [answer([]), answer(["203.0.113.9"]), answer(["203.0.113.20"])];
    const v = await verifyItem(ppid, site(), probes({ dns: async () => seen.shift()! }), clock, clock.now() + 30_000);
    expect(clock.slept).toEqual([1000, 2000]);
    expect(v).toEqual({
      result: "passed",
      at: "2026-11-23T05:00:03.000Z",
      checks: [{ name: "dns", result: "passed", detail: "ppid.uji.test A 203.0.113.20 (resolver 127.0.0.1:53) (percobaan ke-3)", durationMs: 0 }],
    });
  });

  test("a failure that lasts is reported after the deadline, never past it", async () => {
    const clock = fakeClock();
    const v = await verifyItem(ppid, site(), probes({ dns: async () => answer(["203.0.113.9"]) }), clock, clock.now() + 5000);
    expect(clock.slept).toEqual([1000, 2000, 2000]);
    expect(v.result).toBe("failed");
    expect(v.checks[0]!.detail).toBe("ppid.uji.test A: resolver 127.0.0.1:53 menjawab 203.0.113.9; yang diminta: 203.0.113.20 (percobaan ke-4)");
  });

  test("without --wait a failure is reported at once", async () => {
    const clock = fakeClock();
    const v = await verifyItem(ppid, site(), probes({ dns: async () => answer([]) }), clock, clock.now());
    expect(clock.slept).toEqual([]);
    expect(v.checks).toEqual([{ name: "dns", result: "failed", detail: "ppid.uji.test A: resolver 127.0.0.1:53 menjawab tidak ada (NXDOMAIN); yang diminta: 203.0.113.20", durationMs: 0 }]);
  });

  test("a probe that throws fails its check with the client's message; the others still run; durations are measured", async () => {
    const clock = fakeClock(Date.parse("2026-11-23T05:00:00Z"), 5);
    const item = { id: "sibapo-app", change: "update" as const, request: fixtureRequest("sibapo-app") };
    const v = await verifyItem(
      item,
      site(),
      probes({
        pveStatus: async () => "running",
        pveConfig: () => Promise.reject(new Error("Proxmox: https://127.0.0.1:8006 tidak menjawab dalam 5 detik")),
        pveAgentAddresses: async () => ["127.0.0.1"],
        tcp: async (host, port, banner) => ({ connected: true, banner: banner ? "SSH-2.0-OpenSSH_9.6" : null, error: null }),
      }),
      clock,
      clock.now(),
    );
    expect(v.result).toBe("failed");
    expect(v.checks.map((c) => [c.name, c.result, c.detail, c.durationMs])).toEqual([
      ["proxmox-status", "passed", "VM 210 di node pve1 berstatus running", 5],
      ["proxmox-config", "failed", "Proxmox: https://127.0.0.1:8006 tidak menjawab dalam 5 detik", 5],
      ["guest-agent-ip", "passed", "agen tamu VM 210 melaporkan alamat 127.0.0.1", 5],
      ["tcp-22", "passed", '127.0.0.1:22 menjawab "SSH-2.0-OpenSSH_9.6"', 5],
      ["tcp-443", "passed", "127.0.0.1:443 menerima sambungan TCP", 5],
    ]);
  });

  test("one DNS question serves the dns, https and tls checks; https goes to the address DNS gave", async () => {
    const clock = fakeClock();
    const asked: string[] = [];
    const item = { id: "sibapo", change: "create" as const, request: fixtureRequest("sibapo") };
    const v = await verifyItem(
      item,
      site(),
      probes({
        dns: async (fqdn, type) => (asked.push(`${type} ${fqdn}`), answer(["127.0.0.1"])),
        https: async (fqdn, address) => (asked.push(`https ${fqdn} ${address}`), { status: 200, certificate: null }),
      }),
      clock,
      clock.now(),
    );
    expect(asked).toEqual(["A sibapo.uji.test", "https sibapo.uji.test 127.0.0.1"]);
    expect(v.checks.map((c) => c.result)).toEqual(["passed", "passed", "failed"]);
  });

  test("https and tls are skipped, not probed, when the name does not resolve", async () => {
    const clock = fakeClock();
    const item = { id: "sibapo", change: "create" as const, request: fixtureRequest("sibapo") };
    const v = await verifyItem(item, site(), probes({ dns: async () => answer([]) }), clock, clock.now());
    expect(v.checks.map((c) => [c.name, c.result, c.detail])).toEqual([
      ["dns", "failed", "sibapo.uji.test: resolver 127.0.0.1:53 tidak punya rekaman A (NXDOMAIN)"],
      ["https", "skipped", "tidak diperiksa: sibapo.uji.test tidak terjawab DNS"],
      ["tls", "skipped", "tidak diperiksa: sibapo.uji.test tidak terjawab DNS"],
    ]);
  });

  test("the password comes from the injected source and is handed only to the login probe", async () => {
    const clock = fakeClock();
    const logins: [string, string][] = [];
    const item = { id: "disdik-web", change: "create" as const, request: fixtureRequest("disdik-web") };
    const v = await verifyItem(
      item,
      site(),
      probes({
        whmAccount: async () => ({ user: "disdikweb", domain: "disdik.uji.test", plan: "sedang", suspended: false, diskUsedMb: null, diskLimitMb: null }),
        dns: async () => answer(["127.0.0.1"]),
        https: async () => ({ status: 200, certificate: null }),
        password: async (id) => (id === "disdik-web" ? "Rahasia-Uji-123" : undefined),
        cpanelLogin: async (user, pw) => (logins.push([user, pw]), { ok: true, megabytesUsed: null, megabyteLimit: null }),
      }),
      clock,
      clock.now(),
    );
    expect(logins).toEqual([["disdikweb", "Rahasia-Uji-123"]]);
    expect(JSON.stringify(v)).not.toContain("Rahasia-Uji-123");
    expect(v.checks.find((c) => c.name === "cpanel-login")).toEqual({
      name: "cpanel-login",
      result: "passed",
      detail: "login cPanel sebagai disdikweb dengan kata sandinya sendiri berhasil",
      durationMs: 0,
    });
  });

  test("ApiAccess without spec.exchange is skipped with the reason", async () => {
    const clock = fakeClock();
    const v = await verifyItem({ id: "pangan-uji", change: "create", request: fixtureRequest("pangan-uji") }, site(), probes({}), clock, clock.now());
    expect(v).toEqual({
      result: "skipped",
      at: "2026-11-23T05:00:00.000Z",
      checks: [{ name: "splp", result: "skipped", detail: "spec.exchange belum diisi (nama API, versi, tier di WSO2); langganan SPLP tetap langkah manual dan tidak diuji otomatis", durationMs: 0 }],
    });
  });
});
