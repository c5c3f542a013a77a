/**
 * The plan in Bahasa Indonesia: text for the terminal, markdown for the pull-request comment, JSON for
 * machines. Destroys and protected resources come first and stand out. Secrets never appear: the
 * plan holds field names, not values.
 */
import { findingLine } from "../infra/core/findings";
import { BACKUP_OWNER, TYPE } from "../infra/core/naming";
import type { Usage } from "../infra/core/plan/capacity";
import type { ResourceChange } from "../infra/core/plan/diff";
import { LABEL, UNIT } from "../infra/core/rules/capacity";
import { type Plan, planFails } from "./plan";
import { forbiddenReplacement } from "../infra/core/plan/diff";

export type PlanFormat = "text" | "markdown" | "json";

const ACTION = { create: "buat", update: "ubah", delete: "HAPUS" } as const;
const SIGN = { create: "+", update: "~", delete: "-" } as const;
const TYPE_LABEL: Record<string, string> = {
  [TYPE.dnsRecord]: "rekaman DNS",
  [TYPE.command]: "akun cPanel (WHM)",
  [TYPE.password]: "kata sandi akun",
  [TYPE.vm]: "VM Proxmox",
  [TYPE.backupJob]: "job cadangan Proxmox",
  [TYPE.splpAccess]: "akses SPLP WSO2 (aplikasi, langganan, kunci)",
};
const typeLabel = (t: string) => TYPE_LABEL[t] ?? t;
/** Manual steps carry English ids; people read these words. */
const STEP_LABEL: Record<string, string> = {
  "pdn-eticket": "pdn-etiket",
  "not-submitted": "belum-diajukan",
  "awaiting-registration": "menunggu-pendaftaran",
  "awaiting-agreement": "menunggu-perjanjian",
  "awaiting-provider": "menunggu-penyedia",
  "exchange-attention": "periksa-langganan",
  decommissioned: "dihentikan",
};
const stepLabel = (id: string) => STEP_LABEL[id] ?? id;

/**
 * A replacement is its own loud line: what is destroyed, which fields force it, and whether pusdat
 * refuses it (a VM's disks, an account's files, or anything still protected).
 */
function replaceLine(c: ResourceChange, file: string, md: boolean): string {
  const verdict = forbiddenReplacement(c) ? "DITOLAK: data akan hilang atau sumber daya dilindungi" : "dibuat ulang (tanpa data)";
  const name = md ? `\`${c.name}\`` : c.name;
  const action = md ? "**GANTI (hapus lalu buat ulang)**" : "± GANTI (hapus lalu buat ulang)";
  return `${action} ${typeLabel(c.type)} ${name} karena ${c.replaces!.join(", ")} berubah; ${verdict} — ${c.request === BACKUP_OWNER ? "cadangan" : c.request}${file ? ` (${file})` : ""}`;
}

function changeLine(c: ResourceChange, file: string, md: boolean): string {
  const marks = [c.protect ? "dilindungi" : "", c.unprotects ? "proteksi dilepas" : ""].filter(Boolean).join(", ");
  const fields = c.fields.length ? `: ${c.fields.join(", ")}` : "";
  const action = md ? `**${ACTION[c.action]}**` : `${SIGN[c.action]} ${ACTION[c.action]}`;
  const name = md ? `\`${c.name}\`` : c.name;
  return `${action} ${typeLabel(c.type)} ${name}${fields}${marks ? ` [${marks}]` : ""} — ${c.request === BACKUP_OWNER ? "cadangan" : c.request}${file ? ` (${file})` : ""}`;
}

/** Only what is or was in use: an OPD without VMs need not read "CPU 0 → 0". */
function usageLine(before: Usage | undefined, after: Usage): string {
  const parts = Object.keys(after.limit)
    .filter((k) => (before?.used[k] ?? 0) > 0 || (after.used[k] ?? 0) > 0)
    .map((k) => `${LABEL[k]} ${before?.used[k] ?? 0} → ${after.used[k] ?? 0} / ${after.limit[k]} ${UNIT[k]}`);
  return parts.join(" | ") || "tidak ada";
}

const sameUse = (a: Usage | undefined, b: Usage) => Object.keys(b.limit).every((k) => (a?.used[k] ?? 0) === (b.used[k] ?? 0));

function counts(p: Plan) {
  const n = (a: string) => p.changes.filter((c) => c.action === a).length;
  return {
    create: n("create"), update: n("update"), delete: n("delete"), protected: p.changes.filter((c) => c.protect || c.unprotects).length,
    replace: p.changes.filter((c) => c.replaces).length,
  };
}

interface Section {
  title: string;
  warn?: boolean;
  lines: string[];
}

