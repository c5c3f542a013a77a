/** The PDFs read back: the exact fields a Kabid signs, no secret anywhere, the same bytes every run. */
import { APPLIED_AT, COMMIT, FAKE_PASSWORD, PASSED, sampleProject, sampleRequest } from "../../test/support/documents";
import { type PdfText, pdfTexts } from "../../test/support/pdf-text";
import { parseVerifyResults } from "../core/archive/verify-file";
import type { Changed } from "./changes";
import { type GeneratedDocument, generateDocuments } from "./generate";
import { emptyRegister } from "./numbering";

const project = sampleProject();
const changed = (id: string, change: Changed["change"] = "create"): Changed => ({ id, change, request: sampleRequest(id) });

/** The verify file as the verify command would write it, with a password smuggled into an extra field. */
const verifyText = JSON.stringify({
  requests: [{ id: "dinkes-web", ...PASSED, password: FAKE_PASSWORD, checks: [{ ...PASSED.checks[0], secret: FAKE_PASSWORD }] }],
});

async function generate(): Promise<GeneratedDocument[]> {
  const verify = parseVerifyResults(verifyText, "verify.json");
  if (!verify.ok) throw new Error(verify.problem);
  const r = await generateDocuments({
    changed: [changed("dinkes-web"), changed("sibapo-app"), changed("eoffice-lama", "decommission"), changed("sipd-bappeda"), changed("harga-pangan"), changed("jdih", "remove")],
    site: project.site,
    organisation: project.site.organisation!,
    signer: project.site.approvers[0]!,
    commit: COMMIT,
    appliedAt: APPLIED_AT,
    verify: verify.value,
    register: emptyRegister(),
  });
  return r.documents;
}

let docs: GeneratedDocument[];
let read: PdfText[];
const text: Record<string, string[]> = {};
beforeAll(async () => {
  docs = await generate();
  read = pdfTexts(docs.map((d) => d.bytes));
  docs.forEach((d, n) => (text[`${d.id}/${d.type}`] = read[n]!.lines));
}, 60_000);

const lines = (key: string) => text[key] ?? [];

test("each change gets its documents, numbered in order, at the arsip paths", () => {
  expect(docs.map((d) => [d.nomor, d.path])).toEqual([
    ["000.8.3.3/1/DISKOMINFO/2026", "dokumen/dinkes-web/2026-11-20-1a2b3c4d5e6f-berita-acara.pdf"],
    ["000.8.3.3/2/DISKOMINFO/2026", "dokumen/dinkes-web/2026-11-20-1a2b3c4d5e6f-nota-dinas-balasan.pdf"],
    ["000.8.3.3/3/DISKOMINFO/2026", "dokumen/sibapo-app/2026-11-20-1a2b3c4d5e6f-berita-acara.pdf"],
    ["000.8.3.3/4/DISKOMINFO/2026", "dokumen/sibapo-app/2026-11-20-1a2b3c4d5e6f-nota-dinas-balasan.pdf"],
    ["000.8.3.3/5/DISKOMINFO/2026", "dokumen/eoffice-lama/2026-11-20-1a2b3c4d5e6f-berita-acara.pdf"],
    ["000.8.3.3/6/DISKOMINFO/2026", "dokumen/eoffice-lama/2026-11-20-1a2b3c4d5e6f-nota-dinas-balasan.pdf"],
    ["000.8.3.3/7/DISKOMINFO/2026", "dokumen/sipd-bappeda/2026-11-20-1a2b3c4d5e6f-nota-dinas-balasan.pdf"],
    ["000.8.3.3/8/DISKOMINFO/2026", "dokumen/harga-pangan/2026-11-20-1a2b3c4d5e6f-berita-acara.pdf"],
    ["000.8.3.3/9/DISKOMINFO/2026", "dokumen/harga-pangan/2026-11-20-1a2b3c4d5e6f-nota-dinas-balasan.pdf"],
    ["000.8.3.3/10/DISKOMINFO/2026", "dokumen/harga-pangan/2026-11-20-1a2b3c4d5e6f-perjanjian-api.pdf"],
  ]);
});

