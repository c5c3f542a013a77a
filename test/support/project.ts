/** Temporary project roots (stack file, policy config, requests) built from the samples, for program tests. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { merge } from "./requests";

const REPO = path.resolve(__dirname, "../..");

/** `patches`: sample path ("vm/sibapo-app") → patch, or null to leave the file out; `extra`: new files. */
export function makeProject(patches: Record<string, object | null> = {}, extra: Record<string, object> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-proj-"));
  fs.copyFileSync(path.join(REPO, "Pulumi.contoh.yaml"), path.join(root, "Pulumi.contoh.yaml"));
  fs.mkdirSync(path.join(root, "policies"));
  fs.copyFileSync(path.join(REPO, "policies/config.json"), path.join(root, "policies/config.json"));
  for (const folder of ["subdomain", "hosting", "vm", "api"]) {
    fs.mkdirSync(path.join(root, "requests", folder), { recursive: true });
    for (const f of fs.readdirSync(path.join(REPO, "requests", folder))) {
      const key = `${folder}/${f.replace(/\.yaml$/, "")}`;
      const patch = patches[key];
      if (patch === null) continue;
      const text = fs.readFileSync(path.join(REPO, "requests", folder, f), "utf8");
      fs.writeFileSync(path.join(root, "requests", folder, f), patch ? stringify(merge(parse(text), patch)) : text);
    }
  }
  for (const [rel, value] of Object.entries(extra)) fs.writeFileSync(path.join(root, "requests", `${rel}.yaml`), stringify(value));
  return root;
}

export function sample(rel: string): Record<string, unknown> {
  return parse(fs.readFileSync(path.join(REPO, "requests", `${rel}.yaml`), "utf8"));
}
