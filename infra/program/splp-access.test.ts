/** The SPLP access lifecycle against the fake WSO2 exchange on 127.0.0.1. */
import { accessInputs, type FakeWso2, startExchange } from "../../test/support/fake-wso2";
import { clientFor, createAccess, deleteAccess, readAccess, replaces, type SplpAccessInputs, SplpAccessError, updateAccess } from "./splp-access";

jest.setTimeout(60_000);

let ex: FakeWso2;
beforeEach(async () => {
  ex = await startExchange();
});
afterEach(async () => {
  await ex.stop();
});

const inputs = (over: Partial<SplpAccessInputs> = {}) => accessInputs(ex, over);
const env = () => ({ PUSDAT_SPLP_LOKAL_TOKEN: ex.portalToken });

test("create leaves an application, a subscription with the tier, keys and an API key; delete removes them", async () => {
  const c = clientFor(inputs(), env());
  const s = await createAccess(c, inputs());
  expect(s).toEqual({
    ...inputs(),
    applicationId: "app-0002",
    apiId: "api-1",
    subscriptionId: "sub-0003",
    subscriptionStatus: "UNBLOCKED",
    consumerKey: "ck-0005",
    consumerSecret: "cs-app-0002-rahasia",
    apikey: "apikey-k-0006-rahasia",
  });
  expect([...ex.subscriptions.values()]).toEqual([{ subscriptionId: "sub-0003", applicationId: "app-0002", apiId: "api-1", throttlingPolicy: "Silver", status: "UNBLOCKED" }]);
  expect(ex.apiKeys.get("apikey-k-0006-rahasia")?.validityPeriod).toBe(90 * 86_400);
  expect(await readAccess(c, s)).toEqual(s);
  await deleteAccess(c, s);
  expect([ex.applications.size, ex.subscriptions.size, ex.keys.size, ex.apiKeys.size]).toEqual([0, 0, 0, 0]);
  expect(await readAccess(c, s)).toBeNull();
});

test("read shows a subscription removed by hand and one still ON_HOLD; update subscribes again", async () => {
  ex.workflow = true;
  const c = clientFor(inputs(), env());
  const s = await createAccess(c, inputs({ apiKeyValidityDays: undefined }));
  expect([s.subscriptionStatus, s.apikey]).toEqual(["ON_HOLD", ""]);
  expect((await readAccess(c, s))?.subscriptionStatus).toBe("ON_HOLD");
  ex.subscriptions.clear();
  const drifted = (await readAccess(c, s))!;
  expect([drifted.subscriptionId, drifted.subscriptionStatus]).toEqual(["", "REMOVED"]);
  ex.workflow = false;
  const fixed = await updateAccess(c, drifted, inputs({ apiKeyValidityDays: undefined, tier: "Gold" }));
  expect([fixed.subscriptionStatus, fixed.tier]).toEqual(["UNBLOCKED", "Gold"]);
  expect([...ex.subscriptions.values()].map((x) => x.throttlingPolicy)).toEqual(["Gold"]);
});

test("a tier change resubscribes; a new key validity revokes the old API key", async () => {
  const c = clientFor(inputs(), env());
  const s = await createAccess(c, inputs());
  const u = await updateAccess(c, s, inputs({ tier: "Bronze", apiKeyValidityDays: 30 }));
  expect([...ex.subscriptions.values()].map((x) => `${x.subscriptionId} ${x.throttlingPolicy}`)).toEqual([`${u.subscriptionId} Bronze`]);
  expect(ex.apiKeys.has(s.apikey)).toBe(false);
  expect(ex.apiKeys.get(u.apikey)?.validityPeriod).toBe(30 * 86_400);
});

test("errors are Indonesian and name what to fix", async () => {
  expect(() => clientFor(inputs(), {})).toThrow(
    new SplpAccessError("token Developer Portal kanal pertukaran-lokal tidak ada: isi rahasia stack splp:lokalToken (pulumi config set --secret splp:lokalToken) atau variabel lingkungan PUSDAT_SPLP_LOKAL_TOKEN"),
  );
  const c = clientFor(inputs(), env());
  await expect(createAccess(c, inputs({ version: "9.0.0" }))).rejects.toThrow("API HargaBahanPokok 9.0.0 tidak ada di Developer Portal kanal pertukaran-lokal; periksa spec.exchange.api dan version");
  await c.createApplication("pusdat-harga-pangan", "dibuat manual");
  await expect(createAccess(c, inputs())).rejects.toThrow("aplikasi pusdat-harga-pangan sudah ada di kanal pertukaran-lokal tanpa tercatat di state; impor atau hapus dulu (consumer secret lamanya tidak dapat dibaca ulang)");
});

test("replaces: what makes a new access", () => {
  expect(replaces(inputs(), inputs({ tier: "Gold", apiKeyValidityDays: 1 }))).toEqual([]);
  expect(replaces(inputs(), inputs({ version: "2.0.0", application: "lain" }))).toEqual(["application", "version"]);
});
