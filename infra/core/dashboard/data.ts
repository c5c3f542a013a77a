/**
 * The dashboard's one value, from the opened project and what the `arsip` branch holds: per OPD its
 * services with state, last access test, monitoring state and lead time; capacity per Proxmox node
 * and per OPD against the ceilings; the recent changes; lead times per SOP service. Pure: the time
 * and the archive's contents come in. Safe to publish by construction: contact details are never
 * read, and every free text is redacted (addresses only when `internal`).
 */
import type { ArchiveRecord } from "../archive/record";
import { officeCalendar } from "../calendar/working-time";
import type { Ceilings } from "../config/ceilings";
import type { SiteConfig } from "../config/site";
import { buildCases, type Case, type ChangeEvent } from "../evaluate/cases";
import { groupStats } from "../evaluate/stats";
import { SERVICES, TARGETS } from "../evaluate/targets";
import type { LoadedRequest } from "../load/requests";
import { capacityReport, type Usage } from "../plan/capacity";
import { LABEL, opdKey, UNIT } from "../rules/capacity";
import { lastTests, type MonitoringFileIn, newestMonitoring, readMonitoring, recentChanges } from "./archive-view";
import { redact } from "./redact";
import { internalHosts, internalOf, KIND_LABELS, nameOf, slugOf, STATUS_LABELS, statusOf, titleOf } from "./services";
import { type CapacityRow, DASHBOARD_SCHEMA, type DashboardData, type LeadTimeRow, type OpdView, type ServiceView } from "./types";

export interface DashboardProject {
  stack: string;
  site: SiteConfig;
  ceilings: Ceilings;
  requests: ReadonlyArray<LoadedRequest>;
  /** Validation findings: a request with an error is not among `requests`, so the page says so. */
  findings?: ReadonlyArray<{ severity: string; file: string }>;
}

/** What the `arsip` branch (and main's history) gave; all empty when there is no archive. */
export interface ArsipFacts {
  records: ArchiveRecord[];
  /** main's first-parent request changes, oldest first (lead times; the OPD of a removed request). */
  changes: ChangeEvent[];
  monitoring: MonitoringFileIn[];
  /** Whether an archive branch was found at all. */
  found: boolean;
  notes: string[];
}

export interface DashboardOptions {
  internal: boolean;
  /** ISO 8601: when the dashboard is built. */
  now: string;
  /** How many recent applies to list; default 20. */
  recent?: number;
}

export const NO_MONITORING = "belum ada data pemantauan";
const UNKNOWN_OPD = "(OPD tidak tercatat)";

const meterRows = (rows: Usage[], resources: string[]): CapacityRow[] =>
  rows.map((u) => ({
    key: u.key,
    label: u.label,
    meters: resources.map((r) => {
      const used = u.used[r] ?? 0;
      const limit = u.limit[r] ?? 0;
      return { resource: r, label: LABEL[r] ?? r, unit: UNIT[r] ?? "", used, limit, percent: limit > 0 ? Math.round((used / limit) * 100) : 0 };
    }),
  }));

/** The newest case of each request id (by the date it reached main). */
function latestCases(cases: Case[]): Map<string, Case> {
  const m = new Map<string, Case>();
  for (const c of cases) if (!m.has(c.id) || m.get(c.id)!.mergedAt <= c.mergedAt) m.set(c.id, c);
  return m;
}

function leadTimeRows(cases: Case[]): LeadTimeRow[] {
  return SERVICES.flatMap((s) => {
    const list = cases.filter((c) => c.service === s);
    if (!list.length) return [];
    const g = groupStats(list);
    return [{ service: s, label: TARGETS[s].label, target: TARGETS[s].minutes, count: g.count, completed: g.completed, withinTarget: g.withinTarget, median: g.median, p90: g.p90 }];
  });
}

