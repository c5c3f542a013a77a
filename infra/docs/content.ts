/**
 * The three documents as data (model.ts), pure: the same inputs give the same document. The wording
 * follows the letters of the SOPs: a Berita Acara Penyelesaian Pekerjaan, the signed Nota Dinas
 * Balasan to the OPD, and for an API access the agreement signed by user, provider and team.
 */
import type { Verification } from "../core/archive/record";
import { jakartaDate } from "../core/archive/record";
import type { Approver, Organisation, SiteConfig } from "../core/config/site";
import type { ApiAccess, Request } from "../core/model/kinds";
import { HASIL, hari, kepalaOpd, tanggal, waktuWib } from "./bahasa";
import { type Change, citedNotaDinas, documentTypes, pdnState, SECRET_APART, serviceName, serviceRows } from "./facts";
import type { Block, DocumentModel, Signer } from "./model";
import type { DocType } from "./numbering";

export interface DocInput {
  request: Request;
  change: Change;
  site: SiteConfig;
  organisation: Organisation;
  /** The first approver: the Kabid who signs. */
  signer: Approver;
  commit: string;
  /** When the apply finished (ISO 8601 UTC): the letters' date. */
  appliedAt: string;
  verify: Verification;
  nomor: string;
  /** The record this document belongs to (`catatan/…json`). */
  recordPath: string;
}

const CHANGE_WORD: Record<Change, string> = { create: "", update: "Perubahan ", decommission: "Penghentian ", remove: "Penghapusan " };

function footer(i: DocInput): string {
  return `Dokumen ini dibuat oleh pusdat dari commit ${i.commit.slice(0, 12)} (cabang main); catatan arsip: ${i.recordPath}.`;
}

function letterhead(o: Organisation) {
  return { government: o.government, agency: o.agency, division: o.division, address: o.address };
}

/** "Nota Dinas Nomor 000.8.3.3/123/DISDAG/2026 tanggal 5 Oktober 2026". */
function cited(i: DocInput): string {
  const n = citedNotaDinas(i.request, i.change);
  return `Nota Dinas Nomor ${n.number} tanggal ${tanggal(n.date)}`;
}

function kabid(i: DocInput, onBehalf: boolean): Signer {
  const role = onBehalf ? [`a.n. Kepala ${i.organisation.agency}`, `${i.signer.position},`] : [`${i.signer.position},`];
  return { role, name: i.signer.name, nip: i.signer.nip };
}

function verifyBlocks(v: Verification): Block[] {
  const intro = `Uji akses dilaksanakan pada ${waktuWib(v.at)} dengan hasil keseluruhan: ${HASIL[v.result].toUpperCase()}.`;
  if (!v.checks.length) return [{ t: "para", text: `${intro} Tidak ada pemeriksaan otomatis untuk layanan ini.` }];
  return [
    { t: "para", text: intro },
    { t: "table", head: ["No.", "Pemeriksaan", "Hasil", "Keterangan"], widths: [0.07, 0.2, 0.15, 0.58], rows: v.checks.map((c, n) => [`${n + 1}.`, c.name, HASIL[c.result], c.detail]) },
  ];
}

const pdnPending = (r: Request, change: Change) => r.kind === "VirtualMachine" && r.spec.location === "pdn" && change !== "decommission" && r.spec.pdn?.state !== "active";

/** What the change achieved, said honestly from the access test. */
function outcome(i: DocInput): string {
  const r = i.request;
  const what = serviceName(r, i.site);
  if (i.change === "decommission") return `${what} telah dihentikan`;
  if (pdnPending(r, i.change) && r.kind === "VirtualMachine") {
    const t = r.spec.pdn;
    return t
      ? `permohonan ${what} telah diteruskan ke Pusat Data Nasional melalui e-Tiket Nomor ${t.ticket} dengan status ${pdnState(t.state)}`
      : `permohonan ${what} sedang kami ajukan ke Pusat Data Nasional melalui e-Tiket`;
  }
  const done = i.change === "update" ? `perubahan ${what} telah selesai dikonfigurasi` : `${what} telah selesai dikonfigurasi`;
  if (i.verify.result === "passed") return `${done} dan lulus uji akses`;
  if (i.verify.result === "failed") return `${done}, namun uji akses belum berhasil; kami sedang menindaklanjutinya dan akan menyampaikan hasilnya`;
  return done;
}

