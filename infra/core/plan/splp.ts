/**
 * The planner's part for an ApiAccess request that names its API on the exchange (`spec.exchange`):
 * one SPLP resource (application, subscription with the tier, client-credentials keys, API key) built
 * by the dynamic provider while the request is active, gone once it is decommissioned (its deletion
 * revokes the API key and unsubscribes). What stays manual is the agreement (Berita Acara Perjanjian
 * Penggunaan API) after the try-out. Pure: the program copies these values into the resource.
 */
import type { SiteConfig } from "../config/site";
import { channelPlace, SPLP_TOKEN_CONFIG, SPLP_TOKEN_ENV, splpApplicationName } from "../config/splp";
import type { ApiAccess, Request } from "../model/kinds";
import { childName, ROLE } from "../naming";
import type { ManualStep } from "./desired";

/** The SPLP resource's inputs: no secret among them (the token is read by the provider at run time). */
export interface SplpExchangeInputs {
  channel: string;
  baseUrl: string;
  tenant?: string;
  /** The stack configuration key of the channel's devportal token (a Pulumi secret). */
  tokenConfig: string;
  /** The environment variable holding it when the configuration does not. */
  tokenEnv: string;
  application: string;
  description: string;
  api: string;
  version: string;
  tier: string;
  auth: "oauth2" | "api-key";
  /** Only for auth api-key. */
  apiKeyValidityDays?: number;
  timeoutMs: number;
  insecureTls?: boolean;
}

export interface ApiAccessPlan {
  id: string;
  status: Request["metadata"]["status"];
  channel: string;
  /** Who approves an ON_HOLD subscription. */
  providerOpd: string;
  auth: "oauth2" | "api-key";
  /** The exchange resource while active; null once decommissioned (unsubscribe, revoke the keys). */
  exchange: { name: string; inputs: SplpExchangeInputs } | null;
}


/** Only for a request with spec.exchange (kinds.ts decides). */
export function apiAccessPlan(r: ApiAccess, site: SiteConfig): ApiAccessPlan {
  const s = r.spec;
  const ex = s.exchange!;
  const channel = s.channel as keyof typeof SPLP_TOKEN_ENV;
  // Validation guarantees the channel is configured for an active request; "" only reaches the
  // policy pack when a program skipped the rules, and the pack refuses it.
  const c = site.splp?.channels[channel];
  const id = r.metadata.id;
  const inputs: SplpExchangeInputs = {
    channel,
    baseUrl: c?.baseUrl ?? "",
    ...(c?.tenant ? { tenant: c.tenant } : {}),
    tokenConfig: SPLP_TOKEN_CONFIG[channel],
    tokenEnv: SPLP_TOKEN_ENV[channel],
    application: splpApplicationName(id),
    description: `pusdat ${id}: ${s.consumer.application} (${r.metadata.opd})`,
    api: ex.api,
    version: ex.version,
    tier: ex.tier,
    auth: s.auth,
    ...(s.auth === "api-key" && ex.keyValidityDays !== undefined ? { apiKeyValidityDays: ex.keyValidityDays } : {}),
    timeoutMs: site.splp?.timeoutMs ?? 15_000,
    insecureTls: c?.insecureTls ?? false,
  };
  return {
    id,
    status: r.metadata.status,
    channel,
    providerOpd: s.provider.opd,
    auth: s.auth,
    exchange: r.metadata.status === "active" ? { name: childName(id, ROLE.exchange), inputs } : null,
  };
}

/** What remains manual once pusdat provisions the exchange side: the agreement after the try-out. */
export function splpAgreementStep(r: ApiAccess): ManualStep {
  const s = r.spec;
  const ex = s.exchange!;
  const key = s.auth === "api-key" && ex.keyValidityDays ? `, API key ${ex.keyValidityDays} hari` : "";
  return {
    id: r.metadata.id,
    kind: "splp",
    state: "awaiting-agreement",
    text:
      `Langganan ${ex.api} ${ex.version} tier ${ex.tier} untuk aplikasi ${splpApplicationName(r.metadata.id)} di ${channelPlace(s.channel)} dibuat oleh pusdat saat penerapan ` +
      `(kunci client-credentials${key}); kredensial diserahkan ke ${r.metadata.opd} lewat pulumi stack output apiCredentials --show-secrets. ` +
      `Bila langganan ON_HOLD (pulumi stack output apiAccess), menunggu persetujuan penyedia: ${s.provider.opd}. ` +
      `Setelah uji coba (pusdat verify), tanda tangani Berita Acara Perjanjian Penggunaan API.`,
  };
}

/**
 * What a subscription's status means for the people waiting on it: null when usable; ON_HOLD waits
 * for the provider OPD (tracked, not a failure); REMOVED (read back after a hand removal) is
 * subscribed again by the next deployment.
 */
export function subscriptionWait(status: string, providerOpd: string): string | null {
  if (status === "UNBLOCKED") return null;
  if (status === "ON_HOLD" || status === "TIER_UPDATE_PENDING") return `menunggu persetujuan penyedia (${providerOpd})`;
  if (status === "REMOVED") return "langganan hilang dari pertukaran (dihapus di luar pusdat); penerapan berikutnya berlangganan lagi";
  return `langganan berstatus ${status} di pertukaran; hubungi penyedia (${providerOpd})`;
}

/** `pulumi stack output apiAccess --json`: per request id, what the exchange said at the last apply or refresh. */
export type ExchangeStatus = Record<string, { subscriptionStatus?: string | null } | undefined>;

const STATUS_SHAPE = 'objek {"<id>": {"subscriptionStatus": "ON_HOLD", ...}} dari pulumi stack output apiAccess --json';

/** The file's statuses, or what is wrong with it (Bahasa Indonesia, naming `where`). */
export function parseExchangeStatus(text: string, where: string): ExchangeStatus | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return `${where} bukan JSON yang sah; yang diharapkan: ${STATUS_SHAPE}`;
  }
  const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === "object" && !Array.isArray(x);
  const entryOk = (e: unknown) => isObject(e) && (e.subscriptionStatus === undefined || e.subscriptionStatus === null || typeof e.subscriptionStatus === "string");
  return isObject(v) && Object.values(v).every(entryOk) ? (v as ExchangeStatus) : `${where} harus berupa ${STATUS_SHAPE}`;
}

/**
 * The manual steps as the stack last saw the exchange: an SPLP step whose subscription is not
 * UNBLOCKED becomes a tracked wait (ON_HOLD: on the provider OPD), never a failure.
 */
export function withExchangeStatus(manual: ManualStep[], plans: ApiAccessPlan[], status: ExchangeStatus): ManualStep[] {
  const byId = new Map(plans.map((p) => [p.id, p]));
  return manual.map((m) => {
    const p = byId.get(m.id);
    const s = status[m.id]?.subscriptionStatus;
    const wait = p && s ? subscriptionWait(s, p.providerOpd) : null;
    if (m.kind !== "splp" || !p?.exchange || !s || !wait) return m;
    const { api, version } = p.exchange.inputs;
    const state = s === "ON_HOLD" || s === "TIER_UPDATE_PENDING" ? "awaiting-provider" : "exchange-attention";
    return { ...m, state, text: `Langganan ${api} ${version} berstatus ${s}: ${wait}. ${m.text}` };
  });
}
