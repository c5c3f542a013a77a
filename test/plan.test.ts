/** `pusdat plan` as a user runs it: the real process, in a git repository with main and a branch. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gitRepo, sample, testProject } from "./support/project";
import { runLikeProcess } from "./support/run";

const BIN = path.resolve(__dirname, "../scripts/pusdat.js");
/** The real process, once (below); the other plans run the same main in-process, which loads the Pulumi SDK once per file. */
const pusdatProcess = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });

const pusdat = runLikeProcess;

const MANUAL = [
  "Langkah manual",
  "  sipd-bappeda (pdn-etiket, submitted): Tunggu penilaian PDN atas tiket PDN-2026-000123 (4 vCPU, 8 GB RAM, disk 100 GB, ubuntu-24.04, port 22/443, hostname sipd-bappeda); catat status baru di spec.pdn.state.",
  "  simpeg-nik (splp, menunggu-perjanjian): Langganan VerifikasiNIK v1 tier Bronze untuk aplikasi pusdat-simpeg-nik di portal SPLP nasional dibuat oleh pusdat saat penerapan (kunci client-credentials); kredensial diserahkan ke Badan Kepegawaian dan Pengembangan Sumber Daya Manusia lewat pulumi stack output apiCredentials --show-secrets. Bila langganan ON_HOLD (pulumi stack output apiAccess), menunggu persetujuan penyedia: Dinas Kependudukan dan Pencatatan Sipil. Setelah uji coba (pusdat verify), tanda tangani Berita Acara Perjanjian Penggunaan API.",
  "  harga-pangan (splp, menunggu-perjanjian): Langganan HargaBahanPokok 1.0.0 tier Silver untuk aplikasi pusdat-harga-pangan di server pertukaran data lokal dibuat oleh pusdat saat penerapan (kunci client-credentials, API key 90 hari); kredensial diserahkan ke Dinas Ketahanan Pangan lewat pulumi stack output apiCredentials --show-secrets. Bila langganan ON_HOLD (pulumi stack output apiAccess), menunggu persetujuan penyedia: Dinas Perdagangan. Setelah uji coba (pusdat verify), tanda tangani Berita Acara Perjanjian Penggunaan API.",
];

