/**
 * The resource classes the policies match on, as stand-ins carrying only the type token. The policy
 * SDK matches on `__pulumiType` alone; importing the provider SDKs just for their tokens would load
 * hundreds of modules into every `pusdat plan`. Argument types come from the SDKs as types only.
 */
import type { VmLegacyArgs } from "@muhlba91/pulumi-proxmoxve/vmLegacy";
import type { DnsRecordArgs } from "@pulumi/cloudflare/dnsRecord";
import type * as command from "@pulumi/command";
import type { Resource } from "@pulumi/pulumi";
import { TYPE } from "../infra/core/naming";
import type { SplpExchangeInputs } from "../infra/core/plan/splp";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's own signature
type ResourceClass<A> = new (name: string, args: A, ...rest: any[]) => Resource;

const byToken = <A>(type: string) => ({ __pulumiType: type }) as unknown as ResourceClass<A>;

export const DnsRecord = byToken<DnsRecordArgs>(TYPE.dnsRecord);
export const VmLegacy = byToken<VmLegacyArgs>(TYPE.vm);
export const LocalCommand = byToken<command.local.CommandArgs>(TYPE.command);
export const SplpAccess = byToken<SplpExchangeInputs>(TYPE.splpAccess);
