/**
 * `pusdat new` asked question by question: the prompt functions are injected, so every question,
 * every refusal at the prompt and every answer is in the transcript, and the file is compared byte
 * for byte with the one the same answers give under --yes.
 */
import type { Prompts } from "../scripts/new/ask";
import { makeNewCommand } from "../scripts/commands/new";
import { fixture, type TempProject, tempProject } from "./support/new-project";

type Answer = string | boolean;

/** Answers in order; an answer the question's validate refuses is logged with the refusal, and the next answer is tried. */
function scripted(answers: Answer[]): { prompts: Prompts; log: string[] } {
  const log: string[] = [];
  let i = 0;
  const next = (message: string) => {
    if (i >= answers.length) throw new Error(`tidak ada jawaban untuk: ${message}`);
    return answers[i++]!;
  };
  const prompts: Prompts = {
    async input(o) {
      for (;;) {
        const typed = String(next(o.message));
        const value = typed === "" && o.default !== undefined ? o.default : typed;
        log.push(`? ${o.message}${o.default !== undefined ? ` (${o.default})` : ""} ${value}`);
        const verdict = o.validate ? o.validate(value) : true;
        if (verdict === true) return value;
        log.push(`  > ${verdict}`);
      }
    },
    async select(o) {
      const value = String(next(o.message));
      log.push(`? ${o.message} [${o.choices.map((c) => c.name).join(" | ")}] ${value}`);
      const c = o.choices.find((ch) => ch.value === value || ch.name === value);
      if (!c) throw new Error(`pilihan ${value} tidak ada`);
      return c.value;
    },
    async confirm(o) {
      const value = next(o.message) as boolean;
      log.push(`? ${o.message} (${o.default ? "Y/n" : "y/N"}) ${value ? "ya" : "tidak"}`);
      return value;
    },
  };
  return { prompts, log };
}

const OPDS = [
  "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Badan Kesatuan Bangsa dan Politik", "Badan Perencanaan Pembangunan Daerah",
  "Dinas Kesehatan", "Dinas Ketahanan Pangan", "Dinas Komunikasi dan Informatika", "Dinas Pendidikan", "Dinas Perdagangan", "Kecamatan Kota",
  "Sekretariat Daerah - Bagian Hukum", "Sekretariat Daerah - Bagian Umum", "OPD lain (ketik namanya)",
].join(" | ");
const OPD_LAIN = "OPD lain (ketik namanya)";
const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOcontohKunciPublikSriTidakNyata00000006 sri@dpmd";
const COMMON_ANSWERS: Answer[] = [OPD_LAIN, "Dinas Pemberdayaan Masyarakat dan Desa", "Sri Handayani", "sri.handayani@contohkab.go.id", "0812", "081233344455", "000.8.3.3/160/DPMD/2026", "2026-11-20", "Portal profil desa dan layanan administrasi warga"];
const COMMON_LOG = [
  `? OPD pemohon [${OPDS}] ${OPD_LAIN}`,
  "? Nama OPD Dinas Pemberdayaan Masyarakat dan Desa",
  "? Nama narahubung Sri Handayani",
  "? Email narahubung sri.handayani@contohkab.go.id",
  "? Telepon narahubung (+62… atau 08…) 0812",
  '  > "0812" tidak sah; yang diizinkan: +62… atau 08…, hanya angka setelah awalan, total 9–15 digit',
  "? Telepon narahubung (+62… atau 08…) 081233344455",
  "? Nomor Nota Dinas 000.8.3.3/160/DPMD/2026",
  "? Tanggal Nota Dinas (YYYY-MM-DD) (2026-11-23) 2026-11-20",
  "? Kegunaan / proses bisnis yang dilayani Portal profil desa dan layanan administrasi warga",
];

let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.dispose());

async function interview(kind: string | undefined, answers: Answer[], flags: Record<string, unknown> = {}) {
  const s = scripted(answers);
  const cmd = makeNewCommand({ prompts: () => s.prompts, today: "2026-11-23" });
  let out = "";
  let err = "";
  const cwd = process.cwd();
  process.chdir(p.dir);
  try {
    const code = await cmd.run({
      io: { out: (t) => (out += t), err: (t) => (err += t) },
      opts: { requests: "requests", stack: "contoh", policyConfig: "policies/config.json", skipPlan: true, ...flags },
      args: kind ? [kind] : [],
    });
    return { code, out, err, log: s.log };
  } finally {
    process.chdir(cwd);
  }
}

