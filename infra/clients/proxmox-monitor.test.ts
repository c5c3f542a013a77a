/** The Proxmox calls of `pusdat monitor` against the stand-in on 127.0.0.1. */
import { FakeProxmox } from "../../test/support/fake-proxmox";
import { makeCert } from "../../test/support/tls";
import { ProxmoxClient, ProxmoxError } from "./proxmox";

jest.setTimeout(60_000);

let p: FakeProxmox;
let c: ProxmoxClient;
beforeEach(async () => {
  p = new FakeProxmox();
  await p.start(await makeCert(["127.0.0.1"]));
  p.vms.set(210, { node: "pve1", status: "stopped", cores: 2, memoryMb: 4096, scsi0: "local-lvm:vm-210-disk-0,size=40G", addresses: null });
  c = new ProxmoxClient({ endpoint: p.endpoint, token: p.token, timeoutMs: 5000, insecureTls: true });
});
afterEach(() => p.stop());

test("cluster resources, backup content, start and its task", async () => {
  p.backups.push({ node: "pve1", storage: "cadangan", volid: "cadangan:backup/vzdump-qemu-210-2026_11_20-02_00_00.vma.zst", ctime: 1_763_604_000 });
  expect(await c.clusterVms()).toEqual([
    { id: "qemu/210", type: "qemu", vmid: 210, node: "pve1", name: "vm210", status: "stopped", cpu: 0, maxcpu: 2, mem: 0, maxmem: 4096 * 1048576, template: 0 },
  ]);
  expect(await c.backupContent("pve1", "cadangan")).toEqual([
    { volid: "cadangan:backup/vzdump-qemu-210-2026_11_20-02_00_00.vma.zst", ctime: 1_763_604_000, content: "backup", format: "vma.zst", size: 1234567 },
  ]);
  const upid = await c.startVm("pve1", 210);
  expect(upid).toBe("UPID:pve1:0000ABCD:00012345:6740A1B2:qmstart:210:root@pam:");
  expect(await c.taskStatus("pve1", upid)).toEqual({ status: "running", exitstatus: null });
  expect(await c.taskStatus("pve1", upid)).toEqual({ status: "stopped", exitstatus: "OK" });
  expect(p.calls.filter((x) => x.method === "POST").map((x) => x.path)).toEqual(["/api2/json/nodes/pve1/qemu/210/status/start"]);
});

test("starting a VM that is not there says so", async () => {
  await expect(c.startVm("pve1", 999)).rejects.toThrow(new ProxmoxError("VM 999 tidak ada di node pve1"));
});

test("a wrong token names the method and path, never the token", async () => {
  const bad = new ProxmoxClient({ endpoint: p.endpoint, token: "pusdat@pve!salah=rahasia", timeoutMs: 5000, insecureTls: true });
  const e = await bad.startVm("pve1", 210).catch((x: Error) => x);
  expect((e as Error).message).toBe("Proxmox menolak token API (HTTP 401) untuk POST /nodes/pve1/qemu/210/status/start; periksa PROXMOX_VE_API_TOKEN dan izinnya");
});
