import { driftFromPreview, driftService, incidentPlan, logTail, servicesOf } from "./incidents";
import type { MonitorReport } from "./types";

const AT = "2026-11-23T00:00:00.000Z";
const report: MonitorReport = {
  schema: "pusdat-pemantauan/v1",
  stack: "uji",
  at: AT,
  targets: [
    { id: "sibapo-app", kind: "vm", status: "error", summary: "VM 210 mati" },
    { id: "disdik-web", kind: "hosting", status: "ok", summary: "normal: aktif" },
    { id: "ppid", kind: "subdomain", status: "warning", summary: "sertifikat 10 hari lagi" },
  ],
  findings: [
    { id: "sibapo-app", kind: "vm", code: "vm-stopped", severity: "error", message: "VM 210 di pve1 berstatus stopped, padahal permintaannya aktif" },
    { id: "ppid", kind: "subdomain", code: "cert-expiring", severity: "warning", message: "sertifikat berakhir" },
  ],
  heal: [],
  summary: { targets: 3, errors: 1, warnings: 1, healed: 0 },
};

describe("incidents", () => {
  it("only error findings make a service failing", () => {
    expect(servicesOf(report).map((s) => [s.key, s.failing, s.title])).toEqual([
      ["vm/sibapo-app", true, "[pusdat-insiden vm/sibapo-app] gangguan VM lokal sibapo-app"],
      ["hosting/disdik-web", false, "[pusdat-insiden hosting/disdik-web] gangguan hosting disdik-web"],
      ["subdomain/ppid", false, "[pusdat-insiden subdomain/ppid] gangguan subdomain ppid"],
    ]);
  });

  it.each([
    ["a new failure opens an issue", [], [{ action: "create", key: "vm/sibapo-app", title: "[pusdat-insiden vm/sibapo-app] gangguan VM lokal sibapo-app", body: `Gangguan terdeteksi ${AT}:\n\n- VM 210 di pve1 berstatus stopped, padahal permintaannya aktif (\`vm-stopped\`)\n\nPutaran: https://forge/run/1` }]],
    ["a lasting failure comments on the oldest open issue", [{ number: 9, title: "[pusdat-insiden vm/sibapo-app] x" }, { number: 4, title: "[pusdat-insiden vm/sibapo-app] y" }], [{ action: "comment", number: 4, key: "vm/sibapo-app", body: `Masih terganggu ${AT}:\n\n- VM 210 di pve1 berstatus stopped, padahal permintaannya aktif (\`vm-stopped\`)\n\nPutaran: https://forge/run/1` }]],
    ["a recovered service closes its issue", [{ number: 9, title: "[pusdat-insiden vm/sibapo-app] x" }, { number: 5, title: "[pusdat-insiden hosting/disdik-web] gangguan" }], [
      { action: "comment", number: 9, key: "vm/sibapo-app", body: `Masih terganggu ${AT}:\n\n- VM 210 di pve1 berstatus stopped, padahal permintaannya aktif (\`vm-stopped\`)\n\nPutaran: https://forge/run/1` },
      { action: "close", number: 5, key: "hosting/disdik-web", body: `Pulih ${AT}: normal: aktif\n\nPutaran: https://forge/run/1` },
    ]],
  ])("%s", (_n, open, want) => {
    expect(incidentPlan(servicesOf(report), open, AT, "https://forge/run/1")).toEqual(want);
  });

  it("a drift round neither closes nor touches monitoring incidents", () => {
    const open = [{ number: 3, title: "[pusdat-insiden vm/sibapo-app] x" }, { number: 7, title: "[pusdat-insiden drift/uji] stack" }];
    expect(incidentPlan([driftService("uji", false, "tidak ada perubahan")], open, AT, "")).toEqual([{ action: "close", number: 7, key: "drift/uji", body: `Pulih ${AT}: tidak ada perubahan` }]);
    expect(incidentPlan([driftService("uji", true, "2 sumber daya berubah")], [], AT, "")).toEqual([
      { action: "create", key: "drift/uji", title: "[pusdat-insiden drift/uji] stack uji berbeda dari kode (drift)", body: `Gangguan terdeteksi ${AT}:\n\n2 sumber daya berubah` },
    ]);
  });
});

describe("driftFromPreview", () => {
  it.each([
    [0, "Previewing update (uji)\nResources: 12 unchanged\n", false, "pulumi preview --expect-no-changes: tidak ada perubahan"],
    [255, "Previewing\n ~ cloudflare:index:Record sibapo update\nerror: no changes were expected but changes were proposed\n", true, "pulumi preview --expect-no-changes keluar dengan kode 255:\n\n```\nPreviewing\n ~ cloudflare:index:Record sibapo update\nerror: no changes were expected but changes were proposed\n```"],
    [255, "error: failed to decrypt encrypted configuration value\n", true, "pulumi preview gagal dengan kode 255 sebelum drift dapat diperiksa (kredensial, backend state atau jaringan?):\n\n```\nerror: failed to decrypt encrypted configuration value\n```"],
  ])("exit %i", (code, log, failing, detail) => {
    expect(driftFromPreview("uji", code, log)).toEqual({ key: "drift/uji", failing, title: "[pusdat-insiden drift/uji] stack uji berbeda dari kode (drift)", detail });
  });
  it("keeps only the tail of a long log", () => {
    const log = Array.from({ length: 100 }, (_, i) => `baris ${i}`).join("\n");
    expect(logTail(log).split("\n")).toEqual(Array.from({ length: 40 }, (_, i) => `baris ${i + 60}`));
  });
});
