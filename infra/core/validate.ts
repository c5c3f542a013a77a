/**
 * parse → normalize → rules. The result lists every finding; the callers (CLI, Pulumi program,
 * planner) refuse to go on when there is any, so one bad request blocks the whole plan.
 */
import type { Ceilings } from "./config/ceilings";
import type { SiteConfig } from "./config/site";
import { compareFindings, type Finding } from "./findings";
import { type LoadedRequest, type LoadResult, loadRequests } from "./load/requests";
import { RULES } from "./rules";
import { byArrival, type RuleContext } from "./rules/types";

export interface Validation {
  requests: LoadedRequest[];
  findings: Finding[];
  files: number;
}

export function checkRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const [rule, check] of Object.entries(RULES)) {
    for (const f of check(ctx)) out.push({ ...f, rule });
  }
  return out;
}

export function validateRequests(dir: string, site: SiteConfig, ceilings: Ceilings): Validation {
  return judge(loadRequests(dir), site, ceilings);
}

function judge(loaded: LoadResult, site: SiteConfig, ceilings: Ceilings): Validation {
  const requests = byArrival(loaded.requests);
  const findings = [...loaded.findings, ...checkRules({ requests, site, ceilings })];
  findings.sort(compareFindings);
  return { requests, findings, files: loaded.files };
}
