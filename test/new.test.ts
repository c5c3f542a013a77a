/** `pusdat new --yes` as a script would run it: every written file compared byte for byte. */
import * as fs from "node:fs";
import * as path from "node:path";
import { fixture, REQUESTER, SSH_KEY, type TempProject, tempProject } from "./support/new-project";

const COMMON = REQUESTER;
const KEY = SSH_KEY;
const VM = ["--hostname", "portal-desa-app", "--cpu", "2", "--memory-gb", "4", "--disk-gb", "40", "--os", "ubuntu-24.04", "--ssh-key", KEY, "--port", "22", "--port", "443"];
const NEXT = (id: string) => `Langkah berikutnya: pusdat validate, lalu commit berkas ini di cabang permintaan/${id} (atau ulangi dengan --branch) dan buka pull request.\n`;

let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.dispose());

describe("each kind, scripted with --yes", () => {
  test.each([
    ["subdomain", "portal-desa", "subdomain/portal-desa.yaml", ["--name", "portal-desa", "--ip", "203.0.113.20"], ""],
    ["subdomain", "jdih-desa", "subdomain/jdih-desa.yaml", ["--name", "jdih.desa", "--ipv6", "2001:db8:10::30", "--no-proxied", "--ttl", "3600"], ""],
    ["hosting", "dpmd-web", "hosting/dpmd-web.yaml", ["--domain", "dpmd", "--username", "dpmd", "--plan", "sedang", "--hosting-email", "webmaster.dpmd@contohkab.go.id"], ""],
    ["vm", "portal-desa-app", "vm/portal-desa-app.yaml", ["--location", "pusat-komputasi", ...VM], "Dialokasikan: node pve1, VMID 200, IP 10.20.30.10\n"],
    ["vm", "portal-desa-pdn", "vm/portal-desa-pdn.yaml", ["--location", "pdn", ...VM.slice(0, -4), "--pdn-ticket", "PDN-2026-000200"], ""],
    ["api", "desa-nik", "api/desa-nik.yaml", [
      "--channel", "splp-nasional", "--application", "Portal Desa", "--application-url", "https://desa.contohkab.go.id",
      "--provider-opd", "Dinas Kependudukan dan Pencatatan Sipil", "--provider-api", "Layanan Verifikasi NIK",
      "--approval-number", "400.12/300/DISDUKCAPIL/2026", "--approval-date", "2026-11-21", "--approver", "Kepala Dinas Kependudukan dan Pencatatan Sipil",
      "--endpoint", "post /kependudukan/v1/verifikasi-nik", "--endpoint", "GET /kependudukan/v1/status", "--data", "NIK", "--data", "nama lengkap", "--auth", "oauth2",
    ], ""],
  ])("%s %s", async (kind, id, rel, flags, said) => {
    const r = await p.run("new", kind, "--yes", "--skip-plan", "--id", id, ...COMMON, ...flags);
    expect(r).toEqual({ code: 0, out: `${said}Ditulis: requests/${rel}\n${NEXT(id)}`, err: "" });
    expect(p.read(`requests/${rel}`)).toBe(fixture(rel));
    expect(await p.run("validate")).toEqual({ code: 0, out: "Valid: 15 permintaan dari 15 berkas lolos pemeriksaan (stack contoh).\n", err: "" });
  });
});

test("what the merge would build is shown for this request only", async () => {
  const r = await p.run("new", "hosting", "--yes", "--id", "dpmd-web", ...COMMON, "--domain", "dpmd", "--username", "dpmd", "--plan", "sedang");
  expect(r.err).toBe("");
  expect(r.out).toBe([
    "Ditulis: requests/hosting/dpmd-web.yaml",
    "Yang akan dibangun setelah digabung (pusdat plan, hanya dpmd-web):",
    // The password of an active account is protected too (it alone opens the account).
    "  + buat akun cPanel (WHM) dpmd-web-account [dilindungi] — dpmd-web (requests/hosting/dpmd-web.yaml)",
    "  + buat kata sandi akun dpmd-web-password [dilindungi] — dpmd-web (requests/hosting/dpmd-web.yaml)",
    "  + buat rekaman DNS dpmd-web-dns — dpmd-web (requests/hosting/dpmd-web.yaml)",
    NEXT("dpmd-web"),
  ].join("\n"));
  expect(r.code).toBe(0);
});

