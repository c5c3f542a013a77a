import { fixtureProject } from "../../../test/support/verify-fixture";
import type { LoadedRequest } from "../load/requests";
import type { VirtualMachine } from "../model/kinds";
import { DEFAULT_MONITOR } from "./config";
import { judge } from "./judge";
import { badBackupDate, buildPdnBackupRecord, newestEvidence, PDN_BACKUP_SCHEMA, pdnBackupPath } from "./pdn-backup";
import type { Facts, PdnBackupFacts, Target } from "./types";

const NOW = Date.parse("2026-11-23T03:00:00Z");
const AT = "2026-11-23T03:00:00.000Z";

const record = (o: Record<string, unknown> = {}) =>
  JSON.stringify({ schema: PDN_BACKUP_SCHEMA, stack: "uji", request: "sipd-uji", ticket: "PDN-2026-000777", backupDate: "2026-11-01", evidence: "portal PDN", recordedAt: AT, recordedBy: null, ...o });

describe("badBackupDate", () => {
  it.each([
    ["2026-11-20", null],
    ["2026-11-23", null],
    ["2026-11-24", "--tanggal 2026-11-24: di masa depan (hari ini 2026-11-23); catat tanggal cadangan yang sudah terlihat"],
    ["2026-02-30", "--tanggal 2026-02-30: bukan tanggal yang ada di kalender"],
    ["20-11-2026", '--tanggal "20-11-2026": bentuknya YYYY-MM-DD, mis. 2026-11-20'],
  ])("%s", (day, want) => expect(badBackupDate(day, "2026-11-23")).toBe(want));
});

describe("pdnBackupPath", () => {
  it.each([
    [[], "cadangan-pdn/sipd-uji/2026-11-20.json"],
    [["cadangan-pdn/sipd-uji/2026-11-20.json"], "cadangan-pdn/sipd-uji/2026-11-20-2.json"],
    [["cadangan-pdn/sipd-uji/2026-11-20.json", "cadangan-pdn/sipd-uji/2026-11-20-2.json"], "cadangan-pdn/sipd-uji/2026-11-20-3.json"],
  ])("taken %j", (taken, want) => expect(pdnBackupPath("sipd-uji", "2026-11-20", (p) => (taken as string[]).includes(p))).toBe(want));
});

describe("newestEvidence", () => {
  it("keeps the newest backup date per request, by content, and lists records that do not parse", () => {
    const got = newestEvidence([
      { path: "cadangan-pdn/sipd-uji/2026-11-01.json", text: record() },
      { path: "cadangan-pdn/sipd-uji/2026-10-01.json", text: record({ backupDate: "2026-10-01" }) },
      { path: "cadangan-pdn/sipd-uji/2026-11-01-2.json", text: record({ backupDate: "2026-11-10", evidence: "balasan e-Tiket PDN-2026-000790" }) },
      { path: "cadangan-pdn/sipd-dua/2026-09-09.json", text: record({ request: "sipd-dua", backupDate: "2026-09-09" }) },
      { path: "cadangan-pdn/sipd-uji/2026-12-01.json", text: "{ bukan json" },
      { path: "cadangan-pdn/sipd-tiga/2026-11-11.json", text: record({ backupDate: "2026-11-11" }) },
      { path: "cadangan-pdn/sipd-uji/catatan.txt", text: "diabaikan: bukan nama rekaman" },
    ]);
    expect(got).toEqual({
      ok: true,
      newest: {
        "sipd-uji": { backupDate: "2026-11-10", evidence: "balasan e-Tiket PDN-2026-000790", path: "cadangan-pdn/sipd-uji/2026-11-01-2.json" },
        "sipd-dua": { backupDate: "2026-09-09", evidence: "portal PDN", path: "cadangan-pdn/sipd-dua/2026-09-09.json" },
      },
      unreadable: ["cadangan-pdn/sipd-tiga/2026-11-11.json", "cadangan-pdn/sipd-uji/2026-12-01.json"],
    });
  });
});

