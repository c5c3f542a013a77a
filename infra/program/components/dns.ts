import { DnsRecord } from "@pulumi/cloudflare/dnsRecord";
import type * as pulumi from "@pulumi/pulumi";
import type { DnsRecordPlan } from "../../core/plan/desired";
import { dnsRecordArgs } from "../../core/plan/resources";

/** A Cloudflare record exactly as planned: full name without a trailing dot, traceable comment, and tags where the zone supports them. */
export function dnsRecord(plan: DnsRecordPlan, zoneId: pulumi.Input<string>, withTags: boolean, parent: pulumi.Resource): DnsRecord {
  return new DnsRecord(plan.name, dnsRecordArgs(plan, zoneId as string, withTags), { parent });
}
