/**
 * `pusdat verify` for ApiAccess end to end: the CLI in a child process against the fake WSO2 exchange
 * on 127.0.0.1; the application, subscription and keys are made on the exchange with the client first,
 * as the apply would. No consumer secret, token or API key may appear in any output.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Wso2Client } from "../infra/clients/wso2";
import type { FakeWso2 } from "./support/fake-wso2";
import { splpWorld } from "./support/splp-world";
import { cli, steady, type World } from "./support/verify-world";

jest.setTimeout(60_000);

let w: World;
let ex: FakeWso2;
beforeEach(async () => {
  ({ w, ex } = await splpWorld());
});
afterEach(async () => {
  await ex.stop();
  await w.stop();
});

/** What the apply leaves on the exchange; the credentials go to the file verify reads. */
async function provision(): Promise<{ subscriptionId: string; secrets: string[] }> {
  const api = ex.addApi("HargaBahanPokok", "1.0.0", "/t/uji.test/hargapangan/1.0.0");
  const c = new Wso2Client({ baseUrl: ex.baseUrl, portalToken: ex.portalToken, tenant: "uji.test", timeoutMs: 10_000 });
  const app = await c.ensureApplication("pusdat-pangan-uji", "pangan-uji");
  const sub = await c.subscribe(app.applicationId, api.id, "Silver");
  const keys = await c.generateKeys(app.applicationId);
  const key = await c.generateApiKey(app.applicationId, 90 * 86_400);
  fs.writeFileSync(path.join(w.root, "kunci.json"), JSON.stringify({ "pangan-uji": { consumerKey: keys.consumerKey, consumerSecret: keys.consumerSecret, apikey: key.apikey } }));
  return { subscriptionId: sub.subscriptionId, secrets: [keys.consumerSecret, key.apikey, ex.portalToken] };
}

const run = () => cli(w, ["pangan-uji", "--api-credentials-file", "kunci.json"], { PUSDAT_SPLP_LOKAL_TOKEN: ex.portalToken });
const tokensOut = (text: string) => [...ex.tokens.keys()].filter((t) => text.includes(t));

test("an approved subscription: the token and the API key both reach the first GET; no secret in the output", async () => {
  const { secrets } = await provision();
  const r = await run();
  expect(r.err).toBe("");
  expect(steady(r.out)).toBe(
    [
      "Tes akses stack uji: 1 permintaan",
      "pangan-uji (ApiAccess, diubah): LULUS",
      "  [lulus] splp-subscription: langganan HargaBahanPokok 1.0.0 UNBLOCKED, tier Silver (N ms)",
      "  [lulus] splp-oauth2: GET /harga/v1/komoditas dengan token client_credentials: HTTP 200 (N ms)",
      "  [lulus] splp-api-key: GET /harga/v1/komoditas dengan API key: HTTP 200 (N ms)",
      "Hasil: 1 lulus, 0 gagal, 0 dilewati.",
      "",
    ].join("\n"),
  );
  expect(r.code).toBe(0);
  for (const s of secrets) expect(r.out + r.err).not.toContain(s);
  expect(ex.tokens.size).toBe(1);
  expect(tokensOut(r.out + r.err)).toEqual([]);
  // The try-out never writes: every gateway call was a GET.
  expect(ex.calls.filter((c) => c.path.startsWith("/t/uji.test/")).map((c) => `${c.method} ${c.path}`)).toEqual([
    "GET /t/uji.test/hargapangan/1.0.0/harga/v1/komoditas",
    "GET /t/uji.test/hargapangan/1.0.0/harga/v1/komoditas",
  ]);
  expect(ex.calls.filter((c) => c.path.startsWith("/api/am/devportal/v3")).every((c) => c.tenant === "uji.test")).toBe(true);
});

test("a subscription ON_HOLD waits for the provider: skipped, not failed, exit 0; approved, it passes", async () => {
  ex.workflow = true;
  const { subscriptionId } = await provision();
  const r = await run();
  expect(steady(r.out)).toBe(
    [
      "Tes akses stack uji: 1 permintaan",
      "pangan-uji (ApiAccess, diubah): DILEWATI",
      "  [dilewati] splp-subscription: menunggu persetujuan penyedia (Dinas Perdagangan): langganan HargaBahanPokok 1.0.0 berstatus ON_HOLD (N ms)",
      "  [dilewati] splp-oauth2: tidak diuji: menunggu persetujuan penyedia (N ms)",
      "  [dilewati] splp-api-key: tidak diuji: menunggu persetujuan penyedia (N ms)",
      "Hasil: 0 lulus, 0 gagal, 1 dilewati.",
      "",
    ].join("\n"),
  );
  expect(r.code).toBe(0);
  ex.approve(subscriptionId);
  const again = await run();
  expect(again.out).toContain("pangan-uji (ApiAccess, diubah): LULUS");
  expect(again.code).toBe(0);
});

test("a wrong consumer secret fails the token step without showing it; the channel token is required up front", async () => {
  await provision();
  const file = path.join(w.root, "kunci.json");
  const creds = JSON.parse(fs.readFileSync(file, "utf8"));
  creds["pangan-uji"].consumerSecret = "rahasia-yang-salah-123";
  fs.writeFileSync(file, JSON.stringify(creds));
  const r = await run();
  expect(steady(r.out)).toContain("  [gagal] splp-oauth2: titik token WSO2 menolak consumer key/secret aplikasi (HTTP 401 (invalid_client)) (N ms)");
  expect(steady(r.out)).toContain("  [lulus] splp-api-key: GET /harga/v1/komoditas dengan API key: HTTP 200 (N ms)");
  expect(r.code).toBe(1);
  expect(r.out + r.err).not.toContain("rahasia-yang-salah-123");

  const noToken = await cli(w, ["pangan-uji", "--api-credentials-file", "kunci.json"], { PUSDAT_SPLP_LOKAL_TOKEN: "" });
  expect(noToken.code).toBe(2);
  expect(noToken.err).toContain("kredensial tidak ada di lingkungan: PUSDAT_SPLP_LOKAL_TOKEN (token Developer Portal kanal pertukaran-lokal, untuk pangan-uji)");
});