describe("judge: PDN backup age from the recorded evidence", () => {
  const pdn: Target = { kind: "pdn", id: "sipd-uji", decommissioned: false, item: { id: "sipd-uji", change: "update", request: {} as never } };
  const tcp = { ok: true as const, checks: [{ name: "tcp-22", result: "passed" as const, detail: "x", durationMs: 1 }], certValidTo: null };
  const ev = (backupDate: string) => ({ backupDate, evidence: "portal PDN", path: `cadangan-pdn/sipd-uji/${backupDate}.json` });
  const cmd = 'pusdat monitor --catat-backup-pdn sipd-uji --tanggal YYYY-MM-DD --bukti "<di mana tanggal itu terlihat>"';
  const cases: [string, PdnBackupFacts | undefined, [string, string, string][], string][] = [
    ["90 days old passes", { ok: true, newest: { "sipd-uji": ev("2026-08-25") }, unreadable: [] }, [], "normal: tcp-22, cadangan PDN 2026-08-25"],
    [
      "91 days old",
      { ok: true, newest: { "sipd-uji": ev("2026-08-24") }, unreadable: [] },
      [["backup-old", "error", `bukti cadangan PDN terbaru bertanggal 2026-08-24 (91 hari, portal PDN), melebihi batas 90 hari; minta cadangan baru lewat e-Tiket lalu catat: ${cmd}`]],
      `bukti cadangan PDN terbaru bertanggal 2026-08-24 (91 hari, portal PDN), melebihi batas 90 hari; minta cadangan baru lewat e-Tiket lalu catat: ${cmd}`,
    ],
    [
      "nothing recorded",
      { ok: true, newest: {}, unreadable: [] },
      [["backup-unrecorded", "warning", `belum ada bukti cadangan PDN tercatat; catat tanggal cadangan terbaru dari portal PDN atau balasan e-Tiket: ${cmd}`]],
      `belum ada bukti cadangan PDN tercatat; catat tanggal cadangan terbaru dari portal PDN atau balasan e-Tiket: ${cmd}`,
    ],
    [
      "an unreadable record is named, the valid one still counts",
      { ok: true, newest: { "sipd-uji": ev("2026-11-01") }, unreadable: ["cadangan-pdn/sipd-uji/2026-11-02.json", "cadangan-pdn/lain/2026-11-02.json"] },
      [["backup-record-invalid", "warning", "catatan cadangan PDN tidak sah dan diabaikan: cadangan-pdn/sipd-uji/2026-11-02.json"]],
      "catatan cadangan PDN tidak sah dan diabaikan: cadangan-pdn/sipd-uji/2026-11-02.json",
    ],
    [
      "the branch cannot be read",
      { ok: false, error: "git ls-tree arsip: fatal: bad object" },
      [["backup-unknown", "warning", "catatan cadangan PDN di cabang arsip tidak dapat dibaca: git ls-tree arsip: fatal: bad object"]],
      "catatan cadangan PDN di cabang arsip tidak dapat dibaca: git ls-tree arsip: fatal: bad object",
    ],
    ["not gathered (a round without PDN evidence reading) judges nothing", undefined, [], "normal: tcp-22"],
  ];
  it.each(cases)("%s", (_n, pdnBackups, want, summary) => {
    const f: Facts = { hosting: null, proxmox: null, probes: { "sipd-uji": tcp }, ...(pdnBackups ? { pdnBackups } : {}) };
    const j = judge([pdn], f, DEFAULT_MONITOR, NOW);
    expect(j.findings.map((x) => [x.code, x.severity, x.message])).toEqual(want);
    expect(j.targets[0]!.summary).toBe(summary);
  });

  it("the limit comes from backupMaxAgeDays.pdn", () => {
    const f: Facts = { hosting: null, proxmox: null, probes: { "sipd-uji": tcp }, pdnBackups: { ok: true, newest: { "sipd-uji": ev("2026-11-01") }, unreadable: [] } };
    const cfg = { ...DEFAULT_MONITOR, backupMaxAgeDays: { ...DEFAULT_MONITOR.backupMaxAgeDays, pdn: 14 } };
    expect(judge([pdn], f, cfg, NOW).findings.map((x) => x.code)).toEqual(["backup-old"]);
  });
});

describe("buildPdnBackupRecord", () => {
  const requests = fixtureProject().requests;
  const base = { requests, stack: "uji", id: "sipd-uji", backupDate: "2026-11-20", evidence: "  balasan e-Tiket PDN-2026-000790 ", at: AT, actor: "teknisi-rina" };
  const decommissioned = requests.map((r) =>
    r.request.metadata.id === "sipd-uji" ? ({ ...r, request: { ...r.request, metadata: { ...r.request.metadata, status: "decommissioned" } } } as LoadedRequest<VirtualMachine>) : r,
  );

  it("records an active PDN VM's backup with its e-Tiket", () => {
    expect(buildPdnBackupRecord(base)).toEqual({
      ok: true,
      record: { schema: "pusdat-cadangan-pdn/v1", stack: "uji", request: "sipd-uji", ticket: "PDN-2026-000777", backupDate: "2026-11-20", evidence: "balasan e-Tiket PDN-2026-000790", recordedAt: AT, recordedBy: "teknisi-rina" },
    });
  });
  // `file` is the path as the user sees it, relative to the working directory (the repository here).
  it.each([
    ["unknown id", { id: "tidak-ada" }, "--catat-backup-pdn tidak-ada: tidak ada permintaan dengan id itu"],
    ["a local VM", { id: "sibapo-app" }, "--catat-backup-pdn sibapo-app: test/fixtures/verify/requests/vm/sibapo-app.yaml bukan VM PDN (location: pdn); cadangan lainnya dibaca langsung dari WHM dan Proxmox"],
    ["a subdomain", { id: "ppid" }, "--catat-backup-pdn ppid: test/fixtures/verify/requests/subdomain/ppid.yaml bukan VM PDN (location: pdn); cadangan lainnya dibaca langsung dari WHM dan Proxmox"],
    ["a decommissioned PDN VM", { requests: decommissioned }, "--catat-backup-pdn sipd-uji: permintaan sudah dihentikan; cadangannya tidak dipantau lagi"],
    ["a future date (Jakarta's today)", { backupDate: "2026-11-24" }, "--tanggal 2026-11-24: di masa depan (hari ini 2026-11-23); catat tanggal cadangan yang sudah terlihat"],
    ["evidence too short", { evidence: " x " }, '--bukti: satu baris 3–300 karakter yang menyebut di mana tanggal itu terlihat, mis. "portal PDN, menu Backup" atau "balasan e-Tiket PDN-2026-000456"'],
    ["evidence on two lines", { evidence: "portal\nPDN" }, '--bukti: satu baris 3–300 karakter yang menyebut di mana tanggal itu terlihat, mis. "portal PDN, menu Backup" atau "balasan e-Tiket PDN-2026-000456"'],
  ])("refuses %s", (_n, o, problem) => {
    expect(buildPdnBackupRecord({ ...base, ...(o as object) })).toEqual({ ok: false, problem });
  });
});
