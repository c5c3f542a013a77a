/**
 * Policy ceilings, read from `policies/config.json`: the file `pulumi preview --policy-pack-config`
 * reads, so the validator and the policy pack enforce the same numbers. Defaults live in code because
 * outside the engine the pack's getConfig() returns nothing and schema defaults are not applied.
 */
import * as z from "zod";

const Max = z.int({ error: "bilangan bulat ≥ 1" }).min(1, { error: "bilangan bulat ≥ 1" });

export const DEFAULT_CEILINGS = {
  "vm-ceiling": { maxCores: 8, maxMemoryGb: 32, maxDiskGb: 500 },
  "opd-totals": { maxCores: 24, maxMemoryGb: 96, maxDiskGb: 2000, maxHostingAccounts: 10, maxSubdomains: 20 },
  "hosting-plan-ceiling": { maxDiskGb: 20, maxBandwidthGb: 200 },
} as const;

export const EnforcementLevel = z.enum(["advisory", "mandatory", "remediate", "disabled"], {
  error: "advisory, mandatory, remediate atau disabled",
});

const VmCeiling = z.strictObject({
  enforcementLevel: EnforcementLevel.optional(),
  maxCores: Max.default(DEFAULT_CEILINGS["vm-ceiling"].maxCores),
  maxMemoryGb: Max.default(DEFAULT_CEILINGS["vm-ceiling"].maxMemoryGb),
  maxDiskGb: Max.default(DEFAULT_CEILINGS["vm-ceiling"].maxDiskGb),
});
const OpdTotals = z.strictObject({
  enforcementLevel: EnforcementLevel.optional(),
  maxCores: Max.default(DEFAULT_CEILINGS["opd-totals"].maxCores),
  maxMemoryGb: Max.default(DEFAULT_CEILINGS["opd-totals"].maxMemoryGb),
  maxDiskGb: Max.default(DEFAULT_CEILINGS["opd-totals"].maxDiskGb),
  maxHostingAccounts: Max.default(DEFAULT_CEILINGS["opd-totals"].maxHostingAccounts),
  maxSubdomains: Max.default(DEFAULT_CEILINGS["opd-totals"].maxSubdomains),
});
const HostingCeiling = z.strictObject({
  enforcementLevel: EnforcementLevel.optional(),
  maxDiskGb: Max.default(DEFAULT_CEILINGS["hosting-plan-ceiling"].maxDiskGb),
  maxBandwidthGb: Max.default(DEFAULT_CEILINGS["hosting-plan-ceiling"].maxBandwidthGb),
});

/** Other policies may appear with just an enforcement level, as the engine allows. */
const OtherPolicy = z.union([EnforcementLevel, z.looseObject({ enforcementLevel: EnforcementLevel.optional() })]);

export const PolicyConfig = z.looseObject({
  all: EnforcementLevel.optional(),
  "vm-ceiling": VmCeiling.default(VmCeiling.parse({}, { jitless: true })),
  "opd-totals": OpdTotals.default(OpdTotals.parse({}, { jitless: true })),
  "hosting-plan-ceiling": HostingCeiling.default(HostingCeiling.parse({}, { jitless: true })),
}).superRefine((cfg, ctx) => {
  for (const [k, v] of Object.entries(cfg)) {
    if (k === "all" || k in DEFAULT_CEILINGS) continue;
    if (!OtherPolicy.safeParse(v).success) {
      ctx.addIssue({ code: "custom", path: [k], input: v, message: "tingkat penegakan atau objek { enforcementLevel }" });
    }
  }
});

export type PolicyConfig = z.infer<typeof PolicyConfig>;
export type Ceilings = Pick<PolicyConfig, "vm-ceiling" | "opd-totals" | "hosting-plan-ceiling">;

export const defaultCeilings = (): Ceilings => PolicyConfig.parse({}, { jitless: true });
