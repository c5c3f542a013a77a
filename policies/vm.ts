/** VM guardrails on every Proxmox VM the program emits. */
import { VmLegacy } from "./types";
import { type ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { vmCeilingProblems } from "../infra/core/rules/vm";
import { requestIdOf, ROLE, VM_TAG } from "../infra/core/naming";
import { ceiling, type ContextSource } from "./context";

type Vm = { cpu?: { cores?: number }; memory?: { dedicated?: number }; disks?: { size?: number }[] };

/** A VM resource's size in the request's units (cores, GB, GB). */
export const vmSize = (v: Vm) => ({
  cpu: v.cpu?.cores ?? 1,
  memoryGb: Math.ceil((v.memory?.dedicated ?? 512) / 1024),
  diskGb: (v.disks ?? []).reduce((s, d) => s + (d.size ?? 0), 0),
});

export const vmCeiling = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "vm-ceiling",
  description: "Inti CPU, memori dan disk per VM tidak melebihi batas.",
  enforcementLevel: "mandatory",
  remediationSteps: "Kecilkan permintaan, pecah menjadi beberapa VM, atau ubah vm-ceiling di policies/config.json lewat pull request.",
  validateResource: validateResourceOfType(VmLegacy, (v, args, report) => {
    if (v.started === false) return; // decommissioned: being stopped, not grown
    for (const p of vmCeilingProblems(vmSize(v), ceiling(ctx, "vm-ceiling", args.getConfig()))) report(`VM ${v.name ?? args.name}: ${p.message}`);
  }),
});

export const vmTemplateAllowed = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "vm-template-allowed",
  description: "VM hanya diklon dari templat yang terdaftar di konfigurasi stack.",
  enforcementLevel: "mandatory",
  remediationSteps: "Pilih os dari pusdat:proxmox.templates.",
  validateResource: validateResourceOfType(VmLegacy, (v, args, report) => {
    const templates = Object.entries(ctx().site.proxmox.templates);
    const src = v.clone?.vmId;
    if (!templates.some(([, t]) => t.vmid === src)) {
      report(`VM ${v.name ?? args.name} diklon dari VMID ${src ?? "(tanpa klon)"}; yang diizinkan: ${templates.map(([n, t]) => `${n} (${t.vmid})`).join(", ")}`);
    }
  }),
});

export const vmProtected = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "vm-protected",
  description: "VM yang aktif memakai proteksi Proxmox dan opsi protect Pulumi, agar tidak terhapus tanpa penghentian resmi.",
  enforcementLevel: "mandatory",
  remediationSteps: "Hentikan VM lewat status decommissioned; jangan mencabut proteksi di program.",
  validateResource: validateResourceOfType(VmLegacy, (v, args, report) => {
    if (v.started === false) return;
    if (v.protection !== true) report(`VM aktif ${v.name ?? args.name} tanpa protection: true`);
    if (args.opts.protect !== true) report(`VM aktif ${v.name ?? args.name} tanpa opsi protect`);
  }),
});

export const vmTraceableTags = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "vm-traceable-tags",
  description: "Tag VM terurut dan menunjuk permintaannya: pusdat, req-<id>, opd-…, nd-….",
  enforcementLevel: "mandatory",
  remediationSteps: "Buat VM hanya lewat berkas di requests/vm/.",
  validateResource: validateResourceOfType(VmLegacy, (v, args, report) => {
    const tags: string[] = v.tags ?? [];
    const id = requestIdOf(args.name, ROLE.vm);
    const sorted = [...tags].sort();
    if (tags.join(",") !== sorted.join(",")) report(`tag VM ${args.name} tidak terurut (Proxmox mengurutkannya: diff abadi): ${tags.join(", ")}`);
    const missing = [VM_TAG.marker, `${VM_TAG.id}${id}`, VM_TAG.opd, VM_TAG.notaDinas].filter((t) => !tags.some((x) => (t.endsWith("-") ? x.startsWith(t) : x === t)));
    if (!id || missing.length) report(`VM ${args.name} tidak dapat ditelusuri ke permintaannya; tag yang kurang: ${(id ? missing : [`${VM_TAG.id}<id>`]).join(", ")}`);
  }),
});

/**
 * CrossGuard sees a resource's new inputs and options, never its old state or the engine's diff, so
 * it cannot see a replacement happen. It checks what keeps one from happening: the node changes by
 * migration, the clone block is ignored after birth, and nothing asks the engine to delete first.
 * The replacement itself is caught by `pusdat plan` (infra/core/plan/replacement.ts).
 */
export const vmNoRecreate = (_ctx: ContextSource): ResourceValidationPolicy => ({
  name: "vm-no-recreate",
  description: "VM tidak pernah dibuat ulang oleh perubahan: migrate: true, ignoreChanges clone, tanpa deleteBeforeReplace.",
  enforcementLevel: "mandatory",
  remediationSteps: "Jangan mengubah opsi VM di program; penggantian VM menghapus disknya.",
  validateResource: validateResourceOfType(VmLegacy, (v, args, report) => {
    if (v.migrate !== true) report(`VM ${v.name ?? args.name} tanpa migrate: true (perubahan node akan membuat VM baru)`);
    if (!args.opts.ignoreChanges.includes("clone")) report(`VM ${v.name ?? args.name} tanpa ignoreChanges clone (perubahan templat akan membuat VM baru)`);
    if (args.opts.deleteBeforeReplace) report(`VM ${v.name ?? args.name} memakai deleteBeforeReplace`);
  }),
});

export const vmPolicies = (ctx: ContextSource) => [vmCeiling(ctx), vmTemplateAllowed(ctx), vmProtected(ctx), vmTraceableTags(ctx), vmNoRecreate(ctx)];
