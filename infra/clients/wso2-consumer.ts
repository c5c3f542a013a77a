/**
 * The SPLP consumer's own calls, with the credentials the exchange issued: an access token with the
 * client-credentials grant from `<base>/oauth2/token`, and a GET through the gateway with that
 * token or an API key. Every call has a timeout; error messages never hold a secret or a token.
 */
import { httpRequest, NetError, type HttpAnswer } from "./http";
import { trimBase, Wso2Error } from "./wso2";

/** `<base>/oauth2/token` for a channel's base URL. */
export const tokenEndpoint = (baseUrl: string) => `${trimBase(baseUrl)}/oauth2/token`;

export interface TokenOptions {
  timeoutMs: number;
  insecureTls?: boolean;
  ca?: string[];
}

/** An access token with the client-credentials grant from `<base>/oauth2/token`. */
export async function clientCredentialsToken(baseUrl: string, consumerKey: string, consumerSecret: string, o: TokenOptions): Promise<{ accessToken: string; expiresIn: number }> {
  const basic = Buffer.from(`${consumerKey}:${consumerSecret}`).toString("base64");
  let r: HttpAnswer;
  try {
    r = await httpRequest(tokenEndpoint(baseUrl), {
      method: "POST",
      headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: "grant_type=client_credentials",
      timeoutMs: o.timeoutMs,
      insecureTls: o.insecureTls,
      ca: o.ca,
    });
  } catch (e) {
    if (e instanceof NetError) throw new Wso2Error(`titik token WSO2: ${e.message}`, "network");
    throw e;
  }
  let j: Record<string, unknown> = {};
  try {
    j = JSON.parse(r.body) as Record<string, unknown>;
  } catch {
    /* reported below */
  }
  if (r.status === 400 || r.status === 401) {
    const code = typeof j.error === "string" && /^[a-z_]{1,40}$/.test(j.error) ? ` (${j.error})` : "";
    throw new Wso2Error(`titik token WSO2 menolak consumer key/secret aplikasi (HTTP ${r.status}${code})`, "auth", r.status);
  }
  if (r.status !== 200) throw new Wso2Error(`titik token WSO2 menjawab HTTP ${r.status}`, "rejected", r.status);
  if (typeof j.access_token !== "string" || j.access_token === "") throw new Wso2Error("jawaban titik token WSO2 tidak memuat access_token", "protocol");
  return { accessToken: j.access_token, expiresIn: Number(j.expires_in ?? 0) };
}

export type GatewayCredential = { bearer: string } | { apikey: string };

/**
 * One GET through the gateway with the consumer's credential: the status only (the body is the
 * provider's data and is not kept). Never another method: the try-out must not write.
 */
export async function gatewayGet(url: string, cred: GatewayCredential, o: TokenOptions): Promise<number> {
  const headers: Record<string, string> = { Accept: "application/json", ...("bearer" in cred ? { Authorization: `Bearer ${cred.bearer}` } : { apikey: cred.apikey }) };
  try {
    const r = await httpRequest(url, { method: "GET", headers, timeoutMs: o.timeoutMs, insecureTls: o.insecureTls, ca: o.ca });
    return r.status;
  } catch (e) {
    if (e instanceof NetError) throw new Wso2Error(`gateway WSO2: ${e.message}`, "network");
    throw e;
  }
}
