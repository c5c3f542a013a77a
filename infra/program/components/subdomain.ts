import * as pulumi from "@pulumi/pulumi";
import type { SubdomainPlan } from "../../core/plan/desired";
import { TYPE } from "../../core/naming";
import { dnsRecord } from "./dns";

export interface SubdomainArgs {
  plan: SubdomainPlan;
  zoneId: pulumi.Input<string>;
  cloudflareTags: boolean;
}

/** SOP 11: one DNS record per active Subdomain request; a decommissioned one keeps only its name. */
export class Subdomain extends pulumi.ComponentResource {
  readonly fullName: pulumi.Output<string>;
  readonly recordId: pulumi.Output<string | undefined>;

  constructor(name: string, args: SubdomainArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPE.subdomain, name, {}, opts);
    const record = args.plan.record ? dnsRecord(args.plan.record, args.zoneId, args.cloudflareTags, this) : undefined;
    this.fullName = pulumi.output(args.plan.fullName);
    this.recordId = record ? record.id : pulumi.output(undefined);
    this.registerOutputs({ fullName: this.fullName, recordId: this.recordId });
  }
}
