/**
 * The production probes of `pusdat verify`: the clients in this folder, pointed at the servers the
 * stack configuration names, with the credentials from the environment. Built once per run.
 */
import type { SiteConfig } from "../core/config/site";
import { DEFAULT_VERIFY, parseResolver, type VerifyConfig } from "../core/verify/config";
import type { Probes } from "../core/verify/run";
import { WhmClient } from "../whm/client";
import { cpanelLogin } from "./cpanel";
import { queryAll } from "./dns";
import { fetchVia } from "./http";
import { probeHttps } from "./https-probe";
import { ProxmoxClient } from "./proxmox";
import { type ApiCredentialSource, makeSplpProbes } from "./splp-probes";
import { tcpProbe } from "./tcp";

export interface ProbeSetup {
  site: SiteConfig;
  /** WHM_API_TOKEN, PROXMOX_VE_API_TOKEN, PROXMOX_VE_ENDPOINT. */
  env: NodeJS.ProcessEnv;
  password: (requestId: string) => Promise<string | undefined>;
  /** The ApiAccess applications' credentials (consumer key/secret, API key) by request id. */
  apiCredentials?: ApiCredentialSource;
  /** Extra trusted CAs for the HTTPS probe (tests); production trusts the system store. */
  ca?: string[];
}

export const verifyConfigOf = (site: SiteConfig): VerifyConfig => site.verify ?? DEFAULT_VERIFY;

/** `https://whm.host:2087`: the stack's verify.whmHost, else WHM_HOST (as the apply uses it), else hosting.server. */
export function serverBase(site: SiteConfig, env: NodeJS.ProcessEnv, port: number): string {
  const host = verifyConfigOf(site).whmHost ?? (env.WHM_HOST || site.hosting.server);
  return `https://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${port}`;
}

export const proxmoxEndpoint = (site: SiteConfig, env: NodeJS.ProcessEnv) => env.PROXMOX_VE_ENDPOINT || site.proxmox.endpoint;

export function makeProbes(s: ProbeSetup): Probes {
  const v = verifyConfigOf(s.site);
  const resolvers = v.resolvers.map((r) => parseResolver(r)!);
  const timeoutMs = v.timeoutMs;
  let whm: WhmClient | undefined;
  let pve: ProxmoxClient | undefined;
  // Created on first use: a run with no hosting request never needs WHM_API_TOKEN.
  const whmClient = () =>
    (whm ??= new WhmClient({
      host: serverBase(s.site, s.env, v.ports.whm),
      token: s.env.WHM_API_TOKEN ?? "",
      timeoutMs,
      retries: 0, // the verify schedule (--wait) retries whole requests
      fetchImpl: fetchVia({ timeoutMs, insecureTls: v.allowInsecureTls.whm, ca: s.ca }),
    }));
  const proxmox = () =>
    (pve ??= new ProxmoxClient({
      endpoint: proxmoxEndpoint(s.site, s.env),
      token: s.env.PROXMOX_VE_API_TOKEN ?? "",
      timeoutMs,
      insecureTls: v.allowInsecureTls.proxmox,
      ca: s.ca,
    }));
  return {
    dns: (fqdn, type) => queryAll(resolvers, fqdn, type, timeoutMs),
    https: (fqdn, address) => probeHttps({ address, name: fqdn, port: v.ports.https, timeoutMs, ca: s.ca }),
    whmAccount: (user) => whmClient().accountSummary(user),
    password: s.password,
    cpanelLogin: (user, password) =>
      cpanelLogin(user, password, { base: serverBase(s.site, s.env, v.ports.cpanel), timeoutMs, insecureTls: v.allowInsecureTls.whm, ca: s.ca }),
    pveStatus: (node, vmid) => proxmox().status(node, vmid),
    pveConfig: (node, vmid) => proxmox().config(node, vmid),
    pveAgentAddresses: (node, vmid) => proxmox().guestAddresses(node, vmid),
    tcp: (host, port, readBanner) => tcpProbe({ host, port, timeoutMs, readBanner }),
    ...makeSplpProbes({ splp: s.site.splp, env: s.env, credentials: s.apiCredentials, ca: s.ca }),
  };
}
