/**
 * The pack through the engine's protocol: the real program runs under mocks, every registered
 * resource (type, name, inputs, options) becomes an AnalyzeRequest / AnalyzeStackRequest, and the
 * pack's own handlers answer. Violations come either from requests (with the program's rule checks
 * off, standing in for an edited program) or from resources altered the way an edited program could.
 * Last, the pack over the wire as the engine drives it: its own process, Configure and Analyze over gRPC.
 * (One file: both load the Pulumi runtime and the program, which jest loads again for every file.)
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { CapturedResource } from "../infra/program/simulate";
import { simulate } from "../infra/program/simulate";
import { makeProject, sample } from "../test/support/project";
import { site as sampleSite } from "../test/support/requests";
import { defaultCeilings, PolicyConfig } from "../infra/core/config/ceilings";
import { openConfig } from "../infra/core/project";
import { POLICY_NAMES } from "./all";
import { analyze, describe as describeResource } from "./analyze";
import type { PolicyContext } from "./context";

const REPO = path.resolve(__dirname, "..");
const ENV = { CLOUDFLARE_API_TOKEN: "cf", WHM_HOST: "whm", WHM_API_TOKEN: "t", PROXMOX_VE_API_TOKEN: "p", PUSDAT_SPLP_LOKAL_TOKEN: "sl", PUSDAT_SPLP_NASIONAL_TOKEN: "sn" };
const resourcesOf = async (root = REPO) => (await simulate({ stack: "contoh", root, env: ENV, previous: {}, skipRuleChecksForPolicyTests: true })).resources;
/** The pack judges against the sample stack and policies/config.json, as the engine would open them. */
const opened = openConfig({ root: REPO });
if (!opened.ok) throw new Error("the sample configuration is invalid");
const SAMPLE: PolicyContext = { site: opened.site, ceilings: opened.ceilings };
const messages = async (rs: CapturedResource[], ctx = SAMPLE) => (await analyze(rs, ctx)).diagnostics.map((d) => `${d.policy} [${d.enforcementLevel}] ${d.message}`);

/** A copy of the resources with one altered, as an edited program would register it. */
function alter(rs: CapturedResource[], name: string, change: (r: CapturedResource) => void): CapturedResource[] {
  return rs.map((r) => {
    if (r.name !== name) return r;
    const copy = JSON.parse(JSON.stringify(r)) as CapturedResource;
    change(copy);
    return copy;
  });
}

let samples: CapturedResource[];
beforeAll(async () => {
  samples = await resourcesOf();
});

test("the samples pass every policy", async () => {
  expect(await messages(samples)).toEqual([]);
});

test("every policy in the pack applies to at least one resource the program really emits", async () => {
  const { applied } = await analyze(samples, SAMPLE);
  const counts = Object.fromEntries(POLICY_NAMES.map((n) => [n, applied.get(n)?.size ?? 0]));
  expect(counts).toEqual({
    "dns-zone-only": 7, "dns-no-wildcard": 7, "dns-public-address": 7, "dns-proxied-ttl": 7, "dns-reserved-label": 7, "dns-traceable": 7,
    "hosting-plan-allowed": 3, "hosting-plan-ceiling": 3, "hosting-no-removeacct": 3, "hosting-no-recreate": 3,
    "vm-ceiling": 3, "vm-template-allowed": 3, "vm-protected": 3, "vm-traceable-tags": 3, "vm-no-recreate": 3,
    "splp-exchange-ceiling": 2,
    "node-capacity": 1, "opd-totals": 1, "unique-claims": 1,
  });
});

