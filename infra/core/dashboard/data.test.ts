import * as fs from "node:fs";
import * as path from "node:path";
import { ArchiveRecord } from "../archive/record";
import type { ChangeEvent, RequestVersion } from "../evaluate/cases";
import { openProject, type Project } from "../project";
import { type ArsipFacts, dashboardData } from "./data";
import type { DashboardData } from "./types";

const REPO = path.resolve(__dirname, "../../..");
const FIX = path.join(REPO, "test/fixtures/dashboard");
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIX, name), "utf8"));
const NOW = "2026-11-23T01:00:00Z";
const C = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";

function project(): Project {
  const p = openProject({ root: REPO });
  if (!p.ok) throw new Error("sample project does not open");
  return p;
}

const version = (kind: RequestVersion["kind"], opd: string, extra: Partial<RequestVersion> = {}): RequestVersion => ({ kind, opd, notaDinasDate: "2026-11-16", status: "active", ...extra });
const created = (id: string, v: RequestVersion): ChangeEvent => ({ commit: C, committedAt: "2026-11-16T05:00:00Z", id, before: null, after: v, approvers: ["kabid-spbe"] });

/** The sample requests, one apply record (three requests) and two monitoring rounds of the same day. */
function facts(): ArsipFacts {
  return {
    records: [ArchiveRecord.parse(fixture("catatan-awal.json"))],
    changes: [
      created("dinkes-web", version("HostingAccount", "Dinas Kesehatan")),
      created("sibapo", version("Subdomain", "Dinas Perdagangan")),
      created("sibapo-app", version("VirtualMachine", "Dinas Perdagangan", { location: "pusat-komputasi", size: { cpu: 2, memoryGb: 4, diskGb: 40 } })),
      created("dihapus", version("Subdomain", "Dinas Pariwisata")),
    ],
    monitoring: [
      { path: "pemantauan/2026/2026-11-22-2.json", json: fixture("pemantauan-2.json") },
      { path: "pemantauan/2026/2026-11-22.json", json: fixture("pemantauan-1.json") },
      { path: "pemantauan/2026/2026-11-21.json", json: fixture("pemantauan-1.json") },
    ],
    found: true,
    notes: [],
  };
}

const EMPTY: ArsipFacts = { records: [], changes: [], monitoring: [], found: false, notes: [] };
const opd = (d: DashboardData, name: string) => d.opds.find((o) => o.name === name)!;
const service = (d: DashboardData, id: string) => d.opds.flatMap((o) => o.services).find((s) => s.id === id)!;

describe("dashboardData without an archive", () => {
  const d = dashboardData(project(), EMPTY, { internal: false, now: NOW });

  test("totals, OPDs in Indonesian order and their counts", () => {
    expect(d.totals).toEqual({ opds: 11, services: 14, active: 11, decommissioned: 2, waiting: 1, problems: 0 });
    expect(d.opds.map((o) => [o.slug, o.counts.total, o.counts.active, o.counts.decommissioned, o.counts.waiting])).toEqual([
      ["badan-kepegawaian-dan-pengembangan-sumber-daya-manusia", 2, 2, 0, 0],
      ["badan-kesatuan-bangsa-dan-politik", 1, 0, 1, 0],
      ["badan-perencanaan-pembangunan-daerah", 2, 1, 0, 1],
      ["dinas-kesehatan", 1, 1, 0, 0],
      ["dinas-ketahanan-pangan", 1, 1, 0, 0],
      ["dinas-komunikasi-dan-informatika", 1, 1, 0, 0],
      ["dinas-pendidikan", 1, 1, 0, 0],
      ["dinas-perdagangan", 2, 2, 0, 0],
      ["kecamatan-kota", 1, 1, 0, 0],
      ["sekretariat-daerah-bagian-hukum", 1, 1, 0, 0],
      ["sekretariat-daerah-bagian-umum", 1, 0, 1, 0],
    ]);
  });

  test("what a service is, in public words, and its state", () => {
    expect(opd(d, "Dinas Perdagangan").services.map((s) => [s.id, s.kindLabel, s.statusLabel, s.title])).toEqual([
      ["sibapo", "Subdomain", "aktif", "sibapo.contohkab.go.id"],
      ["sibapo-app", "Server virtual (VPS)", "aktif", "2 inti CPU, 4 GB memori, 40 GB disk, ubuntu-24.04, di Pusat Komputasi daerah"],
    ]);
    expect([service(d, "sipd-bappeda").status, service(d, "sipd-bappeda").statusLabel]).toEqual(["pdn-waiting", "menunggu PDN"]);
    expect(service(d, "dinkes-web").title).toBe("dinkes.contohkab.go.id (paket besar)");
    expect(service(d, "sibapo").notaDinas).toEqual({ number: "000.8.3.3/123/DISDAG/2026", date: "2026-10-05" });
  });

  test("capacity per node (capacity × overcommit) and per OPD against the ceilings", () => {
    const row = (r: DashboardData["capacity"]["nodes"][number]) => [r.label, ...r.meters.map((m) => `${m.resource} ${m.used}/${m.limit} ${m.percent}%`)];
    expect(d.capacity.nodes.map(row)).toEqual([
      ["pve1", "cpu 2/64 3%", "memoryGb 4/64 6%", "diskGb 40/1000 4%"],
      ["pve2", "cpu 4/64 6%", "memoryGb 16/64 25%", "diskGb 200/1000 20%"],
    ]);
    expect(row(d.capacity.opds.find((r) => r.label === "Dinas Perdagangan")!)).toEqual([
      "Dinas Perdagangan",
      "cpu 2/24 8%",
      "memoryGb 4/96 4%",
      "diskGb 40/2000 2%",
      "hostingAccounts 0/10 0%",
      "subdomains 1/20 5%",
    ]);
    expect(d.capacity.opds).toHaveLength(9);
  });

  test("says there is no archive and no monitoring; no change, no lead time", () => {
    expect(d.notes).toEqual(["Cabang arsip tidak ditemukan: belum ada catatan penerapan, uji akses maupun pemantauan.", "Pemantauan: belum ada data pemantauan."]);
    expect([d.monitoring, d.changes, d.leadTimes]).toEqual([null, [], null]);
  });
});

