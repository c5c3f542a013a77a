import { ctx, findings, req, site } from "../../../test/support/requests";
import { apiExchange, exchangeProblems } from "./api-exchange";

describe("exchangeProblems", () => {
  const splp = site().splp;
  const spec = (over: object) => ({ ...req("api/harga-pangan").request.spec, ...over }) as never;
  test.each([
    ["the sample (api-key, Silver, 90 days)", {}, []],
    ["no exchange: nothing to judge, the step stays manual", { exchange: undefined }, []],
    ["a tier the channel does not allow", { exchange: { api: "A", version: "1", tier: "Platinum", keyValidityDays: 30 } }, ['spec.exchange.tier: tier "Platinum" tidak diizinkan di kanal pertukaran-lokal; yang diizinkan: Bronze, Silver, Gold']],
    ["a key validity above the maximum", { exchange: { api: "A", version: "1", tier: "Gold", keyValidityDays: 400 } }, ["spec.exchange.keyValidityDays: masa berlaku API key 400 hari melebihi batas kanal pertukaran-lokal; yang diizinkan: 1–365 hari"]],
    ["the maximum itself is allowed", { exchange: { api: "A", version: "1", tier: "Gold", keyValidityDays: 365 } }, []],
    ["api-key without a validity", { exchange: { api: "A", version: "1", tier: "Gold" } }, ["spec.exchange: auth api-key memerlukan spec.exchange.keyValidityDays: masa berlaku API key 1–365 hari"]],
    ["oauth2 with a key validity", { auth: "oauth2", exchange: { api: "A", version: "1", tier: "Gold", keyValidityDays: 30 } }, ["spec.exchange.keyValidityDays: keyValidityDays hanya berlaku untuk auth api-key; auth permohonan ini oauth2, hapus keyValidityDays"]],
    ["the national channel has its own tiers and maximum", { channel: "splp-nasional", exchange: { api: "A", version: "1", tier: "Gold", keyValidityDays: 200 } }, ['spec.exchange.tier: tier "Gold" tidak diizinkan di kanal splp-nasional; yang diizinkan: Bronze, Silver', "spec.exchange.keyValidityDays: masa berlaku API key 200 hari melebihi batas kanal splp-nasional; yang diizinkan: 1–180 hari"]],
  ])("%s", (_n, over, expected) => expect(exchangeProblems(spec(over), splp).map((p) => `${p.path.join(".")}: ${p.message}`)).toEqual(expected));

  test("a channel missing from the stack configuration names the configured ones", () => {
    expect(exchangeProblems(spec({}), { channels: { "splp-nasional": splp!.channels["splp-nasional"]! }, timeoutMs: 15_000 })).toEqual([
      { path: ["spec", "channel"], message: "kanal pertukaran-lokal belum dikonfigurasi di pusdat:splp.channels; kanal yang dikonfigurasi: splp-nasional" },
    ]);
    expect(exchangeProblems(spec({}), undefined)).toEqual([{ path: ["spec", "channel"], message: "kanal pertukaran-lokal belum dikonfigurasi di pusdat:splp.channels; kanal yang dikonfigurasi: (belum ada)" }]);
  });
});

test("the rule places its finding at the field's line and column", () => {
  const r = req("api/harga-pangan", { spec: { exchange: { tier: "Platinum" } } });
  expect(findings(apiExchange, ctx([r]))).toEqual(['harga-pangan.yaml spec.exchange.tier: tier "Platinum" tidak diizinkan di kanal pertukaran-lokal; yang diizinkan: Bronze, Silver, Gold']);
  const f = apiExchange(ctx([r]))[0]!;
  expect(f.line).toBe(r.source.position(["spec", "exchange", "tier"]).line);
  expect(f.line).toBeGreaterThan(1);
  expect(findings(apiExchange, ctx([req("api/harga-pangan"), req("api/simpeg-nik")]))).toEqual([]);
});
