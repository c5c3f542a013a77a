/**
 * Runs the checks of each request against injected probes (the network clients in production, stubs
 * in tests) and assembles the record's `verify` object. No I/O of its own: time comes from `clock`.
 */
import type { SiteConfig } from "../config/site";
import { callPrecondition, judgeCall, judgeSubscription } from "./api";
import { checksFor, VM_DISK } from "./checks";
import {
  firstAddress,
  judgeAgentIp,
  judgeDnsAbsent,
  judgeDnsEquals,
  judgeDnsResolves,
  judgeHttps,
  judgeLogin,
  judgePveConfig,
  judgePveStatus,
  judgeTcp,
  judgeTls,
  judgeWhmAccount,
  skip,
} from "./judge";
import { nextDelay } from "./retry";
import type {
  AccountFacts,
  Check,
  CheckResult,
  CheckSpec,
  DnsAnswer,
  HttpsAnswer,
  Judged,
  LoginAnswer,
  RecordType,
  SplpCallAnswer,
  SplpFacts,
  TcpAnswer,
  Verification,
  VerifyItem,
  VmConfigFacts,
} from "./types";

export interface Probes {
  dns(fqdn: string, type: RecordType): Promise<DnsAnswer[]>;
  https(fqdn: string, address: string): Promise<HttpsAnswer>;
  whmAccount(user: string): Promise<AccountFacts | null>;
  /** The account's password by request id (pulumi stack output hostingPasswords, or a file in tests). */
  password(id: string): Promise<string | undefined>;
  cpanelLogin(user: string, password: string): Promise<LoginAnswer>;
  pveStatus(node: string, vmid: number): Promise<string | null>;
  pveConfig(node: string, vmid: number): Promise<VmConfigFacts | null>;
  pveAgentAddresses(node: string, vmid: number): Promise<string[] | null>;
  tcp(host: string, port: number, readBanner: boolean): Promise<TcpAnswer>;
  /** The exchange's API, the request's application and its subscription (Developer Portal of `channel`). */
  splpFacts(channel: string, application: string, api: string, version: string): Promise<SplpFacts>;
  /** A GET of `<gateway><context><path>` with the request's credentials (token or API key). */
  splpCall(channel: string, id: string, context: string, path: string, auth: "oauth2" | "api-key"): Promise<SplpCallAnswer>;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export function overall(checks: Pick<Check, "result">[]): CheckResult {
  if (checks.some((c) => c.result === "failed")) return "failed";
  return checks.some((c) => c.result === "passed") ? "passed" : "skipped";
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One pass over a request's checks; DNS and HTTPS answers are shared between the checks that need them. */
async function attempt(specs: CheckSpec[], p: Probes, clock: Clock): Promise<Check[]> {
  const dnsMemo = new Map<string, Promise<DnsAnswer[]>>();
  const httpsMemo = new Map<string, Promise<{ answer: HttpsAnswer; address: string } | Judged>>();
  const dns = (fqdn: string, type: RecordType) => {
    const k = `${type} ${fqdn}`;
    if (!dnsMemo.has(k)) dnsMemo.set(k, p.dns(fqdn, type));
    return dnsMemo.get(k)!;
  };
  const web = (fqdn: string) => {
    if (!httpsMemo.has(fqdn)) {
      httpsMemo.set(
        fqdn,
        (async () => {
          const resolves = specs.find((x): x is Extract<CheckSpec, { probe: "dns-resolves" }> => x.probe === "dns-resolves" && x.fqdn === fqdn);
          const address = firstAddress(await dns(fqdn, resolves?.type ?? "A"));
          if (!address) return skip(`tidak diperiksa: ${fqdn} tidak terjawab DNS`);
          return { answer: await p.https(fqdn, address), address };
        })(),
      );
    }
    return httpsMemo.get(fqdn)!;
  };

  const splpMemo = new Map<string, Promise<SplpFacts>>();
  const splp = (channel: string, api: string, version: string) => {
    const sub = specs.find((x): x is Extract<CheckSpec, { probe: "splp-subscription" }> => x.probe === "splp-subscription");
    const k = `${channel} ${api} ${version}`;
    if (!splpMemo.has(k)) splpMemo.set(k, p.splpFacts(channel, sub?.application ?? "", api, version));
    return splpMemo.get(k)!;
  };

  const judge = async (s: CheckSpec): Promise<Judged> => {
    switch (s.probe) {
      case "skip":
        return skip(s.reason);
      case "dns-equals":
        return judgeDnsEquals(s, await dns(s.fqdn, s.type));
      case "dns-resolves":
        return judgeDnsResolves(s, await dns(s.fqdn, s.type));
      case "dns-absent":
        return judgeDnsAbsent(s, await dns(s.fqdn, s.type));
      case "https": {
        const w = await web(s.fqdn);
        return "answer" in w ? judgeHttps(s, w.answer, w.address) : w;
      }
      case "https-origin":
        return judgeHttps(s, await p.https(s.fqdn, s.address), s.address);
      case "tls": {
        const w = await web(s.fqdn);
        return "answer" in w ? judgeTls(s, w.answer, clock.now()) : w;
      }
      case "whm-account":
        return judgeWhmAccount(s.user, s.want, await p.whmAccount(s.user));
      case "cpanel-login": {
        const password = await p.password(s.id);
        return judgeLogin(s.user, password ? await p.cpanelLogin(s.user, password) : "no-password");
      }
      case "pve-status":
        return judgePveStatus(s, await p.pveStatus(s.node, s.vmid));
      case "pve-config":
        return judgePveConfig(s, await p.pveConfig(s.node, s.vmid), VM_DISK);
      case "pve-agent-ip":
        return judgeAgentIp(s, await p.pveAgentAddresses(s.node, s.vmid));
      case "tcp":
        return judgeTcp(s, await p.tcp(s.host, s.port, s.ssh));
      case "splp-subscription":
        return judgeSubscription(s, await splp(s.channel, s.api, s.version));
      case "splp-call": {
        const f = await splp(s.channel, s.api, s.version);
        return callPrecondition(f) ?? judgeCall(s, await p.splpCall(s.channel, s.id, f.api!.context, s.path, s.auth));
      }
    }
  };

  const out: Check[] = [];
  for (const s of specs) {
    const t0 = clock.now();
    let j: Judged;
    try {
      j = await judge(s);
    } catch (e) {
      j = { result: "failed", detail: message(e) };
    }
    out.push({ name: s.name, result: j.result, detail: j.detail, durationMs: Math.max(0, Math.round(clock.now() - t0)) });
  }
  return out;
}

/**
 * A request's verification: its checks, repeated on failure until `deadlineMs` (the end of --wait).
 * The checks of the last attempt are what is recorded; a repeated one says which attempt it was.
 */
export async function verifyItem(item: VerifyItem, site: SiteConfig, p: Probes, clock: Clock, deadlineMs: number): Promise<Verification> {
  const specs = checksFor(item, site);
  let n = 1;
  let checks = await attempt(specs, p, clock);
  for (;;) {
    if (overall(checks) !== "failed") break;
    const delay = nextDelay(n, clock.now(), deadlineMs);
    if (delay === null) break;
    await clock.sleep(delay);
    n++;
    checks = await attempt(specs, p, clock);
  }
  if (n > 1) checks = checks.map((c) => ({ ...c, detail: `${c.detail} (percobaan ke-${n})` }));
  return { result: overall(checks), at: new Date(clock.now()).toISOString(), checks };
}
