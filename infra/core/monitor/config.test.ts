import { DEFAULT_MONITOR, MonitorConfig } from "./config";

describe("pusdat:monitor", () => {
  it("defaults to the SOP's limits", () => {
    expect(DEFAULT_MONITOR).toEqual({
      backupMaxAgeDays: { local: 30, hosting: 30, pdn: 90 },
      usage: { warning: 80, error: 95 },
      certWarningDays: 14,
      concurrency: 128,
      timeoutMs: 10_000,
      runTimeoutMs: 600_000,
    });
  });
  it.each([
    [{ usage: { warning: 95, error: 90 } }, "usage: warning harus lebih kecil dari error"],
    [{ backupMaxAgeDays: { local: 0 } }, "backupMaxAgeDays.local: bilangan bulat hari, 1–3650"],
    [{ usage: { warning: 120, error: 130 } }, "usage.warning: persen 1–100"],
    [{ bogus: 1 }, 'Unrecognized key: "bogus"'],
  ])("%j is refused", (input, message) => {
    const r = MonitorConfig.safeParse(input);
    expect(r.success).toBe(false);
    const first = r.error!.issues[0]!;
    expect(`${first.path.length ? `${first.path.join(".")}: ` : ""}${first.message}`).toBe(message);
  });
});