describe("a branch with a new subdomain, a decommission, a removal and a resize", () => {
  let repo: ReturnType<typeof gitRepo>;
  let base: string;
  beforeAll(() => {
    repo = gitRepo();
    base = repo.git("rev-parse", "HEAD").trim().slice(0, 12);
    repo.git("checkout", "-q", "-b", "usulan");
    const s = sample("subdomain/ppid") as { metadata: object };
    repo.add("subdomain/portal-desa", { ...s, metadata: { ...s.metadata, id: "portal-desa", notaDinas: { number: "000.8.3.3/160/DISKOMINFO/2026", date: "2026-11-20" } }, spec: { name: "portal-desa", target: { ip: "203.0.113.20" } } });
    repo.edit("hosting/kec-kota", { metadata: { status: "decommissioned", decommission: { notaDinas: { number: "000.8.3.3/170/KEC-KOTA/2026", date: "2026-11-21" }, finalBackup: "cpmove-keckota-2026-11-21.tar.gz" } } });
    repo.edit("vm/eoffice-lama", null);
    repo.edit("vm/sibapo-app", { spec: { cpu: 4, diskGb: 60 } });
    repo.git("add", "-A");
    repo.git("commit", "-q", "-m", "Usulan");
  });

  test("text: destroys first, then protected resources, then the rest; policies, manual steps, capacity", () => {
    const r = pusdatProcess(repo.dir, "plan");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        `Rencana pusdat — stack contoh, dibandingkan dengan merge-base dengan main (${base})`,
        "Hasil: LOLOS. 14 permintaan; 1 dibuat, 3 diubah, 2 dihapus; 3 sumber daya dilindungi tersentuh.",
        "",
        "⚠ AKAN DIHAPUS",
        "  - HAPUS VM Proxmox eoffice-lama-vm — eoffice-lama (requests/vm/eoffice-lama.yaml, berkas dihapus)",
        "  - HAPUS rekaman DNS kec-kota-dns — kec-kota (requests/hosting/kec-kota.yaml)",
        "",
        "⚠ Sumber daya dilindungi yang tersentuh",
        "  ~ ubah akun cPanel (WHM) kec-kota-account: environment (rahasia) [proteksi dilepas] — kec-kota (requests/hosting/kec-kota.yaml)",
        "  ~ ubah kata sandi akun kec-kota-password [proteksi dilepas] — kec-kota (requests/hosting/kec-kota.yaml)",
        "  ~ ubah VM Proxmox sibapo-app-vm: cpu, disks [dilindungi] — sibapo-app (requests/vm/sibapo-app.yaml)",
        "",
        "Perubahan lain",
        "  + buat rekaman DNS portal-desa-dns — portal-desa (requests/subdomain/portal-desa.yaml)",
        "",
        "Kebijakan (19 kebijakan CrossGuard)",
        "  semua lolos: dns-zone-only, dns-no-wildcard, dns-public-address, dns-proxied-ttl, dns-reserved-label, dns-traceable, hosting-plan-allowed, hosting-plan-ceiling, hosting-no-removeacct, hosting-no-recreate, vm-ceiling, vm-template-allowed, vm-protected, vm-traceable-tags, vm-no-recreate, splp-exchange-ceiling, node-capacity, opd-totals, unique-claims",
        "",
        ...MANUAL,
        "",
        "Kapasitas node (sebelum → sesudah / batas)",
        "  pve1: CPU 2 → 4 / 64 inti | memori 4 → 4 / 64 GB | disk 40 → 60 / 1000 GB",
        "  pve2: CPU 4 → 4 / 64 inti | memori 16 → 16 / 64 GB | disk 200 → 200 / 1000 GB",
        "",
        "Total OPD yang berubah (sebelum → sesudah / batas)",
        "  Dinas Komunikasi dan Informatika: subdomain 1 → 2 / 20 subdomain",
        "  Dinas Perdagangan: CPU 2 → 4 / 24 inti | memori 4 → 4 / 96 GB | disk 40 → 60 / 2000 GB | subdomain 1 → 1 / 20 subdomain",
        "  Kecamatan Kota: akun hosting 1 → 0 / 10 akun",
        "",
      ].join("\n"),
    );
    expect(r.status).toBe(0);
  });

  test("markdown, for the pull-request comment: destroys and protected resources in alert boxes", async () => {
    const r = await pusdat(repo.dir, "plan", "--format", "markdown");
    expect(r.stdout.split("\n").slice(0, 15)).toEqual([
      `### Rencana pusdat — stack contoh, dibandingkan dengan merge-base dengan main (${base})`,
      "",
      "Hasil: LOLOS. 14 permintaan; 1 dibuat, 3 diubah, 2 dihapus; 3 sumber daya dilindungi tersentuh.  ",
      "",
      "> [!WARNING]",
      "> **AKAN DIHAPUS**",
      ">",
      "> - **HAPUS** VM Proxmox `eoffice-lama-vm` — eoffice-lama (requests/vm/eoffice-lama.yaml, berkas dihapus)",
      "> - **HAPUS** rekaman DNS `kec-kota-dns` — kec-kota (requests/hosting/kec-kota.yaml)",
      "",
      "> [!WARNING]",
      "> **Sumber daya dilindungi yang tersentuh**",
      ">",
      "> - **ubah** akun cPanel (WHM) `kec-kota-account`: environment (rahasia) [proteksi dilepas] — kec-kota (requests/hosting/kec-kota.yaml)",
      "> - **ubah** kata sandi akun `kec-kota-password` [proteksi dilepas] — kec-kota (requests/hosting/kec-kota.yaml)",
    ]);
    expect(r.status).toBe(0);
  });

  test("json never holds a secret", async () => {
    const r = await pusdat(repo.dir, "plan", "--format", "json");
    const plan = JSON.parse(r.stdout);
    expect([plan.ok, plan.changes.length, plan.diagnostics]).toEqual([true, 6, []]);
    expect(r.stdout).not.toMatch(/mock-password|PUSDAT_PASSWORD|4dabf18193072939515e22adb298388d/);
  });
});