test("subdomain: the kind is asked, taken names are refused saying what is free, a private address is refused", async () => {
  const r = await interview(undefined, ["Subdomain", "sibapo", "portal-desa", ...COMMON_ANSWERS, "pilkada2024", "", "ip", "10.20.30.40", "203.0.113.20", true]);
  expect(r.log).toEqual([
    "? Jenis permintaan [Subdomain (SOP 11) | Akun hosting (SOP 1) | VPS / mesin virtual (SOP 4, 7) | Akses API SPLP] Subdomain",
    "? Id permintaan (huruf kecil, angka, '-'; jadi nama berkas) sibapo",
    "  > id sibapo sudah dipakai oleh requests/subdomain/sibapo.yaml; id harus unik di antara semua permintaan; yang masih bebas, mis.: sibapo-2",
    "? Id permintaan (huruf kecil, angka, '-'; jadi nama berkas) portal-desa",
    ...COMMON_LOG,
    "? Nama subdomain (→ <nama>.contohkab.go.id) (portal-desa) pilkada2024",
    "  > nama pilkada2024.contohkab.go.id sudah dipakai oleh requests/subdomain/pilkada2024.yaml; nama lengkap harus unik; yang masih bebas, mis.: pilkada2024-2",
    "? Nama subdomain (→ <nama>.contohkab.go.id) (portal-desa) portal-desa",
    "? Tujuan subdomain [Alamat IPv4 (rekaman A) | Alamat IPv6 (rekaman AAAA) | Nama host lain (rekaman CNAME)] ip",
    "? Alamat IPv4 publik 10.20.30.40",
    "  > 10.20.30.40 adalah alamat privat; yang diizinkan: alamat publik di dalam 203.0.113.0/24, 198.51.100.0/24, 2001:db8::/32",
    "? Alamat IPv4 publik 203.0.113.20",
    "? Lewat proxy Cloudflare? (Y/n) ya",
  ]);
  expect([r.code, r.err]).toEqual([0, ""]);
  expect(p.read("requests/subdomain/portal-desa.yaml")).toBe(fixture("subdomain/portal-desa.yaml"));
});

test("vm: ceilings and key format checked on entry, node/VMID/IP allocated and said", async () => {
  const r = await interview("vm", ["portal-desa-app", ...COMMON_ANSWERS, "pusat-komputasi", "", "12", "2", "4", "40", "ubuntu-24.04", "ssh-ed25519 bukan", KEY, "", "22, 443"]);
  expect(r.log.slice(1 + COMMON_LOG.length)).toEqual([
    "? Lokasi [Pusat Komputasi (klaster Proxmox lokal, SOP 7) | Pusat Data Nasional (e-Tiket, SOP 4)] pusat-komputasi",
    "? Hostname (portal-desa-app) portal-desa-app",
    "? Jumlah inti CPU (1–8) 12",
    "  > cpu 12 inti melebihi batas per VM; yang diizinkan: 1–8 inti",
    "? Jumlah inti CPU (1–8) 2",
    "? Memori dalam GB (1–32) 4",
    "? Disk dalam GB (1–500) 40",
    "? Sistem operasi (templat) [ubuntu-24.04 | debian-12 | rocky-9] ubuntu-24.04",
    "? Kunci publik SSH (ke-1) ssh-ed25519 bukan",
    '  > "ssh-ed25519 bukan" tidak sah; yang diizinkan: satu baris kunci publik OpenSSH: <jenis> <base64> [komentar], jenis ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521',
    `? Kunci publik SSH (ke-1) ${KEY}`,
    "? Kunci publik SSH (kosongkan bila selesai) ",
    "? Port yang perlu dapat dijangkau (mis. 22, 443; kosongkan bila tidak ada) 22, 443",
  ]);
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(r.out.split("\n")[0]).toBe("Dialokasikan: node pve1, VMID 200, IP 10.20.30.10");
  expect(p.read("requests/vm/portal-desa-app.yaml")).toBe(fixture("vm/portal-desa-app.yaml"));
});

