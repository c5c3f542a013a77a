import { accountsOf, backupDatesOf, backupUsersOf, newestVzdumps, vmsOf } from "./parse";
import { runPool } from "./pool";

describe("parse", () => {
  it("reads listaccts", () => {
    expect(accountsOf({ acct: [{ user: "a", suspended: 1, diskused: "12M", disklimit: "unlimited" }, { user: "b", suspended: 0, diskused: "5M", disklimit: "100M" }, { nope: 1 }] })).toEqual({
      a: { user: "a", suspended: true, diskUsedMb: 12, diskLimitMb: null },
      b: { user: "b", suspended: false, diskUsedMb: 5, diskLimitMb: 100 },
    });
  });
  it("reads backup dates newest first and users with a complete backup", () => {
    expect(backupDatesOf({ backup_set: ["2026-11-01", "2026-11-20", "bad"] })).toEqual(["2026-11-20", "2026-11-01"]);
    expect(backupDatesOf({ backup_set: ["2026-11-01T00:00:00.000Z", "2026-11-20T00:00:00.000Z", "2026-11-20T00:00:00.000Z"] })).toEqual(["2026-11-20T00:00:00.000Z", "2026-11-01T00:00:00.000Z"]);
    expect(backupUsersOf({ user: [{ username: "a", status: "active" }, { username: "b", status: "no_backup" }, { username: "c", status: "inactive" }] })).toEqual(["a", "c"]);
  });
  it("reads cluster resources, qemu only", () => {
    expect(vmsOf([{ type: "qemu", vmid: 210, node: "pve1", status: "running", cpu: 0.5, mem: 10, maxmem: 20 }, { type: "lxc", vmid: 300, node: "pve1" }])).toEqual({
      210: { vmid: 210, node: "pve1", status: "running", cpu: 0.5, memBytes: 10, maxMemBytes: 20 },
    });
  });
  it("keeps the newest vzdump per VMID", () => {
    const files = [
      { volid: "cadangan:backup/vzdump-qemu-210-2026_11_20-02_00_00.vma.zst", ctime: 100 },
      { volid: "cadangan:backup/vzdump-qemu-210-2026_11_21-02_00_00.vma.zst", ctime: 200 },
      { volid: "cadangan:backup/vzdump-lxc-300-2026_11_21-02_00_00.tar.zst", ctime: 300 },
      { volid: "cadangan:backup/vzdump-qemu-2100-2026_11_21-02_00_00.vma.zst", ctime: 50 },
    ];
    expect(newestVzdumps(files)).toEqual({ 210: 200, 2100: 50 });
  });
});

describe("runPool", () => {
  it("keeps order, reports failures and never-settling tasks as timeouts", async () => {
    const tasks = [() => Promise.resolve(1), () => Promise.reject(new Error("ditolak")), () => new Promise<number>(() => undefined), () => Promise.resolve(4)];
    const seen: number[] = [];
    const out = await runPool(tasks, { concurrency: 2, timeoutMs: 200, runTimeoutMs: 60_000, onSettled: (d) => seen.push(d) });
    expect(out).toEqual([{ ok: true, value: 1 }, { ok: false, error: "ditolak" }, { ok: false, error: "tidak menjawab dalam 0.2 detik" }, { ok: true, value: 4 }]);
    expect(seen).toEqual([1, 2, 3, 4]);
  }, 60_000);
  it("never runs more than `concurrency` at once", async () => {
    let running = 0;
    let peak = 0;
    const task = async () => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setImmediate(r));
      running--;
      return 0;
    };
    await runPool(Array.from({ length: 50 }, () => task), { concurrency: 7, timeoutMs: 60_000, runTimeoutMs: 60_000 });
    expect(peak).toBe(7);
  }, 60_000);
  it("does not start tasks after the whole-run deadline", async () => {
    let started = 0;
    const hang = () => (started++, new Promise<number>(() => undefined));
    const out = await runPool([hang, hang, hang], { concurrency: 1, timeoutMs: 60_000, runTimeoutMs: 1000 });
    expect(started).toBe(1);
    expect(out.map((o) => !o.ok && o.error)).toEqual([
      "tidak diperiksa: batas waktu seluruh putaran 1 detik habis",
      "tidak diperiksa: batas waktu seluruh putaran 1 detik habis",
      "tidak diperiksa: batas waktu seluruh putaran 1 detik habis",
    ]);
  }, 60_000);
});
