import type { ArchiveRecord } from "./record";
import { recordFails, recordSummary } from "./summary";

const C = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";
const record = (over: Partial<ArchiveRecord> = {}): ArchiveRecord => ({
  schema: "pusdat-arsip/v1",
  stack: "contoh",
  commit: C,
  pullRequest: null,
  apply: { startedAt: "2026-11-20T05:01:10Z", finishedAt: "2026-11-20T05:03:40Z", result: "succeeded" },
  requests: [
    {
      id: "sibapo", kind: "Subdomain", change: "create",
      verify: { result: "passed", at: "2026-11-20T05:04:30Z", checks: [{ name: "dns", result: "passed", detail: "sibapo.contohkab.go.id A 203.0.113.10" }] },
      documents: [{ type: "berita-acara", path: "dokumen/sibapo/2026-11-20-1a2b3c4d5e6f-berita-acara.pdf", sha256: "0".repeat(64) }],
    },
  ],
  ...over,
});

test("a change applied and tested: the table with the letter numbers", () => {
  expect(recordSummary(record(), { "dokumen/sibapo/2026-11-20-1a2b3c4d5e6f-berita-acara.pdf": "000.8.3.3/1/DISKOMINFO/2026" })).toBe(
    [
      "### ✅ Commit `1a2b3c4d5e6f` diterapkan; tidak ada uji akses yang gagal",
      "",
      "Stack `contoh`, penerapan 2026-11-20T05:01:10Z – 2026-11-20T05:03:40Z (UTC).",
      "",
      "| Permintaan | Jenis | Perubahan | Uji akses | Dokumen |",
      "|---|---|---|---|---|",
      "| `sibapo` | Subdomain | baru | berhasil | Berita Acara (000.8.3.3/1/DISKOMINFO/2026) |",
      "",
      "Catatan arsip: `catatan/2026/2026-11-20-1a2b3c4d5e6f.json` di cabang `arsip`. Kata sandi dan kredensial tidak pernah dicantumkan di sini; diserahkan terpisah kepada narahubung OPD.",
      "",
    ].join("\n"),
  );
  expect(recordFails(record())).toBe(false);
});

test("a failed access test is said first, with what failed", () => {
  const r = record();
  r.requests[0]!.verify = { result: "failed", at: "2026-11-20T05:04:30Z", checks: [{ name: "https", result: "failed", detail: "https://sibapo.contohkab.go.id/ menjawab 502" }] };
  const text = recordSummary(r);
  expect(text.split("\n").slice(0, 7)).toEqual([
    "### ⚠️ Commit `1a2b3c4d5e6f` diterapkan, tetapi uji akses GAGAL",
    "",
    "Stack `contoh`, penerapan 2026-11-20T05:01:10Z – 2026-11-20T05:03:40Z (UTC).",
    "",
    "**Pemeriksaan yang gagal:**",
    "",
    "- `sibapo` https: https://sibapo.contohkab.go.id/ menjawab 502",
  ]);
  expect(text).toContain("| `sibapo` | Subdomain | baru | GAGAL | Berita Acara |");
  expect(recordFails(r)).toBe(true);
});

test("a failed apply", () => {
  const r = record({ apply: { startedAt: "2026-11-20T05:01:10Z", finishedAt: "2026-11-20T05:02:00Z", result: "failed" }, requests: [] });
  expect(recordSummary(r).split("\n").slice(0, 5)).toEqual([
    "### ❌ Penerapan commit `1a2b3c4d5e6f` GAGAL",
    "",
    "`pulumi up` tidak selesai; lihat log workflow. Tidak ada dokumen yang diterbitkan.",
    "",
    "Stack `contoh`, penerapan 2026-11-20T05:01:10Z – 2026-11-20T05:02:00Z (UTC).",
  ]);
  expect(recordFails(r)).toBe(true);
});