test("Nota Dinas Balasan for hosting: kop, head, addressee, cited Nota Dinas, FTP details without the password, signature", () => {
  const l = lines("dinkes-web/nota-dinas-balasan");
  expect(l.slice(0, 13)).toEqual([
    "PEMERINTAH KABUPATEN CONTOH",
    "DINAS KOMUNIKASI DAN INFORMATIKA",
    "BIDANG SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
    "Jl. Contoh Raya No. 1, Kota Contoh 12345",
    "Kota Contoh, 20 November 2026",
    "Nomor : 000.8.3.3/2/DISKOMINFO/2026",
    "Sifat : Biasa",
    "Lampiran : -",
    "Hal : Balasan Permohonan Akun Hosting dinkes.contohkab.go.id",
    "Yth. Kepala Dinas Kesehatan",
    "di",
    "Kota Contoh",
    "Menindaklanjuti Nota Dinas Nomor 400.7/318/DINKES/2026 tanggal 1 Oktober 2026 hal",
  ]);
  expect(l).toEqual(expect.arrayContaining([
    "Alamat FTP : hosting.contohkab.go.id",
    "Nama pengguna FTP/cPanel : dinkes",
    "Kata sandi : diserahkan terpisah kepada narahubung",
    "Sesuai ketentuan keamanan, kata sandi diserahkan terpisah kepada narahubung Saudara",
    "a.n. Kepala Dinas Komunikasi dan Informatika",
    "Kepala Bidang SPBE,",
    "Budi Santoso, S.Kom.",
    "NIP 198001012005011001",
    "Halaman 1 dari 1",
  ]));
  expect(l.join(" ")).toContain("Dokumen ini dibuat oleh pusdat dari commit 1a2b3c4d5e6f (cabang main); catatan arsip: catatan/2026/2026-11-20-1a2b3c4d5e6f.json.");
});

test("Berita Acara: title, number, the access test as a table, both parties", () => {
  const l = lines("dinkes-web/berita-acara");
  expect(l.slice(4, 7)).toEqual(["BERITA ACARA PENYELESAIAN PEKERJAAN", "Nomor: 000.8.3.3/1/DISKOMINFO/2026", "Pada hari ini Jumat tanggal 20 November 2026, yang bertanda tangan di bawah ini:"]);
  expect(l).toEqual(expect.arrayContaining([
    "Selesai diterapkan : 20 November 2026 pukul 12.03 WIB",
    "Commit yang diterapkan : 1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d",
    "Uji akses dilaksanakan pada 20 November 2026 pukul 12.04 WIB dengan hasil keseluruhan:",
    "BERHASIL.",
    "No. Pemeriksaan Hasil Keterangan",
    "1. dns Berhasil sibapo.contohkab.go.id A 203.0.113.10",
    "Kota Contoh, 20 November 2026",
  ]));
  expect(l.slice(l.indexOf("Kota Contoh, 20 November 2026") + 1, -3)).toEqual([
    "PIHAK KEDUA", "Dinas Kesehatan", "Bambang Sutrisno", "NIP ...................................",
    "PIHAK PERTAMA", "Kepala Bidang SPBE,", "Budi Santoso, S.Kom.", "NIP 198001012005011001",
  ]);
  expect(l.join(" ")).toContain("melalui Nota Dinas Nomor 400.7/318/DINKES/2026 tanggal 1 Oktober 2026");
});

test("VM: IP, ports and admin user; a request without a verify result says it was not tested", () => {
  const l = lines("sibapo-app/nota-dinas-balasan");
  expect(l).toEqual(expect.arrayContaining(["Alamat IP : 10.20.30.15", "Port yang dibuka : 22, 443", "Pengguna admin : pusdat", "Yth. Kepala Dinas Perdagangan"]));
  expect(lines("sibapo-app/berita-acara").join(" ")).toContain("dengan hasil keseluruhan: TIDAK DIUJI. Tidak ada pemeriksaan otomatis untuk layanan ini.");
});

