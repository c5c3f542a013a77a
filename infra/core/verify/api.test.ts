import { fixtureRequest } from "../../../test/support/verify-fixture";
import type { ApiAccess } from "../model/kinds";
import { apiChecks, callPrecondition, judgeCall, judgeSubscription, NO_EXCHANGE, tryOutPath } from "./api";
import type { CheckSpec, SplpFacts } from "./types";

const base = fixtureRequest("pangan-uji") as ApiAccess;
const withEx = (over: { spec?: Partial<ApiAccess["spec"]>; status?: "decommissioned" } = {}): ApiAccess => ({
  ...base,
  metadata: { ...base.metadata, ...(over.status ? { status: over.status } : {}) },
  spec: { ...base.spec, exchange: { api: "HargaBahanPokok", version: "1.0.0", tier: "Silver", keyValidityDays: 90 }, ...over.spec },
});

describe("apiChecks", () => {
  const sub = { name: "splp-subscription", probe: "splp-subscription", channel: "pertukaran-lokal", api: "HargaBahanPokok", version: "1.0.0", application: "pusdat-pangan-uji", tier: "Silver", provider: "Dinas Perdagangan" };
  const call = (name: string, auth: string) => ({ name, probe: "splp-call", id: "pangan-uji", channel: "pertukaran-lokal", api: "HargaBahanPokok", version: "1.0.0", path: "/harga/v1/komoditas", auth });
  test.each<[string, ApiAccess, boolean, CheckSpec[]]>([
    ["no exchange: skipped with the field named", base, false, [{ name: "splp", probe: "skip", reason: NO_EXCHANGE }]],
    ["api-key: the subscription, the token call and the API key call", withEx(), false, [sub, call("splp-oauth2", "oauth2"), call("splp-api-key", "api-key")] as CheckSpec[]],
    ["oauth2: no API key call", withEx({ spec: { auth: "oauth2" } }), false, [sub, call("splp-oauth2", "oauth2")] as CheckSpec[]],
    [
      "only write endpoints: no call at all",
      withEx({ spec: { endpoints: [{ method: "POST", path: "/v1/verifikasi" }] } }),
      false,
      [sub, { name: "splp-call", probe: "skip", reason: "tidak ada endpoint GET; uji coba tidak memanggil metode yang menulis (POST/PUT/PATCH/DELETE)" }] as CheckSpec[],
    ],
    [
      "only GETs with path parameters",
      withEx({ spec: { endpoints: [{ method: "GET", path: "/a/{kode}" }] } }),
      false,
      [sub, { name: "splp-call", probe: "skip", reason: "semua endpoint GET memakai parameter path; uji coba tidak mengarang nilai parameter" }] as CheckSpec[],
    ],
    ["removed", withEx(), true, [{ name: "splp", probe: "skip", reason: "pencabutan langganan HargaBahanPokok 1.0.0 belum otomatis; periksa di Developer Portal kanal pertukaran-lokal" }]],
  ])("%s", (_n, r, removed, expected) => expect(apiChecks(r, "pangan-uji", removed)).toEqual(expected));

  test("the try-out path is the first GET without parameters, never a write", () => {
    expect(tryOutPath(withEx({ spec: { endpoints: [{ method: "POST", path: "/w" }, { method: "GET", path: "/a/{x}" }, { method: "GET", path: "/b" }, { method: "GET", path: "/c" }] } }))).toBe("/b");
  });
});

describe("judging the exchange", () => {
  const s = apiChecks(withEx(), "pangan-uji", false)[0] as Extract<CheckSpec, { probe: "splp-subscription" }>;
  const facts = (over: Partial<SplpFacts> = {}): SplpFacts => ({ api: { context: "/hargapangan/1.0.0" }, application: true, subscription: { status: "UNBLOCKED", tier: "Silver" }, ...over });
  test.each<[string, SplpFacts, string, string]>([
    ["approved", facts(), "passed", "langganan HargaBahanPokok 1.0.0 UNBLOCKED, tier Silver"],
    ["waiting for the provider", facts({ subscription: { status: "ON_HOLD", tier: "Silver" } }), "skipped", "menunggu persetujuan penyedia (Dinas Perdagangan): langganan HargaBahanPokok 1.0.0 berstatus ON_HOLD"],
    ["blocked", facts({ subscription: { status: "BLOCKED", tier: "Silver" } }), "failed", "langganan HargaBahanPokok 1.0.0 berstatus BLOCKED; yang diharapkan UNBLOCKED"],
    ["another tier", facts({ subscription: { status: "UNBLOCKED", tier: "Gold" } }), "failed", "langganan HargaBahanPokok 1.0.0 bertier Gold; permintaan meminta Silver"],
    ["no API", facts({ api: null }), "failed", "API HargaBahanPokok 1.0.0 tidak ada di Developer Portal kanal pertukaran-lokal"],
    ["no application", facts({ application: false, subscription: null }), "failed", "aplikasi pusdat-pangan-uji tidak ada di kanal pertukaran-lokal"],
    ["no subscription", facts({ subscription: null }), "failed", "aplikasi pusdat-pangan-uji tidak berlangganan HargaBahanPokok 1.0.0"],
  ])("%s", (_n, f, result, detail) => expect(judgeSubscription(s, f)).toEqual({ result, detail }));

  test("a call waits with the subscription", () => {
    expect(callPrecondition(facts())).toBeNull();
    expect(callPrecondition(facts({ subscription: { status: "ON_HOLD", tier: "Silver" } }))).toEqual({ result: "skipped", detail: "tidak diuji: menunggu persetujuan penyedia" });
    expect(callPrecondition(facts({ subscription: null }))).toEqual({ result: "skipped", detail: "tidak diuji: langganan belum ada" });
  });

  const c = apiChecks(withEx(), "pangan-uji", false)[1] as Extract<CheckSpec, { probe: "splp-call" }>;
  test.each<[Parameters<typeof judgeCall>[1], string, string]>([
    [{ ok: true, status: 200 }, "passed", "GET /harga/v1/komoditas dengan token client_credentials: HTTP 200"],
    [{ ok: true, status: 204 }, "passed", "GET /harga/v1/komoditas dengan token client_credentials: HTTP 204"],
    [{ ok: true, status: 401 }, "failed", "GET /harga/v1/komoditas dengan token client_credentials: HTTP 401; yang diharapkan 2xx"],
    [{ ok: false, reason: "titik token WSO2 menolak" }, "failed", "titik token WSO2 menolak"],
  ])("call %p", (a, result, detail) => expect(judgeCall(c, a)).toEqual({ result, detail }));
});