describe("violations built from requests", () => {
  test.each([
    ["vm-ceiling", { "vm/sibapo-app": { spec: { cpu: 12, memoryGb: 40 } } }, {}, [
      "vm-ceiling [mandatory] VM sibapo-app: cpu 12 inti melebihi batas per VM; yang diizinkan: 1–8 inti",
      "vm-ceiling [mandatory] VM sibapo-app: memoryGb 40 GB melebihi batas per VM; yang diizinkan: 1–32 GB",
    ]],
    ["dns-public-address", { "subdomain/sibapo": { spec: { target: { ip: "10.20.30.40" } } } }, {}, [
      "dns-public-address [mandatory] rekaman sibapo.contohkab.go.id: 10.20.30.40 adalah alamat privat; yang diizinkan: alamat publik di dalam 203.0.113.0/24, 198.51.100.0/24, 2001:db8::/32",
    ]],
    ["dns-proxied-ttl", { "subdomain/sibapo": { spec: { ttl: 300 } } }, {}, [
      "dns-proxied-ttl [mandatory] rekaman sibapo.contohkab.go.id: ttl 300 tidak boleh untuk rekaman proxied; rekaman proxied selalu auto: hapus ttl atau set proxied: false",
    ]],
    ["dns-reserved-label", { "subdomain/sibapo": { spec: { name: "mail" } } }, {}, [
      "dns-reserved-label [mandatory] rekaman mail.contohkab.go.id: label \"mail\" dicadangkan untuk layanan Diskominfo; label yang dicadangkan: www, mail, ns1, ns2, cpanel, webmail, ftp, autodiscover, @, hosting, whm, pve1, pve2",
    ]],
    ["hosting-plan-allowed", { "hosting/kec-kota": { spec: { plan: "jumbo" } } }, {}, [
      "hosting-plan-allowed [mandatory] akun keckota (kec-kota-account): paket \"jumbo\" tidak ada; yang diizinkan: kecil, sedang, besar",
    ]],
    ["unique-claims", { "vm/simpeg-db": { spec: { vmid: 210, ip: "10.20.30.15" } }, "subdomain/ppid": { spec: { name: "sibapo" } } }, {}, [
      "unique-claims [mandatory] nama sibapo.contohkab.go.id dipakai oleh sibapo-dns dan ppid-dns",
      "unique-claims [mandatory] VMID 210 dipakai oleh sibapo-app-vm dan simpeg-db-vm",
      "unique-claims [mandatory] IP 10.20.30.15 dipakai oleh sibapo-app-vm dan simpeg-db-vm",
    ]],
    ["splp-exchange-ceiling (tier, key validity)", { "api/harga-pangan": { spec: { exchange: { tier: "Platinum", keyValidityDays: 400 } } } }, {}, [
      "splp-exchange-ceiling [mandatory] akses SPLP pusdat-harga-pangan (harga-pangan-exchange): tier \"Platinum\" tidak diizinkan di kanal pertukaran-lokal; yang diizinkan: Bronze, Silver, Gold",
      "splp-exchange-ceiling [mandatory] akses SPLP pusdat-harga-pangan (harga-pangan-exchange): masa berlaku API key 400 hari melebihi batas kanal pertukaran-lokal; yang diizinkan: 1–365 hari",
    ]],
    ["node-capacity", { "vm/sibapo-app": { spec: { memoryGb: 32 } } }, {
      "vm/besar-1": { ...sample("vm/sibapo-app"), metadata: { ...(sample("vm/sibapo-app").metadata as object), id: "besar-1", opd: "Dinas Uji Satu" }, spec: { ...(sample("vm/sibapo-app").spec as object), hostname: "besar-1", memoryGb: 32, vmid: 301, ip: "10.20.30.101" } },
      "vm/besar-2": { ...sample("vm/sibapo-app"), metadata: { ...(sample("vm/sibapo-app").metadata as object), id: "besar-2", opd: "Dinas Uji Dua" }, spec: { ...(sample("vm/sibapo-app").spec as object), hostname: "besar-2", memoryGb: 8, vmid: 302, ip: "10.20.30.102" } },
    }, [
      "node-capacity [mandatory] kapasitas memori node pve1 terlampaui: 72 GB dari 64 GB (64 GB × overcommit 1); sisa sebelum permintaan ini 24 GB (VM sibapo-app-vm)",
    ]],
  ])("%s", async (_name, patches, extra, expected) => {
    expect(await messages(await resourcesOf(makeProject(patches, extra)))).toEqual(expected);
  });

  test("opd-totals: a 21st subdomain of one OPD", async () => {
    const extra = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`subdomain/uji-${i}`, { ...sample("subdomain/sibapo"), metadata: { ...(sample("subdomain/sibapo").metadata as object), id: `uji-${i}` }, spec: { name: `uji-${i}`, target: { ip: "203.0.113.10" } } }]),
    );
    const got = await messages(await resourcesOf(makeProject({}, extra)));
    expect(got).toEqual(["opd-totals [mandatory] total subdomain OPD \"dinas-perdagangan\" menjadi 21 subdomain; batas per OPD 20 subdomain (sudah terpakai 20 subdomain) (uji-9-dns)"]);
  });
});

