/**
 * The access test's world (verify-world.ts) with a fake WSO2 exchange on 127.0.0.1 as the
 * pertukaran-lokal channel, and the sample pangan-uji request asking for HargaBahanPokok 1.0.0.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { FakeWso2 } from "./fake-wso2";
import { type World, world } from "./verify-world";

export async function splpWorld(): Promise<{ w: World; ex: FakeWso2 }> {
  const w = await world();
  const ex = new FakeWso2();
  await ex.start();
  const stackFile = path.join(w.root, "Pulumi.uji.yaml");
  const stack = parse(fs.readFileSync(stackFile, "utf8"));
  stack.config["pusdat:splp"] = {
    channels: { "pertukaran-lokal": { baseUrl: ex.baseUrl, gatewayUrl: ex.baseUrl, tenant: "uji.test", tiers: ["Bronze", "Silver"], maxKeyValidityDays: 180 } },
    timeoutMs: 10_000,
  };
  fs.writeFileSync(stackFile, stringify(stack));
  const reqFile = path.join(w.root, "requests/api/pangan-uji.yaml");
  const doc = parse(fs.readFileSync(reqFile, "utf8"));
  doc.spec.exchange = { api: "HargaBahanPokok", version: "1.0.0", tier: "Silver", keyValidityDays: 90 };
  fs.writeFileSync(reqFile, stringify(doc));
  return { w, ex };
}
