/**
 * The dynamic provider as the engine runs it: serialized with the SDK's own serializer
 * (runtime.serializeFunction, what `pulumi.dynamic.Resource` calls), loaded as a module in a bare
 * `node` process (no TypeScript loader, as the engine's dynamic provider host is), configured with
 * the stack's secret token, and driven through create/read/diff/update/delete against the fake
 * exchange on 127.0.0.1. Also the methods called in-process for the diff decisions.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { accessInputs, type FakeWso2, startExchange } from "../../test/support/fake-wso2";
import { spawnCollect } from "../../test/support/spawn";
import { tempDir } from "../../test/support/tmp";
import type { SplpAccessInputs, SplpAccessState } from "./splp-access";
import { splpAccessProvider, type SplpProvider } from "./splp-provider";

jest.setTimeout(120_000);

let ex: FakeWso2;
beforeEach(async () => {
  ex = await startExchange();
});
afterEach(async () => {
  await ex.stop();
});

const inputs = (over: Partial<SplpAccessInputs> = {}) => accessInputs(ex, over);

/**
 * The driver the child runs: what the engine's dynamic provider host does with `__provider`. The
 * token reaches it through its environment (never a command line) and the provider through configure.
 * A file, not `node -e`: under -e Node's built-in modules are globals, which would hide a missing require.
 */
const DRIVER = `
const Module = require("node:module");
const fs = require("node:fs");
const [file, inputsJson] = process.argv.slice(2);
const token = process.env.DRIVER_CONFIG_TOKEN;
const m = new Module(file, module);
m.filename = file;
m.paths = Module._nodeModulePaths(process.cwd());
m._compile(fs.readFileSync(file, "utf8"), file);
const provider = m.exports.handler();
const hide = (s) => ({ ...s, consumerKey: s.consumerKey ? "(ada)" : "", consumerSecret: s.consumerSecret ? "(ada)" : "", apikey: s.apikey ? "(ada)" : "" });
(async () => {
  await provider.configure({ config: { get: (k) => (k === "splp:lokalToken" ? token : undefined) } });
  const inputs = JSON.parse(inputsJson);
  const out = [];
  const created = await provider.create(inputs);
  out.push(["create", created.id, hide(created.outs)]);
  const read = await provider.read(created.id, created.outs);
  out.push(["read", read.id, read.props.subscriptionStatus]);
  const news = { ...inputs, tier: "Gold" };
  out.push(["diff", await provider.diff(created.id, created.outs, news)]);
  const updated = await provider.update(created.id, created.outs, news);
  out.push(["update", updated.outs.tier, updated.outs.subscriptionStatus]);
  await provider.delete(created.id, updated.outs);
  out.push(["read-after-delete", await provider.read(created.id, updated.outs)]);
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { process.stderr.write(String(e && e.message)); process.exit(1); });
`;

