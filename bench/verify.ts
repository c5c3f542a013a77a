/**
 * `node --import tsx bench/verify.ts`: how long `pusdat verify` takes per request with every server
 * on 127.0.0.1 (DNS over UDP, HTTPS with a test CA, WHM/cPanel, Proxmox, TCP), through the real
 * clients; and that a resolver which never answers costs one timeout per check, not more.
 * Requests are checked one after another, so a run's time is the sum over its requests.
 */
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import { loadSiteConfig } from "../infra/core/config/load";
import { makeProbes } from "../infra/clients/probes";
import type { Clock } from "../infra/core/verify/run";
import type { VerifyItem } from "../infra/core/verify/types";
import { runVerify } from "../scripts/verify";
import { FakeDns } from "../test/support/fake-dns";
import { FakeProxmox } from "../test/support/fake-proxmox";
import { FakeWhm } from "../test/support/fake-whm";
import { makeCa, makeCert, startHttps } from "../test/support/tls";
import { fixtureProject, fixtureRequest, VERIFY_FIXTURE } from "../test/support/verify-fixture";

const clock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const ca = await makeCa();
  const self = await makeCert(["127.0.0.1"]);
  const names = Array.from({ length: 50 }, (_, i) => `web${i}.uji.test`);
  const https = await startHttps({ default: await makeCert([...names, "disdik.uji.test"], { ca }) });
  const dns = new FakeDns();
  await dns.start();
  const silentDns = new FakeDns();
  await silentDns.start();
  silentDns.behaviour = "silent";
  const whm = new FakeWhm();
  await whm.start(self);
  await whm.startCpanel(self);
  whm.accounts.set("disdikweb", { user: "disdikweb", domain: "disdik.uji.test", plan: "sedang", suspended: false, password: "bench" });
  const pve = new FakeProxmox();
  await pve.start(self);
  pve.vms.set(210, { node: "pve1", status: "running", cores: 2, memoryMb: 4096, scsi0: "local-lvm:vm-210-disk-0,size=40G", addresses: ["127.0.0.1"] });
  const sockets = new Set<net.Socket>();
  const ssh = net.createServer((s) => (sockets.add(s), s.write("SSH-2.0-OpenSSH_9.6\r\n")));
  await new Promise<void>((r) => ssh.listen(0, "127.0.0.1", r));
  const sshPort = (ssh.address() as AddressInfo).port;

  const loaded = loadSiteConfig(`${VERIFY_FIXTURE}/Pulumi.uji.yaml`);
  if (!loaded.ok) throw new Error("fixture stack invalid");
  const site = {
    ...loaded.value,
    proxmox: { ...loaded.value.proxmox, endpoint: pve.endpoint },
    verify: { ...loaded.value.verify!, resolvers: [dns.address], ports: { https: https.port, whm: whm.port, cpanel: whm.cpanelPort }, sshPorts: [sshPort] },
  };
  const config = { ...fixtureProject(), site };
  const env = { WHM_API_TOKEN: whm.token, PROXMOX_VE_API_TOKEN: pve.token };
  const probes = makeProbes({ site, env, password: async () => "bench", ca: [ca.cert] });

  const sub = fixtureRequest("sibapo");
  const items: Record<string, VerifyItem[]> = {
    "Subdomain proxied (dns+https+tls)": names.map((n, i) => {
      dns.set("A", n, ["127.0.0.1"]);
      return { id: `web${i}`, change: "create", request: { ...sub, spec: { ...sub.spec, name: n.split(".")[0]! } } } as VerifyItem;
    }),
    "Subdomain langsung (dns)": Array.from({ length: 50 }, (_, i) => {
      dns.set("A", `langsung${i}.uji.test`, ["203.0.113.20"]);
      const r = fixtureRequest("ppid");
      return { id: `langsung${i}`, change: "create", request: { ...r, spec: { ...r.spec, name: `langsung${i}` } } } as VerifyItem;
    }),
    "HostingAccount (whm+dns+https+tls+origin+login)": Array.from({ length: 20 }, () => ({ id: "disdik-web", change: "create", request: fixtureRequest("disdik-web") }) as VerifyItem),
    "VM lokal (status+config+agen+port SSH)": Array.from({ length: 20 }, () => {
      const r = fixtureRequest("sibapo-app");
      return { id: "sibapo-app", change: "update", request: { ...r, spec: { ...r.spec, ports: [sshPort] } } } as VerifyItem;
    }),
  };
  dns.set("A", "disdik.uji.test", ["127.0.0.1"]);

  console.log("| jenis | permintaan | total | median per permintaan | hasil |");
  console.log("|---|---|---|---|---|");
  for (const [label, list] of Object.entries(items)) {
    const per: number[] = [];
    const t0 = Date.now();
    let failed = 0;
    for (const item of list) {
      const t = Date.now();
      const rep = await runVerify(config, [item], probes, clock, 0, null);
      per.push(Date.now() - t);
      if (rep.result !== "passed") failed++;
    }
    console.log(`| ${label} | ${list.length} | ${Date.now() - t0} ms | ${median(per)} ms | ${failed ? `${failed} gagal` : "semua lulus"} |`);
  }

  const silentSite = { ...site, verify: { ...site.verify, resolvers: [silentDns.address], timeoutMs: 1000 } };
  const silentProbes = makeProbes({ site: silentSite, env, password: async () => "bench" });
  const t = Date.now();
  const rep = await runVerify({ ...config, site: silentSite }, items["Subdomain langsung (dns)"]!.slice(0, 3), silentProbes, clock, 0, null);
  console.log(`\nresolver bisu, timeoutMs 1000, 3 permintaan: ${Date.now() - t} ms; hasil ${rep.result}; detail: ${rep.requests[0]!.verify.checks[0]!.detail}`);

  sockets.forEach((s) => s.destroy());
  await Promise.all([dns.stop(), silentDns.stop(), whm.stop(), pve.stop(), https.stop(), new Promise((r) => ssh.close(r))]);
}

main().catch((e) => {
  console.error(e);
  process.exit(3);
});
