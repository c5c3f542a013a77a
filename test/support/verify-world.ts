/**
 * The world of the `pusdat verify` end-to-end tests: every server on 127.0.0.1 (DNS over UDP, HTTPS
 * with a certificate from a test CA, WHM and cPanel over HTTPS, the Proxmox API, SSH-like and silent
 * TCP ports), a temp project pointing at them, and the CLI: in this process (`cli`, the test CA
 * trusted through trustInProcess), or in a child process as CI runs it (`cliProcess`, the test CA
 * trusted through NODE_EXTRA_CA_CERTS).
 */
import { trustInProcess } from "../../infra/clients/http";
import { type EnvChange, runInEnv } from "./run";
import { spawnCollect } from "./spawn";
import { X509Certificate } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { FakeDns } from "./fake-dns";
import { FakeProxmox } from "./fake-proxmox";
import { FakeWhm } from "./fake-whm";
import { makeCa, makeCert, type Pem, startHttps } from "./tls";
import { VERIFY_FIXTURE } from "./verify-fixture";

const REPO = path.resolve(__dirname, "../..");
export const PASSWORD = "Rahasia-Uji-Sandi-7731";

let ca: Pem;
let web: Pem;
let selfSigned: Pem;

/** Certificates are made once per test file. */
async function certificates() {
  if (ca) return;
  ca = await makeCa();
  web = await makeCert(["sibapo.uji.test", "disdik.uji.test"], { ca, toDays: 45 });
  selfSigned = await makeCert(["127.0.0.1"]);
}

export interface World {
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
export async function world(): Promise<World> {
  await certificates();
  trustInProcess([ca.cert]);
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
      trustInProcess([]);
      await Promise.all([dns.stop(), whm.stop(), pve.stop(), https.stop(), ssh.stop(), open.stop(), silent.stop()]);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export function setPorts(root: string, rel: string, ports: number[]) {
  const file = path.join(root, "requests", `${rel}.yaml`);
  const doc = parse(fs.readFileSync(file, "utf8"));
  doc.spec.ports = ports;
  fs.writeFileSync(file, stringify(doc));
}

const CREDENTIALS = ["WHM_HOST", "WHM_API_TOKEN", "PROXMOX_VE_API_TOKEN", "PROXMOX_VE_ENDPOINT"];
const cliArgs = (command: string, args: string[]) => [command, "--stack", "uji", "--policy-config", path.join(REPO, "policies/config.json"), ...args];
/** The world's credentials over none from the test's own environment, then the test's `env`. */
const worldEnv = (w: World, env: EnvChange): EnvChange => ({
  ...Object.fromEntries(CREDENTIALS.map((k) => [k, undefined])),
  WHM_API_TOKEN: w.whm.token,
  PROXMOX_VE_API_TOKEN: w.pve.token,
  ...env,
});

/** `pusdat <command>` in this process (the servers above share its event loop), in the world's folder. */
export function cli(w: World, args: string[], env: EnvChange = {}, command = "verify"): Promise<{ code: number; out: string; err: string }> {
  return runInEnv(w.root, worldEnv(w, env), ...cliArgs(command, args));
}

/** The same through the real `node scripts/pusdat.js` in a child process, asynchronously, as CI runs it. */
export function cliProcess(w: World, args: string[], env: EnvChange = {}, command = "verify"): Promise<{ code: number; out: string; err: string }> {
  return spawnCollect(process.execPath, [path.join(REPO, "scripts/pusdat.js"), ...cliArgs(command, args)], {
    cwd: w.root,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(w.root, "ca.pem"), ...worldEnv(w, env) },
  });
}

/** Durations vary run to run; everything else is asserted exactly. */
export const steady = (text: string) => text.replace(/\(\d+ ms\)/g, "(N ms)");

/** The test certificate's end date as the probe reports it (UTC day). */
export function certEnd(): string {
  return new Date(new X509Certificate(web.cert).validTo).toISOString().slice(0, 10);
}
