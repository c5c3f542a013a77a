/**
 * What the `arsip` branch says about each service: the last access test, the newest monitoring
 * round (read tolerantly: another command writes it), the recent changes with their pull requests
 * and documents. Pure; every free text passes through `clean` (redaction) before it is kept.
 */
import type { ArchiveRecord } from "../archive/record";
import { KIND_LABELS } from "./services";
import type { AccessTest, ChangeView, DocumentLink, Health, MonitorState } from "./types";

export const CHANGE_LABELS: Record<string, string> = { create: "baru", update: "diubah", decommission: "dihentikan", remove: "dihapus" };
export const VERIFY_LABELS: Record<string, string> = { passed: "berhasil", failed: "gagal", skipped: "tidak diuji" };
export const DOCUMENT_LABELS: Record<string, string> = {
  "berita-acara": "Berita Acara",
  "nota-dinas-balasan": "Nota Dinas Balasan",
  "perjanjian-api": "Perjanjian Penggunaan API",
};

/** Per request id, its newest access test that ran (passed or failed), else its newest skipped one. */
export function lastTests(records: ReadonlyArray<ArchiveRecord>): Map<string, AccessTest> {
  const best = new Map<string, AccessTest>();
  for (const r of records) {
    for (const q of r.requests) {
      const t: AccessTest = { result: q.verify.result, at: q.verify.at, failed: q.verify.checks.filter((c) => c.result === "failed").map((c) => c.name) };
      const old = best.get(q.id);
      const ran = (x: AccessTest) => x.result !== "skipped";
      if (!old || (ran(t) && !ran(old)) || (ran(t) === ran(old) && t.at > old.at)) best.set(q.id, t);
    }
  }
  return best;
}

export interface MonitoringFileIn {
  /** `pemantauan/<YYYY>/<YYYY-MM-DD>[-n].json` */
  path: string;
  json: unknown;
}

const MONITORING_PATH = /^pemantauan\/\d{4}\/(\d{4}-\d{2}-\d{2})(?:-(\d+))?\.json$/;

/** The newest monitoring report by its path (the day, then the run number of that day). */
export function newestMonitoring(files: ReadonlyArray<MonitoringFileIn>): MonitoringFileIn | null {
  const key = (p: string) => {
    const m = MONITORING_PATH.exec(p);
    return m ? `${m[1]}-${(m[2] ?? "1").padStart(6, "0")}` : "";
  };
  return [...files].filter((f) => key(f.path)).sort((a, b) => (key(a.path) < key(b.path) ? 1 : -1))[0] ?? null;
}

export interface MonitoringRead {
  at: string;
  targets: Map<string, MonitorState>;
  errors: number;
  warnings: number;
}

const HEALTH = new Set<Health>(["ok", "warning", "error"]);

/** A `pusdat-pemantauan/v1` report → status per target id; null when it is not one. */
export function readMonitoring(json: unknown, clean: (s: string) => string): MonitoringRead | null {
  const o = json as Record<string, unknown> | null;
  if (!o || typeof o !== "object" || o.schema !== "pusdat-pemantauan/v1" || typeof o.at !== "string" || !Array.isArray(o.targets)) return null;
  const targets = new Map<string, MonitorState>();
  for (const t of o.targets as Record<string, unknown>[]) {
    if (!t || typeof t.id !== "string" || !HEALTH.has(t.status as Health)) continue;
    targets.set(t.id, { status: t.status as Health, summary: clean(typeof t.summary === "string" ? t.summary : "") });
  }
  const count = (s: Health) => [...targets.values()].filter((t) => t.status === s).length;
  return { at: o.at, targets, errors: count("error"), warnings: count("warning") };
}

/**
 * A document's address on the forge, from the pull request's: GitHub `/pull/N` → `/blob/arsip/…`,
 * Gitea/Forgejo `/pulls/N` → `/src/branch/arsip/…`, GitLab `/-/merge_requests/N` → `/-/blob/arsip/…`.
 */
export function documentUrl(prUrl: string | undefined, path: string): string | null {
  if (!prUrl) return null;
  const enc = path.split("/").map(encodeURIComponent).join("/");
  let m = /^(https?:\/\/.+?)\/-\/merge_requests\/\d+\/?$/.exec(prUrl);
  if (m) return `${m[1]}/-/blob/arsip/${enc}`;
  m = /^(https?:\/\/.+?)\/pulls\/\d+\/?$/.exec(prUrl);
  if (m) return `${m[1]}/src/branch/arsip/${enc}`;
  m = /^(https?:\/\/.+?)\/pull\/\d+\/?$/.exec(prUrl);
  if (m) return `${m[1]}/blob/arsip/${enc}`;
  return null;
}

/** The newest `limit` applies, newest first, each with its pull request and documents. */
export function recentChanges(records: ReadonlyArray<ArchiveRecord>, opdOf: (id: string) => string, limit: number, clean: (s: string) => string): ChangeView[] {
  const sorted = [...records].sort((a, b) => (a.apply.finishedAt < b.apply.finishedAt ? 1 : a.apply.finishedAt > b.apply.finishedAt ? -1 : a.commit < b.commit ? -1 : 1));
  return sorted.slice(0, limit).map((r) => ({
    at: r.apply.finishedAt,
    commit: r.commit,
    apply: r.apply.result,
    pullRequest: r.pullRequest ? { number: r.pullRequest.number, url: r.pullRequest.url, title: clean(r.pullRequest.title) } : null,
    requests: r.requests.map((q) => ({
      id: q.id,
      opd: opdOf(q.id),
      kindLabel: KIND_LABELS[q.kind],
      change: q.change,
      changeLabel: CHANGE_LABELS[q.change] ?? q.change,
      verify: q.verify.result,
      documents: q.documents.map((d): DocumentLink => ({ type: d.type, label: DOCUMENT_LABELS[d.type] ?? d.type, path: d.path, url: documentUrl(r.pullRequest?.url, d.path) })),
    })),
  }));
}
