import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../scripts/cli";
import { BAD_FIXTURES } from "./bad-fixtures.table";
import { testProject } from "./support/project";

const REPO = path.resolve(__dirname, "..");
const BAD = "test/fixtures/bad";
const TAIL = "; tidak ada yang dibangun sampai semuanya diperbaiki.";

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("pusdat validate: bad request fixtures", () => {
  test("every fixture folder has a row in the table, and every row a folder", () => {
    expect(BAD_FIXTURES.map(([name]) => name).sort()).toEqual(fs.readdirSync(path.join(REPO, BAD)).sort());
    expect(BAD_FIXTURES.length).toBeGreaterThanOrEqual(40);
  });

  test.each(BAD_FIXTURES)("%s", async (name, findings, summary) => {
    const prefix = `${BAD}/${name}/requests/`;
    const r = await run("validate", "--requests", `${BAD}/${name}/requests`);
    expect(r.err).toBe("");
    expect(r.out).toBe([...findings.map((f) => prefix + f), `Tidak valid: ${summary}${TAIL}`].join("\n") + "\n");
    expect(r.code).toBe(1);
  });
});

describe("pusdat validate: samples and formats", () => {
  test("the sample requests are all valid", async () => {
    const r = await run("validate");
    expect(r).toEqual({ code: 0, out: "Valid: 14 permintaan dari 14 berkas lolos pemeriksaan (stack contoh).\n", err: "" });
  });

  test("--format github writes workflow annotations, escaping what GitHub needs escaped", async () => {
    const r = await run("validate", "--requests", `${BAD}/vmid-and-gateway/requests`, "--format", "github");
    const file = `${BAD}/vmid-and-gateway/requests/vm/sibapo-app.yaml`;
    expect(r.out).toBe(
      [
        `::error file=${file},line=26,col=9,title=pusdat vm-placement::vmid 100 di luar rentang; yang diizinkan: 200–999`,
        `::error file=${file},line=27,col=7,title=pusdat vm-placement::ip 10.20.30.1 adalah gateway pool lan-pusat; yang diizinkan: 10.20.30.10–10.20.30.250`,
        `Tidak valid: 2 temuan di 1 berkas (1 berkas diperiksa, stack contoh)${TAIL}`,
      ].join("\n") + "\n",
    );
    expect(r.code).toBe(1);
  });

  test("--format json is machine-readable", async () => {
    const r = await run("validate", "--requests", `${BAD}/unknown-plan/requests`, "--format", "json");
    expect(JSON.parse(r.out)).toEqual({
      valid: false,
      stack: "contoh",
      requests: 1,
      files: 1,
      findings: [
        {
          file: `${BAD}/unknown-plan/requests/hosting/disdik-web.yaml`,
          line: 18,
          column: 9,
          rule: "hosting-plan",
          message: 'paket "jumbo" tidak ada; yang diizinkan: kecil, sedang, besar',
          severity: "error",
        },
      ],
    });
    expect(r.code).toBe(1);
  });
});

