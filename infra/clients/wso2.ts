/**
 * WSO2 API Manager 4.x Developer Portal REST API v3 client (`<base>/api/am/devportal/v3`), the SPLP
 * exchange's consumer side: applications, subscriptions (with the throttling tier; ON_HOLD while the
 * provider's subscription workflow waits, UNBLOCKED once approved), OAuth keys for the
 * client-credentials grant and API keys. What the consumer then does with its keys (the token
 * endpoint, a GET through the gateway) is in wso2-consumer.ts.
 *
 * Every call goes through httpRequest (a timeout on each, no shell). Error messages are Indonesian
 * and never hold a header value, a consumer secret, an access token or an API key.
 */
import { httpRequest, NetError, type HttpAnswer } from "./http";

export interface Wso2Options {
  /** https://host:9443 (the devportal and the token endpoint hang below it). */
  baseUrl: string;
  /** Tenant domain (e.g. contohkab.go.id) sent as X-WSO2-Tenant; absent for the super tenant. */
  tenant?: string;
  /** Bearer token for the devportal (scopes apim:subscribe apim:app_manage apim:sub_manage apim:api_key). */
  portalToken: string;
  timeoutMs: number;
  insecureTls?: boolean;
  ca?: string[];
}

export type Wso2Failure = "auth" | "exists" | "not-found" | "rejected" | "network" | "protocol";

export class Wso2Error extends Error {
  constructor(
    message: string,
    readonly failure: Wso2Failure,
    readonly status?: number,
  ) {
    super(message);
    this.name = "Wso2Error";
  }
}

export interface Wso2Api {
  id: string;
  name: string;
  version: string;
  context: string;
}

export interface Wso2Application {
  applicationId: string;
  name: string;
  throttlingPolicy: string;
  status: string;
}

/** ON_HOLD: waiting for the provider's approval; UNBLOCKED: usable; BLOCKED/REJECTED/…: not usable. */
export type SubscriptionStatus = "UNBLOCKED" | "ON_HOLD" | "BLOCKED" | "PROD_ONLY_BLOCKED" | "REJECTED" | "TIER_UPDATE_PENDING" | "DELETE_PENDING";

export interface Wso2Subscription {
  subscriptionId: string;
  applicationId: string;
  apiId: string;
  throttlingPolicy: string;
  status: SubscriptionStatus;
}

export interface Wso2Keys {
  keyMappingId: string;
  keyType: "PRODUCTION" | "SANDBOX";
  consumerKey: string;
  consumerSecret: string;
  supportedGrantTypes: string[];
}

export interface Wso2ApiKey {
  keyName: string;
  apikey: string;
  /** Seconds; -1 never expires. */
  validityTime: number;
}

export const DEVPORTAL_PATH = "/api/am/devportal/v3";

export const trimBase = (u: string) => u.replace(/\/+$/, "");


function parse(r: HttpAnswer, what: string): Record<string, unknown> {
  try {
    const v = JSON.parse(r.body);
    if (v && typeof v === "object") return v as Record<string, unknown>;
  } catch {
    /* reported below */
  }
  throw new Wso2Error(`jawaban WSO2 untuk ${what} bukan JSON yang dikenal (HTTP ${r.status})`, "protocol", r.status);
}

function str(o: Record<string, unknown>, key: string, what: string): string {
  const v = o[key];
  if (typeof v !== "string" || v === "") throw new Wso2Error(`jawaban WSO2 untuk ${what} tidak memuat ${key}`, "protocol");
  return v;
}

/** WSO2's error body `{code, message, description}` → its message, trimmed; never the request. */
function wso2Message(r: HttpAnswer): string {
  try {
    const j = JSON.parse(r.body) as { message?: unknown; description?: unknown };
    const m = [j.message, j.description].filter((x): x is string => typeof x === "string" && x.trim() !== "");
    return m.length ? `: ${m.join(" — ").slice(0, 300)}` : "";
  } catch {
    return "";
  }
}

export class Wso2Client {
  private readonly base: string;
  constructor(private readonly o: Wso2Options) {
    this.base = `${trimBase(o.baseUrl)}${DEVPORTAL_PATH}`;
  }

