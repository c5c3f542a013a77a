/**
 * A WSO2 API Manager stand-in on 127.0.0.1 (plain HTTP) answering the Developer Portal REST API v3
 * (`/api/am/devportal/v3`) in its documented shapes: apis, applications (409 for a taken name),
 * subscriptions (ON_HOLD while `workflow` is on, until `approve`), generate-keys, oauth-keys,
 * api-keys generate/revoke; the token endpoint `/oauth2/token` (client credentials); and a gateway:
 * any path under a published API's context, answering 200 only with a bearer token or an `apikey`
 * header of an application holding an UNBLOCKED subscription to that API, 401 otherwise. `hang`
 * makes every route (and `/hang` always) accept the request and never answer.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { SplpAccessInputs } from "../../infra/program/splp-access";

export interface FakeApi {
  id: string;
  name: string;
  version: string;
  context: string;
}
interface App {
  applicationId: string;
  name: string;
  throttlingPolicy: string;
  description: string;
}
interface Sub {
  subscriptionId: string;
  applicationId: string;
  apiId: string;
  throttlingPolicy: string;
  status: string;
}
interface Keys {
  keyMappingId: string;
  applicationId: string;
  consumerKey: string;
  consumerSecret: string;
}

export class FakeWso2 {
  readonly apis: FakeApi[] = [];
  readonly applications = new Map<string, App>();
  readonly subscriptions = new Map<string, Sub>();
  readonly keys = new Map<string, Keys>();
  /** API key → application id and expiry (ms since epoch, Infinity for -1). */
  readonly apiKeys = new Map<string, { applicationId: string; expires: number; validityPeriod: number }>();
  /** Access token → application id. */
  readonly tokens = new Map<string, string>();
  /** Every request: method, path (without query), tenant header. Headers with secrets are not kept. */
  readonly calls: { method: string; path: string; tenant?: string }[] = [];
  /** Subscriptions wait ON_HOLD for the provider (a subscription workflow) when true. */
  workflow = false;
  tiers = ["Bronze", "Silver", "Gold", "Unlimited"];
  hang = false;
  port = 0;
  private seq = 0;
  private server?: http.Server;

  constructor(readonly portalToken = "portal-token-uji-0001") {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  addApi(name: string, version: string, context: string): FakeApi {
    const api = { id: `api-${++this.seq}`, name, version, context };
    this.apis.push(api);
    return api;
  }

  /** The provider approves: ON_HOLD → UNBLOCKED. */
  approve(subscriptionId: string): void {
    const s = this.subscriptions.get(subscriptionId);
    if (!s) throw new Error(`no subscription ${subscriptionId}`);
    s.status = "UNBLOCKED";
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => this.answer(req, Buffer.concat(chunks).toString("utf8"), res));
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  private id(prefix: string): string {
    return `${prefix}-${String(++this.seq).padStart(4, "0")}`;
  }

  private answer(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://x");
    const method = req.method ?? "GET";
    const tenant = req.headers["x-wso2-tenant"];
    this.calls.push({ method, path: url.pathname, ...(typeof tenant === "string" ? { tenant } : {}) });
    if (this.hang || url.pathname === "/hang") return;
    const json = (status: number, v?: unknown): void => void res.writeHead(status, { "Content-Type": "application/json" }).end(v === undefined ? "" : JSON.stringify(v));
    const error = (status: number, message: string, description = ""): void => json(status, { code: status, message, description, moreInfo: "", error: [] });
    if (url.pathname === "/oauth2/token") return this.token(req, body, json);
    const P = "/api/am/devportal/v3";
    if (!url.pathname.startsWith(`${P}/`)) return this.gateway(req, url.pathname, json);
    if (req.headers.authorization !== `Bearer ${this.portalToken}`) return error(401, "Unauthenticated request");
    const path = url.pathname.slice(P.length);
    let input: Record<string, unknown> = {};
    try {
      input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      return error(400, "Bad Request", "Malformed JSON");
    }
    const list = <T>(items: T[]) => json(200, { count: items.length, list: items, pagination: { offset: 0, limit: 100, total: items.length } });
    let m: RegExpMatchArray | null;

    if (method === "GET" && path === "/apis") {
      const q = url.searchParams.get("query") ?? "";
      const name = q.match(/name:"([^"]*)"/)?.[1];
      const version = q.match(/version:"([^"]*)"/)?.[1];
      return list(this.apis.filter((a) => (!name || a.name === name) && (!version || a.version === version)).map((a) => ({ ...a, lifeCycleStatus: "PUBLISHED" })));
    }
    if (method === "GET" && path === "/applications") {
      const q = url.searchParams.get("query") ?? "";
      return list([...this.applications.values()].filter((a) => a.name.includes(q)).map((a) => this.appView(a)));
    }
    if (method === "POST" && path === "/applications") {
      const name = String(input.name ?? "");
      if (!name) return error(400, "Bad Request", "name is required");
      if ([...this.applications.values()].some((a) => a.name === name)) return error(409, "Conflict", `An application already exists with name ${name}`);
      const app = { applicationId: this.id("app"), name, throttlingPolicy: String(input.throttlingPolicy ?? "Unlimited"), description: String(input.description ?? "") };
      this.applications.set(app.applicationId, app);
      return json(201, this.appView(app));
    }
    if ((m = path.match(/^\/applications\/([^/]+)$/))) {
      const app = this.applications.get(decodeURIComponent(m[1]!));
      if (!app) return error(404, "Not Found", "Application not found");
      if (method === "GET") return json(200, this.appView(app));
      if (method === "DELETE") {
        this.applications.delete(app.applicationId);
        for (const [k, s] of this.subscriptions) if (s.applicationId === app.applicationId) this.subscriptions.delete(k);
        for (const [k, v] of this.keys) if (v.applicationId === app.applicationId) this.keys.delete(k);
        for (const [k, v] of this.apiKeys) if (v.applicationId === app.applicationId) this.apiKeys.delete(k);
        return json(200);
      }
    }
    if ((m = path.match(/^\/applications\/([^/]+)\/(generate-keys|oauth-keys|api-keys\/PRODUCTION\/generate|api-keys\/PRODUCTION\/revoke)$/))) {
      const app = this.applications.get(decodeURIComponent(m[1]!));
      if (!app) return error(404, "Not Found", "Application not found");
      const what = m[2];
      if (what === "generate-keys" && method === "POST") {
        if ([...this.keys.values()].some((k) => k.applicationId === app.applicationId)) return error(409, "Conflict", "Key Mappings already exists for application");
        const k = { keyMappingId: this.id("km"), applicationId: app.applicationId, consumerKey: this.id("ck"), consumerSecret: `cs-${app.applicationId}-rahasia` };
        this.keys.set(k.keyMappingId, k);
        return json(200, { keyMappingId: k.keyMappingId, keyManager: String(input.keyManager ?? "Resident Key Manager"), consumerKey: k.consumerKey, consumerSecret: k.consumerSecret, supportedGrantTypes: input.grantTypesToBeSupported ?? [], callbackUrl: "", keyState: "COMPLETED", keyType: "PRODUCTION", mode: "CREATED", groupId: null, token: null, additionalProperties: {} });
      }
      if (what === "oauth-keys" && method === "GET") {
        return list([...this.keys.values()].filter((k) => k.applicationId === app.applicationId).map((k) => ({ keyMappingId: k.keyMappingId, keyManager: "Resident Key Manager", consumerKey: k.consumerKey, keyType: "PRODUCTION", keyState: "COMPLETED", supportedGrantTypes: ["client_credentials"] })));
      }
      if (what === "api-keys/PRODUCTION/generate" && method === "POST") {
        const validityPeriod = Number(input.validityPeriod ?? -1);
        const apikey = `apikey-${this.id("k")}-rahasia`;
        this.apiKeys.set(apikey, { applicationId: app.applicationId, validityPeriod, expires: validityPeriod < 0 ? Infinity : Date.now() + validityPeriod * 1000 });
        return json(200, { keyName: `${app.name}_PRODUCTION`, apikey, validityTime: validityPeriod });
      }
      if (what === "api-keys/PRODUCTION/revoke" && method === "POST") {
        this.apiKeys.delete(String(input.apikey ?? ""));
        return json(200);
      }
    }
    if (method === "GET" && path === "/subscriptions") {
      const applicationId = url.searchParams.get("applicationId");
      return list([...this.subscriptions.values()].filter((s) => !applicationId || s.applicationId === applicationId));
    }
    if (method === "POST" && path === "/subscriptions") {
      const applicationId = String(input.applicationId ?? "");
      const apiId = String(input.apiId ?? "");
      const tier = String(input.throttlingPolicy ?? "");
      if (!this.applications.has(applicationId)) return error(404, "Not Found", "Application not found");
      if (!this.apis.some((a) => a.id === apiId)) return error(404, "Not Found", "API not found");
      if (!this.tiers.includes(tier)) return error(400, "Bad Request", `Invalid throttling tier ${tier}`);
      if ([...this.subscriptions.values()].some((s) => s.applicationId === applicationId && s.apiId === apiId)) return error(409, "Conflict", "Subscription already exists");
      const s = { subscriptionId: this.id("sub"), applicationId, apiId, throttlingPolicy: tier, status: this.workflow ? "ON_HOLD" : "UNBLOCKED" };
      this.subscriptions.set(s.subscriptionId, s);
      return json(201, s);
    }
    if ((m = path.match(/^\/subscriptions\/([^/]+)$/))) {
      const s = this.subscriptions.get(decodeURIComponent(m[1]!));
      if (!s) return error(404, "Not Found", "Subscription not found");
      if (method === "GET") return json(200, s);
      if (method === "DELETE") return this.subscriptions.delete(s.subscriptionId), json(200);
    }
    return error(404, "Not Found", `No resource ${method} ${path}`);
  }

  private appView(a: App) {
    return { applicationId: a.applicationId, name: a.name, throttlingPolicy: a.throttlingPolicy, description: a.description, tokenType: "JWT", status: "APPROVED", groups: [], subscriptionCount: [...this.subscriptions.values()].filter((s) => s.applicationId === a.applicationId).length, attributes: {}, owner: "pusdat" };
  }

  private token(req: http.IncomingMessage, body: string, json: (s: number, v?: unknown) => void) {
    const auth = req.headers.authorization ?? "";
    const [key, secret] = Buffer.from(auth.replace(/^Basic /, ""), "base64").toString("utf8").split(":");
    const k = [...this.keys.values()].find((x) => x.consumerKey === key && x.consumerSecret === secret);
    if (!auth.startsWith("Basic ") || !k) return json(401, { error_description: "Client Authentication failed.", error: "invalid_client" });
    if (new URLSearchParams(body).get("grant_type") !== "client_credentials") return json(400, { error_description: "Unsupported grant_type value", error: "unsupported_grant_type" });
    const token = `at-${this.id("t")}-rahasia`;
    this.tokens.set(token, k.applicationId);
    return json(200, { access_token: token, scope: "default", token_type: "Bearer", expires_in: 3600 });
  }

  private gateway(req: http.IncomingMessage, path: string, json: (s: number, v?: unknown) => void) {
    const api = this.apis.find((a) => path === a.context || path.startsWith(`${a.context}/`));
    if (!api) return json(404, { code: "404", type: "Status report", message: "Not Found", description: "The requested resource is not available." });
    const auth = req.headers.authorization ?? "";
    const key = req.headers.apikey;
    let applicationId: string | undefined;
    if (auth.startsWith("Bearer ")) applicationId = this.tokens.get(auth.slice(7));
    else if (typeof key === "string") {
      const k = this.apiKeys.get(key);
      if (k && k.expires > Date.now()) applicationId = k.applicationId;
    }
    const fault = { code: "900901", message: "Invalid Credentials", description: "Invalid Credentials. Make sure you have provided the correct security credentials" };
    if (!applicationId) return json(401, { fault });
    const sub = [...this.subscriptions.values()].find((s) => s.applicationId === applicationId && s.apiId === api.id && s.status === "UNBLOCKED");
    if (!sub) return json(403, { fault: { code: "900908", message: "Resource forbidden ", description: "User is NOT authorized to access the Resource. API Subscription validation failed." } });
    if (req.method !== "GET") return json(405, { fault: { code: "405", message: "Method not allowed" } });
    return json(200, { data: [{ komoditas: "beras", harga: 13500 }] });
  }
}

/** A started fake exchange offering HargaBahanPokok 1.0.0, as the provider's tests use it. */
export async function startExchange(): Promise<FakeWso2> {
  const ex = new FakeWso2();
  await ex.start();
  ex.addApi("HargaBahanPokok", "1.0.0", "/hargapangan/1.0.0");
  return ex;
}

/** The sample harga-pangan access (local channel, API key of 90 days) against `ex`. */
export const accessInputs = (ex: FakeWso2, over: Partial<SplpAccessInputs> = {}): SplpAccessInputs => ({
  channel: "pertukaran-lokal",
  baseUrl: ex.baseUrl,
  tokenConfig: "splp:lokalToken",
  tokenEnv: "PUSDAT_SPLP_LOKAL_TOKEN",
  application: "pusdat-harga-pangan",
  description: "harga-pangan",
  api: "HargaBahanPokok",
  version: "1.0.0",
  tier: "Silver",
  auth: "api-key",
  apiKeyValidityDays: 90,
  timeoutMs: 10_000,
  ...over,
});
