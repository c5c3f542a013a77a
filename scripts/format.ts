/** Findings as text (people), GitHub workflow annotations (pull requests) or JSON (machines). */
import { type Finding, findingLine, ruleLabel } from "../infra/core/findings";

export type Format = "text" | "json" | "github";

export interface Summary {
  requests: number;
  files: number;
  stack: string;
}

export function summaryLine(findings: ReadonlyArray<Finding>, s: Summary): string {
  if (findings.length === 0) return `Valid: ${s.requests} permintaan dari ${s.files} berkas lolos pemeriksaan (stack ${s.stack}).`;
  const files = new Set(findings.map((f) => f.file)).size;
  return `Tidak valid: ${findings.length} temuan di ${files} berkas (${s.files} berkas diperiksa, stack ${s.stack}); tidak ada yang dibangun sampai semuanya diperbaiki.`;
}

// Workflow commands: data escapes %, CR, LF; properties also ':' and ','.
const escData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escProp = (s: string) => escData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function formatFindings(format: Format, findings: ReadonlyArray<Finding>, s: Summary): string {
  if (format === "json") {
    // The report's fields, in a fixed order; a finding's field path stays internal.
    const shown = findings.map(({ file, line, column, rule, message, severity }) => ({ file, line, column, rule, message, severity }));
    return `${JSON.stringify({ valid: findings.length === 0, stack: s.stack, requests: s.requests, files: s.files, findings: shown }, null, 2)}\n`;
  }
  const lines = findings.map((f) =>
    format === "github"
      ? `::${f.severity} file=${escProp(f.file)},line=${f.line},col=${f.column},title=${escProp(`pusdat ${ruleLabel(f.rule)}`)}::${escData(f.message)}`
      : findingLine(f),
  );
  lines.push(summaryLine(findings, s));
  return `${lines.join("\n")}\n`;
}