test("help is in Bahasa Indonesia, exit 0", async () => {
  const r = await run("--help");
  expect(r.out.split("\n")).toEqual([
    "Pemakaian: pusdat [opsi] [perintah]",
    "",
    "Layanan Pusat Data sebagai kode: periksa, rencanakan dan dokumentasikan",
    "permintaan layanan",
    "",
    "Opsi:",
    "  -h, --help                tampilkan bantuan",
    "",
    "Perintah:",
    "  new [opsi] [jenis]        buat permintaan baru dengan tanya-jawab atau opsi",
    "  resize [opsi] <id>        tambah sumber daya VM (SOP 10) atau paket hosting",
    "                            (SOP 3)",
    "  decommission [opsi] <id>  hentikan layanan dengan Nota Dinas penghentian",
    "  validate [opsi]           periksa semua permintaan: skema, aturan lintas",
    "                            permintaan, kapasitas dan batas",
    "  plan [opsi]               rencana: sumber daya yang akan dibuat, diubah atau",
    "                            dihapus, kebijakan, kapasitas dan langkah manual",
    "  doctor [opsi]             periksa izin token Proxmox dan Cloudflare di",
    "                            lingkungan terhadap apa yang akan dibangun (hanya",
    "                            membaca)",
    "  verify [opsi] [id]        tes akses setelah pulumi up: DNS, HTTPS/TLS, akun",
    "                            WHM dan login cPanel, VM Proxmox dan port",
    "  docs [opsi] [id]          buat dokumen PDF (Berita Acara, Nota Dinas Balasan,",
    "                            perjanjian API) untuk perubahan yang diterapkan",
    "  arsip [opsi] [id]         tulis catatan penerapan (pull request, persetujuan,",
    "                            hasil uji, dokumen) ke cabang arsip",
    "  monitor [opsi]            pemantauan SOP 2, 5, 8, 12: akun hosting, VM,",
    "                            subdomain, VM PDN, cadangan",
    "  audit [opsi]              audit arsip: setiap perubahan di main dicocokkan",
    "                            dengan catatannya di cabang arsip",
    "  evaluate [opsi]           evaluasi SOP 14: waktu penyelesaian dibanding target",
    "                            SOP",
    "  dashboard [opsi]          dasbor statis (HTML) per OPD: layanan, uji akses,",
    "                            pemantauan, kapasitas, perubahan, waktu penyelesaian",
    "  help [perintah]           tampilkan bantuan untuk perintah",
    "",
  ]);
  expect(r.code).toBe(0);
});

describe("pusdat: usage errors exit 2", () => {
  test.each([
    [["validate", "--bogus"], "pusdat: opsi tidak dikenal '--bogus'; lihat pusdat --help\n"],
    [["validate", "--format", "xml"], 'pusdat: nilai "xml" untuk --format tidak sah; yang diizinkan: text, json, github\n'],
    [["validate", "--requests", "tidak/ada"], "folder permintaan tidak ditemukan: tidak/ada\n"],
    [["validate", "--stack", "../etc"], "nama stack tidak sah: \"../etc\"; yang diizinkan: huruf, angka, '.', '_', '-'\n"],
    [["validate", "--stack", "produksi"], "Pulumi.produksi.yaml:1:1: berkas tidak ditemukan: Pulumi.produksi.yaml [konfigurasi]\nKonfigurasi tidak sah (1 masalah); perbaiki dulu sebelum memeriksa permintaan.\n"],
    [["hapus"], "pusdat: perintah tidak dikenal 'hapus'; perintah yang ada: new, resize, decommission, validate, plan, doctor, verify, docs, arsip, monitor, audit, evaluate, dashboard\n"],
  ])("%j", async (args, err) => {
    const r = await run(...args);
    expect(r.err).toBe(err);
    expect(r.out).toBe("");
    expect(r.code).toBe(2);
  });
});

test("a crash inside a command is an internal error (exit 3), never a usage error", async () => {
  let err = "";
  const code = await main(["validate"], {
    out: () => {
      throw new Error("disk penuh");
    },
    err: (t) => (err += t),
  });
  expect([code, err.split("\n")[0]]).toEqual([3, "pusdat: kesalahan internal: Error: disk penuh"]);
});

