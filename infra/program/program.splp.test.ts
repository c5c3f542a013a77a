/**
 * The program's SPLP part under Pulumi's mocks: the exact ApiAccess components and exchange resources
 * for the sample requests, their inputs and options, the credentials only as secrets, ON_HOLD as a
 * wait on the provider OPD, and decommissioning / removal.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parseApiCredentials } from "../clients/api-credentials";
import { makeProject } from "../../test/support/project";
import { type CapturedResource, simulate } from "./simulate";

const REPO = path.resolve(__dirname, "../..");
const ENV = { CLOUDFLARE_API_TOKEN: "cf", WHM_HOST: "whm", WHM_API_TOKEN: "t", PROXMOX_VE_API_TOKEN: "p", PUSDAT_SPLP_LOKAL_TOKEN: "sl", PUSDAT_SPLP_NASIONAL_TOKEN: "sn" };
const run = (root = REPO, extra: Partial<Parameters<typeof simulate>[0]> = {}) => simulate({ stack: "contoh", root, env: ENV, previous: {}, ...extra });
/** The sample requests' run, made once: several tests read it, none changes it. */
let samplesRun: ReturnType<typeof run> | undefined;
const samples = () => (samplesRun ??= run());
const SPLP = "pulumi-nodejs:dynamic/pusdat:SplpAccess";
const decommission = { status: "decommissioned", decommission: { notaDinas: { number: "500.2/140/DKP/2027", date: "2027-02-01" } } };

/** An Output's plain value (secrets included: their secretness is asserted separately). */
const value = <T>(o: unknown) => new Promise<T>((resolve) => (pulumi.output(o) as unknown as pulumi.Output<unknown>).apply((v) => resolve(v as T)));

const splp = (rs: CapturedResource[]) => rs.filter((r) => r.type === SPLP || r.type === "pusdat:index:ApiAccess");

describe("the sample ApiAccess requests", () => {
  let sim: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    sim = await samples();
  });

  test("one ApiAccess component per request, the exchange resource its child, unprotected, credentials as additional secret outputs", () => {
    const component = { custom: false, inputs: {}, protect: false, ignoreChanges: [], provider: "", additionalSecretOutputs: [], dependencies: [], parent: "" };
    const child = { custom: true, protect: false, ignoreChanges: [], provider: "", additionalSecretOutputs: ["consumerKey", "consumerSecret", "apikey"], dependencies: [] };
    expect(splp(sim.resources)).toEqual([
      { ...component, type: "pusdat:index:ApiAccess", name: "simpeg-nik", urn: "urn:pulumi:contoh::pusdat::pusdat:index:ApiAccess::simpeg-nik" },
      { ...component, type: "pusdat:index:ApiAccess", name: "harga-pangan", urn: "urn:pulumi:contoh::pusdat::pusdat:index:ApiAccess::harga-pangan" },
      {
        ...child,
        type: SPLP,
        name: "simpeg-nik-exchange",
        urn: `urn:pulumi:contoh::pusdat::pusdat:index:ApiAccess$${SPLP}::simpeg-nik-exchange`,
        parent: "urn:pulumi:contoh::pusdat::pusdat:index:ApiAccess::simpeg-nik",
        inputs: {
          __provider: "(kode penyedia dinamis: infra/program/splp-provider.ts)",
          channel: "splp-nasional",
          baseUrl: "https://splp.example.go.id:9443",
          tenant: "contohkab.go.id",
          tokenConfig: "splp:nasionalToken",
          tokenEnv: "PUSDAT_SPLP_NASIONAL_TOKEN",
          application: "pusdat-simpeg-nik",
          description: "pusdat simpeg-nik: SIMPEG Kabupaten Contoh (Badan Kepegawaian dan Pengembangan Sumber Daya Manusia)",
          api: "VerifikasiNIK",
          version: "v1",
          tier: "Bronze",
          auth: "oauth2",
          timeoutMs: 15000,
          insecureTls: false,
        },
      },
      {
        ...child,
        type: SPLP,
        name: "harga-pangan-exchange",
        urn: `urn:pulumi:contoh::pusdat::pusdat:index:ApiAccess$${SPLP}::harga-pangan-exchange`,
        parent: "urn:pulumi:contoh::pusdat::pusdat:index:ApiAccess::harga-pangan",
        inputs: {
          __provider: "(kode penyedia dinamis: infra/program/splp-provider.ts)",
          channel: "pertukaran-lokal",
          baseUrl: "https://splp.contohkab.go.id:9443",
          tokenConfig: "splp:lokalToken",
          tokenEnv: "PUSDAT_SPLP_LOKAL_TOKEN",
          application: "pusdat-harga-pangan",
          description: "pusdat harga-pangan: Dasbor Ketahanan Pangan (Dinas Ketahanan Pangan)",
          api: "HargaBahanPokok",
          version: "1.0.0",
          tier: "Silver",
          auth: "api-key",
          apiKeyValidityDays: 90,
          timeoutMs: 15000,
          insecureTls: false,
        },
      },
    ]);
  });

  test("no input holds a token: only the names of the stack secret and the environment variable", () => {
    for (const r of sim.resources.filter((x) => x.type === SPLP)) expect(JSON.stringify(r.inputs)).not.toMatch(/"sl"|"sn"/);
  });

  test("apiCredentials is a secret output in the shape pusdat verify reads; apiAccess shows the subscription and holds no credential", async () => {
    const o = sim.outputs;
    expect(await pulumi.isSecret(o.apiCredentials)).toBe(true);
    const creds = await value<Record<string, unknown>>(o.apiCredentials);
    expect(creds).toEqual({
      "simpeg-nik": { consumerKey: "mock-consumerKey-simpeg-nik-exchange", consumerSecret: "mock-consumerSecret-simpeg-nik-exchange" },
      "harga-pangan": { consumerKey: "mock-consumerKey-harga-pangan-exchange", consumerSecret: "mock-consumerSecret-harga-pangan-exchange", apikey: "mock-apikey-harga-pangan-exchange" },
    });
    // `pulumi stack output apiCredentials --show-secrets --json` is what verify parses.
    expect([...parseApiCredentials(JSON.stringify(creds), "uji").keys()]).toEqual(["simpeg-nik", "harga-pangan"]);
    expect(await value(o.apiAccess)).toEqual({
      "simpeg-nik": { channel: "splp-nasional", status: "active", application: "pusdat-simpeg-nik", subscriptionStatus: "UNBLOCKED", waiting: null },
      "harga-pangan": { channel: "pertukaran-lokal", status: "active", application: "pusdat-harga-pangan", subscriptionStatus: "UNBLOCKED", waiting: null },
    });
    const open = await value<Record<string, unknown>>({ ...o, apiCredentials: undefined, hostingPasswords: undefined });
    expect(JSON.stringify(open)).not.toMatch(/mock-consumer|mock-apikey/);
  });
});

