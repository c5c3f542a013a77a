import * as cloudflare from "@pulumi/cloudflare";
import type * as pulumi from "@pulumi/pulumi";
import type { DnsRecordPlan } from "../../core/plan/desired";
import { dnsRecordArgs } from "../../core/plan/resources";

/** A Cloudflare record exactly as planned: full name without a trailing dot, traceable comment, and tags where the zone supports them. */
export function dnsRecord(plan: DnsRecordPlan, zoneId: pulumi.Input<string>, withTags: boolean, parent: pulumi.Resource): cloudflare.DnsRecord {
  return new cloudflare.DnsRecord(plan.name, dnsRecordArgs(plan, zoneId as string, withTags), { parent });
}
