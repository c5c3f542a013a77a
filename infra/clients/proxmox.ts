/**
 * Read-only Proxmox VE REST client (`https://host:8006/api2/json`, `Authorization: PVEAPIToken=...`)
 * for the access test: a VM's run state, its configured size and the addresses its guest agent
 * reports. A VM that does not exist answers 404, or 500 "Configuration file ... does not exist".
 */
import { httpRequest, NetError } from "./http";

export interface ProxmoxOptions {
  /** https://host:8006/ (as the provider takes it, without /api2/json). */
  endpoint: string;
  /** USER@REALM!TOKENID=UUID */
  token: string;
  timeoutMs: number;
  insecureTls?: boolean;
  ca?: string[];
}

export class ProxmoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProxmoxError";
  }
}

export interface VmConfig {
  cores: number;
  sockets: number;
  memoryMb: number;
  /** Disk name (scsi0, virtio0, …) → size in GB. */
  disksGb: Record<string, number>;
}

const GONE = /does not exist|no such vm|not found/i;
const UNIT_GB: Record<string, number> = { K: 1 / 1024 / 1024, M: 1 / 1024, G: 1, T: 1024 };

/** `local-lvm:vm-210-disk-0,size=40G` → 40. */
export function diskSizeGb(spec: string): number | null {
  const m = spec.match(/(?:^|,)size=(\d+(?:\.\d+)?)([KMGT])?(?:,|$)/);
  if (!m) return null;
  return Number(m[1]) * (m[2] ? UNIT_GB[m[2]]! : 1 / 1024 ** 3);
}

export class ProxmoxClient {
  private readonly base: string;
  constructor(private readonly o: ProxmoxOptions) {
    this.base = `${o.endpoint.replace(/\/+$/, "")}/api2/json`;
  }

  /** `data` of a GET; null when the VM (or node) does not exist. */
  private get(path: string): Promise<unknown | null> {
    return this.send("GET", path);
  }

  private async send(method: "GET" | "POST", path: string): Promise<unknown | null> {
    let r;
    try {
      r = await httpRequest(`${this.base}${path}`, {
        method,
        ...(method === "POST" ? { body: "" } : {}),
        headers: { Authorization: `PVEAPIToken=${this.o.token}`, Accept: "application/json" },
        timeoutMs: this.o.timeoutMs,
        insecureTls: this.o.insecureTls,
        ca: this.o.ca,
      });
    } catch (e) {
      if (e instanceof NetError) throw new ProxmoxError(`Proxmox: ${e.message}`);
      throw e;
    }
    if (r.status === 401 || r.status === 403) throw new ProxmoxError(`Proxmox menolak token API (HTTP ${r.status}) untuk ${method} ${path}; periksa PROXMOX_VE_API_TOKEN dan izinnya`);
    let json: { data?: unknown; message?: unknown; errors?: unknown } = {};
    try {
      json = JSON.parse(r.body);
    } catch {
      /* the status line says enough below */
    }
    const message = typeof json.message === "string" ? json.message.trim() : "";
    if (r.status === 404 || (r.status === 500 && GONE.test(message))) return null;
    if (r.status !== 200) throw new ProxmoxError(`Proxmox menjawab HTTP ${r.status} untuk ${method} ${path}${message ? `: ${message}` : ""}`);
    if (!("data" in json)) throw new ProxmoxError(`jawaban Proxmox untuk ${method} ${path} tidak memuat data`);
    return json.data;
  }

  private vmPath = (node: string, vmid: number) => `/nodes/${encodeURIComponent(node)}/qemu/${vmid}`;

  /** `running`, `stopped`, …; null when the VM does not exist. */
  async status(node: string, vmid: number): Promise<string | null> {
    const d = (await this.get(`${this.vmPath(node, vmid)}/status/current`)) as { status?: unknown } | null;
    if (d === null) return null;
    if (typeof d.status !== "string") throw new ProxmoxError(`jawaban Proxmox untuk status VM ${vmid} tidak memuat status`);
    return d.status;
  }

  async config(node: string, vmid: number): Promise<VmConfig | null> {
    const d = (await this.get(`${this.vmPath(node, vmid)}/config`)) as Record<string, unknown> | null;
    if (d === null) return null;
    const int = (v: unknown, dflt: number) => (v === undefined ? dflt : Number(v));
    const disksGb: Record<string, number> = {};
    for (const [k, v] of Object.entries(d)) {
      if (/^(scsi|virtio|sata|ide)\d+$/.test(k) && typeof v === "string" && !/media=cdrom/.test(v)) {
        const gb = diskSizeGb(v);
        if (gb !== null) disksGb[k] = gb;
      }
    }
    return { cores: int(d.cores, 1), sockets: int(d.sockets, 1), memoryMb: int(d.memory, 512), disksGb };
  }

  /** IPv4/IPv6 addresses the guest agent reports, loopback left out; throws when the agent does not answer. */
  async guestAddresses(node: string, vmid: number): Promise<string[] | null> {
    const d = await this.get(`${this.vmPath(node, vmid)}/agent/network-get-interfaces`);
    if (d === null) return null;
    const result = (d as { result?: unknown }).result;
    if (!Array.isArray(result)) throw new ProxmoxError(`jawaban agen tamu VM ${vmid} tidak memuat result`);
    const out: string[] = [];
    for (const iface of result as { name?: string; "ip-addresses"?: { "ip-address"?: string }[] }[]) {
      if (iface.name === "lo") continue;
      for (const a of iface["ip-addresses"] ?? []) if (a["ip-address"]) out.push(a["ip-address"]);
    }
    return out;
  }

  /** Every VM of the cluster in one call (`/cluster/resources?type=vm`): status, node, cpu, mem, maxmem. */
  async clusterVms(): Promise<unknown> {
    return (await this.get("/cluster/resources?type=vm")) ?? [];
  }

  /** The backup files on one storage of one node (`content=backup`): volid, ctime, size, …; null when the storage is not there. */
  async backupContent(node: string, storage: string): Promise<unknown | null> {
    return this.get(`/nodes/${encodeURIComponent(node)}/storage/${encodeURIComponent(storage)}/content?content=backup`);
  }

  /** Starts a VM; resolves to the task's UPID. */
  async startVm(node: string, vmid: number): Promise<string> {
    const d = await this.send("POST", `${this.vmPath(node, vmid)}/status/start`);
    if (d === null) throw new ProxmoxError(`VM ${vmid} tidak ada di node ${node}`);
    if (typeof d !== "string") throw new ProxmoxError(`Proxmox tidak memberi UPID tugas untuk menyalakan VM ${vmid}`);
    return d;
  }

  /** A task's state: `running`, or `stopped` with `exitstatus` ("OK" or the error). */
  async taskStatus(node: string, upid: string): Promise<{ status: string; exitstatus: string | null }> {
    const d = (await this.get(`/nodes/${encodeURIComponent(node)}/tasks/${encodeURIComponent(upid)}/status`)) as { status?: unknown; exitstatus?: unknown } | null;
    if (!d || typeof d.status !== "string") throw new ProxmoxError(`status tugas ${upid} tidak dapat dibaca dari Proxmox`);
    return { status: d.status, exitstatus: typeof d.exitstatus === "string" ? d.exitstatus : null };
  }
}
