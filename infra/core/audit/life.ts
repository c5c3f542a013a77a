/** One request's whole life, the auditor's everyday question: every change to it and what its record says. */
import type { RecordRequest } from "../archive/record";
import type { AuditedChange, AuditReport, ValidRecord } from "./types";

export interface LifeEntry {
  change: AuditedChange;
  /** The record judged (the latest apply of the change); null when there is none. */
  record: ValidRecord | null;
  /** What that record says about this request; null when it does not name it. */
  entry: RecordRequest | null;
}

/** `report` must come from `audit(…, { request: id })`: its changes are those that touched `id`. */
export function requestLife(report: AuditReport, id: string): LifeEntry[] {
  return report.changes.map((change) => {
    const record = change.records[change.records.length - 1] ?? null;
    const entry = record?.record.requests.find((r) => r.id === id) ?? null;
    return { change, record, entry };
  });
}
