/**
 * The vocabulary of the access test: what each check asks of the world (a CheckSpec, pure data) and
 * the shapes the network clients answer in. The clients (infra/clients) produce these shapes; the
 * core judges them without any I/O.
 */
import type { Check, Verification } from "../archive/record";
import type { Request } from "../model/kinds";

export type { Check, Verification };
export type Change = "create" | "update" | "decommission" | "remove";
export type RecordType = "A" | "AAAA" | "CNAME";
export type CheckResult = Check["result"];

/** One request to verify: its latest content (for a removed file, the content before removal). */
export interface VerifyItem {
  id: string;
  change: Change;
  request: Request;
}

export type WhmWant = { state: "active"; plan: string } | { state: "suspended" } | { state: "removed" };
export type PveWant = "running" | "stopped" | "gone";

export type CheckSpec =
  | { name: string; probe: "dns-equals"; fqdn: string; type: RecordType; expect: string[] }
  | { name: string; probe: "dns-resolves"; fqdn: string; type: "A" | "AAAA" }
  | { name: string; probe: "dns-absent"; fqdn: string; type: RecordType }
  | { name: string; probe: "https"; fqdn: string }
  | { name: string; probe: "https-origin"; fqdn: string; address: string }
  | { name: string; probe: "tls"; fqdn: string }
  | { name: string; probe: "whm-account"; user: string; want: WhmWant }
  | { name: string; probe: "cpanel-login"; id: string; user: string }
  | { name: string; probe: "pve-status"; node: string; vmid: number; want: PveWant }
  | { name: string; probe: "pve-config"; node: string; vmid: number; cpu: number; memoryGb: number; diskGb: number }
  | { name: string; probe: "pve-agent-ip"; node: string; vmid: number; ip: string }
  | { name: string; probe: "tcp"; host: string; port: number; ssh: boolean }
  | { name: string; probe: "splp-subscription"; channel: string; application: string; api: string; version: string; tier: string; provider: string }
  | { name: string; probe: "splp-call"; id: string; channel: string; api: string; version: string; path: string; auth: "oauth2" | "api-key" }
  | { name: string; probe: "skip"; reason: string };

export type Probe = CheckSpec["probe"];

/** What one resolver said. */
export type DnsAnswer =
  | { resolver: string; ok: true; rcode: string; records: string[]; cnames: string[] }
  | { resolver: string; ok: false; error: string };

export interface CertificateFacts {
  /** The chain verifies against the trusted CAs. */
  trusted: boolean;
  trustError: string | null;
  /** The certificate names the host (SAN/CN), as node:tls checks it. */
  nameMatches: boolean;
  validFrom: string;
  validTo: string;
  subject: string;
}

export interface HttpsAnswer {
  status: number;
  certificate: CertificateFacts | null;
}

export interface AccountFacts {
  user: string;
  domain: string;
  plan: string;
  suspended: boolean;
  diskUsedMb: number | null;
  diskLimitMb: number | null;
}

export type LoginAnswer = { ok: true; megabytesUsed: number | null; megabyteLimit: number | null } | { ok: false; reason: string };

export interface VmConfigFacts {
  cores: number;
  sockets: number;
  memoryMb: number;
  disksGb: Record<string, number>;
}

export interface TcpAnswer {
  connected: boolean;
  /** The first line the server sent, when a banner was awaited and arrived. */
  banner: string | null;
  error: string | null;
}

/** What the exchange's Developer Portal says about a request's API, application and subscription. */
export interface SplpFacts {
  /** null: no published API of that name and version. */
  api: { context: string } | null;
  application: boolean;
  subscription: { status: string; tier: string } | null;
}

/** One GET through the gateway: its HTTP status, or why it could not be made (no credentials, token refused). */
export type SplpCallAnswer = { ok: true; status: number } | { ok: false; reason: string };

/** A judged outcome before timing is added. */
export interface Judged {
  result: CheckResult;
  detail: string;
}