export function beritaAcara(i: DocInput): DocumentModel {
  const r = i.request;
  const day = jakartaDate(i.appliedAt);
  const what = serviceName(r, i.site);
  const blocks: Block[] = [
    { t: "para", text: `Pada hari ini ${hari(day)} tanggal ${tanggal(day)}, yang bertanda tangan di bawah ini:` },
    { t: "fields", indent: true, rows: [["Nama", i.signer.name], ["NIP", i.signer.nip], ["Jabatan", `${i.signer.position}, ${i.organisation.agency}`]] },
    { t: "para", text: `selanjutnya disebut PIHAK PERTAMA, menyatakan telah menyelesaikan pekerjaan ${CHANGE_WORD[i.change].toLowerCase()}${what} atas permohonan ${r.metadata.opd} (PIHAK KEDUA) melalui ${cited(i)}, dengan rincian sebagai berikut:` },
    { t: "heading", text: "A. Rincian Pekerjaan" },
    {
      t: "fields",
      rows: [
        ["Pengenal permintaan", r.metadata.id],
        ["Narahubung", `${r.metadata.contact.name} (${r.metadata.contact.email})`],
        ["Kegunaan", r.metadata.purpose],
        ...serviceRows(r, i.site, i.change),
        ["Selesai diterapkan", waktuWib(i.appliedAt)],
        ["Commit yang diterapkan", i.commit],
      ],
    },
    { t: "heading", text: "B. Hasil Uji Akses" },
    ...verifyBlocks(i.verify),
    { t: "para", text: "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya." },
  ];
  return {
    type: "berita-acara",
    nomor: i.nomor,
    title: `Berita Acara Penyelesaian Pekerjaan: ${what}`,
    subject: `${r.metadata.id} (${r.metadata.opd})`,
    letterhead: letterhead(i.organisation),
    head: { kind: "berita-acara", title: i.change === "decommission" ? "BERITA ACARA PENGHENTIAN LAYANAN" : "BERITA ACARA PENYELESAIAN PEKERJAAN", nomor: i.nomor },
    blocks,
    signedAt: `${i.organisation.city}, ${tanggal(day)}`,
    signers: [
      { role: ["PIHAK KEDUA", r.metadata.opd], name: r.metadata.contact.name, nip: null },
      { role: ["PIHAK PERTAMA", `${i.signer.position},`], name: i.signer.name, nip: i.signer.nip },
    ],
    footer: footer(i),
    date: i.appliedAt,
  };
}

/** The paragraph on secrets, per kind: where the password or credential goes, never what it is (a VM has none: SSH keys only, said in its rows). */
function secretNote(r: Request): Block[] {
  if (r.kind === "HostingAccount") return [{ t: "para", text: `Sesuai ketentuan keamanan, ${SECRET_APART} kepada narahubung Saudara (${r.metadata.contact.name}) melalui saluran yang aman dan tidak dicantumkan dalam surat ini. Mohon kata sandi segera diganti pada saat login pertama.` }];
  if (r.kind === "ApiAccess") return [{ t: "para", text: `Kredensial akses (${r.spec.auth === "oauth2" ? "client ID dan client secret OAuth2" : "API key"}) diserahkan terpisah kepada narahubung Saudara (${r.metadata.contact.name}) melalui saluran yang aman dan tidak dicantumkan dalam surat ini.` }];
  return [];
}

export function notaDinasBalasan(i: DocInput): DocumentModel {
  const r = i.request;
  const day = jakartaDate(i.appliedAt);
  const what = serviceName(r, i.site);
  const hal = `Balasan Permohonan ${CHANGE_WORD[i.change]}${what}`;
  const stopped = i.change === "decommission";
  const blocks: Block[] = [
    { t: "para", text: `Menindaklanjuti ${cited(i)} hal permohonan ${CHANGE_WORD[i.change].toLowerCase()}${what}, dengan hormat kami sampaikan bahwa ${outcome(i)}, dengan rincian sebagai berikut:` },
    { t: "fields", indent: true, rows: serviceRows(r, i.site, i.change) },
    ...(stopped ? [] : secretNote(r)),
  ];
  if (pdnPending(r, i.change)) blocks.push({ t: "para", text: "Rincian akses (alamat IP dan akun) akan kami sampaikan setelah Pusat Data Nasional menyelesaikan penyediaan." });
  if (stopped && (r.kind === "VirtualMachine" || r.kind === "HostingAccount")) {
    blocks.push({ t: "para", text: "Cadangan terakhir disimpan sesuai ketentuan retensi dan dapat dipulihkan atas permintaan resmi Perangkat Daerah." });
  }
  if (documentTypes(r, i.change).includes("berita-acara")) {
    const ba = stopped ? "Berita Acara Penghentian Layanan" : "Berita Acara Penyelesaian Pekerjaan dan hasil uji akses";
    blocks.push({ t: "para", text: `${ba} tersimpan pada arsip layanan dan dapat diminta bila diperlukan.` });
  }
  blocks.push({ t: "para", text: "Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih." });
  return {
    type: "nota-dinas-balasan",
    nomor: i.nomor,
    title: hal,
    subject: `${r.metadata.id} (${r.metadata.opd})`,
    letterhead: letterhead(i.organisation),
    head: {
      kind: "surat",
      place: `${i.organisation.city}, ${tanggal(day)}`,
      fields: [["Nomor", i.nomor], ["Sifat", "Biasa"], ["Lampiran", "-"], ["Hal", hal]],
      to: [`Yth. ${kepalaOpd(r.metadata.opd)}`, "di", `      ${i.organisation.city}`],
    },
    blocks,
    signers: [kabid(i, true)],
    footer: footer(i),
    date: i.appliedAt,
  };
}

