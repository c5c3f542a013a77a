/** `pusdat evaluate` on a real repository with a known history (test/support/evaluate-repo.ts). */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { runIn } from "./support/run";
import { pdfLines } from "./support/pdf-text";
import { evaluateRepo, type EvaluateRepo } from "./support/evaluate-repo";

// these tests spawn git (and node for the PDF text) dozens of times: on a busy 2-core machine that
// takes longer than jest's 5 s default
jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, "fixtures/evaluate");

const run = (cwd: string, ...args: string[]) => runIn(cwd, "evaluate", ...args);

function pdfText(file: string): { pages: string[]; title: string } {
  const t = pdfLines(fs.readFileSync(file));
  return { pages: t.pageTexts, title: (t.info.Title as string | undefined) ?? null! };
}

describe("pusdat evaluate on a repository with history and archive", () => {
  let repo: EvaluateRepo;
  beforeAll(() => {
    repo = evaluateRepo();
  });
  afterAll(() => repo.dispose());

  test("markdown: the exact report of September 2026", async () => {
    const r = await run(repo.dir, "--period", "2026-09");
    expect(r.code).toBe(0);
    expect(r.out).toBe(fs.readFileSync(path.join(FIXTURES, "2026-09.md"), "utf8"));
    expect(r.err).toBe("catatan: catatan/2026/2026-09-16-000000000000.json: catatan tidak sesuai format pusdat-arsip/v1; dilewati\n");
  });

  test("json: milestones and working minutes of every case", async () => {
    const r = await run(repo.dir, "--period", "2026-Q3", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.schema).toBe("pusdat-evaluasi/v1");
    expect(j.source).toEqual({ main: "main", mainCommit: repo.commits.jdih, arsip: "arsip", arsipCommit: repo.git("rev-parse", "arsip") });
    expect(j.cases.map((c: any) => [c.id, c.service, c.commit, c.steps.filing, c.steps.approval, c.steps.apply, c.steps.verify, c.workingMinutes, c.calendarMinutes, c.withinTarget])).toEqual([
      ["sibapo", "subdomain", repo.commits.sibapo, 60, 120, 15, 5, 200, 200, false],
      ["dinkes-web", "hosting", repo.commits.dinkes, 90, 450, 10, 2, 552, 1482, false],
      ["sibapo-app", "vm-local", repo.commits.vm, 0, 60, 60, 10, 130, 130, true],
      ["sibapo-app", "vm-local-resize", repo.commits.resize, null, 60, 10, 5, 75, 75, true],
      ["jdih", "subdomain", repo.commits.jdih, null, null, null, null, null, null, null],
    ]);
    expect(j.cases[0].milestones).toEqual({
      notaDinas: "2026-09-07T00:30:00.000Z",
      opened: "2026-09-07T01:30:00Z",
      approved: "2026-09-07T03:30:00Z",
      applied: "2026-09-07T03:45:00Z",
      verified: "2026-09-07T03:50:00Z",
    });
    // dinkes-web: only a self-approval and one by someone not in pusdat:approvers: the merge counts
    expect(j.cases[1].milestones.approved).toBe("2026-09-11T01:00:00Z");
    expect(j.months.map((m: any) => [m.month, m.count])).toEqual([["2026-07", 0], ["2026-08", 0], ["2026-09", 5]]);
  });

  test("a period before the history has no cases", async () => {
    const r = await run(repo.dir, "--period", "2026-08", "--format", "json");
    expect([r.code, JSON.parse(r.out).cases.length, JSON.parse(r.out).observations]).toEqual([0, 0, ["Tidak ada permintaan dengan target SOP yang digabungkan dalam periode ini."]]);
  });

  test("the PDF: text read back, and the same bytes on a second run", async () => {
    const a = path.join(repo.dir, "a.pdf");
    const b = path.join(repo.dir, "b.pdf");
    expect((await run(repo.dir, "--period", "2026-09", "--pdf", a)).code).toBe(0);
    expect((await run(repo.dir, "--period", "2026-09", "--pdf", b)).code).toBe(0);
    const bytes = fs.readFileSync(a);
    expect(bytes.equals(fs.readFileSync(b))).toBe(true);
    expect(bytes.includes("(D:20260922030000Z)")).toBe(true);
    const { pages, title } = pdfText(a);
    expect(title).toBe("Laporan Evaluasi Layanan Pusat Data — September 2026");
    expect(pages.length).toBe(4);
    const first = pages[0]!.split("\n");
    expect(first.slice(0, 8)).toEqual([
      "PEMERINTAH KABUPATEN CONTOH",
      "DINAS KOMUNIKASI DAN INFORMATIKA",
      "Bidang Sistem Pemerintahan Berbasis Elektronik",
      "Jl. Contoh Raya No. 1, Kota Contoh 12345",
      "LAPORAN EVALUASI LAYANAN PUSAT DATA",
      "Pelaksanaan SOP 14 — Evaluasi Layanan Pusat Data",
      "September 2026",
      "1 September 2026 s.d. 30 September 2026",
    ]);
    expect(first).toContain(`Sumber data main ${repo.commits.jdih!.slice(0, 12)} · arsip ${repo.git("rev-parse", "arsip").slice(0, 12)}`);
    expect(first).toContain("Data per tanggal 22 September 2026");
    const all = pages.join("\n");
    expect(all).toContain("Subdomain (SOP 11) 125 2 1 200 200 3 j 20 mnt 0/1 (0%) menunggu");
    expect(all).toContain("Akun hosting (SOP 1) 410 1 1 552 552 1 hr 42 mnt 0/1 (0%) menunggu");
    expect(all).toContain("2026-09-10 pemantauan sibapo HTTPS tidak menjawab");
    // wrapped lines joined: the generated observations are all in the PDF
    const flat = all.replace(/\s+/g, " ");
    expect(flat).toContain("• Paling jauh dari target: sibapo (Subdomain, Dinas Perdagangan) 200 menit kerja, 1,6 kali target.");
    expect(flat).toContain('• Di seluruh layanan, waktu paling banyak habis pada langkah "menunggu persetujuan" (72% dari menit kerja).');
    expect(all).toContain("Budi Santoso, S.Kom.");
    expect(all).toContain("NIP 198001012005011001");
    expect(pages.map((p) => p.split("\n").pop())).toEqual([1, 2, 3, 4].map((n) => `Laporan Evaluasi Layanan Pusat Data — September 2026 Halaman ${n} dari 4`));
  });

  test("--write-arsip commits the PDF once and refuses to rewrite it", async () => {
    const before = repo.git("rev-parse", "arsip");
    const pdf = path.join(repo.dir, "c.pdf");
    const r = await run(repo.dir, "--period", "2026-Q3", "--pdf", pdf, "--write-arsip");
    expect(r.code).toBe(0);
    const after = repo.git("rev-parse", "arsip");
    expect(r.err).toContain(`evaluasi/2026-Q3.pdf disimpan di cabang arsip: commit ${after.slice(0, 12)}\n`);
    expect(repo.git("rev-parse", "arsip^")).toBe(before);
    expect(repo.git("diff", "--name-status", before, after)).toBe("A\tevaluasi/2026-Q3.pdf");
    expect(execFileSync("git", ["-C", repo.dir, "cat-file", "blob", "arsip:evaluasi/2026-Q3.pdf"]).equals(fs.readFileSync(pdf))).toBe(true);
    const again = await run(repo.dir, "--period", "2026-Q3", "--write-arsip", "--format", "json");
    expect(again.code).toBe(1);
    expect(again.err).toContain(`evaluasi/2026-Q3.pdf sudah ada di cabang arsip (${after.slice(0, 12)}); arsip tidak pernah ditulis ulang.`);
    expect(repo.git("rev-parse", "arsip")).toBe(after);
  });
});