describe("violations an edited program could register", () => {
  test.each([
    ["dns-zone-only", "sibapo-dns", (r: CapturedResource) => (r.inputs.name = "sibapo.example.org"), ["dns-zone-only [mandatory] rekaman sibapo.example.org berada di luar zona contohkab.go.id"]],
    ["dns-no-wildcard", "sibapo-dns", (r: CapturedResource) => (r.inputs.name = "*.contohkab.go.id"), ["dns-no-wildcard [mandatory] rekaman wildcard *.contohkab.go.id tidak diizinkan"]],
    ["dns-traceable", "ppid-dns", (r: CapturedResource) => (r.inputs.tags = ["opd:x"]), ["dns-traceable [mandatory] rekaman ppid.contohkab.go.id tidak memiliki tag pusdat-id:ppid, nota-dinas:"]],
    ["hosting-no-removeacct", "kec-kota-account", (r: CapturedResource) => (r.inputs.delete = "whmapi1 removeacct user=keckota"), [
      "hosting-no-removeacct [mandatory] perintah kec-kota-account memanggil removeacct: penghapusan akun dilarang",
      "hosting-no-removeacct [mandatory] perintah delete kec-kota-account harus persis \"node scripts/whm.js delete\", bukan \"whmapi1 removeacct user=keckota\"",
    ]],
    ["vm-template-allowed", "simpeg-db-vm", (r: CapturedResource) => ((r.inputs.clone as { vmId: number }).vmId = 1234), [
      "vm-template-allowed [mandatory] VM simpeg-db diklon dari VMID 1234; yang diizinkan: ubuntu-24.04 (9000), debian-12 (9001), rocky-9 (9002)",
    ]],
    ["vm-protected", "simpeg-db-vm", (r: CapturedResource) => {
      r.protect = false;
      r.inputs.protection = false;
    }, ["vm-protected [mandatory] VM aktif simpeg-db tanpa protection: true", "vm-protected [mandatory] VM aktif simpeg-db tanpa opsi protect"]],
    ["vm-traceable-tags", "simpeg-db-vm", (r: CapturedResource) => (r.inputs.tags = ["pusdat", "opd-x", "nd-1"]), [
      "vm-traceable-tags [mandatory] tag VM simpeg-db-vm tidak terurut (Proxmox mengurutkannya: diff abadi): pusdat, opd-x, nd-1",
      "vm-traceable-tags [mandatory] VM simpeg-db-vm tidak dapat ditelusuri ke permintaannya; tag yang kurang: req-simpeg-db",
    ]],
    ["vm-no-recreate", "simpeg-db-vm", (r: CapturedResource) => {
      delete r.inputs.migrate;
      r.ignoreChanges = [];
    }, [
      "vm-no-recreate [mandatory] VM simpeg-db tanpa migrate: true (perubahan node akan membuat VM baru)",
      "vm-no-recreate [mandatory] VM simpeg-db tanpa ignoreChanges clone (perubahan templat akan membuat VM baru)",
    ]],
    ["splp-exchange-ceiling", "simpeg-nik-exchange", (r: CapturedResource) => {
      r.inputs.tier = "Gold";
      r.inputs.apiKeyValidityDays = 30;
    }, [
      "splp-exchange-ceiling [mandatory] akses SPLP pusdat-simpeg-nik (simpeg-nik-exchange): tier \"Gold\" tidak diizinkan di kanal splp-nasional; yang diizinkan: Bronze, Silver",
      "splp-exchange-ceiling [mandatory] akses SPLP pusdat-simpeg-nik (simpeg-nik-exchange): keyValidityDays hanya berlaku untuk auth api-key; auth permohonan ini oauth2, hapus keyValidityDays",
    ]],
    ["hosting-no-recreate", "kec-kota-account", (r: CapturedResource) => (r.inputs.triggers = ["rotasi-1"]), [
      "hosting-no-recreate [mandatory] perintah akun kec-kota-account memakai triggers: setiap perubahannya membuat akun baru (createacct)",
    ]],
  ])("%s", async (_name, target, change, expected) => {
    expect(await messages(alter(samples, target, change))).toEqual(expected);
  });
});