function sections(p: Plan, md: boolean): Section[] {
  const file = (id: string) => p.files[id] ?? "";
  const out: Section[] = [];
  if (p.findings.length) {
    out.push({ title: `Permintaan tidak valid (${p.findings.length} temuan): tidak ada yang direncanakan`, warn: true, lines: p.findings.map(findingLine) });
    return out;
  }
  if (p.refused.length) out.push({ title: "Perubahan ditolak: tidak ada yang diterapkan", warn: true, lines: p.refused.map((r) => `${r.message} (${file(r.id)})`) });
  const reps = p.changes.filter((c) => c.replaces);
  const dels = p.changes.filter((c) => c.action === "delete");
  const prot = p.changes.filter((c) => c.action !== "delete" && !c.replaces && (c.protect || c.unprotects));
  const rest = p.changes.filter((c) => c.action !== "delete" && !c.replaces && !c.protect && !c.unprotects);
  if (reps.length) out.push({ title: "AKAN DIGANTI (dihapus lalu dibuat ulang)", warn: true, lines: reps.map((c) => replaceLine(c, file(c.request), md)) });
  if (dels.length) out.push({ title: "AKAN DIHAPUS", warn: true, lines: dels.map((c) => changeLine(c, file(c.request), md)) });
  if (prot.length) out.push({ title: "Sumber daya dilindungi yang tersentuh", warn: true, lines: prot.map((c) => changeLine(c, file(c.request), md)) });
  if (rest.length) out.push({ title: "Perubahan lain", lines: rest.map((c) => changeLine(c, file(c.request), md)) });
  if (!p.refused.length && !p.changes.length) out.push({ title: "Tidak ada perubahan sumber daya", lines: [] });
  const bad = p.diagnostics;
  out.push({
    title: `Kebijakan (${p.policies.length} kebijakan CrossGuard)`,
    warn: bad.some((d) => d.enforcementLevel === "mandatory"),
    lines: bad.length
      ? bad.map((d) => `${d.enforcementLevel === "mandatory" ? "GAGAL" : "peringatan"} ${d.policy} [${d.enforcementLevel}] ${d.file || d.request || "stack"}: ${d.message}`)
      : p.refused.length ? ["tidak dijalankan: ada perubahan yang ditolak"] : [`semua lolos: ${p.policies.join(", ")}`],
  });
  if (p.manual.length) out.push({ title: "Langkah manual", lines: p.manual.map((m) => `${m.id} (${stepLabel(m.kind)}, ${stepLabel(m.state)}): ${m.text}`) });
  const nb = new Map(p.capacity.before.nodes.map((u) => [u.key, u]));
  out.push({ title: "Kapasitas node (sebelum → sesudah / batas)", lines: p.capacity.after.nodes.map((u) => `${u.label}: ${usageLine(nb.get(u.key), u)}`) });
  const ob = new Map(p.capacity.before.opds.map((u) => [u.key, u]));
  const gone = p.capacity.before.opds.filter((u) => !p.capacity.after.opds.some((a) => a.key === u.key)).map((u) => ({ ...u, used: {} }));
  const opds = [...p.capacity.after.opds, ...gone].filter((u) => !sameUse(ob.get(u.key), u));
  out.push({ title: "Total OPD yang berubah (sebelum → sesudah / batas)", lines: opds.length ? opds.map((u) => `${u.label}: ${usageLine(ob.get(u.key), u)}`) : ["tidak ada"] });
  return out;
}

function header(p: Plan): string[] {
  const c = counts(p);
  const verdict = planFails(p) ? "DITOLAK" : "LOLOS";
  return [
    `Rencana pusdat — stack ${p.stack}${p.base ? `, dibandingkan dengan ${p.base}` : ""}`,
    `Hasil: ${verdict}. ${p.requests} permintaan; ${c.create} dibuat, ${c.update} diubah, ${c.delete} dihapus; ${c.protected} sumber daya dilindungi tersentuh.${c.replace ? ` ${c.replace} DIGANTI (hapus lalu buat ulang).` : ""}`,
    ...p.notes,
  ];
}

export function formatPlan(p: Plan, format: PlanFormat): string {
  if (format === "json") return `${JSON.stringify({ ok: !planFails(p), ...p }, null, 2)}\n`;
  if (format === "text") {
    const body = sections(p, false).flatMap((s) => ["", `${s.warn ? "⚠ " : ""}${s.title}`, ...s.lines.map((l) => `  ${l}`)]);
    return `${[...header(p), ...body].join("\n")}\n`;
  }
  const [title, ...rest] = header(p);
  const md = [`### ${title}`, "", ...rest.map((l) => `${l}  `)];
  for (const s of sections(p, true)) {
    // A warning stays one blockquote: GitHub renders it as an alert box.
    md.push("", ...(s.warn ? ["> [!WARNING]", `> **${s.title}**`, ">"] : [`**${s.title}**`, ""]));
    for (const l of s.lines) md.push(`${s.warn ? "> " : ""}- ${escapeMd(l)}`);
  }
  md.push("", "<sub>Rencana luring dari permintaan di pull request ini; keadaan langsung Cloudflare, WHM dan Proxmox tidak diperiksa.</sub>");
  return `${md.join("\n")}\n`;
}

/** Escapes what markdown would read as markup, but keeps the **bold** and `code` this file writes. */
const escapeMd = (s: string) => s.replace(/([\\_<>|])/g, "\\$1");
