/**
 * What the dashboard shows, as one value: the site's pages and its `data.json` are both drawn from
 * it, so the numbers a reader sees are the numbers a machine reads. Pure data; labels in Bahasa
 * Indonesia, codes in English.
 */
import type { Kind } from "../model/kinds";

export const DASHBOARD_SCHEMA = "pusdat-dasbor/v1";

/** A request's state as the dashboard tells it. */
export type ServiceStatus = "active" | "decommissioned" | "pdn-waiting" | "pdn-rejected";

export type Health = "ok" | "warning" | "error";

export interface AccessTest {
  result: "passed" | "failed" | "skipped";
  /** ISO 8601 UTC. */
  at: string;
  /** Names of the checks that failed (dns, https, …). */
  failed: string[];
}

export interface MonitorState {
  status: Health;
  /** The monitoring round's words, with addresses removed unless the dashboard is internal. */
  summary: string;
}

export interface LeadTime {
  /** Working minutes from the Nota Dinas (or PR) to the verified apply; null while not finished. */
  workingMinutes: number | null;
  target: number;
  withinTarget: boolean | null;
  /** WIB date the change reached main. */
  date: string;
  pullRequest: number | null;
}

/** Placement and addresses: only in an internal dashboard. */
export interface InternalDetail {
  /** e.g. "node pve1, VMID 210, IP 10.20.30.15, hostname sibapo-app" or "A 203.0.113.10". */
  text: string;
}

export interface ServiceView {
  id: string;
  kind: Kind;
  kindLabel: string;
  status: ServiceStatus;
  statusLabel: string;
  /** Its short name: the address of a subdomain or hosting site, "VPS <id>", the API's name. */
  name: string;
  /** What it is, in public words: "sibapo.contohkab.go.id", "VM 2 inti, 4 GB memori, 40 GB disk", … */
  title: string;
  purpose: string;
  notaDinas: { number: string; date: string };
  lastTest: AccessTest | null;
  monitoring: MonitorState | null;
  leadTime: LeadTime | null;
  internal?: InternalDetail;
}

export interface OpdView {
  /** Anchor and file name: lower-case letters, digits and '-'. */
  slug: string;
  name: string;
  counts: { total: number; active: number; decommissioned: number; waiting: number; problems: number };
  services: ServiceView[];
}

export interface Meter {
  resource: string;
  label: string;
  unit: string;
  used: number;
  limit: number;
  /** used / limit, rounded to whole percent. */
  percent: number;
}

export interface CapacityRow {
  key: string;
  label: string;
  meters: Meter[];
}

export interface DocumentLink {
  type: string;
  label: string;
  path: string;
  /** On the forge, derived from the pull request's address; null when it cannot be derived. */
  url: string | null;
}

export interface ChangeView {
  /** Apply finished, ISO 8601 UTC. */
  at: string;
  commit: string;
  apply: "succeeded" | "failed";
  pullRequest: { number: number; url: string; title: string } | null;
  requests: { id: string; opd: string; kindLabel: string; change: string; changeLabel: string; verify: string; documents: DocumentLink[] }[];
}

export interface LeadTimeRow {
  service: string;
  label: string;
  target: number;
  count: number;
  completed: number;
  withinTarget: number;
  median: number | null;
  p90: number | null;
}

export interface DashboardData {
  schema: typeof DASHBOARD_SCHEMA;
  stack: string;
  generatedAt: string;
  internal: boolean;
  organisation: { government: string; agency: string; division: string };
  totals: { opds: number; services: number; active: number; decommissioned: number; waiting: number; problems: number };
  /** The newest monitoring round read, or null when there is none. */
  monitoring: { at: string; path: string; targets: number; errors: number; warnings: number } | null;
  opds: OpdView[];
  capacity: { nodes: CapacityRow[]; opds: CapacityRow[] };
  changes: ChangeView[];
  /** Per SOP service, over the whole history; null when the archive holds no record to measure. */
  leadTimes: LeadTimeRow[] | null;
  /** Things the reader should know (no archive, skipped files), in Bahasa Indonesia. */
  notes: string[];
}