/** The real executable, in a repository laid out as a user's: exit codes come from the process. */
describe("pusdat as a process", () => {
  let dir: string;
  const bin = path.join(REPO, "scripts/pusdat.js");
  const pusdat = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8" });

  beforeAll(() => {
    const stack = fs.readFileSync(path.join(REPO, "Pulumi.contoh.yaml"), "utf8");
    dir = testProject({ stacks: { rusak: stack.replace("pusdat:zone: contohkab.go.id", "pusdat:zone: Contohkab.go.id.").replace("server: 203.0.113.5", "server: 203.0.113") } });
  });

  test("valid samples: exit 0", () => {
    const r = pusdat("validate");
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "Valid: 14 permintaan dari 14 berkas lolos pemeriksaan (stack contoh).\n", ""]);
  });

  test("a bad stack file: exit 2, each problem with file, line and column", () => {
    const r = pusdat("validate", "--stack", "rusak");
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      [
        'Pulumi.rusak.yaml:4:16: zone: nilai "Contohkab.go.id." tidak sah; yang diizinkan: nama domain huruf kecil tanpa titik di akhir, mis. contohkab.go.id [konfigurasi]',
        'Pulumi.rusak.yaml:12:13: hosting.server: nilai "203.0.113" tidak sah; yang diizinkan: alamat IPv4 [konfigurasi]',
        "Konfigurasi tidak sah (2 masalah); perbaiki dulu sebelum memeriksa permintaan.",
      ].join("\n") + "\n",
    );
    expect(r.status).toBe(2);
  });

  test("a bad policy config: exit 2", () => {
    fs.writeFileSync(path.join(dir, "policies/rusak.json"), '{\n  "all": "wajib",\n  "vm-ceiling": { "maxCores": 0 }\n}\n');
    const r = pusdat("validate", "--policy-config", "policies/rusak.json");
    expect(r.stderr).toBe(
      [
        'policies/rusak.json:2:10: all: nilai "wajib" tidak sah; yang diizinkan: advisory, mandatory, remediate atau disabled [konfigurasi]',
        "policies/rusak.json:3:31: vm-ceiling.maxCores: nilai 0 tidak sah; yang diizinkan: bilangan bulat ≥ 1 [konfigurasi]",
        "Konfigurasi tidak sah (2 masalah); perbaiki dulu sebelum memeriksa permintaan.",
      ].join("\n") + "\n",
    );
    expect(r.status).toBe(2);
  });

  test("a lowered ceiling in policies/config.json is what the validator enforces", () => {
    fs.writeFileSync(path.join(dir, "policies/ketat.json"), JSON.stringify({ "vm-ceiling": { maxCores: 2, maxMemoryGb: 4 } }));
    const r = pusdat("validate", "--policy-config", "policies/ketat.json");
    expect(r.stdout).toBe(
      [
        "requests/vm/simpeg-db.yaml:18:8: cpu 4 inti melebihi batas per VM; yang diizinkan: 1–2 inti [vm-ceiling]",
        "requests/vm/simpeg-db.yaml:19:13: memoryGb 16 GB melebihi batas per VM; yang diizinkan: 1–4 GB [vm-ceiling]",
        "requests/vm/sipd-bappeda.yaml:18:8: cpu 4 inti melebihi batas per VM; yang diizinkan: 1–2 inti [vm-ceiling]",
        "requests/vm/sipd-bappeda.yaml:19:13: memoryGb 8 GB melebihi batas per VM; yang diizinkan: 1–4 GB [vm-ceiling]",
        `Tidak valid: 4 temuan di 2 berkas (14 berkas diperiksa, stack contoh)${TAIL}`,
      ].join("\n") + "\n",
    );
    expect(r.status).toBe(1);
  });

  test("no command: help on stderr, exit 2", () => {
    const r = pusdat();
    expect(r.stderr).toContain("validate");
    expect(r.status).toBe(2);
  });

  test("the README's npm start prints the plan for the samples", () => {
    const out = execFileSync("npm", ["start", "--silent"], { cwd: REPO, encoding: "utf8" });
    expect(out.split("\n").slice(0, 2)).toEqual([
      "Rencana pusdat — stack contoh, dibandingkan dengan kosong (semua permintaan dianggap baru)",
      "Hasil: LOLOS. 14 permintaan; 20 dibuat, 0 diubah, 0 dihapus; 8 sumber daya dilindungi tersentuh.",
    ]);
  });
});
