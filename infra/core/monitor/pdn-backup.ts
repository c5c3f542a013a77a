/**
 * PDN backup evidence (SOP 5/6: the newest PDN backup must be younger than three months). PDN runs
 * at the national data center with no API the kabupaten can ask, so a technician records what the
 * PDN portal or the e-Tiket reply showed, as a record on the `arsip` branch:
 * `cadangan-pdn/<request-id>/<YYYY-MM-DD>.json` (the backup's date; `-2`, `-3` … when the same date
 * is recorded again: a record is never rewritten). Pure: the record's shape, its path, choosing the
 * newest and judging its age.
 */
import * as z from "zod";
import { jakartaDate } from "../archive/record";
import type { LoadedRequest } from "../load/requests";
import { ageDays } from "./age";
import type { Emit } from "./decommissioned";
import type { PdnBackupEvidence, PdnBackupFacts } from "./types";

export const PDN_BACKUP_SCHEMA = "pusdat-cadangan-pdn/v1";
export const PDN_BACKUP_DIR = "cadangan-pdn";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "tanggal YYYY-MM-DD" });

export const PdnBackupRecord = z.strictObject({
  schema: z.literal(PDN_BACKUP_SCHEMA),
  stack: z.string().min(1),
  request: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
  ticket: z.string().min(1),
  /** The date of the newest backup the technician saw (Asia/Jakarta day). */
  backupDate: Day,
  /** Where it was seen: "portal PDN", "balasan e-Tiket PDN-2026-000456", … */
  evidence: z.string().min(3).max(300),
  recordedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
  /** The forge login that recorded it (GITHUB_ACTOR in the workflow), null when unknown. */
  recordedBy: z.string().min(1).nullable(),
});
export type PdnBackupRecord = z.infer<typeof PdnBackupRecord>;

/** A real calendar day, not after `today` (both YYYY-MM-DD): the Indonesian problem, or null. */
export function badBackupDate(day: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return `--tanggal ${JSON.stringify(day)}: bentuknya YYYY-MM-DD, mis. 2026-11-20`;
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) return `--tanggal ${day}: bukan tanggal yang ada di kalender`;
  if (day > today) return `--tanggal ${day}: di masa depan (hari ini ${today}); catat tanggal cadangan yang sudah terlihat`;
  return null;
}

export interface RecordInput {
  requests: LoadedRequest[];
  stack: string;
  id: string;
  backupDate: string;
  evidence: string;
  /** Now, ISO 8601 UTC. */
  at: string;
  actor: string | null;
}

/** The record to write, or why not (Bahasa Indonesia): only an active PDN VM's backup is recorded. */
export function buildPdnBackupRecord(i: RecordInput): { ok: true; record: PdnBackupRecord } | { ok: false; problem: string } {
  const found = i.requests.find((r) => r.request.metadata.id === i.id);
  if (!found) return { ok: false, problem: `--catat-backup-pdn ${i.id}: tidak ada permintaan dengan id itu` };
  const r = found.request;
  if (r.kind !== "VirtualMachine" || r.spec.location !== "pdn") return { ok: false, problem: `--catat-backup-pdn ${i.id}: ${found.file} bukan VM PDN (location: pdn); cadangan lainnya dibaca langsung dari WHM dan Proxmox` };
  if (r.metadata.status === "decommissioned") return { ok: false, problem: `--catat-backup-pdn ${i.id}: permintaan sudah dihentikan; cadangannya tidak dipantau lagi` };
  if (!r.spec.pdn) return { ok: false, problem: `--catat-backup-pdn ${i.id}: e-Tiket PDN belum dicatat di ${found.file} (spec.pdn)` };
  const bad = badBackupDate(i.backupDate, jakartaDate(i.at));
  if (bad) return { ok: false, problem: bad };
  const evidence = i.evidence.trim();
  if (evidence.length < 3 || evidence.length > 300 || /[\r\n]/.test(evidence)) {
    return { ok: false, problem: `--bukti: satu baris 3–300 karakter yang menyebut di mana tanggal itu terlihat, mis. "portal PDN, menu Backup" atau "balasan e-Tiket PDN-2026-000456"` };
  }
  return { ok: true, record: { schema: PDN_BACKUP_SCHEMA, stack: i.stack, request: i.id, ticket: r.spec.pdn.ticket, backupDate: i.backupDate, evidence, recordedAt: i.at, recordedBy: i.actor } };
}

/** Where a record goes: the first free name for that backup date. */
export function pdnBackupPath(id: string, backupDate: string, taken: (path: string) => boolean): string {
  for (let n = 1; ; n++) {
    const p = `${PDN_BACKUP_DIR}/${id}/${backupDate}${n === 1 ? "" : `-${n}`}.json`;
    if (!taken(p)) return p;
  }
}

const RECORD_PATH = /^cadangan-pdn\/([a-z][a-z0-9-]{1,62})\/\d{4}-\d{2}-\d{2}(-\d+)?\.json$/;

/**
 * The newest evidence per request from the records on the branch (path → text). A record that
 * does not parse, or that names another request than its folder, is listed as unreadable.
 */
export function newestEvidence(files: { path: string; text: string }[]): Extract<PdnBackupFacts, { ok: true }> {
  const newest: Record<string, PdnBackupEvidence> = {};
  const unreadable: string[] = [];
  for (const f of files) {
    const m = f.path.match(RECORD_PATH);
    if (!m) continue;
    let rec: PdnBackupRecord | null = null;
    try {
      const r = PdnBackupRecord.safeParse(JSON.parse(f.text));
      rec = r.success && r.data.request === m[1] ? r.data : null;
    } catch {
      rec = null;
    }
    if (!rec) {
      unreadable.push(f.path);
      continue;
    }
    const old = newest[rec.request];
    if (!old || rec.backupDate > old.backupDate) newest[rec.request] = { backupDate: rec.backupDate, evidence: rec.evidence, path: f.path };
  }
  return { ok: true, newest, unreadable: unreadable.sort() };
}

export const recordCommand = (id: string) => `pusdat monitor --catat-backup-pdn ${id} --tanggal YYYY-MM-DD --bukti "<di mana tanggal itu terlihat>"`;

/** The age of the newest recorded PDN backup against `backupMaxAgeDays.pdn`. */
export function judgePdnBackup(id: string, f: PdnBackupFacts | undefined, maxDays: number, now: number, emit: Emit, notes: string[]) {
  if (!f) return;
  if (!f.ok) return emit("backup-unknown", "warning", `catatan cadangan PDN di cabang arsip tidak dapat dibaca: ${f.error}`);
  const bad = f.unreadable.filter((p) => p.startsWith(`${PDN_BACKUP_DIR}/${id}/`));
  if (bad.length) emit("backup-record-invalid", "warning", `catatan cadangan PDN tidak sah dan diabaikan: ${bad.join(", ")}`);
  const e = f.newest[id];
  if (!e) return emit("backup-unrecorded", "warning", `belum ada bukti cadangan PDN tercatat; catat tanggal cadangan terbaru dari portal PDN atau balasan e-Tiket: ${recordCommand(id)}`);
  const age = ageDays(Date.parse(`${e.backupDate}T00:00:00Z`), now);
  notes.push(`cadangan PDN ${e.backupDate}`);
  if (age > maxDays) {
    emit("backup-old", "error", `bukti cadangan PDN terbaru bertanggal ${e.backupDate} (${age} hari, ${e.evidence}), melebihi batas ${maxDays} hari; minta cadangan baru lewat e-Tiket lalu catat: ${recordCommand(id)}`);
  }
}
