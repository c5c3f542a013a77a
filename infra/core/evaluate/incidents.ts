/**
 * Incidents of the period: applies that failed and verifications that failed (archive records), and
 * problems in the monitoring reports (`pemantauan/<YYYY>/<YYYY-MM-DD>.json` on `arsip`). The monitoring
 * format is read tolerantly: it is written by another command and may grow; anything that does not
 * look like a problem is ignored, never an error.
 */
import type { ArchiveRecord } from "../archive/record";
import { jakartaDate } from "../archive/record";
import { inPeriod, type Period } from "./period";

export type IncidentType = "apply-failed" | "verify-failed" | "monitoring";

export interface Incident {
  type: IncidentType;
  /** WIB date. */
  date: string;
  /** Request id, target or commit the incident is about. */
  subject: string;
  /** In Bahasa Indonesia. */
  detail: string;
}

export interface MonitoringFile {
  /** `pemantauan/<YYYY>/<YYYY-MM-DD>.json` */
  path: string;
  date: string;
  /** Parsed JSON, or undefined when the file was not JSON. */
  json: unknown;
}

export function recordIncidents(records: ArchiveRecord[], period: Period): Incident[] {
  const out: Incident[] = [];
  for (const r of records) {
    const day = jakartaDate(r.apply.finishedAt);
    const ids = r.requests.map((q) => q.id).join(", ") || "-";
    if (r.apply.result === "failed" && inPeriod(period, day)) {
      out.push({ type: "apply-failed", date: day, subject: ids, detail: `penerapan commit ${r.commit.slice(0, 12)} gagal` });
    }
    for (const q of r.requests) {
      const vday = jakartaDate(q.verify.at);
      if (q.verify.result !== "failed" || !inPeriod(period, vday)) continue;
      const failed = q.verify.checks.filter((c) => c.result === "failed").map((c) => c.name);
      out.push({ type: "verify-failed", date: vday, subject: q.id, detail: `verifikasi gagal${failed.length ? `: ${failed.join(", ")}` : ""}` });
    }
  }
  return out;
}

const BAD = new Set(["failed", "fail", "down", "error", "critical", "warning", "suspended", "stale", "expired", "gagal", "mati"]);
const LISTS = ["incidents", "findings", "problems", "results", "items", "checks", "targets", "accounts", "vms", "subdomains"];

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null);

function isProblem(o: Record<string, unknown>): boolean {
  if (o.ok === false) return true;
  for (const k of ["severity", "result", "status", "state"]) {
    const v = text(o[k]);
    if (v && BAD.has(v.toLowerCase())) return true;
  }
  return false;
}

/** Problems found in one monitoring report, searched through its known lists (a few levels deep). */
export function monitoringIncidents(file: MonitoringFile): Incident[] {
  const out: Incident[] = [];
  const visit = (v: unknown, depth: number, parent: string | null) => {
    if (depth > 6 || !v || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1, parent);
      return;
    }
    const o = v as Record<string, unknown>;
    const own = text(o.id) ?? text(o.target) ?? text(o.subject) ?? text(o.request) ?? text(o.name);
    const subject = parent ?? own;
    if (depth > 0 && isProblem(o)) {
      const said = text(o.message) ?? text(o.detail) ?? text(o.code) ?? text(o.status) ?? text(o.result) ?? "masalah";
      out.push({ type: "monitoring", date: file.date, subject: subject ?? "-", detail: parent && own ? `${own}: ${said}` : said });
      return;
    }
    for (const k of LISTS) if (k in o) visit(o[k], depth + 1, depth > 0 ? subject : null);
  };
  visit(file.json, 0, null);
  return out;
}

export function allIncidents(records: ArchiveRecord[], monitoring: MonitoringFile[], period: Period): Incident[] {
  const fromMonitoring = monitoring.filter((f) => inPeriod(period, f.date)).flatMap(monitoringIncidents);
  return [...recordIncidents(records, period), ...fromMonitoring].sort(
    (a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || a.subject.localeCompare(b.subject),
  );
}
