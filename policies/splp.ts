/** SPLP guardrails on every exchange resource (WSO2 application, subscription, keys) the program emits. */
import { type ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { exchangeProblems } from "../infra/core/rules/api-exchange";
import type { SplpExchangeInputs } from "../infra/core/plan/splp";
import type { ContextSource } from "./context";
import { SplpAccess } from "./types";

/** The request fields the validator's check reads, rebuilt from the resource's inputs. */
const specOf = (a: Partial<SplpExchangeInputs>) => ({
  channel: a.channel as "pertukaran-lokal" | "splp-nasional",
  auth: a.auth ?? "oauth2",
  exchange: { api: a.api ?? "", version: a.version ?? "", tier: a.tier ?? "", ...(a.apiKeyValidityDays !== undefined ? { keyValidityDays: a.apiKeyValidityDays } : {}) },
});

/** The same pure check as the validator's rule api-exchange, on what the program really registers. */
export const splpExchangeCeiling = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "splp-exchange-ceiling",
  description: "Langganan SPLP hanya memakai kanal yang dikonfigurasi dan tier yang diizinkan kanal itu; masa berlaku API key tidak melebihi batas kanal.",
  enforcementLevel: "mandatory",
  remediationSteps: "Pilih tier dari pusdat:splp.channels.<kanal>.tiers dan keyValidityDays paling lama maxKeyValidityDays kanal, atau ubah konfigurasi stack lewat pull request.",
  validateResource: validateResourceOfType(SplpAccess, (a, args, report) => {
    for (const p of exchangeProblems(specOf(a), ctx().site.splp)) report(`akses SPLP ${a.application ?? args.name} (${args.name}): ${p.message}`);
  }),
});

export const splpPolicies = (ctx: ContextSource) => [splpExchangeCeiling(ctx)];
