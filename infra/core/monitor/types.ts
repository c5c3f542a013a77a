/**
 * The vocabulary of a monitoring round: what is watched (Target), what the servers said (Facts, the
 * shapes the network shell produces) and what is reported (Finding, HealAction). Pure data.
 */
import type { Check } from "../archive/record";
import type { VerifyItem } from "../verify/types";

export type TargetKind = "hosting" | "vm" | "subdomain" | "pdn";

export type Target =
  | { kind: "hosting"; id: string; user: string; decommissioned: boolean }
  | { kind: "vm"; id: string; node: string; vmid: number; decommissioned: boolean }
  /** Subdomains and active PDN VMs are checked with the access test's own checks (pusdat verify). */
  | { kind: "subdomain" | "pdn"; id: string; item: VerifyItem };

export interface AccountFact {
  user: string;
  suspended: boolean;
  diskUsedMb: number | null;
  diskLimitMb: number | null;
}

/** One `listaccts` (and the backup listing) for every account. */
export type HostingFacts =
  | { ok: true; accounts: Record<string, AccountFact>; backups: { ok: true; newest: Record<string, string> } | { ok: false; error: string } }
  | { ok: false; error: string };

export interface VmFact {
  vmid: number;
  node: string;
  status: string;
  /** 0–1, as /cluster/resources gives it. */
  cpu: number;
  memBytes: number;
  maxMemBytes: number;
}

/** One `/cluster/resources?type=vm`, and the backup storage's listing per node. */
export type ProxmoxFacts =
  | { ok: true; vms: Record<string, VmFact>; backups: Record<string, number>; backupErrors: Record<string, string> }
  | { ok: false; error: string };

/** A subdomain's or PDN VM's checks, as the access test ran them; `certValidTo` when a certificate was seen. */
export type ProbeFacts = { ok: true; checks: Check[]; certValidTo: string | null } | { ok: false; error: string };

export interface Facts {
  hosting: HostingFacts | null;
  proxmox: ProxmoxFacts | null;
  probes: Record<string, ProbeFacts>;
}

export interface Finding {
  id: string;
  kind: TargetKind;
  code: string;
  severity: "error" | "warning";
  message: string;
}

export type HealAction =
  | { action: "start-vm"; id: string; node: string; vmid: number }
  | { action: "unsuspend-account"; id: string; user: string };

export type HealResult = HealAction & { result: "succeeded" | "failed"; detail: string };

export interface TargetStatus {
  id: string;
  kind: TargetKind;
  status: "ok" | "warning" | "error";
  summary: string;
}

export interface MonitorReport {
  schema: "pusdat-pemantauan/v1";
  stack: string;
  at: string;
  targets: TargetStatus[];
  findings: Finding[];
  heal: HealResult[];
  summary: { targets: number; errors: number; warnings: number; healed: number };
}
