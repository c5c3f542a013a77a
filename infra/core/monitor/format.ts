/** A monitoring report as text, Markdown or JSON (Bahasa Indonesia for people, English ids for machines). Pure. */
import type { Finding, HealResult, MonitorReport, TargetStatus } from "./types";

export const KIND_LABEL: Record<TargetStatus["kind"], string> = { hosting: "hosting", vm: "VM lokal", subdomain: "subdomain", pdn: "VM PDN" };
const STATUS_LABEL = { ok: "NORMAL", warning: "PERINGATAN", error: "GALAT" } as const;
const SEVERITY_LABEL = { error: "GALAT", warning: "PERINGATAN" } as const;

export const healLine = (h: HealResult) =>
  `${h.action === "start-vm" ? `nyalakan VM ${h.vmid} di ${h.node}` : `aktifkan kembali akun ${h.user}`} (${h.id}): ${h.result === "succeeded" ? "berhasil" : "gagal"}: ${h.detail}`;

export const summaryLine = (r: MonitorReport) =>
  `${r.summary.targets} sasaran, ${r.summary.errors} galat, ${r.summary.warnings} peringatan, ${r.summary.healed} tindakan --heal berhasil`;

const findingLine = (f: Finding) => `[${SEVERITY_LABEL[f.severity]}] ${KIND_LABEL[f.kind]} ${f.id}: ${f.message} (${f.code})`;

export function formatText(r: MonitorReport): string {
  const lines = [`Pemantauan layanan stack ${r.stack}, ${r.at}`, summaryLine(r), ""];
  lines.push("Status sasaran:");
  for (const t of r.targets) lines.push(`  ${STATUS_LABEL[t.status].padEnd(10)} ${KIND_LABEL[t.kind]} ${t.id}: ${t.summary}`);
  if (r.findings.length) {
    lines.push("", "Temuan:");
    for (const f of r.findings) lines.push(`  ${findingLine(f)}`);
  }
  if (r.heal.length) {
    lines.push("", "Tindakan --heal:");
    for (const h of r.heal) lines.push(`  ${healLine(h)}`);
  }
  return lines.join("\n") + "\n";
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function formatMarkdown(r: MonitorReport): string {
  const lines = [`## Pemantauan layanan stack ${r.stack}`, "", `Waktu: ${r.at}  `, `Ringkasan: ${summaryLine(r)}`, ""];
  lines.push("| status | jenis | id | keterangan |", "|---|---|---|---|");
  for (const t of r.targets) lines.push(`| ${STATUS_LABEL[t.status]} | ${KIND_LABEL[t.kind]} | ${cell(t.id)} | ${cell(t.summary)} |`);
  if (r.findings.length) {
    lines.push("", "### Temuan", "");
    for (const f of r.findings) lines.push(`- ${cell(findingLine(f))}`);
  }
  if (r.heal.length) {
    lines.push("", "### Tindakan --heal", "");
    for (const h of r.heal) lines.push(`- ${cell(healLine(h))}`);
  }
  return lines.join("\n") + "\n";
}

export const formatJson = (r: MonitorReport) => JSON.stringify(r, null, 2) + "\n";

export function buildReport(stack: string, at: string, judged: { targets: TargetStatus[]; findings: Finding[] }, heal: HealResult[]): MonitorReport {
  return {
    schema: "pusdat-pemantauan/v1",
    stack,
    at,
    targets: judged.targets,
    findings: judged.findings,
    heal,
    summary: {
      targets: judged.targets.length,
      errors: judged.findings.filter((f) => f.severity === "error").length,
      warnings: judged.findings.filter((f) => f.severity === "warning").length,
      healed: heal.filter((h) => h.result === "succeeded").length,
    },
  };
}