/** The SPLP try-out (pusdat verify: subscription, token and API key calls) as the agreement's evidence. */
export function tryOutBlocks(v: Verification): Block[] {
  const rows = v.checks.filter((c) => c.name.startsWith("splp-")).map((c, n) => [`${n + 1}.`, c.name, HASIL[c.result], c.detail]);
  return rows.length ? [{ t: "table", head: ["No.", "Uji coba", "Hasil", "Keterangan"], widths: [0.07, 0.2, 0.15, 0.58], rows }] : [];
}

export function perjanjianApi(i: DocInput & { request: ApiAccess }): DocumentModel {
  const r = i.request;
  const s = r.spec;
  const day = jakartaDate(i.appliedAt);
  const blocks: Block[] = [
    { t: "para", text: `Pada hari ini ${hari(day)} tanggal ${tanggal(day)}, kami yang bertanda tangan di bawah ini:` },
    {
      t: "list",
      items: [
        `${r.metadata.opd}, selaku Pengguna API, selanjutnya disebut PIHAK PERTAMA;`,
        `${s.provider.opd}, selaku Penyedia API, selanjutnya disebut PIHAK KEDUA;`,
        `${i.organisation.division}, ${i.organisation.agency}, selaku pengelola ${s.channel === "splp-nasional" ? "Sistem Penghubung Layanan Pemerintah (SPLP)" : "server pertukaran data"}, selanjutnya disebut PIHAK KETIGA,`,
      ],
    },
    { t: "para", text: `berdasarkan ${cited(i)} dari PIHAK PERTAMA dan persetujuan PIHAK KEDUA melalui Nota Dinas Nomor ${s.provider.approval.notaDinas.number} tanggal ${tanggal(s.provider.approval.notaDinas.date)}, sepakat atas penggunaan API dengan rincian sebagai berikut:` },
    { t: "fields", rows: [["Aplikasi pengguna", s.consumer.application], ["API", s.provider.api], ["Kegunaan", r.metadata.purpose]] },
    { t: "table", head: ["No.", "Metode", "Endpoint"], widths: [0.08, 0.17, 0.75], rows: s.endpoints.map((e, n) => [`${n + 1}.`, e.method, e.path]) },
    { t: "fields", rows: [["Data yang dipertukarkan", s.data.join(", ")], ["Autentikasi", s.auth === "oauth2" ? "OAuth2 (client credentials)" : "API key"], ["Hasil uji coba", `${HASIL[i.verify.result]} (${waktuWib(i.verify.at)})`]] },
    ...tryOutBlocks(i.verify),
    { t: "heading", text: "Para pihak sepakat:" },
    {
      t: "list",
      items: [
        "PIHAK PERTAMA menggunakan data hanya untuk kegunaan di atas, tidak meneruskannya kepada pihak lain, dan menjaga kerahasiaan data pribadi sesuai peraturan perundang-undangan.",
        "PIHAK PERTAMA menjaga kerahasiaan kredensial akses yang diserahkan terpisah dan segera melapor kepada PIHAK KETIGA bila kredensial diduga bocor.",
        "PIHAK KEDUA menyediakan API sesuai endpoint di atas dan memberitahukan perubahan atau gangguan layanan kepada PIHAK PERTAMA dan PIHAK KETIGA.",
        "PIHAK KETIGA mengelola akses, mencatat penggunaan, dan dapat mencabut akses atas permintaan PIHAK KEDUA atau bila terjadi penyalahgunaan.",
        "Perjanjian ini berlaku sejak ditandatangani sampai akses dihentikan melalui Nota Dinas penghentian.",
      ],
    },
    { t: "para", text: "Demikian Berita Acara Perjanjian ini dibuat dan ditandatangani oleh para pihak untuk dipergunakan sebagaimana mestinya." },
  ];
  return {
    type: "perjanjian-api",
    nomor: i.nomor,
    title: `Berita Acara Perjanjian Penggunaan API: ${s.provider.api}`,
    subject: `${r.metadata.id} (${r.metadata.opd} / ${s.provider.opd})`,
    letterhead: letterhead(i.organisation),
    head: { kind: "berita-acara", title: "BERITA ACARA PERJANJIAN PENGGUNAAN API", nomor: i.nomor },
    blocks,
    signedAt: `${i.organisation.city}, ${tanggal(day)}`,
    signers: [
      { role: ["PIHAK PERTAMA", `Pengguna API, ${r.metadata.opd}`], name: r.metadata.contact.name, nip: null },
      { role: ["PIHAK KEDUA", `Penyedia API, ${s.provider.approval.approver}`], name: null, nip: null },
      { role: ["PIHAK KETIGA", `${i.signer.position},`], name: i.signer.name, nip: i.signer.nip },
    ],
    footer: footer(i),
    date: i.appliedAt,
  };
}

/** The document of one type for one request. */
export function buildDocument(type: DocType, i: DocInput): DocumentModel {
  if (type === "berita-acara") return beritaAcara(i);
  if (type === "nota-dinas-balasan") return notaDinasBalasan(i);
  if (i.request.kind !== "ApiAccess") throw new Error(`perjanjian-api hanya untuk ApiAccess, bukan ${i.request.kind}`);
  return perjanjianApi(i as DocInput & { request: ApiAccess });
}
