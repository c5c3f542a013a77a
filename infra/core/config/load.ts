/**
 * Reads the stack file and the policy configuration with positions. A problem here is a
 * configuration error (the CLI's exit code 2), not a finding about a request.
 */
import * as fs from "node:fs";
import type { z } from "zod";
import type { Finding } from "../findings";
import { displayPath } from "../load/requests";
import { parseYamlMapping, type Path } from "../load/source";
import { schemaProblems } from "../model/issues";
import { type Ceilings, PolicyConfig } from "./ceilings";
import { SiteConfig } from "./site";

export type Loaded<T> = { ok: true; value: T } | { ok: false; problems: Finding[] };

const NS = "pusdat:";

function readDoc(file: string) {
  const shown = displayPath(file);
  if (!fs.existsSync(file)) {
    return { shown, parsed: { ok: false as const, problems: [{ line: 1, column: 1, rule: "config", message: `berkas tidak ditemukan: ${shown}` }] } };
  }
  return { shown, parsed: parseYamlMapping(fs.readFileSync(file)) };
}

function validate<T extends z.ZodType>(
  file: string,
  schema: T,
  read: (value: Record<string, unknown>) => { input: unknown; toYamlPath: (p: Path) => Path } | string,
): Loaded<z.infer<T>> {
  const { shown, parsed } = readDoc(file);
  const at = (line: number, column: number, message: string): Finding => ({ file: shown, line, column, rule: "config", message, severity: "error" });
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => at(p.line, p.column, p.message)) };
  const extracted = read(parsed.value);
  if (typeof extracted === "string") return { ok: false, problems: [at(1, 1, extracted)] };
  // Parsed once per run: compiling zod's fast path for it would cost more than it saves.
  const result = schema.safeParse(extracted.input, { jitless: true });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: schemaProblems(schema, result.error, extracted.input).map((p) => {
      const pos = parsed.source.position(extracted.toYamlPath(p.path), p.key);
      return at(pos.line, pos.column, p.message);
    }),
  };
}

/** `Pulumi.<stack>.yaml` → the `pusdat:` namespace as a SiteConfig. Other namespaces belong to the providers. */
export function loadSiteConfig(stackFile: string): Loaded<SiteConfig> {
  return validate(stackFile, SiteConfig, (doc) => {
    const config = doc.config;
    if (!config || typeof config !== "object" || Array.isArray(config)) return "berkas stack harus berisi mapping config:";
    const input: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(config)) if (k.startsWith(NS)) input[k.slice(NS.length)] = v;
    return { input, toYamlPath: (p) => (p.length ? ["config", `${NS}${p[0]}`, ...p.slice(1)] : ["config"]) };
  });
}

/** `policies/config.json` (JSON is YAML, so the same reader gives positions). */
export function loadPolicyConfig(file: string): Loaded<PolicyConfig> {
  return validate(file, PolicyConfig, (doc) => ({ input: doc, toYamlPath: (p) => p }));
}

export function ceilingsOf(cfg: PolicyConfig): Ceilings {
  return { "vm-ceiling": cfg["vm-ceiling"], "opd-totals": cfg["opd-totals"], "hosting-plan-ceiling": cfg["hosting-plan-ceiling"] };
}