describe("refused before anything is written", () => {
  const sub = ["new", "subdomain", "--yes", "--skip-plan", "--id", "portal-desa", ...COMMON];
  test.each([
    ["a taken name, saying what is free", [...sub, "--name", "SIBAPO", "--ip", "203.0.113.20"],
      "--name: nama sibapo.contohkab.go.id sudah dipakai oleh requests/subdomain/sibapo.yaml; nama lengkap harus unik; yang masih bebas, mis.: sibapo-2\n"],
    ["a decommissioned request's name stays reserved", [...sub, "--name", "pilkada2024", "--ip", "203.0.113.20"],
      "--name: nama pilkada2024.contohkab.go.id sudah dipakai oleh requests/subdomain/pilkada2024.yaml; nama lengkap harus unik; yang masih bebas, mis.: pilkada2024-2\n"],
    ["a missing value names its flag", [...sub, "--name", "portal-desa"], "--ip, --ipv6 atau --cname wajib diisi bila --yes dipakai (tujuan subdomain)\n"],
    ["two targets", [...sub, "--name", "portal-desa", "--ip", "203.0.113.20", "--cname", "a.example.org"], "pilih tepat satu dari --ip, --ipv6, --cname; yang diberikan: --ip, --cname\n"],
    ["the field schema's own words", ["new", "vm", "--yes", "--id", "Portal_Desa"], '--id: "Portal_Desa" tidak sah; yang diizinkan: huruf kecil a–z, angka dan \'-\', diawali huruf, 2–63 karakter\n'],
    ["a private address", [...sub, "--name", "portal-desa", "--ip", "10.20.30.40"], "--ip: 10.20.30.40 adalah alamat privat; yang diizinkan: alamat publik di dalam 203.0.113.0/24, 198.51.100.0/24, 2001:db8::/32\n"],
    ["a missing username offers one", ["new", "hosting", "--yes", "--id", "disdik-baru", ...COMMON, "--domain", "disdik-baru"], "--username wajib diisi bila --yes dipakai (Username cPanel; saran: disdikbaru)\n"],
    ["username prefix", ["new", "hosting", "--yes", "--id", "disdik-baru", ...COMMON, "--domain", "disdik-baru", "--username", "disdikwebbaru"],
      "--username: 8 huruf pertama username disdikwebbaru (disdikwe) sama dengan disdikweb di requests/hosting/disdik-web.yaml; awalan basis data harus unik; yang masih bebas, mis.: disdikw2\n"],
    ["a VM above the ceiling", ["new", "vm", "--yes", "--id", "besar", ...COMMON, "--location", "pusat-komputasi", "--hostname", "besar", "--cpu", "12"], "--cpu: cpu 12 inti melebihi batas per VM; yang diizinkan: 1–8 inti\n"],
    ["an approval before the request", ["new", "api", "--yes", "--id", "desa-nik", ...COMMON, "--channel", "splp-nasional", "--application", "Portal Desa", "--provider-opd", "Dinas Kependudukan dan Pencatatan Sipil", "--provider-api", "Layanan Verifikasi NIK", "--approval-number", "400.12/300/DISDUKCAPIL/2026", "--approval-date", "2026-11-19"],
      "--approval-date: persetujuan penyedia (2026-11-19) bertanggal sebelum permohonan (2026-11-20); yang diizinkan: tanggal ≥ 2026-11-20\n"],
    ["no kind with --yes", ["new", "--yes"], "jenis permintaan wajib disebut bila --yes dipakai: pusdat new <subdomain|hosting|vm|api>\n"],
    ["an unknown kind", ["new", "dns", "--yes"], 'jenis permintaan "dns" tidak dikenal; yang diizinkan: subdomain, hosting, vm, api (atau Subdomain, HostingAccount, VirtualMachine, ApiAccess)\n'],
  ])("%s", async (_n, args, err) => {
    const r = await p.run(...args);
    expect(r).toEqual({ code: 2, out: "", err });
    expect(fs.readdirSync(path.join(p.dir, "requests/subdomain")).length + fs.readdirSync(path.join(p.dir, "requests/vm")).length).toBe(9);
  });
});

test("no node has room: exit 1 and nothing written", async () => {
  const small = tempProject({ stack: (t) => t.replace(/memoryGb: 64/g, "memoryGb: 16") });
  try {
    const r = await small.run("new", "vm", "--yes", "--skip-plan", "--id", "portal-desa-app", ...COMMON, "--location", "pusat-komputasi", ...VM.slice(0, 5), "16", ...VM.slice(6));
    expect(r).toEqual({
      code: 1,
      out: "",
      err: "tidak ada node yang masih muat untuk 2 inti, 16 GB memori, 40 GB disk; sisa kapasitas: pve1 CPU 62 inti, memori 12 GB, disk 960 GB; pve2 CPU 60 inti, memori 0 GB, disk 800 GB\nPermintaan tidak dibuat.\n",
    });
    expect(fs.existsSync(path.join(small.dir, "requests/vm/portal-desa-app.yaml"))).toBe(false);
  } finally {
    small.dispose();
  }
});

test("a file that would make the tree invalid is not left behind: the validator's findings are shown", async () => {
  const tight = tempProject({ policy: (c) => ({ ...c, "opd-totals": { ...(c["opd-totals"] as object), maxMemoryGb: 20 } }) });
  try {
    const r = await tight.run("new", "vm", "--yes", "--skip-plan", "--id", "simpeg-app", ...COMMON, "--opd", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "--location", "pusat-komputasi", ...VM.slice(0, 1), "simpeg-app", ...VM.slice(2, 5), "8", ...VM.slice(6));
    expect(r).toEqual({
      code: 1,
      out: "Dialokasikan: node pve1, VMID 200, IP 10.20.30.10\n",
      err: [
        'requests/vm/simpeg-app.yaml:19:13: total memori OPD "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" menjadi 24 GB; batas per OPD 20 GB (sudah terpakai 16 GB) [opd-totals]',
        "Berkas requests/vm/simpeg-app.yaml tidak ditinggalkan: 1 temuan; perbaiki nilainya lalu ulangi.",
        "",
      ].join("\n"),
    });
    expect(fs.existsSync(path.join(tight.dir, "requests/vm/simpeg-app.yaml"))).toBe(false);
  } finally {
    tight.dispose();
  }
});
