/** Every policy of the pack. Tests and `pusdat plan` import this module, never the pack (which starts a server). */
import { dnsPolicies } from "./dns";
import { hostingPolicies } from "./hosting";
import { stackPolicies } from "./stack";
import { vmPolicies } from "./vm";

export const POLICY_PACK_NAME = "pusdat";
export const policies = [...dnsPolicies, ...hostingPolicies, ...vmPolicies, ...stackPolicies];