describe("dashboardData with an archive", () => {
  const pub = dashboardData(project(), facts(), { internal: false, now: NOW });
  const internal = dashboardData(project(), facts(), { internal: true, now: NOW });

  test("the last access test of each service, with the checks that failed", () => {
    expect(service(pub, "sibapo").lastTest).toEqual({ result: "passed", at: "2026-11-16T05:04:30Z", failed: [] });
    expect(service(pub, "sibapo-app").lastTest).toEqual({ result: "failed", at: "2026-11-16T05:05:00Z", failed: ["port"] });
    expect(service(pub, "ppid").lastTest).toBeNull();
  });

  test("the newest monitoring round (the second run of the newest day), redacted", () => {
    expect(pub.monitoring).toEqual({ at: "2026-11-22T09:30:00Z", path: "pemantauan/2026/2026-11-22-2.json", targets: 4, errors: 1, warnings: 1 });
    expect(service(pub, "sibapo-app").monitoring).toEqual({ status: "error", summary: "VM 210 di pve1 berstatus stopped, padahal permintaannya aktif" });
    expect(service(pub, "sibapo").monitoring!.summary).toBe(
      "sertifikat berakhir 2026-12-01 (9 hari lagi), kurang dari 14 hari; https: https://[disembunyikan]:8006/ dan [disembunyikan] menjawab, admin [disembunyikan]",
    );
    expect(service(internal, "sibapo").monitoring!.summary).toContain("https://pve.contohkab.go.id:8006/ dan 203.0.113.10 menjawab, admin 2001:db8::5");
    expect(service(pub, "ppid").monitoring).toBeNull();
    expect(pub.notes).toEqual([]);
  });

  test("services needing attention: monitoring error or failed access test", () => {
    expect(opd(pub, "Dinas Perdagangan").counts.problems).toBe(1);
    expect(pub.totals.problems).toBe(1);
  });

  test("lead time per service (Nota Dinas 16 Nov 07.30 WIB → verified 12.04 WIB: 270 working minutes) and per SOP service", () => {
    expect(service(pub, "sibapo").leadTime).toEqual({ workingMinutes: 270, target: 125, withinTarget: false, date: "2026-11-16", pullRequest: 12 });
    expect(service(pub, "dinkes-web").leadTime).toEqual({ workingMinutes: 270, target: 410, withinTarget: true, date: "2026-11-16", pullRequest: 12 });
    expect(pub.leadTimes).toEqual([
      // "dihapus" has no verification in the record: it ends at the apply (12.03 WIB), 270 as well
      { service: "subdomain", label: "Subdomain (SOP 11)", target: 125, count: 2, completed: 2, withinTarget: 0, median: 270, p90: 270 },
      { service: "hosting", label: "Akun hosting (SOP 1)", target: 410, count: 1, completed: 1, withinTarget: 1, median: 270, p90: 270 },
      { service: "vm-local", label: "VPS Pusat Komputasi (SOP 7)", target: 320, count: 1, completed: 1, withinTarget: 1, median: 270, p90: 270 },
    ]);
  });

  test("recent changes with the pull request (title redacted) and document links on the forge", () => {
    expect(pub.changes).toHaveLength(1);
    const c = pub.changes[0]!;
    expect(c.pullRequest).toEqual({ number: 12, url: "https://forge.example/pemkab/layanan/pull/12", title: "Permintaan awal (narahubung [disembunyikan], [disembunyikan]; VM di [disembunyikan])" });
    expect(c.requests.map((q) => [q.id, q.opd, q.changeLabel, q.verify, q.documents.map((x) => `${x.label} ${x.url}`)])).toEqual([
      ["dinkes-web", "Dinas Kesehatan", "baru", "passed", ["Berita Acara https://forge.example/pemkab/layanan/blob/arsip/dokumen/dinkes-web/2026-11-16-1a2b3c4d5e6f-berita-acara.pdf"]],
      [
        "sibapo",
        "Dinas Perdagangan",
        "baru",
        "passed",
        [
          "Berita Acara https://forge.example/pemkab/layanan/blob/arsip/dokumen/sibapo/2026-11-16-1a2b3c4d5e6f-berita-acara.pdf",
          "Nota Dinas Balasan https://forge.example/pemkab/layanan/blob/arsip/dokumen/sibapo/2026-11-16-1a2b3c4d5e6f-nota-dinas-balasan.pdf",
        ],
      ],
      ["sibapo-app", "Dinas Perdagangan", "baru", "failed", []],
    ]);
    expect(internal.changes[0]!.pullRequest!.title).toBe("Permintaan awal (narahubung [disembunyikan], [disembunyikan]; VM di 10.20.30.15)");
  });

  test("internal detail only in an internal dashboard", () => {
    expect(service(pub, "sibapo-app").internal).toBeUndefined();
    expect(service(internal, "sibapo-app").internal).toEqual({ text: "hostname sibapo-app, node pve1, VMID 210, IP 10.20.30.15, port 22, 443" });
    expect(service(internal, "jdih").internal).toEqual({ text: "AAAA 2001:db8:10::20, tanpa proxy" });
    expect(service(internal, "dinkes-web").internal).toEqual({ text: "akun cPanel dinkes" });
  });
});

