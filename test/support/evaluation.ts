/** Builders of change events and archive records for the evaluation tests (no I/O). */
import type { ArchiveRecord } from "../../infra/core/archive/record";
import type { ChangeEvent, RequestVersion } from "../../infra/core/evaluate/cases";

export const sha = (n: number) => n.toString(16).padStart(40, "0");

export const version = (v: Partial<RequestVersion> & Pick<RequestVersion, "kind">): RequestVersion => ({
  opd: "Dinas Perdagangan",
  notaDinasDate: "2026-09-07",
  status: "active",
  ...v,
});

export const event = (n: number, committedAt: string, id: string, before: RequestVersion | null, after: RequestVersion | null): ChangeEvent => ({
  commit: sha(n),
  committedAt,
  id,
  before,
  after,
  approvers: ["kabid-spbe", "sekdis-kominfo"],
});

export interface RecordSpec {
  commit: number;
  id: string;
  kind?: ArchiveRecord["requests"][number]["kind"];
  change?: ArchiveRecord["requests"][number]["change"];
  pr?: { number: number; author?: string; createdAt: string; mergedAt: string; approvals: [string, string][] } | null;
  applied: string;
  result?: "succeeded" | "failed";
  verify?: { at: string; result?: "passed" | "failed" | "skipped"; failed?: string[] };
}

export function record(s: RecordSpec): ArchiveRecord {
  const pr = s.pr === undefined ? null : s.pr;
  return {
    schema: "pusdat-arsip/v1",
    stack: "contoh",
    commit: sha(s.commit),
    pullRequest: pr && {
      number: pr.number,
      url: `https://forge.example/org/repo/pull/${pr.number}`,
      title: `PR ${pr.number}`,
      author: pr.author ?? "teknisi-rina",
      headSha: sha(1000 + s.commit),
      createdAt: pr.createdAt,
      mergedAt: pr.mergedAt,
      mergedBy: "kabid-spbe",
      approvals: pr.approvals.map(([login, submittedAt]) => ({ login, submittedAt, commit: sha(1000 + s.commit) })),
    },
    apply: { startedAt: s.applied, finishedAt: s.applied, result: s.result ?? "succeeded" },
    requests: [
      {
        id: s.id,
        kind: s.kind ?? "Subdomain",
        change: s.change ?? "create",
        verify: {
          result: s.verify?.result ?? "passed",
          at: s.verify?.at ?? s.applied,
          checks: (s.verify?.failed ?? ["dns"]).map((name) => ({ name, result: s.verify?.failed ? ("failed" as const) : ("passed" as const), detail: "-" })),
        },
        documents: [],
      },
    ],
  };
}

/** A quarter of history (2026-09, a Monday on the 7th): every case type of the evaluation. */
export const VM = (v: Partial<Parameters<typeof version>[0]> = {}) =>
  version({ kind: "VirtualMachine", location: "pusat-komputasi", size: { cpu: 2, memoryGb: 4, diskGb: 40 }, ...v });
export const PDN = (pdnState: string) => VM({ location: "pdn", pdnState, notaDinasDate: "2026-09-16" });

// 2026-09-07 is a Monday. Times in UTC; WIB = UTC+7.
export const EVENTS = [
  event(1, "2026-09-07T03:40:00Z", "sibapo", null, version({ kind: "Subdomain" })),
  event(2, "2026-09-11T01:00:00Z", "dinkes-web", null, version({ kind: "HostingAccount", opd: "Dinas Kesehatan", notaDinasDate: "2026-09-10" })),
  event(3, "2026-09-14T01:35:00Z", "sibapo-app", null, VM({ notaDinasDate: "2026-09-14" })),
  event(4, "2026-09-15T03:05:00Z", "sibapo-app", VM({ notaDinasDate: "2026-09-14" }), VM({ notaDinasDate: "2026-09-14", size: { cpu: 4, memoryGb: 4, diskGb: 40 } })),
  event(5, "2026-09-15T04:00:00Z", "sibapo-app", VM({ notaDinasDate: "2026-09-14" }), VM({ notaDinasDate: "2026-09-14" })),
  event(6, "2026-09-16T02:05:00Z", "sipd-pdn", null, PDN("submitted")),
  event(7, "2026-09-18T02:00:00Z", "sipd-pdn", PDN("submitted"), PDN("approved")),
  event(8, "2026-09-21T01:55:00Z", "sipd-pdn", PDN("approved"), PDN("active")),
  event(9, "2026-09-22T02:00:00Z", "jdih", null, version({ kind: "Subdomain", opd: "Bagian Hukum", notaDinasDate: "2026-09-21" })),
  event(10, "2026-09-23T02:00:00Z", "sibapo", version({ kind: "Subdomain" }), version({ kind: "Subdomain", status: "decommissioned" })),
];