describe("plans that fail", () => {
  test("removing an active request is refused, with its file: exit 1", async () => {
    const repo = gitRepo();
    repo.git("checkout", "-q", "-b", "hapus");
    repo.edit("subdomain/ppid", null);
    repo.git("commit", "-qam", "hapus ppid");
    const r = await pusdat(repo.dir, "plan");
    expect(r.stdout.split("\n").slice(1, 5)).toEqual([
      "Hasil: DITOLAK. 13 permintaan; 0 dibuat, 0 diubah, 0 dihapus; 0 sumber daya dilindungi tersentuh.",
      "",
      "⚠ Perubahan ditolak: tidak ada yang diterapkan",
      "  permintaan ppid (Subdomain) dihapus padahal masih active; hentikan dulu lewat status decommissioned dengan Nota Dinas penghentian, lalu hapus berkasnya pada pull request berikutnya (requests/subdomain/ppid.yaml, berkas dihapus)",
    ]);
    expect(r.status).toBe(1);
  });

  test("a request over a ceiling fails with the policy's name and the request's file, and nothing is planned", async () => {
    const repo = gitRepo();
    repo.edit("vm/simpeg-db", { spec: { memoryGb: 64 } });
    const r = await pusdat(repo.dir, "plan");
    expect(r.stdout).toBe(
      [
        "Rencana pusdat — stack contoh",
        "Hasil: DITOLAK. 14 permintaan; 0 dibuat, 0 diubah, 0 dihapus; 0 sumber daya dilindungi tersentuh.",
        "",
        "⚠ Permintaan tidak valid (1 temuan): tidak ada yang direncanakan",
        "  requests/vm/simpeg-db.yaml:18:13: memoryGb 64 GB melebihi batas per VM; yang diizinkan: 1–32 GB [vm-ceiling]",
        "",
      ].join("\n"),
    );
    expect(r.status).toBe(1);
  });

  test("over a node's capacity and over an OPD's total: the rule (= policy) name and the file", async () => {
    const repo = gitRepo();
    const vm = sample("vm/sibapo-app") as { metadata: object; spec: object };
    // Dinas Perdagangan: 8 + 8 + 8 cores arrive before sibapo-app's 2 → 26 > 24. Node pve2: 32 + 20 GB
    // arrive before simpeg-db's 16 → 68 > 64.
    for (const [i, node, memoryGb] of [[1, "pve2", 32], [2, "pve2", 20], [3, "pve1", 4]] as const) {
      repo.add(`vm/besar-${i}`, { ...vm, metadata: { ...vm.metadata, id: `besar-${i}` }, spec: { ...vm.spec, hostname: `besar-${i}`, node, cpu: 8, memoryGb, vmid: 300 + i, ip: `10.20.30.${100 + i}` } });
    }
    const r = await pusdat(repo.dir, "plan");
    expect(r.stdout.split("\n").slice(3, 7)).toEqual([
      "⚠ Permintaan tidak valid (2 temuan): tidak ada yang direncanakan",
      "  requests/vm/sibapo-app.yaml:18:8: total CPU OPD \"Dinas Perdagangan\" menjadi 26 inti; batas per OPD 24 inti (sudah terpakai 24 inti) [opd-totals]",
      "  requests/vm/simpeg-db.yaml:19:13: kapasitas memori node pve2 terlampaui: 68 GB dari 64 GB (64 GB × overcommit 1); sisa sebelum permintaan ini 12 GB [node-capacity]",
      "",
    ]);
    expect(r.status).toBe(1);
  });

  test("an invalid request at the base is noted, and the plan still compares what it can", async () => {
    const repo = gitRepo();
    repo.edit("vm/simpeg-db", { spec: { memoryGb: 64 } });
    repo.git("commit", "-qam", "rusak di main");
    repo.git("checkout", "-q", "-b", "perbaikan");
    repo.edit("vm/simpeg-db", { spec: { memoryGb: 16 } });
    repo.git("commit", "-qam", "perbaiki");
    const r = await pusdat(repo.dir, "plan", "--base", "main");
    expect(r.stdout.split("\n").slice(1, 4)).toEqual([
      "Hasil: LOLOS. 14 permintaan; 20 dibuat, 0 diubah, 0 dihapus; 8 sumber daya dilindungi tersentuh.",
      "Permintaan di base memiliki 1 temuan; perbandingan memakai yang dapat dibaca.",
      "Program tidak dapat dijalankan untuk base (pusdat: 1 temuan; tidak ada yang diterapkan sampai semuanya diperbaiki:); sumber daya dibandingkan dengan kosong.",
    ]);
    expect(r.status).toBe(0);
  });

  test("an unknown --base is a usage error (exit 2)", async () => {
    const repo = gitRepo();
    const r = await pusdat(repo.dir, "plan", "--base", "tidak-ada");
    expect([r.status, r.stdout, r.stderr]).toEqual([2, "", "pusdat: ref git tidak dikenal untuk --base: tidak-ada\n"]);
  });
});

