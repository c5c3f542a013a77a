/**
 * From the history of `main` and the archive records to one case per request change that has an SOP
 * target, with its milestones (Nota Dinas → PR opened → approved → applied → verified) and the time
 * each step took, in working minutes and calendar minutes. Pure: the history is read elsewhere.
 *
 * Rules (also in the report's "Cara menghitung"):
 * - A Nota Dinas counts from the opening of office hours on its date (07:30 WIB Monday–Thursday,
 *   06:30 WIB Friday in the default calendar; 07:30 WIB on a day off).
 * - An update counts from its Nota Dinas only when the change sets a new Nota Dinas date; otherwise
 *   from the pull request's opening (there is no new memo to count from).
 * - Approved = the first approval by someone in `pusdat:approvers` as of the parent commit who is
 *   not the pull request's author; without one, the merge (merging is the Kabid's approval).
 * - Applied = the first succeeded apply recorded for the commit; verified = that record's `verify.at`
 *   for the request. The case ends at verified, or applied when there is no verification.
 * - A PDN VM is opened by the commit that adds it and ends with the apply of the commit that sets
 *   `spec.pdn.state: active`; the commits between (ticket, state) belong to the same case.
 * - Without a Nota Dinas to count from and without a pull request, a case starts when it reached main.
 * - A step whose end comes before its start (e.g. a Nota Dinas dated after the PR) counts 0.
 * - A case belongs to the period of its merge date in WIB (the record's `mergedAt`, else the commit date).
 */
import type { ArchiveRecord } from "../archive/record";
import { jakartaDate } from "../archive/record";
import { type OfficeCalendar, openingOf, workingMinutes } from "../calendar/working-time";
import type { Kind } from "../model/kinds";
import { type Service, type Step, STEPS, TARGETS } from "./targets";

/** What the evaluation needs of one version of a request file. */
export interface RequestVersion {
  kind: Kind;
  opd: string;
  notaDinasDate: string | null;
  status: "active" | "decommissioned";
  location?: "pusat-komputasi" | "pdn";
  pdnState?: string;
  size?: { cpu: number; memoryGb: number; diskGb: number };
}

/** One request file touched by one first-parent commit on main. */
export interface ChangeEvent {
  commit: string;
  /** Committer date of the commit on main, ISO 8601 UTC. */
  committedAt: string;
  id: string;
  before: RequestVersion | null;
  after: RequestVersion | null;
  /** Logins in `pusdat:approvers` as the list stood in the parent commit. */
  approvers: string[];
}

export type ChangeType = "create" | "update" | "decommission" | "remove";

export interface Milestones {
  notaDinas: string | null;
  opened: string | null;
  approved: string | null;
  applied: string | null;
  verified: string | null;
}

export interface Case {
  id: string;
  service: Service;
  opd: string;
  commit: string;
  pullRequest: number | null;
  /** When it reached main: the record's `mergedAt`, else the commit date. */
  mergedAt: string;
  /** WIB date of `mergedAt`: puts the case in a period and a month. */
  date: string;
  month: string;
  milestones: Milestones;
  /** null while the case is not finished (no successful apply yet; PDN: not active yet). */
  workingMinutes: number | null;
  calendarMinutes: number | null;
  steps: Record<Step, number | null>;
  target: number;
  withinTarget: boolean | null;
}

export function changeType(e: ChangeEvent): ChangeType {
  if (!e.before) return "create";
  if (!e.after) return "remove";
  if (e.after.status === "decommissioned" && e.before.status !== "decommissioned") return "decommission";
  return "update";
}

const sizeChanged = (a: RequestVersion, b: RequestVersion) =>
  !!a.size && !!b.size && (a.size.cpu !== b.size.cpu || a.size.memoryGb !== b.size.memoryGb || a.size.diskGb !== b.size.diskGb);

/** The SOP service a change is measured against, or null when no SOP sets a time for it. */
export function serviceOf(e: ChangeEvent): Service | null {
  const type = changeType(e);
  const v = e.after;
  if (!v || (type !== "create" && type !== "update")) return null;
  if (type === "create") {
    if (v.status === "decommissioned") return null; // a file born decommissioned records an old service
    if (v.kind === "Subdomain") return "subdomain";
    if (v.kind === "HostingAccount") return "hosting";
    if (v.kind === "ApiAccess") return "api";
    return v.location === "pdn" ? "vm-pdn" : "vm-local";
  }
  if (v.kind === "VirtualMachine" && sizeChanged(e.before!, v)) return v.location === "pdn" ? "vm-pdn-resize" : "vm-local-resize";
  return null;
}

