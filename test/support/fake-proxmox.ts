/**
 * A Proxmox VE API stand-in on 127.0.0.1 over HTTPS: `/api2/json/nodes/{node}/qemu/{vmid}/…` for
 * status/current, config and agent/network-get-interfaces, in the documented `{ data }` envelope;
 * 401 for a wrong token, and a missing VM as Proxmox reports it (HTTP 500, "Configuration file …
 * does not exist"). Switches for the guest agent being down and for an answer that never comes.
 */
import * as https from "node:https";
import type { AddressInfo } from "node:net";

export interface FakeVm {
  node: string;
  status: "running" | "stopped";
  cores: number;
  sockets?: number;
  memoryMb: number;
  scsi0: string;
  /** null: the agent is not running. */
  addresses: string[] | null;
  /** CPU use 0–1 and memory used (MB) in /cluster/resources. */
  cpu?: number;
  memUsedMb?: number;
}

/** A backup file on a node's storage (content=backup). */
export interface FakeBackup {
  node: string;
  storage: string;
  volid: string;
  ctime: number;
}

export class FakeProxmox {
  readonly vms = new Map<number, FakeVm>();
  readonly calls: { path: string; auth: boolean; method?: string }[] = [];
  hang = false;
  readonly backups: FakeBackup[] = [];
  /** Tasks by UPID: how many status polls answer "running" before the task stops, and its exit status. */
  readonly tasks = new Map<string, { runningPolls: number; exitstatus: string }>();
  /** The exit status the next start task ends with ("OK", or an error a real qmstart gives). */
  startExit = "OK";
  /** Paths that never answer (a hung storage, say). */
  readonly hangPaths = new Set<string>();
  port = 0;
  private server?: https.Server;

  constructor(readonly token = "pusdat@pve!verify=00000000-1111-2222-3333-444444444444") {}

  get endpoint(): string {
    return `https://127.0.0.1:${this.port}/`;
  }

  async start(tls: { key: string; cert: string }): Promise<void> {
    this.server = https.createServer(tls, (req, res) => this.answer(req.url ?? "/", req.headers.authorization, res, req.method ?? "GET"));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  private answer(url: string, auth: string | undefined, res: import("node:http").ServerResponse, method = "GET") {
    const ok = auth === `PVEAPIToken=${this.token}`;
    this.calls.push({ path: url, auth: ok, ...(method !== "GET" ? { method } : {}) });
    const json = (status: number, body: unknown) => res.writeHead(status, { "Content-Type": "application/json;charset=UTF-8" }).end(JSON.stringify(body));
    if (!ok) return void res.writeHead(401, "authentication failure", { "Content-Type": "application/json" }).end('{"data":null}');
    if (this.hang || this.hangPaths.has(url)) return;
    if (this.monitoring(url, method, json)) return;
    const m = url.match(/^\/api2\/json\/nodes\/([a-z0-9-]+)\/qemu\/(\d+)\/(status\/current|config|agent\/network-get-interfaces)$/);
    if (!m) return json(501, { data: null, message: `Method 'GET ${url}' not implemented` });
    const [, node, id, what] = m;
    const vmid = Number(id);
    const vm = this.vms.get(vmid);
    if (!vm || vm.node !== node) return json(500, { data: null, message: `Configuration file 'nodes/${node}/qemu-server/${vmid}.conf' does not exist\n` });
    if (what === "status/current") return json(200, { data: { vmid, status: vm.status, qmpstatus: vm.status, name: `vm${vmid}`, cpus: vm.cores, maxmem: vm.memoryMb * 1048576 } });
    if (what === "config") {
      return json(200, {
        data: { cores: vm.cores, ...(vm.sockets ? { sockets: vm.sockets } : {}), memory: String(vm.memoryMb), scsi0: vm.scsi0, ide2: "local-lvm:vm-210-cloudinit,media=cdrom", agent: "1", digest: "abc" },
      });
    }
    if (vm.status !== "running" || vm.addresses === null) return json(500, { data: null, message: "QEMU guest agent is not running\n" });
    return json(200, {
      data: {
        result: [
          { name: "lo", "hardware-address": "00:00:00:00:00:00", "ip-addresses": [{ "ip-address": "127.0.0.1", "ip-address-type": "ipv4", prefix: 8 }] },
          { name: "eth0", "hardware-address": "bc:24:11:00:00:01", "ip-addresses": vm.addresses.map((a) => ({ "ip-address": a, "ip-address-type": a.includes(":") ? "ipv6" : "ipv4", prefix: 24 })) },
        ],
      },
    });
  }

  /** The calls of `pusdat monitor`: cluster resources, backup storage content, start and task status. */
  private monitoring(url: string, method: string, json: (status: number, body: unknown) => void): boolean {
    if (method === "GET" && url === "/api2/json/cluster/resources?type=vm") {
      json(200, {
        data: [...this.vms].map(([vmid, v]) => ({
          id: `qemu/${vmid}`,
          type: "qemu",
          vmid,
          node: v.node,
          name: `vm${vmid}`,
          status: v.status,
          cpu: v.status === "running" ? (v.cpu ?? 0.05) : 0,
          maxcpu: v.cores,
          mem: v.status === "running" ? (v.memUsedMb ?? 1024) * 1048576 : 0,
          maxmem: v.memoryMb * 1048576,
          template: 0,
        })),
      });
      return true;
    }
    let m = url.match(/^\/api2\/json\/nodes\/([a-z0-9-]+)\/storage\/([a-z0-9-]+)\/content\?content=backup$/);
    if (m && method === "GET") {
      const [, node, storage] = m;
      json(200, { data: this.backups.filter((b) => b.node === node && b.storage === storage).map((b) => ({ volid: b.volid, ctime: b.ctime, content: "backup", format: "vma.zst", size: 1234567 })) });
      return true;
    }
    m = url.match(/^\/api2\/json\/nodes\/([a-z0-9-]+)\/qemu\/(\d+)\/status\/start$/);
    if (m && method === "POST") {
      const vm = this.vms.get(Number(m[2]));
      if (!vm || vm.node !== m[1]) return json(500, { data: null, message: `Configuration file 'nodes/${m[1]}/qemu-server/${m[2]}.conf' does not exist\n` }), true;
      const upid = `UPID:${m[1]}:0000ABCD:00012345:6740A1B2:qmstart:${m[2]}:root@pam:`;
      this.tasks.set(upid, { runningPolls: 1, exitstatus: this.startExit });
      if (this.startExit === "OK") vm.status = "running";
      json(200, { data: upid });
      return true;
    }
    m = url.match(/^\/api2\/json\/nodes\/([a-z0-9-]+)\/tasks\/([^/]+)\/status$/);
    if (m && method === "GET") {
      const t = this.tasks.get(decodeURIComponent(m[2]!));
      if (!t) return json(500, { data: null, message: "no such task\n" }), true;
      if (t.runningPolls > 0) {
        t.runningPolls--;
        json(200, { data: { status: "running", type: "qmstart", node: m[1] } });
      } else json(200, { data: { status: "stopped", exitstatus: t.exitstatus, type: "qmstart", node: m[1] } });
      return true;
    }
    return false;
  }
}
