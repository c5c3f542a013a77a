/**
 * The lifecycle of one ApiAccess on the WSO2 exchange, as a Pulumi dynamic provider would run it:
 * create (application, subscription with the tier, client-credentials keys, API key), read (what the
 * exchange holds now: a subscription removed by hand or still ON_HOLD shows up), update (tier or key
 * validity), delete (revoke the API key, unsubscribe, delete the application). Pulumi-free so it is
 * tested against the fake exchange; the devportal token comes from the stack configuration secret
 * or the environment variable the inputs name, never from the inputs or the state. The Pulumi
 * dynamic provider over these functions is splp-provider.ts.
 */
import { Wso2Client, Wso2Error } from "../clients/wso2";
import type { SplpExchangeInputs } from "../core/plan/splp";

/** The resource's inputs, as the planner builds them (infra/core/plan/splp.ts). */
export type SplpAccessInputs = SplpExchangeInputs;

export interface SplpAccessState extends SplpAccessInputs {
  applicationId: string;
  apiId: string;
  /** "" when the subscription is gone (removed by hand). */
  subscriptionId: string;
  /** UNBLOCKED, ON_HOLD (waiting for the provider), …, or REMOVED. */
  subscriptionStatus: string;
  consumerKey: string;
  /** Secret outputs: consumerSecret and apikey. */
  consumerSecret: string;
  apikey: string;
}

/** The outputs Pulumi must keep encrypted (additionalSecretOutputs): the application's credentials. */
export { SPLP_SECRET_OUTPUTS } from "../core/naming";

export class SplpAccessError extends Error {}

/** A stack configuration lookup (the dynamic provider's `configure` request). */
export type ConfigLookup = (key: string) => string | undefined;

/** The devportal client with the channel's token: the stack's secret first, else the environment. */
export function clientFor(i: SplpAccessInputs, env: NodeJS.ProcessEnv = process.env, config: ConfigLookup = () => undefined): Wso2Client {
  const token = config(i.tokenConfig) || env[i.tokenEnv];
  if (!token)
    throw new SplpAccessError(`token Developer Portal kanal ${i.channel} tidak ada: isi rahasia stack ${i.tokenConfig} (pulumi config set --secret ${i.tokenConfig}) atau variabel lingkungan ${i.tokenEnv}`);
  return new Wso2Client({ baseUrl: i.baseUrl, tenant: i.tenant, portalToken: token, timeoutMs: i.timeoutMs, insecureTls: i.insecureTls });
}

async function apiIdOf(c: Wso2Client, i: SplpAccessInputs): Promise<string> {
  const api = await c.findApi(i.api, i.version);
  if (!api) throw new SplpAccessError(`API ${i.api} ${i.version} tidak ada di Developer Portal kanal ${i.channel}; periksa spec.exchange.api dan version`);
  return api.id;
}

async function subscribeOnce(c: Wso2Client, applicationId: string, apiId: string, tier: string) {
  const existing = (await c.listSubscriptions(applicationId)).find((s) => s.apiId === apiId);
  return existing ?? (await c.subscribe(applicationId, apiId, tier));
}

export async function createAccess(c: Wso2Client, i: SplpAccessInputs): Promise<SplpAccessState> {
  const apiId = await apiIdOf(c, i);
  if (await c.findApplication(i.application))
    throw new SplpAccessError(`aplikasi ${i.application} sudah ada di kanal ${i.channel} tanpa tercatat di state; impor atau hapus dulu (consumer secret lamanya tidak dapat dibaca ulang)`);
  const app = await c.createApplication(i.application, i.description);
  const sub = await subscribeOnce(c, app.applicationId, apiId, i.tier);
  const keys = await c.generateKeys(app.applicationId);
  const apikey = i.apiKeyValidityDays ? (await c.generateApiKey(app.applicationId, i.apiKeyValidityDays * 86_400)).apikey : "";
  return {
    ...i,
    applicationId: app.applicationId,
    apiId,
    subscriptionId: sub.subscriptionId,
    subscriptionStatus: sub.status,
    consumerKey: keys.consumerKey,
    consumerSecret: keys.consumerSecret,
    apikey,
  };
}

/** What the exchange holds now; null when the application itself is gone. */
export async function readAccess(c: Wso2Client, s: SplpAccessState): Promise<SplpAccessState | null> {
  const app = await c.getApplication(s.applicationId);
  if (!app) return null;
  const sub = (await c.listSubscriptions(s.applicationId)).find((x) => x.apiId === s.apiId);
  return sub
    ? { ...s, subscriptionId: sub.subscriptionId, subscriptionStatus: sub.status, tier: sub.throttlingPolicy }
    : { ...s, subscriptionId: "", subscriptionStatus: "REMOVED" };
}

/** Replacing fields: another channel, application, API or version is a new access. */
export function replaces(olds: SplpAccessInputs, news: SplpAccessInputs): string[] {
  return (["channel", "baseUrl", "tenant", "application", "api", "version"] as const).filter((k) => olds[k] !== news[k]);
}

export async function updateAccess(c: Wso2Client, s: SplpAccessState, i: SplpAccessInputs): Promise<SplpAccessState> {
  let next: SplpAccessState = { ...s, ...i };
  if (!s.subscriptionId || s.tier !== i.tier) {
    if (s.subscriptionId) await c.unsubscribe(s.subscriptionId);
    const sub = await c.subscribe(s.applicationId, s.apiId, i.tier);
    next = { ...next, subscriptionId: sub.subscriptionId, subscriptionStatus: sub.status };
  }
  if (s.apiKeyValidityDays !== i.apiKeyValidityDays) {
    if (s.apikey) await c.revokeApiKey(s.applicationId, s.apikey);
    next.apikey = i.apiKeyValidityDays ? (await c.generateApiKey(s.applicationId, i.apiKeyValidityDays * 86_400)).apikey : "";
  }
  return next;
}

export async function deleteAccess(c: Wso2Client, s: SplpAccessState): Promise<void> {
  try {
    if (s.apikey) await c.revokeApiKey(s.applicationId, s.apikey);
  } catch (e) {
    if (!(e instanceof Wso2Error && e.failure === "not-found")) throw e;
  }
  if (s.subscriptionId) await c.unsubscribe(s.subscriptionId);
  await c.deleteApplication(s.applicationId);
}