export function dashboardData(project: DashboardProject, arsip: ArsipFacts, opts: DashboardOptions): DashboardData {
  const { site } = project;
  const hosts = internalHosts(site);
  const clean = (s: string) => redact(s, { internal: opts.internal, internalHosts: hosts });
  const notes = arsip.notes.map(clean);
  const bad = new Set((project.findings ?? []).filter((f) => f.severity === "error").map((f) => f.file));
  if (bad.size) notes.push(`${bad.size} berkas permintaan tidak sah dan tidak ditampilkan sampai diperbaiki (jalankan pusdat validate).`);
  if (!arsip.found) notes.push("Cabang arsip tidak ditemukan: belum ada catatan penerapan, uji akses maupun pemantauan.");

  const tests = lastTests(arsip.records);
  const newest = newestMonitoring(arsip.monitoring);
  const monitoring = newest ? readMonitoring(newest.json, clean) : null;
  if (newest && !monitoring) notes.push(`${newest.path}: bukan laporan pusdat-pemantauan/v1; dilewati.`);
  if (!monitoring) notes.push(`Pemantauan: ${NO_MONITORING}.`);
  const cases = arsip.records.length ? buildCases(arsip.changes, arsip.records, officeCalendar(site.calendar)) : [];
  const latest = latestCases(cases);

  const groups = new Map<string, { name: string; services: ServiceView[] }>();
  for (const { request: r } of project.requests) {
    const key = opdKey(r.metadata.opd);
    const g = groups.get(key) ?? groups.set(key, { name: r.metadata.opd.trim(), services: [] }).get(key)!;
    const status = statusOf(r);
    const c = latest.get(r.metadata.id);
    const internal = opts.internal ? internalOf(r) : null;
    g.services.push({
      id: r.metadata.id,
      kind: r.kind,
      kindLabel: KIND_LABELS[r.kind],
      status,
      statusLabel: STATUS_LABELS[status],
      name: clean(nameOf(r, site)),
      title: clean(titleOf(r, site)),
      purpose: clean(r.metadata.purpose),
      notaDinas: { number: r.metadata.notaDinas.number, date: String(r.metadata.notaDinas.date).slice(0, 10) },
      lastTest: tests.get(r.metadata.id) ?? null,
      monitoring: monitoring?.targets.get(r.metadata.id) ?? null,
      leadTime: c ? { workingMinutes: c.workingMinutes, target: c.target, withinTarget: c.withinTarget, date: c.date, pullRequest: c.pullRequest } : null,
      ...(internal ? { internal: { text: internal } } : {}),
    });
  }
  const taken = new Set<string>();
  const problem = (s: ServiceView) => s.monitoring?.status === "error" || s.lastTest?.result === "failed";
  const opds: OpdView[] = [...groups.values()]
    .sort((a, b) => a.name.localeCompare(b.name, "id"))
    .map((g) => {
      const services = g.services.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
      const count = (f: (s: ServiceView) => boolean) => services.filter(f).length;
      return {
        slug: slugOf(g.name, taken),
        name: g.name,
        counts: {
          total: services.length,
          active: count((s) => s.status === "active"),
          decommissioned: count((s) => s.status === "decommissioned"),
          waiting: count((s) => s.status === "pdn-waiting"),
          problems: count(problem),
        },
        services,
      };
    });

  const opdOfId = new Map<string, string>();
  for (const e of arsip.changes) opdOfId.set(e.id, (e.after ?? e.before)!.opd);
  for (const { request: r } of project.requests) opdOfId.set(r.metadata.id, r.metadata.opd.trim());
  const cap = capacityReport(project.requests, site, project.ceilings);
  const sum = (f: (o: OpdView) => number) => opds.reduce((n, o) => n + f(o), 0);

  return {
    schema: DASHBOARD_SCHEMA,
    stack: project.stack,
    generatedAt: opts.now,
    internal: opts.internal,
    organisation: {
      government: site.organisation?.government ?? "",
      agency: site.organisation?.agency ?? "",
      division: site.organisation?.division ?? "",
    },
    totals: {
      opds: opds.length,
      services: sum((o) => o.counts.total),
      active: sum((o) => o.counts.active),
      decommissioned: sum((o) => o.counts.decommissioned),
      waiting: sum((o) => o.counts.waiting),
      problems: sum((o) => o.counts.problems),
    },
    monitoring: newest && monitoring ? { at: monitoring.at, path: newest.path, targets: monitoring.targets.size, errors: monitoring.errors, warnings: monitoring.warnings } : null,
    opds,
    capacity: { nodes: meterRows(cap.nodes, ["cpu", "memoryGb", "diskGb"]), opds: meterRows(cap.opds, ["cpu", "memoryGb", "diskGb", "hostingAccounts", "subdomains"]) },
    changes: recentChanges(arsip.records, (id) => opdOfId.get(id) ?? UNKNOWN_OPD, opts.recent ?? 20, clean),
    leadTimes: arsip.records.length ? leadTimeRows(cases) : null,
    notes,
  };
}
