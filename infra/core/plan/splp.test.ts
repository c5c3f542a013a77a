/** The SPLP planner part as plain data: the agreement step, the wait on the provider, the status file. */
import { ctx, req } from "../../../test/support/requests";
import { planResources } from "./desired";
import { parseExchangeStatus, subscriptionWait, withExchangeStatus } from "./splp";

const plan = (...rs: ReturnType<typeof req>[]) => {
  const c = ctx(rs);
  return planResources(c.requests, c.site);
};

test.each([
  ["UNBLOCKED", null],
  ["ON_HOLD", "menunggu persetujuan penyedia (Dinas Perdagangan)"],
  ["TIER_UPDATE_PENDING", "menunggu persetujuan penyedia (Dinas Perdagangan)"],
  ["REMOVED", "langganan hilang dari pertukaran (dihapus di luar pusdat); penerapan berikutnya berlangganan lagi"],
  ["BLOCKED", "langganan berstatus BLOCKED di pertukaran; hubungi penyedia (Dinas Perdagangan)"],
])("subscriptionWait %s", (status, expected) => expect(subscriptionWait(status, "Dinas Perdagangan")).toBe(expected));

describe("withExchangeStatus: the manual steps as the stack last saw the exchange", () => {
  const d = plan(req("api/harga-pangan"), req("api/simpeg-nik"), req("vm/sipd-bappeda"));
  const AGREEMENT =
    "Langganan HargaBahanPokok 1.0.0 tier Silver untuk aplikasi pusdat-harga-pangan di server pertukaran data lokal dibuat oleh pusdat saat penerapan (kunci client-credentials, API key 90 hari); kredensial diserahkan ke Dinas Ketahanan Pangan lewat pulumi stack output apiCredentials --show-secrets. Bila langganan ON_HOLD (pulumi stack output apiAccess), menunggu persetujuan penyedia: Dinas Perdagangan. Setelah uji coba (pusdat verify), tanda tangani Berita Acara Perjanjian Penggunaan API.";

  test("ON_HOLD waits on the provider OPD; UNBLOCKED and unknown ids keep the agreement step; other kinds untouched", () => {
    const out = withExchangeStatus(d.manual, d.apiAccess, { "harga-pangan": { subscriptionStatus: "ON_HOLD" }, "simpeg-nik": { subscriptionStatus: "UNBLOCKED" }, lain: { subscriptionStatus: "ON_HOLD" } });
    expect(out.map((m) => [m.id, m.kind, m.state])).toEqual([
      ["sipd-bappeda", "pdn-eticket", "submitted"],
      ["simpeg-nik", "splp", "awaiting-agreement"], // arrival order: Nota Dinas 2026-10-26
      ["harga-pangan", "splp", "awaiting-provider"],
    ]);
    expect(out[2]!.text).toBe(`Langganan HargaBahanPokok 1.0.0 berstatus ON_HOLD: menunggu persetujuan penyedia (Dinas Perdagangan). ${AGREEMENT}`);
    expect(out[1]).toEqual(d.manual[1]);
  });

  test("a subscription removed by hand or blocked needs attention", () => {
    const out = withExchangeStatus(d.manual, d.apiAccess, { "harga-pangan": { subscriptionStatus: "REMOVED" }, "simpeg-nik": { subscriptionStatus: null } });
    expect(out.map((m) => m.state)).toEqual(["submitted", "awaiting-agreement", "exchange-attention"]);
  });
});

test.each([
  ['{"harga-pangan": {"subscriptionStatus": "ON_HOLD", "waiting": "x"}, "b": {"subscriptionStatus": null}}', { "harga-pangan": { subscriptionStatus: "ON_HOLD", waiting: "x" }, b: { subscriptionStatus: null } }],
  ["{", 'berkas s.json bukan JSON yang sah; yang diharapkan: objek {"<id>": {"subscriptionStatus": "ON_HOLD", ...}} dari pulumi stack output apiAccess --json'],
  ['{"a": {"subscriptionStatus": 3}}', 'berkas s.json harus berupa objek {"<id>": {"subscriptionStatus": "ON_HOLD", ...}} dari pulumi stack output apiAccess --json'],
  ["[]", 'berkas s.json harus berupa objek {"<id>": {"subscriptionStatus": "ON_HOLD", ...}} dari pulumi stack output apiAccess --json'],
])("parseExchangeStatus %s", (text, expected) => expect(parseExchangeStatus(text, "berkas s.json")).toEqual(expected));
