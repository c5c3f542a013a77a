/** Every policy of the pack. Tests and `pusdat plan` import this module, never the pack (which starts a server). */
import type { Policy } from "@pulumi/policy";
import type { ContextSource } from "./context";
import { dnsPolicies } from "./dns";
import { hostingPolicies } from "./hosting";
import { splpPolicies } from "./splp";
import { stackPolicies } from "./stack";
import { vmPolicies } from "./vm";

export const POLICY_PACK_NAME = "pusdat";

/** The pack's policies, judging against `ctx` (the engine's, or a project already opened). */
export const policiesFor = (ctx: ContextSource): Policy[] => [...dnsPolicies(ctx), ...hostingPolicies(ctx), ...vmPolicies(ctx), ...splpPolicies(ctx), ...stackPolicies(ctx)];

/** The policies' names in the pack's order; building the policies reads no context. */
export const POLICY_NAMES: readonly string[] = policiesFor(() => {
  throw new Error("no context needed for names");
}).map((p) => p.name);
