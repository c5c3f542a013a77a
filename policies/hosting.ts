/** Hosting guardrails on the WHM command of every cPanel account. */
import { LocalCommand } from "./types";
import { type ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { planProblems } from "../infra/core/rules/hosting";
import { WHM_COMMANDS, WHM_ENV as ENV } from "../infra/core/naming";
import { ceiling, type ContextSource } from "./context";

const planOf = (env: Record<string, string> | undefined) => env?.[ENV.plan] ?? "";

export const hostingPlanAllowed = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "hosting-plan-allowed",
  description: "Akun hosting hanya memakai paket yang ada di konfigurasi stack.",
  enforcementLevel: "mandatory",
  remediationSteps: "Pilih salah satu paket di pusdat:hosting.plans, atau tambahkan paketnya lewat pull request konfigurasi.",
  validateResource: validateResourceOfType(LocalCommand, (c, args, report) => {
    if (!c.environment?.[ENV.username]) return;
    const plan = planOf(c.environment);
    if (!ctx().site.hosting.plans[plan]) report(`akun ${c.environment[ENV.username]} (${args.name}): ${planProblems(plan, ctx().site, ceiling(ctx, "hosting-plan-ceiling", {}))[0]}`);
  }),
});

export const hostingPlanCeiling = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "hosting-plan-ceiling",
  description: "Kuota disk dan bandwidth paket akun hosting tidak melebihi batas.",
  enforcementLevel: "mandatory",
  remediationSteps: "Pilih paket yang lebih kecil, atau ubah batas hosting-plan-ceiling di policies/config.json lewat pull request.",
  validateResource: validateResourceOfType(LocalCommand, (c, args, report) => {
    if (!c.environment?.[ENV.username] || c.environment[ENV.suspended] === "true") return;
    const plan = planOf(c.environment);
    if (!ctx().site.hosting.plans[plan]) return; // hosting-plan-allowed speaks for it
    for (const p of planProblems(plan, ctx().site, ceiling(ctx, "hosting-plan-ceiling", args.getConfig()))) report(`akun ${c.environment[ENV.username]}: ${p}`);
  }),
});

export const hostingNoRemoveacct = (ctx: ContextSource): ResourceValidationPolicy => ({
  name: "hosting-no-removeacct",
  description: "Perintah akun hosting hanya skrip WHM pusdat (yang men-suspend saat dihapus); removeacct tidak pernah dijalankan.",
  enforcementLevel: "mandatory",
  remediationSteps: "Jangan mengubah perintah akun di program; penghentian akun = status decommissioned (suspend).",
  validateResource: validateResourceOfType(LocalCommand, (c, args, report) => {
    const text = [c.create, c.update, c.delete].join("\n");
    if (/removeacct|kill-?acct/i.test(text)) report(`perintah ${args.name} memanggil removeacct: penghapusan akun dilarang`);
    for (const [k, want] of Object.entries(WHM_COMMANDS)) {
      const got = (c as Record<string, unknown>)[k];
      if (got !== want) report(`perintah ${k} ${args.name} harus persis ${JSON.stringify(want)}, bukan ${JSON.stringify(got ?? null)}`);
    }
  }),
});

/** See vm-no-recreate: a replaced account command would run createacct again; triggers are the only input that replaces it. */
export const hostingNoRecreate = (_ctx: ContextSource): ResourceValidationPolicy => ({
  name: "hosting-no-recreate",
  description: "Perintah akun hosting tidak pernah diganti: tanpa triggers dan tanpa deleteBeforeReplace.",
  enforcementLevel: "mandatory",
  remediationSteps: "Jangan menambah triggers atau deleteBeforeReplace pada perintah akun; perubahan berjalan lewat update.",
  validateResource: validateResourceOfType(LocalCommand, (c, args, report) => {
    if (c.triggers !== undefined) report(`perintah akun ${args.name} memakai triggers: setiap perubahannya membuat akun baru (createacct)`);
    if (args.opts.deleteBeforeReplace) report(`perintah akun ${args.name} memakai deleteBeforeReplace`);
  }),
});

export const hostingPolicies = (ctx: ContextSource) => [hostingPlanAllowed(ctx), hostingPlanCeiling(ctx), hostingNoRemoveacct(ctx), hostingNoRecreate(ctx)];
