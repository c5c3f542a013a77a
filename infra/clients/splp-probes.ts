/**
 * The SPLP probes of `pusdat verify`: the Developer Portal of the request's channel (with the
 * channel's token from the environment) for the API, application and subscription; the channel's
 * token endpoint and gateway for the try-out with the request's own credentials. No secret enters a
 * message: failures name the step and the HTTP status only.
 */
import { SPLP_TOKEN_ENV, type SplpChannelName, type SplpConfig } from "../core/config/splp";
import type { Probes } from "../core/verify/run";
import type { SplpCallAnswer, SplpFacts } from "../core/verify/types";
import { Wso2Client, Wso2Error } from "./wso2";
import { clientCredentialsToken, gatewayGet } from "./wso2-consumer";

export interface ApiCredentials {
  consumerKey: string;
  consumerSecret: string;
  apikey?: string;
}

/** The credentials of a request's application by request id (stack output apiCredentials, or a file). */
export type ApiCredentialSource = (requestId: string) => Promise<ApiCredentials | undefined>;

export interface SplpSetup {
  splp: SplpConfig | undefined;
  env: NodeJS.ProcessEnv;
  credentials?: ApiCredentialSource;
  ca?: string[];
}

const trim = (u: string) => u.replace(/\/+$/, "");

export function makeSplpProbes(s: SplpSetup): Pick<Probes, "splpFacts" | "splpCall"> {
  const clients = new Map<string, Wso2Client>();
  const channelOf = (name: string) => {
    const c = s.splp?.channels[name as SplpChannelName];
    if (!c) throw new Error(`kanal ${name} belum dikonfigurasi di pusdat:splp.channels`);
    return c;
  };
  const timeoutMs = s.splp?.timeoutMs ?? 15_000;
  const client = (name: string) => {
    const c = channelOf(name);
    let w = clients.get(name);
    if (!w) {
      w = new Wso2Client({ baseUrl: c.baseUrl, tenant: c.tenant, portalToken: s.env[SPLP_TOKEN_ENV[name as SplpChannelName]] ?? "", timeoutMs, insecureTls: c.insecureTls, ca: s.ca });
      clients.set(name, w);
    }
    return w;
  };

  const splpFacts = async (channel: string, application: string, api: string, version: string): Promise<SplpFacts> => {
    const w = client(channel);
    const found = await w.findApi(api, version);
    const app = await w.findApplication(application);
    if (!found || !app) return { api: found ? { context: found.context } : null, application: !!app, subscription: null };
    const sub = (await w.listSubscriptions(app.applicationId)).find((x) => x.apiId === found.id);
    return { api: { context: found.context }, application: true, subscription: sub ? { status: sub.status, tier: sub.throttlingPolicy } : null };
  };

  const splpCall = async (channel: string, id: string, context: string, path: string, auth: "oauth2" | "api-key"): Promise<SplpCallAnswer> => {
    const c = channelOf(channel);
    const cred = s.credentials ? await s.credentials(id) : undefined;
    if (!cred) return { ok: false, reason: `kredensial aplikasi ${id} tidak tersedia (pulumi stack output apiCredentials atau --api-credentials-file)` };
    const url = `${trim(c.gatewayUrl)}${context}${path}`;
    const o = { timeoutMs, insecureTls: c.insecureTls, ca: s.ca };
    try {
      if (auth === "api-key") {
        if (!cred.apikey) return { ok: false, reason: `API key aplikasi ${id} tidak tersedia` };
        return { ok: true, status: await gatewayGet(url, { apikey: cred.apikey }, o) };
      }
      const { accessToken } = await clientCredentialsToken(c.baseUrl, cred.consumerKey, cred.consumerSecret, o);
      return { ok: true, status: await gatewayGet(url, { bearer: accessToken }, o) };
    } catch (e) {
      if (e instanceof Wso2Error) return { ok: false, reason: e.message };
      throw e;
    }
  };
  return { splpFacts, splpCall };
}