describe("safe to publish", () => {
  const contacts = project().requests.flatMap(({ request: r }) => [r.metadata.contact.email, r.metadata.contact.phone, r.metadata.contact.name, ...(r.kind === "HostingAccount" && r.spec.contactEmail ? [r.spec.contactEmail] : [])]);
  /** The sample stack's address ranges and its Proxmox host ("000.8.3.3" in letter numbers is no address). */
  const ADDRESS = /10\.20\.30\.|203\.0\.113\.|198\.51\.100\.|2001:db8|pve\.contohkab\.go\.id/;

  test.each([
    ["public", false],
    ["internal", true],
  ])("%s: no contact name, e-mail or phone, no SSH key, no secret", (_n, internal) => {
    const text = JSON.stringify(dashboardData(project(), facts(), { internal, now: NOW }));
    expect(contacts.filter((c) => text.includes(c))).toEqual([]);
    expect(text).not.toMatch(/@[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(text).not.toMatch(/ssh-ed25519|AAAAC3Nz/);
    expect(text).not.toMatch(/password|kata sandi|token|secret/i);
  });

  test("free texts of a request (purpose, application name) are redacted too", () => {
    const p = project();
    const api = p.requests.find((x) => x.request.metadata.id === "harga-pangan")!.request;
    if (api.kind !== "ApiAccess") throw new Error("sample changed");
    api.spec.consumer.application = "Dasbor (admin: budi@contohkab.go.id, 0812-3456-7890)";
    api.metadata.purpose = "Server lama di 10.20.30.99 diganti";
    const s = dashboardData(p, EMPTY, { internal: false, now: NOW }).opds.flatMap((o) => o.services).find((x) => x.id === "harga-pangan")!;
    expect([s.title, s.purpose]).toEqual([
      "API Harga Bahan Pokok SIBAPO dari Dinas Perdagangan untuk Dasbor (admin: [disembunyikan], [disembunyikan]) (pertukaran data lokal)",
      "Server lama di [disembunyikan] diganti",
    ]);
  });

  test("a request file with a validation error is not shown, and the page says how many", () => {
    const p = project();
    const findings = [
      { severity: "error", file: "requests/vm/rusak.yaml" },
      { severity: "error", file: "requests/vm/rusak.yaml" },
      { severity: "warning", file: "requests/subdomain/x.yaml" },
    ];
    expect(dashboardData({ ...p, findings }, EMPTY, { internal: false, now: NOW }).notes[0]).toBe(
      "1 berkas permintaan tidak sah dan tidak ditampilkan sampai diperbaiki (jalankan pusdat validate).",
    );
  });

  test("public: no IP address and no internal host anywhere", () => {
    expect(JSON.stringify(dashboardData(project(), facts(), { internal: false, now: NOW }))).not.toMatch(ADDRESS);
  });

  test("internal: the addresses are there", () => {
    const text = JSON.stringify(dashboardData(project(), facts(), { internal: true, now: NOW }));
    expect(["10.20.30.15", "2001:db8:10::20", "203.0.113.10", "pve.contohkab.go.id"].filter((a) => !text.includes(a))).toEqual([]);
  });
});