  private async call(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const what = `${method} ${path.split("?")[0]}`;
    let r: HttpAnswer;
    try {
      r = await httpRequest(`${this.base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.o.portalToken}`,
          Accept: "application/json",
          ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
          ...(this.o.tenant ? { "X-WSO2-Tenant": this.o.tenant } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        timeoutMs: this.o.timeoutMs,
        insecureTls: this.o.insecureTls,
        ca: this.o.ca,
      });
    } catch (e) {
      if (e instanceof NetError) throw new Wso2Error(`WSO2 Developer Portal: ${e.message}`, "network");
      throw e;
    }
    if (r.status === 401 || r.status === 403)
      throw new Wso2Error(`WSO2 Developer Portal menolak token portal (HTTP ${r.status}) untuk ${what}; periksa kredensial kanal di konfigurasi stack`, "auth", r.status);
    return r;
  }

  private fail(r: HttpAnswer, what: string): never {
    const failure: Wso2Failure = r.status === 409 ? "exists" : r.status === 404 ? "not-found" : "rejected";
    throw new Wso2Error(`WSO2 menjawab HTTP ${r.status} untuk ${what}${wso2Message(r)}`, failure, r.status);
  }

  /** The published API with exactly this name and version; null when there is none. */
  async findApi(name: string, version: string): Promise<Wso2Api | null> {
    const q = encodeURIComponent(`name:"${name}" version:"${version}"`);
    const r = await this.call("GET", `/apis?query=${q}&limit=100`);
    if (r.status !== 200) this.fail(r, "GET /apis");
    const list = (parse(r, "GET /apis").list ?? []) as Record<string, unknown>[];
    const hit = list.find((a) => a.name === name && a.version === version);
    return hit ? { id: str(hit, "id", "GET /apis"), name, version, context: String(hit.context ?? "") } : null;
  }

  private toApplication(o: Record<string, unknown>, what: string): Wso2Application {
    return { applicationId: str(o, "applicationId", what), name: str(o, "name", what), throttlingPolicy: String(o.throttlingPolicy ?? ""), status: String(o.status ?? "") };
  }

  async findApplication(name: string): Promise<Wso2Application | null> {
    const r = await this.call("GET", `/applications?query=${encodeURIComponent(name)}&limit=100`);
    if (r.status !== 200) this.fail(r, "GET /applications");
    const list = (parse(r, "GET /applications").list ?? []) as Record<string, unknown>[];
    const hit = list.find((a) => a.name === name);
    return hit ? this.toApplication(hit, "GET /applications") : null;
  }

  async getApplication(applicationId: string): Promise<Wso2Application | null> {
    const r = await this.call("GET", `/applications/${encodeURIComponent(applicationId)}`);
    if (r.status === 404) return null;
    if (r.status !== 200) this.fail(r, "GET /applications/{id}");
    return this.toApplication(parse(r, "GET /applications/{id}"), "GET /applications/{id}");
  }

  /** Creates the application; 409 (the name is taken) throws Wso2Error with failure "exists". */
  async createApplication(name: string, description: string, throttlingPolicy = "Unlimited"): Promise<Wso2Application> {
    const r = await this.call("POST", "/applications", { name, throttlingPolicy, description, tokenType: "JWT" });
    if (r.status !== 201 && r.status !== 200) this.fail(r, "POST /applications");
    return this.toApplication(parse(r, "POST /applications"), "POST /applications");
  }

  /** The application of this name, created when missing (a 409 race falls back to the lookup). */
  async ensureApplication(name: string, description: string): Promise<Wso2Application> {
    const found = await this.findApplication(name);
    if (found) return found;
    try {
      return await this.createApplication(name, description);
    } catch (e) {
      if (e instanceof Wso2Error && e.failure === "exists") {
        const again = await this.findApplication(name);
        if (again) return again;
      }
      throw e;
    }
  }

  /** Deletes the application (its subscriptions and keys go with it); a missing one is no error. */
  async deleteApplication(applicationId: string): Promise<void> {
    const r = await this.call("DELETE", `/applications/${encodeURIComponent(applicationId)}`);
    if (r.status !== 200 && r.status !== 204 && r.status !== 404) this.fail(r, "DELETE /applications/{id}");
  }

  private toSubscription(o: Record<string, unknown>, what: string): Wso2Subscription {
    return {
      subscriptionId: str(o, "subscriptionId", what),
      applicationId: str(o, "applicationId", what),
      apiId: str(o, "apiId", what),
      throttlingPolicy: str(o, "throttlingPolicy", what),
      status: str(o, "status", what) as SubscriptionStatus,
    };
  }

