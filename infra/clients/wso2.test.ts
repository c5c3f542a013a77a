/** The WSO2 Devportal v3 client against the fake exchange on 127.0.0.1, closed after each test. */
import { FakeWso2 } from "../../test/support/fake-wso2";
import { Wso2Client, Wso2Error } from "./wso2";
import { clientCredentialsToken, gatewayGet, tokenEndpoint } from "./wso2-consumer";

jest.setTimeout(60_000);

let fake: FakeWso2;
beforeEach(async () => {
  fake = new FakeWso2();
  await fake.start();
});
afterEach(async () => {
  await fake.stop();
});

const client = (o: { token?: string; timeoutMs?: number; tenant?: string } = {}) =>
  new Wso2Client({ baseUrl: `${fake.baseUrl}/`, portalToken: o.token ?? fake.portalToken, timeoutMs: o.timeoutMs ?? 10_000, tenant: o.tenant ?? "contohkab.go.id" });
const T = { timeoutMs: 10_000 };

async function failure(p: Promise<unknown>): Promise<{ message: string; failure: string; status?: number }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Wso2Error) return { message: e.message, failure: e.failure, ...(e.status !== undefined ? { status: e.status } : {}) };
    throw e;
  }
  throw new Error("expected a Wso2Error");
}

test("tokenEndpoint hangs /oauth2/token below the base URL", () => {
  expect(tokenEndpoint("https://splp.contohkab.go.id:9443/")).toBe("https://splp.contohkab.go.id:9443/oauth2/token");
  expect(tokenEndpoint("https://splp.contohkab.go.id")).toBe("https://splp.contohkab.go.id/oauth2/token");
});

test("the whole consumer flow: API, application, subscription, keys, token, gateway with the bearer token and the API key", async () => {
  const api = fake.addApi("HargaPangan", "1.0.0", "/t/contohkab.go.id/hargapangan/1.0.0");
  fake.addApi("HargaPangan", "2.0.0", "/t/contohkab.go.id/hargapangan/2.0.0");
  const c = client();
  expect(await c.findApi("HargaPangan", "1.0.0")).toEqual({ id: api.id, name: "HargaPangan", version: "1.0.0", context: "/t/contohkab.go.id/hargapangan/1.0.0" });
  expect(await c.findApi("HargaPangan", "9.9.9")).toBeNull();

  const app = await c.ensureApplication("sipangan-dinkop", "API-2026-001");
  expect(app).toEqual({ applicationId: "app-0003", name: "sipangan-dinkop", throttlingPolicy: "Unlimited", status: "APPROVED" });
  expect(await c.ensureApplication("sipangan-dinkop", "API-2026-001")).toEqual(app);
  expect(fake.applications.size).toBe(1);

  const sub = await c.subscribe(app.applicationId, api.id, "Gold");
  expect(sub).toEqual({ subscriptionId: "sub-0004", applicationId: "app-0003", apiId: api.id, throttlingPolicy: "Gold", status: "UNBLOCKED" });
  expect(await c.getSubscription(sub.subscriptionId)).toEqual(sub);
  expect(await c.listSubscriptions(app.applicationId)).toEqual([sub]);

  const keys = await c.generateKeys(app.applicationId);
  expect(keys).toEqual({ keyMappingId: "km-0005", keyType: "PRODUCTION", consumerKey: "ck-0006", consumerSecret: "cs-app-0003-rahasia", supportedGrantTypes: ["client_credentials"] });
  expect(await c.listKeys(app.applicationId)).toEqual([{ keyMappingId: "km-0005", keyType: "PRODUCTION", consumerKey: "ck-0006" }]);

  const token = await clientCredentialsToken(fake.baseUrl, keys.consumerKey, keys.consumerSecret, T);
  expect(token).toEqual({ accessToken: "at-t-0007-rahasia", expiresIn: 3600 });
  const url = `${fake.baseUrl}${api.context}/harga`;
  expect(await gatewayGet(url, { bearer: token.accessToken }, T)).toBe(200);
  expect(await gatewayGet(url, { bearer: "palsu" }, T)).toBe(401);

  const key = await c.generateApiKey(app.applicationId, 86_400);
  expect(key).toEqual({ keyName: "sipangan-dinkop_PRODUCTION", apikey: "apikey-k-0008-rahasia", validityTime: 86_400 });
  expect(fake.apiKeys.get(key.apikey)?.validityPeriod).toBe(86_400);
  expect(await gatewayGet(url, { apikey: key.apikey }, T)).toBe(200);
  await c.revokeApiKey(app.applicationId, key.apikey);
  expect(await gatewayGet(url, { apikey: key.apikey }, T)).toBe(401);

  await c.unsubscribe(sub.subscriptionId);
  expect(await c.getSubscription(sub.subscriptionId)).toBeNull();
  expect(await gatewayGet(url, { bearer: token.accessToken }, T)).toBe(403);
  await c.deleteApplication(app.applicationId);
  await c.deleteApplication(app.applicationId);
  expect(await c.getApplication(app.applicationId)).toBeNull();
  expect(fake.calls.filter((x) => x.path.startsWith("/api/am/devportal/v3")).every((x) => x.tenant === "contohkab.go.id")).toBe(true);
});

