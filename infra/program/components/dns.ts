import * as cloudflare from "@pulumi/cloudflare";
import type * as pulumi from "@pulumi/pulumi";
import type { DnsRecordPlan } from "../../core/plan/desired";

/** A Cloudflare record exactly as planned: full name without a trailing dot, traceable comment and tags. */
export function dnsRecord(plan: DnsRecordPlan, zoneId: pulumi.Input<string>, parent: pulumi.Resource): cloudflare.DnsRecord {
  return new cloudflare.DnsRecord(
    plan.name,
    { zoneId, name: plan.fullName, type: plan.type, content: plan.content, proxied: plan.proxied, ttl: plan.ttl, comment: plan.comment, tags: plan.tags },
    { parent },
  );
}