describe("configuration", () => {
  test("dns-traceable on a zone without record tags (pusdat:cloudflareTags false) checks the comment only", async () => {
    const noTags: PolicyContext = { ...SAMPLE, site: { ...SAMPLE.site, cloudflareTags: false } };
    const untagged = alter(samples, "ppid-dns", (r) => delete r.inputs.tags);
    expect(await messages(untagged, noTags)).toEqual([]);
    expect(await messages(untagged)).toEqual(["dns-traceable [mandatory] rekaman ppid.contohkab.go.id tidak memiliki tag pusdat-id:ppid, opd:, nota-dinas:"]);
    const wrongComment = alter(untagged, "ppid-dns", (r) => (r.inputs.comment = "dibuat tangan"));
    expect(await messages(wrongComment, noTags)).toEqual(["dns-traceable [mandatory] komentar rekaman ppid.contohkab.go.id tidak menyebut permintaan ppid"]);
  });

  test("hosting-plan-ceiling follows the ceilings, and the engine's policy config overrides the file", async () => {
    const lowered = { site: sampleSite(), ceilings: { ...defaultCeilings(), "hosting-plan-ceiling": { maxDiskGb: 10, maxBandwidthGb: 300 } } };
    expect(await messages(samples, lowered)).toEqual(["hosting-plan-ceiling [mandatory] akun dinkes: paket besar: kuota disk 20 GB melebihi batas 10 GB"]);
  });

  test("enforcement levels from policies/config.json apply as the engine applies them", async () => {
    const rs = alter(samples, "sibapo-dns", (r) => (r.inputs.name = "*.contohkab.go.id"));
    const cfg = PolicyConfig.parse({ all: "advisory", "dns-no-wildcard": { enforcementLevel: "mandatory" } });
    const got = (await analyze(rs, SAMPLE, cfg)).diagnostics.map((d) => [d.policy, d.enforcementLevel]);
    expect(got).toEqual([["dns-no-wildcard", "mandatory"]]);
    const off = PolicyConfig.parse({ "dns-no-wildcard": "disabled" });
    expect((await analyze(rs, SAMPLE, off)).diagnostics).toEqual([]);
  });
});

/**
 * The pack over the wire, as the engine drives it: Pulumi's own run-policy-pack entry, in the pack's
 * folder, loads the pack's `main` (policies/pack.js, the bundled policies/index.ts) and serves gRPC,
 * printing its port;
 * a client sends Configure (the policy config the CLI reads from --policy-pack-config) and Analyze
 * (a resource the real program registers). Proves the engine's config reaches the policies.
 */