test("a subscription under the provider's workflow is ON_HOLD and reaches nothing until approved", async () => {
  fake.workflow = true;
  const api = fake.addApi("SimpegNik", "1.0.0", "/simpeg/1.0.0");
  const c = client();
  const app = await c.ensureApplication("siladu", "API-2026-002");
  const sub = await c.subscribe(app.applicationId, api.id, "Silver");
  expect(sub.status).toBe("ON_HOLD");
  const keys = await c.generateKeys(app.applicationId);
  const { accessToken } = await clientCredentialsToken(fake.baseUrl, keys.consumerKey, keys.consumerSecret, T);
  expect(await gatewayGet(`${fake.baseUrl}/simpeg/1.0.0/pegawai`, { bearer: accessToken }, T)).toBe(403);
  fake.approve(sub.subscriptionId);
  expect((await c.getSubscription(sub.subscriptionId))?.status).toBe("UNBLOCKED");
  expect(await gatewayGet(`${fake.baseUrl}/simpeg/1.0.0/pegawai`, { bearer: accessToken }, T)).toBe(200);
});

test("a taken application name is 409 'exists'; a wrong portal token is 'auth' without the token in the message", async () => {
  await client().createApplication("sipangan", "x");
  expect(await failure(client().createApplication("sipangan", "x"))).toEqual({
    message: "WSO2 menjawab HTTP 409 untuk POST /applications: Conflict — An application already exists with name sipangan",
    failure: "exists",
    status: 409,
  });
  expect(await failure(client({ token: "token-salah-rahasia" }).findApplication("sipangan"))).toEqual({
    message: "WSO2 Developer Portal menolak token portal (HTTP 401) untuk GET /applications; periksa kredensial kanal di konfigurasi stack",
    failure: "auth",
    status: 401,
  });
});

test("an unknown tier is rejected with WSO2's reason", async () => {
  const api = fake.addApi("HargaPangan", "1.0.0", "/hargapangan/1.0.0");
  const app = await client().createApplication("sipangan", "x");
  expect(await failure(client().subscribe(app.applicationId, api.id, "Platinum"))).toEqual({
    message: "WSO2 menjawab HTTP 400 untuk POST /subscriptions: Bad Request — Invalid throttling tier Platinum",
    failure: "rejected",
    status: 400,
  });
});

test("the token endpoint refuses a wrong secret without echoing it", async () => {
  const app = await client().createApplication("sipangan", "x");
  const keys = await client().generateKeys(app.applicationId);
  const f = await failure(clientCredentialsToken(fake.baseUrl, keys.consumerKey, "rahasia-yang-salah", T));
  expect(f).toEqual({ message: "titik token WSO2 menolak consumer key/secret aplikasi (HTTP 401 (invalid_client))", failure: "auth", status: 401 });
  expect(f.message).not.toContain("rahasia");
});

test("an exchange that never answers ends in the timeout, for the portal, the token endpoint and the gateway", async () => {
  fake.hang = true;
  expect(await failure(client({ timeoutMs: 300 }).findApplication("x"))).toEqual({ message: `WSO2 Developer Portal: http://127.0.0.1:${fake.port} tidak menjawab dalam 0.3 detik`, failure: "network" });
  expect(await failure(clientCredentialsToken(fake.baseUrl, "a", "b", { timeoutMs: 300 }))).toEqual({ message: `titik token WSO2: http://127.0.0.1:${fake.port} tidak menjawab dalam 0.3 detik`, failure: "network" });
  fake.hang = false;
  expect(await failure(gatewayGet(`${fake.baseUrl}/hang`, { bearer: "x" }, { timeoutMs: 300 }))).toEqual({ message: `gateway WSO2: http://127.0.0.1:${fake.port} tidak menjawab dalam 0.3 detik`, failure: "network" });
});