export const RECORDS = [
  record({ commit: 1, id: "sibapo", pr: { number: 1, createdAt: "2026-09-07T01:30:00Z", mergedAt: "2026-09-07T03:40:00Z", approvals: [["kabid-spbe", "2026-09-07T03:30:00Z"]] }, applied: "2026-09-07T03:45:00Z", verify: { at: "2026-09-07T03:50:00Z" } }),
  // only a self-approval and an unauthorised one: the merge is the approval
  record({ commit: 2, id: "dinkes-web", kind: "HostingAccount", pr: { number: 2, createdAt: "2026-09-10T02:00:00Z", mergedAt: "2026-09-11T01:00:00Z", approvals: [["orang-lain", "2026-09-10T03:00:00Z"], ["teknisi-rina", "2026-09-10T02:30:00Z"]] }, applied: "2026-09-11T01:10:00Z", verify: { at: "2026-09-11T01:12:00Z" } }),
  // a failed apply, then a successful one: the successful one ends the case
  record({ commit: 3, id: "sibapo-app", kind: "VirtualMachine", pr: { number: 3, createdAt: "2026-09-14T00:30:00Z", mergedAt: "2026-09-14T01:35:00Z", approvals: [["sekdis-kominfo", "2026-09-14T01:30:00Z"]] }, applied: "2026-09-14T01:40:00Z", result: "failed" }),
  record({ commit: 3, id: "sibapo-app", kind: "VirtualMachine", pr: { number: 3, createdAt: "2026-09-14T00:30:00Z", mergedAt: "2026-09-14T01:35:00Z", approvals: [["sekdis-kominfo", "2026-09-14T01:30:00Z"]] }, applied: "2026-09-14T02:30:00Z", verify: { at: "2026-09-14T02:40:00Z" } }),
  record({ commit: 4, id: "sibapo-app", kind: "VirtualMachine", change: "update", pr: { number: 4, createdAt: "2026-09-15T02:00:00Z", mergedAt: "2026-09-15T03:05:00Z", approvals: [["kabid-spbe", "2026-09-15T03:00:00Z"]] }, applied: "2026-09-15T03:10:00Z", verify: { at: "2026-09-15T03:15:00Z" } }),
  record({ commit: 6, id: "sipd-pdn", kind: "VirtualMachine", pr: { number: 6, createdAt: "2026-09-16T01:00:00Z", mergedAt: "2026-09-16T02:05:00Z", approvals: [["kabid-spbe", "2026-09-16T02:00:00Z"]] }, applied: "2026-09-16T02:10:00Z", verify: { at: "2026-09-16T02:10:00Z", result: "skipped" } }),
  record({ commit: 8, id: "sipd-pdn", kind: "VirtualMachine", change: "update", pr: { number: 8, createdAt: "2026-09-21T01:00:00Z", mergedAt: "2026-09-21T01:55:00Z", approvals: [["kabid-spbe", "2026-09-21T01:50:00Z"]] }, applied: "2026-09-21T02:00:00Z", verify: { at: "2026-09-21T02:00:00Z", result: "skipped" } }),
  // jdih (commit 9) has no record: merged but never applied
];

