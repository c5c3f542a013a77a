/** `pusdat dashboard` end to end on a git repository: what it writes, what it refuses, what it hides. */
import * as fs from "node:fs";
import * as path from "node:path";
import { dashboardRepo, runIn } from "./support/dashboard-world";
import { tempDir } from "./support/tmp";

const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), "utf8");
const SLUGS = [
  "badan-kepegawaian-dan-pengembangan-sumber-daya-manusia",
  "badan-kesatuan-bangsa-dan-politik",
  "badan-perencanaan-pembangunan-daerah",
  "dinas-kesehatan",
  "dinas-ketahanan-pangan",
  "dinas-komunikasi-dan-informatika",
  "dinas-pendidikan",
  "dinas-perdagangan",
  "kecamatan-kota",
  "sekretariat-daerah-bagian-hukum",
  "sekretariat-daerah-bagian-umum",
];

describe("pusdat dashboard with an arsip branch", () => {
  const repo = dashboardRepo();
  const out = path.join(tempDir("dasbor"), "situs");
  let r: { code: number; out: string; err: string };
  beforeAll(async () => {
    r = await runIn(repo.dir, "dashboard", "--out", out);
  });

  test("a rebuild removes the page of an OPD that is gone, and nothing else", async () => {
    fs.writeFileSync(path.join(out, "opd", "dinas-lama.html"), "lama");
    fs.writeFileSync(path.join(out, "opd", "catatan.txt"), "milik orang lain");
    expect((await runIn(repo.dir, "dashboard", "--out", out)).code).toBe(0);
    expect(fs.readdirSync(path.join(out, "opd")).sort()).toEqual([...SLUGS.map((s) => `${s}.html`), "catatan.txt"].sort());
    fs.rmSync(path.join(out, "opd", "catatan.txt"));
  });

  test("writes index.html, one page per OPD and data.json; says what it wrote", () => {
    expect(r).toEqual({ code: 0, out: `Dasbor ditulis ke ${out}: 13 berkas, 11 OPD, 14 layanan\n`, err: "" });
    expect(fs.readdirSync(out).sort()).toEqual(["data.json", "index.html", "opd"]);
    expect(fs.readdirSync(path.join(out, "opd")).sort()).toEqual(SLUGS.map((s) => `${s}.html`));
  });

  test("data.json holds the archive's facts: newest monitoring round, the record, lead times", () => {
    const d = JSON.parse(read(out, "data.json"));
    expect(d.monitoring).toEqual({ at: "2026-11-22T09:30:00Z", path: "pemantauan/2026/2026-11-22-2.json", targets: 4, errors: 1, warnings: 1 });
    expect(d.totals).toEqual({ opds: 11, services: 14, active: 11, decommissioned: 2, waiting: 1, problems: 1 });
    expect(d.changes.map((c: { commit: string }) => c.commit)).toEqual([repo.head]);
    // pilkada2024 and eoffice-lama came to main already decommissioned: no SOP case
    expect(d.leadTimes.map((l: { service: string; count: number }) => [l.service, l.count])).toEqual([
      ["subdomain", 4],
      ["hosting", 3],
      ["vm-local", 2],
      ["vm-pdn", 1],
      ["api", 2],
    ]);
  });

  test("the OPD page lists its services with the last access test and monitoring state", () => {
    const html = read(out, "opd/dinas-perdagangan.html");
    expect(html).toContain('<html lang="id">');
    expect(html).toContain("<h3>sibapo.contohkab.go.id</h3>");
    expect(html).toContain('<h3>VPS sibapo-app</h3>');
    expect(html).toContain('<dt>Uji akses terakhir</dt><dd><span class="badge error">gagal</span> 16 Nov 2026 12.05 WIB (gagal: port)</dd>');
    expect(html).toContain('<dt>Pemantauan terakhir</dt><dd><span class="badge error">galat</span> VM 210 di pve1 berstatus stopped, padahal permintaannya aktif</dd>');
    expect(html).toContain(`<a href="https://forge.example/pemkab/layanan/blob/arsip/dokumen/sibapo/2026-11-16-${repo.head.slice(0, 12)}-berita-acara.pdf">Berita Acara</a>`);
  });

  test("public: no contact detail, no address; --internal: the addresses", async () => {
    const all = [read(out, "index.html"), read(out, "data.json"), ...SLUGS.map((s) => read(out, `opd/${s}.html`))].join("\n");
    expect(all).not.toMatch(/@contohkab\.go\.id|\+62\d|\b08\d{8,13}\b|10\.20\.30\.|203\.0\.113\.|198\.51\.100\.|2001:db8|pve\.contohkab/);
    const inner = path.join(tempDir("dasbor"), "internal");
    const ri = await runIn(repo.dir, "dashboard", "--out", inner, "--internal");
    expect(ri.out).toBe(`Dasbor ditulis ke ${inner}: 13 berkas, 11 OPD, 14 layanan (INTERNAL: memuat alamat; jangan dipublikasikan)\n`);
    const page = read(inner, "opd/dinas-perdagangan.html");
    expect(page).toContain("<dt>Detail internal</dt><dd>hostname sibapo-app, node pve1, VMID 210, IP 10.20.30.15, port 22, 443</dd>");
    expect(page).not.toMatch(/@contohkab\.go\.id|\+6281234567890/);
  });
});

describe("pusdat dashboard without an arsip branch", () => {
  test("still builds, saying there is no monitoring data yet", async () => {
    const repo = dashboardRepo({ arsip: false });
    const out = tempDir("dasbor");
    const r = await runIn(repo.dir, "dashboard", "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toBe("catatan: Cabang arsip tidak ditemukan: belum ada catatan penerapan, uji akses maupun pemantauan.\ncatatan: Pemantauan: belum ada data pemantauan.\n");
    const html = read(out, "index.html");
    expect(html).toContain("<p>Pemantauan: <strong>belum ada data pemantauan</strong>.</p>");
    expect(html).toContain('<p class="muted">Belum ada perubahan yang tercatat di arsip.</p>');
  });
});

describe("pusdat dashboard: usage errors exit 2", () => {
  const repo = dashboardRepo({ arsip: false });
  test.each([
    [["dashboard"], "opsi --out wajib diisi, mis. pusdat dashboard --out situs\n"],
    [["dashboard", "--out", "x", "--recent", "0"], 'nilai --recent tidak sah: "0"; yang diizinkan: bilangan bulat 1–1000\n'],
    [["dashboard", "--out", "x", "--arsip", "tidak-ada"], 'ref arsip tidak ditemukan: "tidak-ada"\n'],
    [["dashboard", "--out", "x", "--requests", "tidak/ada"], "folder permintaan tidak ditemukan: tidak/ada\n"],
    [["dashboard", "--out", "README.md"], "--out bukan folder: README.md\n"],
  ])("%j", async (args, err) => {
    fs.writeFileSync(path.join(repo.dir, "README.md"), "x\n");
    const r = await runIn(repo.dir, ...args);
    expect(r).toEqual({ code: 2, out: "", err });
    expect(fs.existsSync(path.join(repo.dir, "x"))).toBe(false);
  });
});