test("decommission: the Nota Dinas of the decommissioning is cited and the final backup named", () => {
  const l = lines("eoffice-lama/nota-dinas-balasan");
  expect(l).toEqual(expect.arrayContaining([
    "Hal : Balasan Permohonan Penghentian VPS Pusat Komputasi",
    "eoffice-lama",
    "Yth. Kepala Bagian Umum Sekretariat Daerah",
    "Cadangan terakhir yang disimpan : vzdump-qemu-205-2026_09_01-02_00_00.vma.zst",
  ]));
  expect(l.join(" ")).toContain("Menindaklanjuti Nota Dinas Nomor 000.8.3.3/101/UMUM/2026 tanggal 1 September 2026");
  expect(lines("eoffice-lama/berita-acara")[4]).toBe("BERITA ACARA PENGHENTIAN LAYANAN");
});

test("PDN VPS not yet active: only the reply, reporting the e-Tiket and its status", () => {
  const l = lines("sipd-bappeda/nota-dinas-balasan");
  expect(l).toEqual(expect.arrayContaining(["Nomor e-Tiket PDN : PDN-2026-000123", "Status e-Tiket : Diajukan", "Alamat IP : belum diberikan oleh PDN"]));
  expect(l.join(" ")).toContain("telah diteruskan ke Pusat Data Nasional melalui e-Tiket Nomor PDN-2026-000123 dengan status Diajukan");
});

test("API agreement: cites both Nota Dinas and is signed by user, provider and team", () => {
  const l = lines("harga-pangan/perjanjian-api");
  expect(l[4]).toBe("BERITA ACARA PERJANJIAN PENGGUNAAN API");
  expect(l[5]).toBe("Nomor: 000.8.3.3/10/DISKOMINFO/2026");
  const all = l.join(" ");
  expect(all).toContain("berdasarkan Nota Dinas Nomor 500.2/088/DKP/2026 tanggal 5 November 2026 dari PIHAK PERTAMA dan persetujuan PIHAK KEDUA melalui Nota Dinas Nomor 500.2/301/DISDAG/2026 tanggal 9 November 2026");
  expect(l).toEqual(expect.arrayContaining(["1. GET /harga/v1/komoditas", "2. GET /harga/v1/komoditas/{kode}/harian"]));
  expect(l.slice(l.indexOf("Kota Contoh, 20 November 2026") + 1, l.indexOf("Kota Contoh, 20 November 2026") + 13)).toEqual([
    "PIHAK PERTAMA", "Pengguna API, Dinas Ketahanan Pangan", "Wahyu Santoso", "NIP ...................................",
    "PIHAK KEDUA", "Penyedia API, Kepala Dinas Perdagangan", "(.......................................)", "NIP ...................................",
    "PIHAK KETIGA", "Kepala Bidang SPBE,", "Budi Santoso, S.Kom.", "NIP 198001012005011001",
  ]);
  expect(read[9]!.pages).toBe(2);
});

test("no password or secret in any document: not in the text, the metadata or the bytes", () => {
  for (const [n, d] of docs.entries()) {
    const { lines: l, info } = read[n]!;
    expect([d.path, l.join("\n").includes(FAKE_PASSWORD)]).toEqual([d.path, false]);
    expect(JSON.stringify(info).includes(FAKE_PASSWORD)).toBe(false);
    expect(d.bytes.includes(Buffer.from(FAKE_PASSWORD))).toBe(false);
  }
});

test("the metadata is fixed by the inputs: dates from the apply, title and subject from the request", () => {
  const { info } = read[1]!;
  expect(info).toMatchObject({
    Title: "Balasan Permohonan Akun Hosting dinkes.contohkab.go.id",
    Subject: "dinkes-web (Dinas Kesehatan)",
    Author: "Dinas Komunikasi dan Informatika, Pemerintah Kabupaten Contoh",
    Creator: "pusdat",
    CreationDate: "D:20261120050340Z",
    ModDate: "D:20261120050340Z",
  });
});

test("the same inputs give byte-identical PDFs", async () => {
  const again = await generate();
  expect(again.map((d) => d.bytes.equals(docs.find((x) => x.path === d.path)!.bytes))).toEqual(docs.map(() => true));
}, 60_000);
