/**
 * What the policies judge against: the site configuration (zone, public ranges, plans, templates,
 * nodes) and the ceilings, as the core's front door opened them. The policies receive it as a
 * function, never through a module global: `pusdat plan` and the tests hand in the project they
 * already opened; inside the engine, `engineContext` opens it once (stack from PUSDAT_STACK).
 * Ceilings the engine passes (`--policy-pack-config`) override the file's.
 */
import * as path from "node:path";
import type { Ceilings } from "../infra/core/config/ceilings";
import type { SiteConfig } from "../infra/core/config/site";
import { findingLine } from "../infra/core/findings";
import { DEFAULT_STACK, openConfig } from "../infra/core/project";

export interface PolicyContext {
  site: SiteConfig;
  ceilings: Ceilings;
}

/** Read lazily: the engine constructs the pack before any resource is analysed. */
export type ContextSource = () => PolicyContext;

let opened: PolicyContext | undefined;

/** Inside the engine: the project beside the pack (policies/..), the stack PUSDAT_STACK names. */
export const engineContext: ContextSource = () => {
  if (opened) return opened;
  const config = openConfig({ root: path.resolve(__dirname, ".."), stack: process.env.PUSDAT_STACK || DEFAULT_STACK });
  if (!config.ok) {
    const problems = config.usage ? [config.usage] : config.problems.map(findingLine);
    throw new Error(`pusdat policy pack: konfigurasi tidak sah:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
  return (opened = { site: config.site, ceilings: config.ceilings });
};

/** The file's ceiling for `key`, with whatever the engine's policy config says on top. */
export function ceiling<K extends keyof Ceilings>(ctx: ContextSource, key: K, engine: Record<string, unknown>): Ceilings[K] {
  return { ...ctx().ceilings[key], ...engine } as Ceilings[K];
}
