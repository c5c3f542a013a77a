import { documentUrl, newestMonitoring, readMonitoring } from "./archive-view";

const DOC = "dokumen/sibapo/2026-11-16-1a2b3c4d5e6f-berita-acara.pdf";

test.each([
  ["GitHub", "https://github.com/pemkab/layanan/pull/12", `https://github.com/pemkab/layanan/blob/arsip/${DOC}`],
  ["Gitea/Forgejo", "https://git.contohkab.go.id/diskominfo/layanan/pulls/12", `https://git.contohkab.go.id/diskominfo/layanan/src/branch/arsip/${DOC}`],
  ["GitLab", "https://gitlab.example/pemkab/layanan/-/merge_requests/12", `https://gitlab.example/pemkab/layanan/-/blob/arsip/${DOC}`],
  ["an address it does not know", "https://forge.example/review/12", null],
  ["no pull request", undefined, null],
])("documentUrl on %s", (_n, pr, url) => expect(documentUrl(pr, DOC)).toBe(url));

test.each([
  ["the later day", ["pemantauan/2026/2026-11-21-3.json", "pemantauan/2026/2026-11-22.json"], "pemantauan/2026/2026-11-22.json"],
  ["the highest run of a day (10 after 9)", ["pemantauan/2026/2026-11-22-9.json", "pemantauan/2026/2026-11-22-10.json", "pemantauan/2026/2026-11-22.json"], "pemantauan/2026/2026-11-22-10.json"],
  ["across years", ["pemantauan/2027/2027-01-01.json", "pemantauan/2026/2026-12-31-2.json"], "pemantauan/2027/2027-01-01.json"],
  ["none for other files", ["pemantauan/2026/2026-11-22.pdf", "pemantauan/catatan.json"], null],
])("newestMonitoring: %s", (_n, paths, newest) => {
  expect(newestMonitoring(paths.map((path) => ({ path, json: null })))?.path ?? null).toBe(newest);
});

describe("readMonitoring reads the report tolerantly", () => {
  const upper = (s: string) => s.toUpperCase();
  test("targets with a known status, the summary passed through the cleaner", () => {
    const r = readMonitoring(
      {
        schema: "pusdat-pemantauan/v1",
        at: "2026-11-22T09:30:00Z",
        targets: [
          { id: "a", kind: "vm", status: "error", summary: "mati" },
          { id: "b", kind: "hosting", status: "ok" },
          { id: "c", kind: "vm", status: "unknown", summary: "?" },
          null,
        ],
      },
      upper,
    );
    expect(r && { ...r, targets: [...r.targets] }).toEqual({
      at: "2026-11-22T09:30:00Z",
      targets: [
        ["a", { status: "error", summary: "MATI" }],
        ["b", { status: "ok", summary: "" }],
      ],
      errors: 1,
      warnings: 0,
    });
  });

  test.each([
    ["another schema", { schema: "pusdat-pemantauan/v9", at: "x", targets: [] }],
    ["no targets", { schema: "pusdat-pemantauan/v1", at: "x" }],
    ["not an object", "teks"],
    ["null (not JSON)", null],
  ])("null for %s", (_n, json) => expect(readMonitoring(json, upper)).toBeNull());
});
