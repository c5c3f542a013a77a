/** Stack-wide guardrails: capacity per node, totals per OPD, and no two resources claiming one thing. */
import { DNS_TAG, TYPE, VM_TAG } from "../infra/core/naming";
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { nodeLimits, nodeOverrunMessage, opdLimits, opdOverrunMessage, overruns, type Amounts } from "../infra/core/rules/capacity";
import { ceiling, type ContextSource } from "./context";
import { vmSize } from "./vm";

const VM = TYPE.vm;
const DNS = TYPE.dnsRecord;
const activeVms = (rs: PolicyResource[]) => rs.filter((r) => r.type === VM && r.props.started !== false);
const tagValue = (tags: string[] | undefined, prefix: string) => tags?.find((t) => t.startsWith(prefix))?.slice(prefix.length);

export const nodeCapacity = (ctx: ContextSource): StackValidationPolicy => ({
  name: "node-capacity",
  description: "Jumlah VM aktif per node tidak melebihi kapasitas × overcommit.",
  enforcementLevel: "mandatory",
  remediationSteps: "Tempatkan VM di node lain (pusdat new memilih node yang muat) atau tambah kapasitas di konfigurasi stack.",
  validateStack: (args, report) => {
    const site = ctx().site;
    for (const o of overruns(activeVms(args.resources), (r) => String(r.props.nodeName), (r) => vmSize(r.props) as unknown as Amounts, (n) => nodeLimits(site, n))) {
      report(`${nodeOverrunMessage(site, o)} (VM ${o.item.name})`, o.item.urn);
    }
  },
});

export const opdTotals = (ctx: ContextSource): StackValidationPolicy => ({
  name: "opd-totals",
  description: "Total CPU, memori, disk, akun hosting dan subdomain per OPD tidak melebihi batas.",
  enforcementLevel: "mandatory",
  remediationSteps: "Hentikan layanan OPD yang tidak terpakai, atau ubah opd-totals di policies/config.json lewat pull request.",
  validateStack: (args, report) => {
    type Item = { r: PolicyResource; opd: string | undefined; amounts: Amounts };
    const items = args.resources.flatMap((r): Item[] => {
      if (r.type === VM && r.props.started !== false) return [{ r, opd: tagValue(r.props.tags, VM_TAG.opd), amounts: vmSize(r.props) as unknown as Amounts }];
      if (r.type !== DNS) return [];
      const parent = r.parent?.type;
      const amounts: Amounts | undefined = parent === TYPE.subdomain ? { subdomains: 1 } : parent === TYPE.hostingAccount ? { hostingAccounts: 1 } : undefined;
      return amounts ? [{ r, opd: tagValue(r.props.tags, DNS_TAG.opd), amounts }] : [];
    });
    const limits = opdLimits(ceiling(ctx, "opd-totals", args.getConfig()));
    for (const o of overruns(items.filter((i) => i.opd), (i) => i.opd!, (i) => i.amounts, () => limits)) {
      report(`${opdOverrunMessage(o.key, o)} (${o.item.r.name})`, o.item.r.urn);
    }
  },
});

export const uniqueClaims = (ctx: ContextSource): StackValidationPolicy => ({
  name: "unique-claims",
  description: "Tidak ada dua sumber daya yang memakai IP, VMID atau nama lengkap yang sama.",
  enforcementLevel: "mandatory",
  remediationSteps: "Beri setiap permintaan IP, VMID dan nama sendiri (pusdat new mengalokasikannya).",
  validateStack: (args, report) => {
    const seen = new Map<string, PolicyResource>();
    const claim = (key: string, label: string, r: PolicyResource) => {
      const first = seen.get(key);
      if (first) report(`${label} dipakai oleh ${first.name} dan ${r.name}`, r.urn);
      else seen.set(key, r);
    };
    for (const r of args.resources) {
      if (r.type === VM) {
        claim(`vmid:${r.props.vmId}`, `VMID ${r.props.vmId}`, r);
        const ip = String(r.props.initialization?.ipConfigs?.[0]?.ipv4?.address ?? "").split("/")[0];
        if (ip) claim(`ip:${ip}`, `IP ${ip}`, r);
      } else if (r.type === DNS) {
        claim(`name:${String(r.props.name).toLowerCase()}`, `nama ${r.props.name}`, r);
      }
    }
  },
});

export const stackPolicies = (ctx: ContextSource) => [nodeCapacity(ctx), opdTotals(ctx), uniqueClaims(ctx)];