test("hosting: flags already given are not asked; the username offered is free and valid", async () => {
  const r = await interview("hosting", ["dpmd", "disdikwebx", "", "sedang", "webmaster.dpmd@contohkab.go.id"], {
    id: "dpmd-web", opd: "Dinas Pemberdayaan Masyarakat dan Desa", contactName: "Sri Handayani", contactEmail: "sri.handayani@contohkab.go.id",
    contactPhone: "081233344455", notaNumber: "000.8.3.3/160/DPMD/2026", notaDate: "2026-11-20", purpose: "Portal profil desa dan layanan administrasi warga",
  });
  expect(r.log).toEqual([
    "? Domain akun hosting (→ <domain>.contohkab.go.id) (dpmd-web) dpmd",
    "? Username cPanel (dpmd) disdikwebx",
    "  > 8 huruf pertama username disdikwebx (disdikwe) sama dengan disdikweb di requests/hosting/disdik-web.yaml; awalan basis data harus unik; yang masih bebas, mis.: disdikw2",
    "? Username cPanel (dpmd) dpmd",
    "? Paket hosting [kecil (disk 1 GB, bandwidth 10 GB) | sedang (disk 5 GB, bandwidth 50 GB) | besar (disk 20 GB, bandwidth 200 GB)] sedang",
    "? Email kontak akun (kosongkan = email narahubung) webmaster.dpmd@contohkab.go.id",
  ]);
  expect([r.code, r.err]).toEqual([0, ""]);
  expect(p.read("requests/hosting/dpmd-web.yaml")).toBe(fixture("hosting/dpmd-web.yaml"));
});

test("api: endpoints and data item by item, an approval date before the request refused", async () => {
  const r = await interview("api", [
    "desa-nik", ...COMMON_ANSWERS, "splp-nasional", "Portal Desa", "https://desa.contohkab.go.id", "Dinas Kependudukan dan Pencatatan Sipil", "Layanan Verifikasi NIK",
    "400.12/300/DISDUKCAPIL/2026", "2026-11-19", "2026-11-21", "Kepala Dinas Kependudukan dan Pencatatan Sipil",
    "post /kependudukan/v1/verifikasi-nik", "POST /kependudukan/v1/verifikasi-nik", "GET /kependudukan/v1/status", "", "NIK", "nama lengkap", "", "oauth2",
  ]);
  expect(r.log.slice(1 + COMMON_LOG.length)).toEqual([
    "? Saluran [Portal SPLP nasional | Server pertukaran data lokal] splp-nasional",
    "? Nama aplikasi pemakai API Portal Desa",
    "? URL aplikasi (boleh kosong) https://desa.contohkab.go.id",
    "? OPD penyedia API Dinas Kependudukan dan Pencatatan Sipil",
    "? Nama API Layanan Verifikasi NIK",
    "? Nomor Nota Dinas persetujuan penyedia 400.12/300/DISDUKCAPIL/2026",
    "? Tanggal persetujuan penyedia (YYYY-MM-DD) (2026-11-23) 2026-11-19",
    "  > persetujuan penyedia (2026-11-19) bertanggal sebelum permohonan (2026-11-20); yang diizinkan: tanggal ≥ 2026-11-20",
    "? Tanggal persetujuan penyedia (YYYY-MM-DD) (2026-11-23) 2026-11-21",
    "? Jabatan pemberi persetujuan Kepala Dinas Kependudukan dan Pencatatan Sipil",
    "? Endpoint (METODE /path) (ke-1) post /kependudukan/v1/verifikasi-nik",
    "? Endpoint (METODE /path) (kosongkan bila selesai) POST /kependudukan/v1/verifikasi-nik",
    "  > endpoint POST /kependudukan/v1/verifikasi-nik sudah disebut; tiap isian cukup sekali",
    "? Endpoint (METODE /path) (kosongkan bila selesai) GET /kependudukan/v1/status",
    "? Endpoint (METODE /path) (kosongkan bila selesai) ",
    "? Data yang dipertukarkan (ke-1) NIK",
    "? Data yang dipertukarkan (kosongkan bila selesai) nama lengkap",
    "? Data yang dipertukarkan (kosongkan bila selesai) ",
    "? Autentikasi [OAuth2 (token) | API key] oauth2",
  ]);
  expect([r.code, r.err]).toEqual([0, ""]);
  expect(p.read("requests/api/desa-nik.yaml")).toBe(fixture("api/desa-nik.yaml"));
});
