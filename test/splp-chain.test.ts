/**
 * The SPLP chain offline, as the workflow runs it, against the fake exchange on 127.0.0.1: the
 * planner's inputs → the dynamic provider's create (the apply) → the credentials in the stack
 * output's shape → `pusdat verify` (token and API key reach the first GET) → the Berita Acara
 * Perjanjian Penggunaan API citing the try-out. No consumer secret, API key or token appears in the
 * plan, validate or verify output, the document, or an error the provider logs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseVerifyResults } from "../infra/core/archive/verify-file";
import { planProject } from "../infra/core/plan";
import { openProject } from "../infra/core/project";
import { generateDocuments } from "../infra/docs/generate";
import { emptyRegister } from "../infra/docs/numbering";
import { splpAccessProvider, type SplpProvider } from "../infra/program/splp-provider";
import { sampleProject } from "./support/documents";
import type { FakeWso2 } from "./support/fake-wso2";
import { splpWorld } from "./support/splp-world";
import { pdfTexts } from "./support/pdf-text";
import { cli, type World } from "./support/verify-world";

jest.setTimeout(120_000);

let w: World;
let ex: FakeWso2;
beforeEach(async () => {
  ({ w, ex } = await splpWorld());
  ex.addApi("HargaBahanPokok", "1.0.0", "/t/uji.test/hargapangan/1.0.0");
});
afterEach(async () => {
  await ex.stop();
  await w.stop();
});

const opened = () => {
  const p = openProject({ root: w.root, stack: "uji", policyConfig: path.resolve(__dirname, "../policies/config.json") });
  if (!p.ok) throw new Error("the test project does not open");
  return p;
};

/** The apply: the provider the engine would run, configured with the stack's secret token. */
async function apply(token = ex.portalToken) {
  const project = opened();
  const a = planProject(project).desired.apiAccess.find((x) => x.id === "pangan-uji")!;
  const provider = Object.create(splpAccessProvider) as SplpProvider;
  await provider.configure({ config: { get: (k) => (k === "splp:lokalToken" ? token : undefined) } });
  return { inputs: a.exchange!.inputs, created: await provider.create(a.exchange!.inputs), request: project.requests.find((r) => r.request.metadata.id === "pangan-uji")!.request };
}

test("apply, credentials delivered as the stack output, verify, agreement: the consumer's token reaches the API; no secret anywhere", async () => {
  const { inputs, created, request } = await apply();
  expect([inputs.baseUrl, inputs.tenant, inputs.application, created.outs.subscriptionStatus]).toEqual([ex.baseUrl, "uji.test", "pusdat-pangan-uji", "UNBLOCKED"]);
  // What `pulumi stack output apiCredentials --show-secrets --json` gives for this request.
  const o = created.outs;
  fs.writeFileSync(path.join(w.root, "kunci.json"), JSON.stringify({ "pangan-uji": { consumerKey: o.consumerKey, consumerSecret: o.consumerSecret, apikey: o.apikey } }));

  const verify = await cli(w, ["pangan-uji", "--api-credentials-file", "kunci.json", "--format", "json"], { PUSDAT_SPLP_LOKAL_TOKEN: ex.portalToken });
  expect([verify.code, verify.err]).toEqual([0, ""]);
  const parsed = parseVerifyResults(verify.out, "verify.json");
  if (!parsed.ok) throw new Error(parsed.problem);
  const result = parsed.value["pangan-uji"]!;
  expect([result.result, result.checks.map((c) => `${c.name} ${c.result}`)]).toEqual(["passed", ["splp-subscription passed", "splp-oauth2 passed", "splp-api-key passed"]]);

  const project = opened();
  const { documents } = await generateDocuments({
    changed: [{ id: "pangan-uji", change: "create", request }],
    site: project.site,
    // The test stack names no organisation or approvers: the sample stack's (invented) ones sign.
    organisation: sampleProject().site.organisation!,
    signer: sampleProject().site.approvers[0]!,
    commit: "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d",
    appliedAt: "2026-11-20T05:03:40Z",
    verify: parsed.value,
    register: emptyRegister(),
  });
  // Every document read back at once: each read is a node process that loads pdf.js.
  const texts = pdfTexts(documents.map((d) => d.bytes));
  const lines = texts[documents.findIndex((d) => d.type === "perjanjian-api")]!.lines;
  expect(lines.filter((l) => /splp-(subscription|oauth2|api-key)/.test(l)).length).toBeGreaterThanOrEqual(3);

  const plan = await cli(w, [], {}, "plan");
  const validate = await cli(w, [], {}, "validate");
  // The verify world's records point at 127.0.0.1, which dns-public-address refuses: the plan fails for that alone.
  expect(plan.out).toContain("\n  + buat akses SPLP WSO2 (aplikasi, langganan, kunci) pangan-uji-exchange — pangan-uji (requests/api/pangan-uji.yaml)\n");
  expect(plan.out.split("\n").filter((l) => l.includes("GAGAL"))).toEqual([
    "  GAGAL dns-public-address [mandatory] requests/hosting/disdik-web.yaml: rekaman disdik.uji.test: 127.0.0.1 adalah alamat loopback; yang diizinkan: alamat publik di dalam 203.0.113.0/24, 2001:db8::/32",
  ]);
  expect(validate.code).toBe(0);
  const secrets = [o.consumerSecret, o.apikey, ex.portalToken, ...ex.tokens.keys()];
  expect(secrets.every((s) => s.length > 8)).toBe(true);
  const everything = [verify.out, verify.err, plan.out, plan.err, validate.out, validate.err, ...documents.map((d) => d.bytes.toString("latin1")), ...texts.flatMap((t) => t.lines)].join("\n");
  for (const s of secrets) expect(everything).not.toContain(s);
});

test("the provider's errors (what the engine logs) name the channel and what to fix, never the token", async () => {
  const wrong = "token-portal-yang-salah-0042";
  const err = await apply(wrong).then(() => null, (e: Error) => e.message);
  expect(err).toBe("WSO2 Developer Portal menolak token portal (HTTP 401) untuk GET /apis; periksa kredensial kanal di konfigurasi stack");
  expect(ex.applications.size).toBe(0);
});
