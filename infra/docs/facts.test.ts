import { sampleProject, sampleRequest } from "../../test/support/documents";
import type { Request } from "../core/model/kinds";
import { type Change, citedNotaDinas, documentTypes, serviceRows } from "./facts";

const site = sampleProject().site;
const pdn = (state: string): Request => {
  const r = sampleRequest("sipd-bappeda") as Extract<Request, { kind: "VirtualMachine" }>;
  return { ...r, spec: { ...r.spec, pdn: { ...r.spec.pdn!, state: state as "active" } } };
};

test.each<[string, Request, Change, string[]]>([
  ["a new subdomain", sampleRequest("sibapo"), "create", ["berita-acara", "nota-dinas-balasan"]],
  ["a changed hosting account", sampleRequest("dinkes-web"), "update", ["berita-acara", "nota-dinas-balasan"]],
  ["a new API access", sampleRequest("harga-pangan"), "create", ["berita-acara", "nota-dinas-balasan", "perjanjian-api"]],
  ["a changed API access (the agreement stands)", sampleRequest("harga-pangan"), "update", ["berita-acara", "nota-dinas-balasan"]],
  ["a PDN VPS submitted", pdn("submitted"), "create", ["nota-dinas-balasan"]],
  ["a PDN VPS approved", pdn("approved"), "update", ["nota-dinas-balasan"]],
  ["a PDN VPS active", pdn("active"), "update", ["berita-acara", "nota-dinas-balasan"]],
  ["a decommissioned VM", sampleRequest("eoffice-lama"), "decommission", ["berita-acara", "nota-dinas-balasan"]],
  ["a removed file", sampleRequest("jdih"), "remove", []],
])("%s gets %j", (_n, r, change, types) => {
  expect(documentTypes(r, change)).toEqual(types);
});

test("a decommission lists the service without its access rows, with the Nota Dinas and the final backup", () => {
  expect(serviceRows(sampleRequest("eoffice-lama"), site, "decommission")).toEqual([
    ["Lokasi", "Pusat Komputasi (node pve1, VMID 205)"],
    ["Nama host", "eoffice-lama"],
    ["Spesifikasi", "4 vCPU, memori 8 GB, disk 100 GB"],
    ["Sistem operasi", "rocky-9"],
    ["Alamat IP", "10.20.30.12"],
    ["Nota Dinas penghentian", "000.8.3.3/101/UMUM/2026 tanggal 1 September 2026"],
    ["Cadangan terakhir yang disimpan", "vzdump-qemu-205-2026_09_01-02_00_00.vma.zst"],
  ]);
  expect(citedNotaDinas(sampleRequest("eoffice-lama"), "decommission")).toEqual({ number: "000.8.3.3/101/UMUM/2026", date: "2026-09-01" });
  expect(citedNotaDinas(sampleRequest("eoffice-lama"), "update")).toEqual({ number: "000.8.3.3/019/UMUM/2025", date: "2025-03-04" });
});

test("a hosting account never carries a password, only where it goes", () => {
  expect(serviceRows(sampleRequest("dinkes-web"), site, "create")).toEqual([
    ["Nama domain (FQDN)", "dinkes.contohkab.go.id"],
    ["Paket hosting", "besar (disk 20 GB, bandwidth 200 GB)"],
    ["Alamat FTP", "hosting.contohkab.go.id"],
    ["Nama pengguna FTP/cPanel", "dinkes"],
    ["Kata sandi", "diserahkan terpisah kepada narahubung"],
    ["Email kontak akun", "webmaster.dinkes@contohkab.go.id"],
  ]);
});