  /** Subscribes with the tier; the answer's status is ON_HOLD while the provider has not approved. */
  async subscribe(applicationId: string, apiId: string, throttlingPolicy: string): Promise<Wso2Subscription> {
    const r = await this.call("POST", "/subscriptions", { applicationId, apiId, throttlingPolicy });
    if (r.status !== 201 && r.status !== 200) this.fail(r, "POST /subscriptions");
    return this.toSubscription(parse(r, "POST /subscriptions"), "POST /subscriptions");
  }

  async getSubscription(subscriptionId: string): Promise<Wso2Subscription | null> {
    const r = await this.call("GET", `/subscriptions/${encodeURIComponent(subscriptionId)}`);
    if (r.status === 404) return null;
    if (r.status !== 200) this.fail(r, "GET /subscriptions/{id}");
    return this.toSubscription(parse(r, "GET /subscriptions/{id}"), "GET /subscriptions/{id}");
  }

  async listSubscriptions(applicationId: string): Promise<Wso2Subscription[]> {
    const r = await this.call("GET", `/subscriptions?applicationId=${encodeURIComponent(applicationId)}&limit=100`);
    if (r.status !== 200) this.fail(r, "GET /subscriptions");
    return ((parse(r, "GET /subscriptions").list ?? []) as Record<string, unknown>[]).map((s) => this.toSubscription(s, "GET /subscriptions"));
  }

  async unsubscribe(subscriptionId: string): Promise<void> {
    const r = await this.call("DELETE", `/subscriptions/${encodeURIComponent(subscriptionId)}`);
    if (r.status !== 200 && r.status !== 204 && r.status !== 404) this.fail(r, "DELETE /subscriptions/{id}");
  }

  /** Production keys for the client-credentials grant (generate-keys). */
  async generateKeys(applicationId: string, keyManager = "Resident Key Manager"): Promise<Wso2Keys> {
    const what = "POST /applications/{id}/generate-keys";
    const r = await this.call("POST", `/applications/${encodeURIComponent(applicationId)}/generate-keys`, {
      keyType: "PRODUCTION",
      keyManager,
      grantTypesToBeSupported: ["client_credentials"],
      callbackUrl: "",
      scopes: ["default"],
      validityTime: "3600",
      additionalProperties: {},
    });
    if (r.status !== 200 && r.status !== 201) this.fail(r, what);
    const j = parse(r, what);
    return {
      keyMappingId: str(j, "keyMappingId", what),
      keyType: "PRODUCTION",
      consumerKey: str(j, "consumerKey", what),
      consumerSecret: str(j, "consumerSecret", what),
      supportedGrantTypes: Array.isArray(j.supportedGrantTypes) ? (j.supportedGrantTypes as string[]) : [],
    };
  }

  /** The application's key mappings (consumer keys only: the secret is not kept by this listing). */
  async listKeys(applicationId: string): Promise<{ keyMappingId: string; keyType: string; consumerKey: string }[]> {
    const what = "GET /applications/{id}/oauth-keys";
    const r = await this.call("GET", `/applications/${encodeURIComponent(applicationId)}/oauth-keys`);
    if (r.status === 404) return [];
    if (r.status !== 200) this.fail(r, what);
    return ((parse(r, what).list ?? []) as Record<string, unknown>[]).map((k) => ({
      keyMappingId: str(k, "keyMappingId", what),
      keyType: str(k, "keyType", what),
      consumerKey: str(k, "consumerKey", what),
    }));
  }

  /** An API key valid for `validityPeriod` seconds (-1: no expiry). */
  async generateApiKey(applicationId: string, validityPeriod: number): Promise<Wso2ApiKey> {
    const what = "POST /applications/{id}/api-keys/PRODUCTION/generate";
    const r = await this.call("POST", `/applications/${encodeURIComponent(applicationId)}/api-keys/PRODUCTION/generate`, { validityPeriod, additionalProperties: {} });
    if (r.status !== 200 && r.status !== 201) this.fail(r, what);
    const j = parse(r, what);
    return { keyName: String(j.keyName ?? ""), apikey: str(j, "apikey", what), validityTime: Number(j.validityTime ?? validityPeriod) };
  }

  async revokeApiKey(applicationId: string, apikey: string): Promise<void> {
    const what = "POST /applications/{id}/api-keys/PRODUCTION/revoke";
    const r = await this.call("POST", `/applications/${encodeURIComponent(applicationId)}/api-keys/PRODUCTION/revoke`, { apikey });
    if (r.status !== 200 && r.status !== 204 && r.status !== 404) this.fail(r, what);
  }
}