describe("the pack process over gRPC", () => {
  let pack: ChildProcess;
  let client: AnalyzerClient;
  let port: string;

  beforeAll(async () => {
    pack = spawn(process.execPath, [require.resolve("@pulumi/pulumi/cmd/run-policy-pack"), "127.0.0.1:1", "."], {
      cwd: path.resolve(__dirname),
      env: { ...process.env, PUSDAT_STACK: "contoh" },
    });
    port = await new Promise<string>((resolve, reject) => {
      let out = "";
      pack.stdout!.on("data", (d) => {
        out += d;
        if (out.includes("\n")) resolve(out.split("\n")[0]!);
      });
      pack.on("exit", (code) => reject(new Error(`pack exited ${code}`)));
    });
    client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  }, 60_000);

  afterAll(() => {
    client?.close();
    pack?.kill();
  });

  /** The sample program as the engine runs it (rule checks on), simulated once for both Analyze tests. */
  let simulated: ReturnType<typeof simulate> | undefined;
  const program = () => (simulated ??= simulate({ stack: "contoh", root: REPO, env: { CLOUDFLARE_API_TOKEN: "x", WHM_HOST: "h", WHM_API_TOKEN: "t", PROXMOX_VE_API_TOKEN: "p", PUSDAT_SPLP_LOKAL_TOKEN: "sl", PUSDAT_SPLP_NASIONAL_TOKEN: "sn" }, previous: {} }));

  const rpc = <Req, Res>(fn: (req: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => unknown, req: Req) =>
    new Promise<Res>((resolve, reject) => fn.call(client, req, (e, r) => (e ? reject(e) : resolve(r))));

  /** What the CLI sends for `--policy-pack-config`: every policy with its level ("all" expanded) and its properties. */
  function configure(cfg: Record<string, Record<string, unknown>>) {
    const req = new analyzerPb.ConfigureAnalyzerRequest();
    for (const name of POLICY_NAMES) {
      const c = new analyzerPb.PolicyConfig();
      c.setEnforcementlevel(analyzerPb.EnforcementLevel.MANDATORY);
      c.setProperties(Struct.fromJavaScript((cfg[name] ?? {}) as never));
      req.getPolicyconfigMap().set(name, c);
    }
    return rpc(client.configure, req);
  }

  test("the pack process boots and prints the port it serves on", () => {
    expect(port).toMatch(/^\d{2,5}$/);
  });

  test("Configure then Analyze over gRPC: the engine's ceiling overrides the file's", async () => {
    const sim = await program();
    const vm = sim.resources.find((r) => r.name === "sibapo-app-vm")!;
    const analyzeVm = async () => {
      const res = await rpc<analyzerPb.AnalyzeRequest, analyzerPb.AnalyzeResponse>(client.analyze, describeResource(new analyzerPb.AnalyzeRequest(), vm));
      return res.getDiagnosticsList().map((d) => [d.getPolicyname(), d.getEnforcementlevel(), d.getMessage().split("\n").pop()]);
    };

    await configure({});
    expect(await analyzeVm()).toEqual([]);

    await configure({ "vm-ceiling": { maxCores: 1, maxMemoryGb: 2 } });
    expect(await analyzeVm()).toEqual([
      ["vm-ceiling", analyzerPb.EnforcementLevel.MANDATORY, "VM sibapo-app: cpu 2 inti melebihi batas per VM; yang diizinkan: 1–1 inti"],
      ["vm-ceiling", analyzerPb.EnforcementLevel.MANDATORY, "VM sibapo-app: memoryGb 4 GB melebihi batas per VM; yang diizinkan: 1–2 GB"],
    ]);
  }, 60_000);

  test("over gRPC the pack judges the SPLP exchange resource with the validator's own check", async () => {
    const sim = await program();
    const exchange = sim.resources.find((r) => r.name === "harga-pangan-exchange")!;
    const analyzeIt = async (r: typeof exchange) => {
      const res = await rpc<analyzerPb.AnalyzeRequest, analyzerPb.AnalyzeResponse>(client.analyze, describeResource(new analyzerPb.AnalyzeRequest(), r));
      return res.getDiagnosticsList().map((d) => [d.getPolicyname(), d.getMessage().split("\n").pop()]);
    };
    await configure({});
    expect(await analyzeIt(exchange)).toEqual([]);
    expect(await analyzeIt({ ...exchange, inputs: { ...exchange.inputs, tier: "Unlimited" } })).toEqual([
      ["splp-exchange-ceiling", "akses SPLP pusdat-harga-pangan (harga-pangan-exchange): tier \"Unlimited\" tidak diizinkan di kanal pertukaran-lokal; yang diizinkan: Bronze, Silver, Gold"],
    ]);
  }, 60_000);
});
