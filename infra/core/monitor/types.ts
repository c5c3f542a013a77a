/**
 * The vocabulary of a monitoring round: what is watched (Target), what the servers said (Facts, the
 * shapes the network shell produces) and what is reported (Finding, HealAction). Pure data.
 */
import type { Check } from "../archive/record";
import type { DnsAnswer, TcpAnswer, VerifyItem } from "../verify/types";

export type TargetKind = "hosting" | "vm" | "subdomain" | "pdn";

export type Target =
  | { kind: "hosting"; id: string; user: string; decommissioned: boolean }
  | { kind: "vm"; id: string; node: string; vmid: number; decommissioned: boolean }
  /** Subdomains and active PDN VMs are checked with the access test's own checks (pusdat verify). */
  | { kind: "subdomain" | "pdn"; id: string; decommissioned: false; item: VerifyItem }
  /** A decommissioned subdomain: its record must be gone; `value` is what the request pointed at. */
  | { kind: "subdomain"; id: string; decommissioned: true; fqdn: string; type: "A" | "AAAA" | "CNAME"; value: string; proxied: boolean }
  /** A decommissioned PDN VM (e-Tiket): its ports at the address it had must no longer answer. */
  | { kind: "pdn"; id: string; decommissioned: true; address: string; ports: number[]; ticket: string };

export type GoneSubdomain = Extract<Target, { kind: "subdomain"; decommissioned: true }>;
export type GonePdn = Extract<Target, { kind: "pdn"; decommissioned: true }>;
export type Probed = Extract<Target, { decommissioned: false; item: VerifyItem }>;

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

/** What a decommissioned subdomain's name answers (every resolver), or a decommissioned PDN VM's ports. */
export type GoneFacts =
  | { ok: true; dns: DnsAnswer[] }
  | { ok: true; ports: { port: number; answer: TcpAnswer }[] }
  | { ok: false; error: string };

/** The newest PDN backup evidence recorded on the arsip branch (cadangan-pdn/<id>/…), by request id. */
export interface PdnBackupEvidence {
  backupDate: string;
  evidence: string;
  path: string;
}

export type PdnBackupFacts = { ok: true; newest: Record<string, PdnBackupEvidence>; unreadable: string[] } | { ok: false; error: string };

export interface Facts {
  hosting: HostingFacts | null;
  proxmox: ProxmoxFacts | null;
  probes: Record<string, ProbeFacts>;
  /** Decommissioned subdomains and PDN VMs, by request id (absent: none in the round). */
  gone?: Record<string, GoneFacts>;
  /** Absent when the round has no active PDN VM. */
  pdnBackups?: PdnBackupFacts;
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
