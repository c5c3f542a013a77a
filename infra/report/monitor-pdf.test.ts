import { monitorPdf } from "./monitor-pdf";
import type { Organisation } from "../core/config/site";
import type { MonitorReport } from "../core/monitor/types";
import { pdfLines } from "../../test/support/pdf-text";

jest.setTimeout(60_000);

const report: MonitorReport = {
  schema: "pusdat-pemantauan/v1",
  stack: "uji",
  at: "2026-11-23T00:00:00.000Z",
  targets: [
    { id: "sibapo-app", kind: "vm", status: "warning", summary: "VM 210 di pve1 berstatus stopped; dinyalakan kembali oleh --heal" },
    { id: "disdik-web", kind: "hosting", status: "ok", summary: "normal: aktif, disk 2%, cadangan 2026-11-21" },
  ],
  findings: [{ id: "sibapo-app", kind: "vm", code: "vm-stopped", severity: "warning", message: "VM 210 di pve1 berstatus stopped; dinyalakan kembali oleh --heal" }],
  heal: [{ action: "start-vm", id: "sibapo-app", node: "pve1", vmid: 210, result: "succeeded", detail: "tugas Proxmox qmstart selesai: OK" }],
  summary: { targets: 2, errors: 0, warnings: 1, healed: 1 },
};
const organisation: Organisation = { government: "Pemerintah Kabupaten Uji", agency: "Dinas Komunikasi dan Informatika", division: "Bidang SPBE", address: "Jl. Uji No. 1", city: "Kota Uji", letterNumber: "000/{seq}/{year}" };

test("the report PDF says what was seen and done, and is the same bytes for the same report", async () => {
  const a = await monitorPdf(report, organisation);
  const b = await monitorPdf(report, organisation);
  expect(a.equals(b)).toBe(true);
  const t = pdfLines(a);
  expect(t.info.Title).toBe("Laporan Data Back Up dan Monitoring");
  const text = t.lines.join("\n");
  for (const s of [
    "LAPORAN DATA BACK UP DAN MONITORING",
    "Ringkasan: 2 sasaran, 0 galat, 1 peringatan, 1 tindakan --heal berhasil.",
    "Tindakan pemulihan (--heal)",
    "nyalakan VM 210 di pve1 (sibapo-app): berhasil: tugas Proxmox qmstart selesai: OK",
  ]) expect(text).toContain(s);
});