test("a subscription ON_HOLD is a wait on the provider OPD in the stack outputs, not a failure", async () => {
  const sim = await run(REPO, { exchangeStatus: "ON_HOLD" });
  expect(await value(sim.outputs.apiAccess)).toEqual({
    "simpeg-nik": { channel: "splp-nasional", status: "active", application: "pusdat-simpeg-nik", subscriptionStatus: "ON_HOLD", waiting: "menunggu persetujuan penyedia (Dinas Kependudukan dan Pencatatan Sipil)" },
    "harga-pangan": { channel: "pertukaran-lokal", status: "active", application: "pusdat-harga-pangan", subscriptionStatus: "ON_HOLD", waiting: "menunggu persetujuan penyedia (Dinas Perdagangan)" },
  });
});

describe("decommissioning and removal", () => {
  test("a decommissioned ApiAccess keeps its component and loses its exchange resource (the delete unsubscribes and revokes); no credentials remain", async () => {
    const sim = await run(makeProject({ "api/harga-pangan": { metadata: decommission } }));
    expect(splp(sim.resources).map((r) => `${r.type} ${r.name}`)).toEqual([
      "pusdat:index:ApiAccess simpeg-nik",
      "pusdat:index:ApiAccess harga-pangan",
      `${SPLP} simpeg-nik-exchange`,
    ]);
    expect(Object.keys(await value<object>(sim.outputs.apiCredentials))).toEqual(["simpeg-nik"]);
    expect((await value<Record<string, unknown>>(sim.outputs.apiAccess))["harga-pangan"]).toEqual({
      channel: "pertukaran-lokal", status: "decommissioned", application: null, subscriptionStatus: null, waiting: null,
    });
    expect(sim.outputs.manualSteps.map((m) => [m.id, m.state])).toEqual([["sipd-bappeda", "submitted"], ["simpeg-nik", "awaiting-agreement"]]);
  });

  test("deleting an active ApiAccess file is refused: only an approved decommission removes the subscription", async () => {
    const inventory = (await samples()).outputs.inventory;
    await expect(run(makeProject({ "api/harga-pangan": null }), { previous: inventory })).rejects.toThrow(
      "pusdat: perubahan ditolak; tidak ada yang diterapkan:\n  permintaan harga-pangan (ApiAccess) dihapus padahal masih active; hentikan dulu lewat status decommissioned dengan Nota Dinas penghentian, lalu hapus berkasnya pada pull request berikutnya",
    );
  });

  test("dropping spec.exchange from an active request is refused too: no subscription goes without a decommission", async () => {
    const inventory = (await samples()).outputs.inventory;
    await expect(run(makeProject({ "api/simpeg-nik": { spec: { exchange: null } } }), { previous: inventory })).rejects.toThrow(
      "pusdat: perubahan ditolak; tidak ada yang diterapkan:\n  spec.exchange simpeg-nik dihapus padahal langganannya (splp-nasional VerifikasiNIK v1) aktif di pertukaran; langganan hanya dicabut lewat status decommissioned dengan Nota Dinas penghentian",
    );
  });

  test("the channel's token may be a stack secret instead of an environment variable", async () => {
    const env = { ...ENV, PUSDAT_SPLP_LOKAL_TOKEN: "", PUSDAT_SPLP_NASIONAL_TOKEN: "" };
    await expect(run(REPO, { env })).rejects.toThrow(/PUSDAT_SPLP_LOKAL_TOKEN: .*\n  PUSDAT_SPLP_NASIONAL_TOKEN: /);
    pulumi.runtime.setAllConfig({ "splp:lokalToken": "sl", "splp:nasionalToken": "sn" }, ["splp:lokalToken", "splp:nasionalToken"]);
    try {
      const sim = await run(REPO, { env });
      expect(sim.resources.filter((r) => r.type === SPLP)).toHaveLength(2);
    } finally {
      pulumi.runtime.setAllConfig({});
    }
  });
});
