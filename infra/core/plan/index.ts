/**
 * From an opened project to what should exist, failing closed: a configuration problem or any
 * finding stops everything before a single resource is planned. The Pulumi program and `pusdat plan`
 * both start here, so they refuse the same things with the same words.
 */
import { findingLine, type Finding, isBlocking } from "../findings";
import type { ConfigProblems, Project } from "../project";
import { RULES } from "../rules";
import { type Desired, planResources } from "./desired";
import { type Inventory, inventoryOf } from "./inventory";

/** Why nothing may be built; the message is what the user reads (Bahasa Indonesia). */
export class Blocked extends Error {}

const lines = (fs: Finding[]) => fs.map((f) => `  ${findingLine(f)}`).join("\n");

export interface ProjectPlan {
  desired: Desired;
  inventory: Inventory;
}

/**
 * `skipRuleChecks` is for tests only: it stands in for a program someone edited to skip the
 * cross-request rules, so the policy pack can be shown to stop what the validator would have.
 */
export function planProject(opened: Project | ConfigProblems, skipRuleChecks = false): ProjectPlan & { project: Project } {
  if (!opened.ok) {
    throw new Blocked(`pusdat: konfigurasi tidak sah; tidak ada yang diterapkan:\n${opened.usage ? `  ${opened.usage}` : lines(opened.problems)}`);
  }
  const blocking = opened.findings.filter((f) => isBlocking(f) && !(skipRuleChecks && f.rule in RULES));
  if (blocking.length) throw new Blocked(`pusdat: ${blocking.length} temuan; tidak ada yang diterapkan sampai semuanya diperbaiki:\n${lines(blocking)}`);
  return { project: opened, desired: planResources(opened.requests, opened.site), inventory: inventoryOf(opened.requests) };
}