test("without git history everything is new, and the plan says so", async () => {
  const dir = testProject();
  const r = await pusdat(dir, "plan");
  expect(r.stdout.split("\n").slice(0, 3)).toEqual([
    "Rencana pusdat — stack contoh, dibandingkan dengan kosong (tanpa riwayat git)",
    "Hasil: LOLOS. 14 permintaan; 20 dibuat, 0 diubah, 0 dihapus; 8 sumber daya dilindungi tersentuh.",
    "Tidak ada riwayat git atau cabang main: semua permintaan dianggap baru.",
  ]);
  expect(r.status).toBe(0);
});

test("--policy-config: plan judges with the same ceilings as validate (a looser file lets a 40 GB VM through both)", async () => {
  const repo = gitRepo();
  fs.writeFileSync(path.join(repo.dir, "policies/longgar.json"), JSON.stringify({ all: "mandatory", "vm-ceiling": { maxMemoryGb: 64 } }));
  repo.edit("vm/simpeg-db", { spec: { memoryGb: 40 } });
  const validate = await pusdat(repo.dir, "validate", "--policy-config", "policies/longgar.json");
  expect([validate.status, validate.stdout, validate.stderr]).toEqual([0, "Valid: 14 permintaan dari 14 berkas lolos pemeriksaan (stack contoh).\n", ""]);
  const plan = await pusdat(repo.dir, "plan", "--policy-config", "policies/longgar.json");
  expect(plan.stderr).toBe("");
  expect(plan.stdout.split("\n").slice(0, 2)).toEqual([
    `Rencana pusdat — stack contoh, dibandingkan dengan merge-base dengan main (${repo.git("rev-parse", "HEAD").trim().slice(0, 12)})`,
    "Hasil: LOLOS. 14 permintaan; 0 dibuat, 1 diubah, 0 dihapus; 1 sumber daya dilindungi tersentuh.",
  ]);
  expect(plan.stdout).toContain("  ~ ubah VM Proxmox simpeg-db-vm: memory [dilindungi] — simpeg-db (requests/vm/simpeg-db.yaml)\n");
  expect(plan.status).toBe(0);
  // With the default file the same request is refused by both.
  expect((await pusdat(repo.dir, "validate")).status).toBe(1);
  expect((await pusdat(repo.dir, "plan")).status).toBe(1);
});
