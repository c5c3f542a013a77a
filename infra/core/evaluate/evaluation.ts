/**
 * The evaluation of one period (SOP 14): cases, summaries per service, OPD and month, incidents and
 * generated observations. Pure; the markdown, JSON and PDF reports are drawn from this one value.
 */
import type { ArchiveRecord } from "../archive/record";
import { officeCalendar } from "../calendar/working-time";
import type { Calendar } from "../config/site";
import { buildCases, type Case, type ChangeEvent } from "./cases";
import { allIncidents, type Incident, type MonitoringFile } from "./incidents";
import { inPeriod, monthLabel, type Period } from "./period";
import { type GroupStats, groupBy, groupStats } from "./stats";
import { type Service, SERVICES, STEP_LABELS, TARGETS } from "./targets";

export const EVALUATION_SCHEMA = "pusdat-evaluasi/v1";

export interface ServiceRow extends GroupStats {
  service: Service;
  label: string;
  target: number;
}

export interface Evaluation {
  schema: typeof EVALUATION_SCHEMA;
  stack: string;
  period: Period;
  cases: Case[];
  services: ServiceRow[];
  opds: ({ opd: string } & GroupStats)[];
  months: ({ month: string; label: string } & GroupStats)[];
  total: GroupStats;
  incidents: Incident[];
  observations: string[];
}

export interface EvaluationInput {
  stack: string;
  period: Period;
  calendar: Calendar;
  /** Every change on main's first-parent history, oldest first (cases may open before the period). */
  changes: ChangeEvent[];
  records: ArchiveRecord[];
  monitoring: MonitoringFile[];
}

export function evaluate(input: EvaluationInput): Evaluation {
  const oc = officeCalendar(input.calendar);
  const cases = buildCases(input.changes, input.records, oc)
    .filter((c) => inPeriod(input.period, c.date))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const services = SERVICES.map((s) => {
    const list = cases.filter((c) => c.service === s);
    return list.length ? { service: s, label: TARGETS[s].label, target: TARGETS[s].minutes, ...groupStats(list) } : null;
  }).filter((r): r is ServiceRow => r !== null);
  const opds = groupBy(cases, (c) => c.opd).map(([opd, list]) => ({ opd, ...groupStats(list) }));
  const months = input.period.months.map((m) => ({ month: m, label: monthLabel(m), ...groupStats(cases.filter((c) => c.month === m)) }));
  const incidents = allIncidents(input.records, input.monitoring, input.period);
  const total = groupStats(cases);
  return {
    schema: EVALUATION_SCHEMA,
    stack: input.stack,
    period: input.period,
    cases,
    services,
    opds,
    months,
    total,
    incidents,
    observations: observations(cases, services, total, incidents),
  };
}

/** Whole minutes with Indonesian grouping: 1.234. */
export const minutesText = (m: number | null): string => (m === null ? "-" : grouped(Math.round(m)));
/** 1234567 → "1.234.567" (Indonesian grouping, independent of the machine's locale data). */
export const grouped = (n: number): string => (n < 0 ? "-" : "") + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
/** One decimal with a comma: 2.5 → "2,5", 3 → "3". */
export const decimalText = (x: number): string => {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? grouped(r) : `${grouped(Math.trunc(r))},${Math.round(Math.abs(r * 10)) % 10}`;
};
export const percentText = (share: number | null): string => (share === null ? "-" : `${Math.round(share * 100)}%`);

/** Calendar time as "2 hr 3 j 5 mnt" (hari, jam, menit). */
export function calendarText(minutes: number | null): string {
  if (minutes === null) return "-";
  const m = Math.round(minutes);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const r = m % 60;
  return [d ? `${d} hr` : "", h ? `${h} j` : "", r || (!d && !h) ? `${r} mnt` : ""].filter(Boolean).join(" ");
}

const SHORT: Record<Service, string> = {
  subdomain: "Subdomain",
  hosting: "Hosting",
  "vm-local": "VPS lokal",
  "vm-local-resize": "Tambah resource VPS lokal",
  "vm-pdn": "VPS PDN",
  "vm-pdn-resize": "Tambah resource VPS PDN",
  api: "Akses API",
};

/** Sentences for the coordination meeting, generated from the numbers (no placeholders). */
export function observations(cases: Case[], services: ServiceRow[], total: GroupStats, incidents: Incident[]): string[] {
  if (!cases.length) {
    const inc = incidents.length ? ` Tercatat ${incidents.length} insiden.` : "";
    return [`Tidak ada permintaan dengan target SOP yang digabungkan dalam periode ini.${inc}`];
  }
  const out: string[] = [];
  out.push(
    total.completed
      ? `Secara keseluruhan ${total.withinTarget} dari ${total.completed} permintaan yang selesai memenuhi target SOP (${percentText(total.share)}).` +
          (total.count > total.completed ? ` ${total.count - total.completed} permintaan belum selesai.` : "")
      : `Belum ada permintaan yang selesai (diterapkan dan diverifikasi) dari ${total.count} permintaan dalam periode ini.`,
  );
  for (const s of services) {
    const over = s.completed - s.withinTarget;
    const target = `target ${minutesText(s.target)} menit kerja`;
    if (!s.completed) {
      out.push(`${SHORT[s.service]}: belum ada yang selesai dari ${s.count} (${target}).`);
      continue;
    }
    const head = over > 0 ? `${over} dari ${s.completed} melewati ${target}` : `${s.withinTarget} dari ${s.completed} dalam ${target}`;
    const step = s.longestStep ? `; langkah terlama: ${STEP_LABELS[s.longestStep]}` : "";
    const open = s.count > s.completed ? `; ${s.count - s.completed} belum selesai` : "";
    out.push(`${SHORT[s.service]}: ${head}, median ${minutesText(s.median)} menit kerja${step}${open}.`);
  }
  const done = cases.filter((c) => c.workingMinutes !== null);
  const worst = [...done].sort((a, b) => b.workingMinutes! / b.target - a.workingMinutes! / a.target || a.id.localeCompare(b.id))[0];
  if (worst && !worst.withinTarget) {
    const ratio = decimalText(worst.workingMinutes! / worst.target);
    out.push(`Paling jauh dari target: ${worst.id} (${SHORT[worst.service]}, ${worst.opd}) ${minutesText(worst.workingMinutes)} menit kerja, ${ratio} kali target.`);
  }
  if (total.longestStep) {
    const all = Object.values(total.stepMinutes).reduce((a, b) => a + b, 0);
    out.push(`Di seluruh layanan, waktu paling banyak habis pada langkah "${STEP_LABELS[total.longestStep]}" (${percentText(total.stepMinutes[total.longestStep] / all)} dari menit kerja).`);
  }
  const open = cases.filter((c) => c.workingMinutes === null);
  if (open.length) out.push(`Belum selesai: ${open.map((c) => `${c.id} (${SHORT[c.service]})`).join(", ")}.`);
  const count = (t: Incident["type"]) => incidents.filter((i) => i.type === t).length;
  out.push(
    incidents.length
      ? `Insiden: ${count("apply-failed")} penerapan gagal, ${count("verify-failed")} verifikasi gagal, ${count("monitoring")} temuan pemantauan.`
      : "Tidak ada insiden tercatat (penerapan, verifikasi, pemantauan) dalam periode ini.",
  );
  return out;
}
