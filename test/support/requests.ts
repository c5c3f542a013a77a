/** Builds real loaded requests (parsed YAML with positions) from the samples plus a patch, for rule tests. */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { defaultCeilings } from "../../infra/core/config/ceilings";
import { loadSiteConfig } from "../../infra/core/config/load";
import type { SiteConfig } from "../../infra/core/config/site";
import type { LoadedRequest } from "../../infra/core/load/requests";
import { parseYamlMapping } from "../../infra/core/load/source";
import { KIND_SCHEMAS } from "../../infra/core/kinds";
import type { Request } from "../../infra/core/model/kinds";
import { byArrival, type Rule, type RuleContext } from "../../infra/core/rules/types";

const REPO = path.resolve(__dirname, "../..");

export function site(): SiteConfig {
  const s = loadSiteConfig(path.join(REPO, "Pulumi.contoh.yaml"));
  if (!s.ok) throw new Error(JSON.stringify(s.problems));
  return s.value;
}

type Patch = { [k: string]: unknown };

export function merge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (patch === null) return undefined; // null in a patch deletes the field
  if (typeof patch !== "object" || Array.isArray(patch) || typeof base !== "object" || base === null) return patch;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    const m = merge(out[k], v);
    if (m === undefined) delete out[k];
    else out[k] = m;
  }
  return out;
}

/** A sample request (`folder/id`) with `patch` applied, loaded as the loader would load it. */
export function req(sample: string, patch: Patch = {}): LoadedRequest {
  const raw = parseYamlMapping(fs.readFileSync(path.join(REPO, "requests", `${sample}.yaml`)));
  if (!raw.ok) throw new Error(sample);
  const value = merge(raw.value, patch) as Record<string, unknown>;
  const parsed = parseYamlMapping(Buffer.from(stringify(value)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const schema = KIND_SCHEMAS[value.kind as Request["kind"]];
  const request = schema.parse(parsed.value) as Request;
  return { file: `${request.metadata.id}.yaml`, request, source: parsed.source };
}

export function ctx(requests: LoadedRequest[], over: Partial<RuleContext> = {}): RuleContext {
  return { requests: byArrival(requests), site: site(), ceilings: defaultCeilings(), ...over };
}

/** A rule's findings as `file field: message`, the form the tables assert. */
export function findings(rule: Rule, c: RuleContext): string[] {
  return rule(c).map((f) => `${f.file} ${f.path!.join(".")}: ${f.message}`);
}