/** Records by commit, earliest apply first. */
export function recordsByCommit(records: ArchiveRecord[]): Map<string, ArchiveRecord[]> {
  const m = new Map<string, ArchiveRecord[]>();
  for (const r of records) m.set(r.commit, [...(m.get(r.commit) ?? []), r]);
  for (const list of m.values()) list.sort((a, b) => a.apply.finishedAt.localeCompare(b.apply.finishedAt));
  return m;
}

const firstSucceeded = (list: ArchiveRecord[] | undefined) => list?.find((r) => r.apply.result === "succeeded") ?? null;
/** The record that says how the pull request went: the first one of the commit, failed or not. */
const anyRecord = (list: ArchiveRecord[] | undefined) => list?.[0] ?? null;

function approvalOf(rec: ArchiveRecord | null, approvers: string[]): string | null {
  const pr = rec?.pullRequest;
  if (!pr) return null;
  const ok = pr.approvals
    .filter((a) => approvers.includes(a.login) && a.login !== pr.author)
    .map((a) => a.submittedAt)
    .sort();
  return ok[0] ?? pr.mergedAt;
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** Builds the cases from the changes in first-parent order (oldest first). */
export function buildCases(events: ChangeEvent[], records: ArchiveRecord[], oc: OfficeCalendar): Case[] {
  const byCommit = recordsByCommit(records);
  const cases: Case[] = [];
  /** PDN VMs not active yet: id → the case and its opening event. */
  const openPdn = new Map<string, Case>();
  for (const e of events) {
    const service = serviceOf(e);
    const list = byCommit.get(e.commit);
    const done = firstSucceeded(list);
    const verifiedAt = done?.requests.find((r) => r.id === e.id)?.verify.at ?? null;
    const pending = openPdn.get(e.id);
    if (pending && e.after?.kind === "VirtualMachine" && e.after.location === "pdn" && service === null) {
      if (e.after.pdnState === "active" && done) {
        pending.milestones.applied = done.apply.finishedAt;
        pending.milestones.verified = verifiedAt;
        finish(pending, oc);
        openPdn.delete(e.id);
      }
      continue;
    }
    if (!service) continue;
    const rec = done ?? anyRecord(list);
    const pr = rec?.pullRequest ?? null;
    const newMemo = changeType(e) === "create" || e.after!.notaDinasDate !== e.before!.notaDinasDate;
    const memo = newMemo && e.after!.notaDinasDate ? new Date(openingOf(oc, e.after!.notaDinasDate)).toISOString() : null;
    const mergedAt = pr?.mergedAt ?? e.committedAt;
    const date = jakartaDate(mergedAt);
    const c: Case = {
      id: e.id,
      service,
      opd: e.after!.opd,
      commit: e.commit,
      pullRequest: pr?.number ?? null,
      mergedAt,
      date,
      month: date.slice(0, 7),
      milestones: { notaDinas: memo, opened: pr?.createdAt ?? null, approved: approvalOf(rec, e.approvers), applied: null, verified: null },
      workingMinutes: null,
      calendarMinutes: null,
      steps: { filing: null, approval: null, apply: null, verify: null },
      target: TARGETS[service].minutes,
      withinTarget: null,
    };
    const activeNow = service !== "vm-pdn" || e.after!.pdnState === "active";
    if (done && activeNow) {
      c.milestones.applied = done.apply.finishedAt;
      c.milestones.verified = verifiedAt;
    }
    finish(c, oc);
    if (service === "vm-pdn" && c.workingMinutes === null) openPdn.set(e.id, c);
    cases.push(c);
  }
  return cases;
}

/** Fills the steps and totals from the milestones. */
function finish(c: Case, oc: OfficeCalendar): void {
  const m = c.milestones;
  // a direct push (no pull request) was neither opened nor approved: its apply counts from main
  const fromMain = c.pullRequest === null && m.approved === null ? c.mergedAt : m.approved;
  const at: (string | null)[] = [m.notaDinas, m.opened, fromMain, m.applied, m.verified];
  STEPS.forEach((s, i) => {
    const a = ms(at[i]!);
    const b = ms(at[i + 1]!);
    c.steps[s] = a === null || b === null ? null : Math.max(0, workingMinutes(oc, a, b));
  });
  // without a new Nota Dinas and without a pull request (a direct push), the change starts on main
  const start = ms(m.notaDinas ?? m.opened ?? m.approved ?? c.mergedAt);
  const end = ms(m.verified ?? m.applied);
  if (start === null || end === null) return;
  c.workingMinutes = Math.max(0, workingMinutes(oc, start, end));
  c.calendarMinutes = Math.max(0, (end - start) / 60_000);
  c.withinTarget = c.workingMinutes <= c.target;
}
