import { tryOutBlocks } from "./content";

test("the agreement cites the SPLP try-out checks, and nothing when there were none", () => {
  const at = "2026-11-20T03:00:00.000Z";
  expect(
    tryOutBlocks({
      result: "passed",
      at,
      checks: [
        { name: "splp-subscription", result: "passed", detail: "langganan HargaBahanPokok 1.0.0 UNBLOCKED, tier Silver", durationMs: 12 },
        { name: "splp-oauth2", result: "passed", detail: "GET /harga/v1/komoditas dengan token client_credentials: HTTP 200", durationMs: 30 },
      ],
    }),
  ).toEqual([
    {
      t: "table",
      head: ["No.", "Uji coba", "Hasil", "Keterangan"],
      widths: [0.07, 0.2, 0.15, 0.58],
      rows: [
        ["1.", "splp-subscription", "Berhasil", "langganan HargaBahanPokok 1.0.0 UNBLOCKED, tier Silver"],
        ["2.", "splp-oauth2", "Berhasil", "GET /harga/v1/komoditas dengan token client_credentials: HTTP 200"],
      ],
    },
  ]);
  expect(tryOutBlocks({ result: "skipped", at, checks: [{ name: "splp", result: "skipped", detail: "x", durationMs: 0 }] })).toEqual([]);
});
