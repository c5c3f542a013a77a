/** Every cross-request rule, by the name that findings carry. Order is the order of the report. */
import { apiApproval, apiEndpoints } from "./api";
import { apiExchange } from "./api-exchange";
import { nodeCapacity, opdTotals } from "./capacity";
import { cnameRules, publicTargets, reservedLabels, subdomainTarget, ttlRules, uniqueFullNames } from "./dns";
import { hostingPlans, hostingUsernames } from "./hosting";
import { decommissionDates, decommissionFields, uniqueIds } from "./lifecycle";
import type { Rule } from "./types";
import { vmCeilings, vmLocationFields, vmPlacement, vmUnique } from "./vm";

export const RULES: Record<string, Rule> = {
  "unique-id": uniqueIds,
  "decommission-fields": decommissionFields,
  "decommission-date": decommissionDates,
  "unique-name": uniqueFullNames,
  "reserved-label": reservedLabels,
  "subdomain-target": subdomainTarget,
  "public-ip": publicTargets,
  "dns-ttl": ttlRules,
  "cname": cnameRules,
  "hosting-username": hostingUsernames,
  "hosting-plan": hostingPlans,
  "vm-location": vmLocationFields,
  "vm-placement": vmPlacement,
  "vm-unique": vmUnique,
  "vm-ceiling": vmCeilings,
  "node-capacity": nodeCapacity,
  "opd-totals": opdTotals,
  "api-endpoints": apiEndpoints,
  "api-approval": apiApproval,
  "api-exchange": apiExchange,
};
