/** DNS guardrails on every Cloudflare record the program emits. */
import { DnsRecord } from "./types";
import { type ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { addressProblem, reservedLabelProblem, ttlProblem } from "../infra/core/rules/dns";
import { DNS_COMMENT_PREFIX, DNS_TAG, requestIdOf, ROLE } from "../infra/core/naming";
import type { ContextSource } from "./context";

const relativeName = (name: string, zone: string) => (name === zone ? "@" : name.slice(0, -zone.length - 1));

export const dnsZoneOnly = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "dns-zone-only",
  description: "Rekaman DNS hanya di dalam zona stack, dengan nama lengkap tanpa titik di akhir.",
  enforcementLevel: "mandatory",
  remediationSteps: "Tulis spec.name sebagai label di bawah zona; pusdat menambahkan nama zona sendiri.",
  validateResource: validateResourceOfType(DnsRecord, (r, _args, report) => {
    const zone = ctx().site.zone;
    const name = r.name.toLowerCase();
    if (name !== zone && !name.endsWith(`.${zone}`)) report(`rekaman ${r.name} berada di luar zona ${zone}`);
  }),
});

export const dnsNoWildcard = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "dns-no-wildcard",
  description: "Tidak ada rekaman wildcard: setiap nama harus diminta sendiri-sendiri.",
  enforcementLevel: "mandatory",
  remediationSteps: "Ajukan satu permintaan Subdomain per nama yang diperlukan.",
  validateResource: validateResourceOfType(DnsRecord, (r, _args, report) => {
    if (r.name.includes("*")) report(`rekaman wildcard ${r.name} tidak diizinkan`);
  }),
});

export const dnsPublicAddress = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "dns-public-address",
  description: "Rekaman A/AAAA hanya menunjuk alamat publik di dalam rentang IP publik stack.",
  enforcementLevel: "mandatory",
  remediationSteps: "Gunakan alamat publik dari rentang yang dikonfigurasi di pusdat:publicRanges.",
  validateResource: validateResourceOfType(DnsRecord, (r, _args, report) => {
    if (r.type !== "A" && r.type !== "AAAA") return;
    const problem = addressProblem(r.content ?? "", ctx().site.publicRanges);
    if (problem) report(`rekaman ${r.name}: ${problem}`);
  }),
});

export const dnsProxiedTtl = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "dns-proxied-ttl",
  description: "Rekaman proxied selalu TTL otomatis (1); TTL lain 60–86400 detik.",
  enforcementLevel: "mandatory",
  remediationSteps: "Hapus ttl dari permintaan yang proxied, atau set proxied: false.",
  validateResource: validateResourceOfType(DnsRecord, (r, _args, report) => {
    const problem = ttlProblem(r.proxied === true, r.ttl === 1 ? "auto" : r.ttl);
    if (problem) report(`rekaman ${r.name}: ${problem}`);
  }),
});

export const dnsReservedLabel = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "dns-reserved-label",
  description: "Label yang dicadangkan untuk layanan Diskominfo (www, mail, ns1, …) tidak boleh dipakai.",
  enforcementLevel: "mandatory",
  remediationSteps: "Pilih nama lain; daftar label cadangan ada di pusdat:reservedLabels.",
  validateResource: validateResourceOfType(DnsRecord, (r, _args, report) => {
    const { zone, reservedLabels } = ctx().site;
    const name = r.name.toLowerCase();
    if (name !== zone && !name.endsWith(`.${zone}`)) return; // dns-zone-only speaks for it
    const problem = reservedLabelProblem(relativeName(name, zone), reservedLabels);
    if (problem) report(`rekaman ${r.name}: ${problem}`);
  }),
});

export const dnsTraceable = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "dns-traceable",
  description: "Setiap rekaman menunjuk permintaannya: komentar pusdat, dan tag pusdat-id, opd dan nota-dinas bila zona mendukung tag.",
  enforcementLevel: "mandatory",
  remediationSteps: "Buat rekaman hanya lewat berkas di requests/; jangan menambah rekaman dengan tangan di program.",
  validateResource: validateResourceOfType(DnsRecord, (r, args, report) => {
    const id = requestIdOf(args.name, ROLE.dns);
    const tags: string[] = r.tags ?? [];
    // Without tag support (pusdat:cloudflareTags false) the comment alone carries the request.
    const wanted = ctx().site.cloudflareTags ? [`${DNS_TAG.id}${id}`, DNS_TAG.opd, DNS_TAG.notaDinas] : [];
    const missing = wanted.filter((t) => !tags.some((x) => (t.endsWith(":") ? x.startsWith(t) : x === t)));
    if (!id) report(`rekaman ${args.name} tidak bernama <id>-dns sehingga tidak dapat ditelusuri ke permintaan`);
    else if (missing.length) report(`rekaman ${r.name} tidak memiliki tag ${missing.join(", ")}`);
    else if (!(r.comment ?? "").startsWith(`${DNS_COMMENT_PREFIX} ${id} `)) report(`komentar rekaman ${r.name} tidak menyebut permintaan ${id}`);
  }),
});

export const dnsPolicies = (ctx: ContextSource) => [dnsZoneOnly(ctx), dnsNoWildcard(ctx), dnsPublicAddress(ctx), dnsProxiedTtl(ctx), dnsReservedLabel(ctx), dnsTraceable(ctx)];
