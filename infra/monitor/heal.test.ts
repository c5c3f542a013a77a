/** --heal's order and limits with stand-in clients (no network): every action listed, none started after the run's deadline. */
import { DEFAULT_MONITOR } from "../core/monitor/config";
import type { HealAction } from "../core/monitor/types";
import { type Clients, heal } from "./gather";

const cfg = { ...DEFAULT_MONITOR, timeoutMs: 300, runTimeoutMs: 60_000 };
const actions: HealAction[] = [
  { action: "unsuspend-account", id: "web", user: "webu" },
  { action: "start-vm", id: "app", node: "pve1", vmid: 210 },
];

function stand(task: { status: string; exitstatus?: string }) {
  const calls: string[] = [];
  const c = {
    whm: () => ({ unsuspend: async (u: string) => void calls.push(`unsuspend ${u}`) }),
    pve: () => ({
      startVm: async (node: string, vmid: number) => (calls.push(`start ${node} ${vmid}`), "UPID:1"),
      taskStatus: async () => (calls.push("status"), task),
    }),
  } as unknown as Clients;
  return { c, calls };
}

describe("heal", () => {
  it.each([
    ["a task that finishes OK", { status: "stopped", exitstatus: "OK" }, Number.POSITIVE_INFINITY, "succeeded", "tugas Proxmox qmstart selesai: OK"],
    ["a task that fails", { status: "stopped", exitstatus: "start failed" }, Number.POSITIVE_INFINITY, "failed", "tugas Proxmox qmstart gagal: start failed"],
    ["a task still running at the per-target timeout", { status: "running" }, Number.POSITIVE_INFINITY, "failed", "tugas Proxmox belum selesai dalam 0.3 detik"],
    ["a task still running when the run's deadline comes first", { status: "running" }, 100, "failed", "tugas Proxmox belum selesai saat batas waktu seluruh putaran 60 detik habis"],
  ])("%s", async (_n, task, deadlineIn, result, detail) => {
    const { c } = stand(task);
    const out = await heal(actions, cfg, c, 20, Date.now() + deadlineIn);
    expect(out).toEqual([
      { action: "unsuspend-account", id: "web", user: "webu", result: "succeeded", detail: "WHM unsuspendacct webu berhasil" },
      { action: "start-vm", id: "app", node: "pve1", vmid: 210, result, detail },
    ]);
  });

  it("past the whole run's deadline nothing is started, and every action is still listed", async () => {
    const { c, calls } = stand({ status: "stopped", exitstatus: "OK" });
    const out = await heal(actions, cfg, c, 20, Date.now() - 1);
    expect(calls).toEqual([]);
    expect(out.map((h) => [h.id, h.result, h.detail])).toEqual([
      ["web", "failed", "tidak dijalankan: batas waktu seluruh putaran 60 detik habis"],
      ["app", "failed", "tidak dijalankan: batas waktu seluruh putaran 60 detik habis"],
    ]);
  });
});