describe("pusdat evaluate without an arsip branch", () => {
  let repo: EvaluateRepo;
  beforeAll(() => {
    repo = evaluateRepo({ arsip: false });
  });
  afterAll(() => repo.dispose());

  test("every case is unfinished and the missing archive is noted", async () => {
    const r = await run(repo.dir, "--period", "2026-09", "--format", "json");
    expect(r.code).toBe(0);
    expect(r.err).toBe("catatan: cabang arsip (arsip, origin/arsip) tidak ditemukan; tanpa catatan penerapan\n");
    const j = JSON.parse(r.out);
    expect(j.cases.map((c: any) => [c.id, c.date, c.workingMinutes])).toEqual([
      ["sibapo", "2026-09-07", null],
      ["dinkes-web", "2026-09-11", null],
      ["sibapo-app", "2026-09-14", null],
      ["sibapo-app", "2026-09-15", null],
      ["jdih", "2026-09-22", null],
    ]);
  });

  test("--write-arsip starts the arsip branch as an orphan holding only the report", async () => {
    const r = await run(repo.dir, "--period", "2026", "--write-arsip", "--format", "json");
    expect(r.code).toBe(0);
    expect(r.err).toContain("evaluasi/2026-tahunan.pdf disimpan di cabang arsip (cabang baru)");
    expect(repo.git("rev-list", "--parents", "-n", "1", "arsip").split(" ").length).toBe(1);
    expect(repo.git("ls-tree", "-r", "--name-only", "arsip")).toBe("evaluasi/2026-tahunan.pdf");
    expect(repo.git("log", "-1", "--format=%s", "arsip")).toBe("Evaluasi SOP 14: Tahun 2026 (stack contoh)");
  });
});

describe("usage errors, in Bahasa Indonesia, exit 2", () => {
  let repo: EvaluateRepo;
  beforeAll(() => {
    repo = evaluateRepo({ arsip: false });
  });
  afterAll(() => repo.dispose());

  const rows: [string, string[], string][] = [
    ["no period", [], "opsi --period wajib diisi, mis. --period 2026-Q3 (triwulan), 2026-09 (bulan) atau 2026 (tahun)\n"],
    ["a bad period", ["--period", "2026-Q7"], 'periode tidak sah: "2026-Q7"; yang diizinkan: triwulan YYYY-QN (mis. 2026-Q3), bulan YYYY-MM (mis. 2026-09) atau tahun YYYY (mis. 2026)\n'],
    ["an unknown main ref", ["--period", "2026-09", "--main", "tidak-ada"], 'ref cabang utama tidak ditemukan: "tidak-ada"; beri --main <ref>\n'],
    ["an unknown arsip ref", ["--period", "2026-09", "--arsip", "tidak-ada"], 'ref arsip tidak ditemukan: "tidak-ada"\n'],
    ["a bad format", ["--period", "2026-09", "--format", "pdf"], 'pusdat: nilai "pdf" untuk --format tidak sah; yang diizinkan: markdown, json\n'],
    ["a missing stack file", ["--period", "2026-09", "--stack", "lain"], "Pulumi.lain.yaml:1:1: berkas tidak ditemukan"],
  ];
  test.each(rows)("%s", async (_name, args, message) => {
    const r = await run(repo.dir, ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(message);
  });
});