/** Runs the serialized provider text in a bare node (the driver above) against the fake exchange. */
async function drive(providerText: string): Promise<unknown> {
  expect(providerText).not.toContain(ex.portalToken);
  // No TypeScript-only require of a local file: local modules are captured by value.
  expect(providerText).not.toMatch(/require\("\.\.?\//);
  const dir = tempDir("splp-provider");
  const file = path.join(dir, "provider.js");
  fs.writeFileSync(file, providerText);
  fs.writeFileSync(path.join(dir, "driver.js"), DRIVER);
  const stdout = await run(process.execPath, [path.join(dir, "driver.js"), file, JSON.stringify(inputs())], dir, { DRIVER_CONFIG_TOKEN: ex.portalToken });
  return JSON.parse(stdout);
}

const run = (cmd: string, args: string[], cwd: string, env: Record<string, string>) =>
  new Promise<string>((resolve, reject) =>
    execFile(cmd, args, { cwd, timeout: 90_000, maxBuffer: 1 << 24, env: { PATH: process.env.PATH ?? "", ...env } }, (err, out, errOut) =>
      err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out),
    ),
  );

const LIFECYCLE = () => [
  [
    "create",
    "app-0002",
    { ...inputs(), applicationId: "app-0002", apiId: "api-1", subscriptionId: "sub-0003", subscriptionStatus: "UNBLOCKED", consumerKey: "(ada)", consumerSecret: "(ada)", apikey: "(ada)" },
  ],
  ["read", "app-0002", "UNBLOCKED"],
  ["diff", { changes: true, replaces: [], deleteBeforeReplace: true }],
  ["update", "Gold", "UNBLOCKED"],
  ["read-after-delete", {}],
];

const REPO = path.resolve(__dirname, "../..");

/**
 * One process loads the program as `pulumi up` does: ts-node, transpile-only (the workflows run
 * `pulumi up` with PULUMI_NODEJS_TRANSPILE_ONLY=true; without it ts-node would also type-check, with
 * tsconfig.json, exactly what `tsc --noEmit -p .` checks at the start of `npm test`). It prints `ok`
 * once the program is loaded, then serializes the provider with the SDK's own serializer into a file.
 * Serialized only from such a process: jest transpiles with swc, whose module helpers the serializer
 * would capture instead of TypeScript's. Loading ts-node and the program is the slow part: the two
 * tests below share the one process.
 */
let loaded: Promise<{ status: number; stdout: string; stderr: string; serialized?: string }> | undefined;
function underTsNode() {
  loaded ??= (async () => {
    const dir = tempDir("splp-serialize");
    const script = path.join(dir, "load-and-serialize.js");
    const out = path.join(dir, "serialized.json");
    fs.writeFileSync(
      script,
      [
        `require(${JSON.stringify(path.join(REPO, "infra/program/program.ts"))});`,
        "console.log('ok');",
        `const pulumi = require(${JSON.stringify(require.resolve("@pulumi/pulumi"))});`,
        `const { splpAccessProvider } = require(${JSON.stringify(path.join(__dirname, "splp-provider.ts"))});`,
        `pulumi.runtime.serializeFunction(() => splpAccessProvider, { allowSecrets: true }).then((sf) => require("node:fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify(sf)));`,
      ].join("\n"),
    );
    const r = await spawnCollect(process.execPath, ["-r", "ts-node/register", script], { cwd: REPO, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" } });
    return { status: r.code, stdout: r.out, stderr: r.err, serialized: fs.existsSync(out) ? fs.readFileSync(out, "utf8") : undefined };
  })();
  return loaded;
}

test("the engine's TypeScript loader (ts-node, transpile-only, as the workflows run `pulumi up`) loads the program", async () => {
  const r = await underTsNode();
  expect([r.status, r.stdout.trim(), r.stderr]).toEqual([0, "ok", ""]);
});

test("serialized under ts-node from files, as `pulumi up` loads the program (transpile-only, as CI sets it), it runs the same", async () => {
  const r = await underTsNode();
  if (r.serialized === undefined) throw new Error(`serialisasi gagal (exit ${r.status}):\n${r.stderr}`);
  const sf = JSON.parse(r.serialized) as { text: string; exportName: string; containsSecrets: boolean };
  expect([sf.exportName, sf.containsSecrets]).toEqual(["handler", false]);
  const text = sf.text;
  // Node's built-ins are required by name; everything of ours is inlined.
  expect([...new Set(text.match(/require\("[^"]+"\)/g))].sort()).toEqual(['require("http")', 'require("https")', 'require("tls")']);
  expect(await drive(text)).toEqual(LIFECYCLE());
  // delete left nothing on the exchange.
  expect([ex.applications.size, ex.subscriptions.size, ex.keys.size, ex.apiKeys.size]).toEqual([0, 0, 0, 0]);
});

describe("in process", () => {
  type Self = SplpProvider;
  /** A fresh provider object per test, as each engine process deserializes its own. */
  const provider = (): Self => Object.create(splpAccessProvider) as Self;

  test("the stack's secret token is used; without it, the environment's; without both, an Indonesian error", async () => {
    const p = provider();
    await p.configure({ config: { get: (k) => (k === "splp:lokalToken" ? ex.portalToken : undefined) } });
    const created = await p.create(inputs());
    expect(created.id).toBe("app-0002");
    const q = provider();
    await q.configure({ config: { get: () => undefined } });
    const saved = process.env.PUSDAT_SPLP_LOKAL_TOKEN;
    try {
      delete process.env.PUSDAT_SPLP_LOKAL_TOKEN;
      await expect(q.read(created.id, created.outs)).rejects.toThrow(
        "token Developer Portal kanal pertukaran-lokal tidak ada: isi rahasia stack splp:lokalToken (pulumi config set --secret splp:lokalToken) atau variabel lingkungan PUSDAT_SPLP_LOKAL_TOKEN",
      );
      process.env.PUSDAT_SPLP_LOKAL_TOKEN = ex.portalToken;
      expect((await q.read(created.id, created.outs)).id).toBe("app-0002");
    } finally {
      if (saved === undefined) delete process.env.PUSDAT_SPLP_LOKAL_TOKEN;
      else process.env.PUSDAT_SPLP_LOKAL_TOKEN = saved;
    }
  });

  test("read reports a subscription removed by hand; diff then asks for an update that subscribes again", async () => {
    const p = provider();
    await p.configure({ config: { get: () => ex.portalToken } });
    const { id, outs } = await p.create(inputs());
    ex.subscriptions.clear();
    const read = (await p.read(id, outs)) as { id: string; props: SplpAccessState };
    expect([read.id, read.props.subscriptionId, read.props.subscriptionStatus]).toEqual(["app-0002", "", "REMOVED"]);
    expect(await p.diff(id, read.props, inputs())).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
    const { outs: fixed } = await p.update(id, read.props, inputs());
    expect([fixed.subscriptionStatus, [...ex.subscriptions.values()].map((s) => s.throttlingPolicy)]).toEqual(["UNBLOCKED", ["Silver"]]);
  });

  test("an ON_HOLD subscription is read back as ON_HOLD, then UNBLOCKED once the provider approves", async () => {
    ex.workflow = true;
    const p = provider();
    await p.configure({ config: { get: () => ex.portalToken } });
    const { id, outs } = await p.create(inputs());
    expect(outs.subscriptionStatus).toBe("ON_HOLD");
    ex.approve(outs.subscriptionId);
    expect(((await p.read(id, outs)) as { props: SplpAccessState }).props.subscriptionStatus).toBe("UNBLOCKED");
  });

  test.each([
    ["nothing changed", {}, { changes: false, replaces: [], deleteBeforeReplace: true }],
    ["a new tier updates", { tier: "Gold" }, { changes: true, replaces: [], deleteBeforeReplace: true }],
    ["a new key validity updates", { apiKeyValidityDays: 30 }, { changes: true, replaces: [], deleteBeforeReplace: true }],
    ["another API version replaces (delete first: the application name stays)", { version: "2.0.0" }, { changes: true, replaces: ["version"], deleteBeforeReplace: true }],
    ["another channel replaces", { channel: "splp-nasional", baseUrl: "http://127.0.0.1:1" }, { changes: true, replaces: ["channel", "baseUrl"], deleteBeforeReplace: true }],
  ] as const)("diff: %s", async (_n, change, expected) => {
    const state: SplpAccessState = { ...inputs(), applicationId: "a", apiId: "b", subscriptionId: "c", subscriptionStatus: "UNBLOCKED", consumerKey: "k", consumerSecret: "s", apikey: "x" };
    expect(await provider().diff("a", state, inputs(change as Partial<SplpAccessInputs>))).toEqual(expected);
  });

  test("read refuses an import: the consumer secret cannot be read again", async () => {
    await expect(provider().read("app-9")).rejects.toThrow("akses SPLP app-9 tidak dapat diimpor: consumer secret aplikasi yang sudah ada tidak dapat dibaca ulang");
  });
});
