/**
 * A finding is one thing wrong, placed exactly: the unit every report (text, JSON, GitHub) is made of,
 * and the one name for "something wrong" across the loader, the configuration and the rules.
 */
import type { Path } from "./model/path";

export type Severity = "error" | "warning";

export interface Finding {
  file: string;
  line: number;
  column: number;
  /** The rule that found it: an English kebab-case id (e.g. `unique-id`, `vm-ceiling`, `schema`, `file`). */
  rule: string;
  message: string;
  /** An error blocks plan and apply (fail closed); a warning is reported and blocks nothing. */
  severity: Severity;
  /** The field it is about, inside the request (rules set it; `pusdat new` uses it to re-ask). */
  path?: Path;
}

/** A finding inside a file that is not yet named (the reader does not know how the user calls the file). */
export type FindingInFile = Omit<Finding, "file" | "severity" | "path">;

export const placed = (file: string, f: FindingInFile, severity: Severity = "error"): Finding => ({ file, ...f, severity });

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** How the rule ids that are not policy names read in reports (Bahasa Indonesia). */
const RULE_LABEL: Record<string, string> = { file: "berkas", config: "konfigurasi" };
export const ruleLabel = (rule: string) => RULE_LABEL[rule] ?? rule;

/** The one-line form every report uses: `file:line:column: message [rule]`. */
export const findingLine = (f: Finding): string => `${f.file}:${f.line}:${f.column}: ${f.message} [${ruleLabel(f.rule)}]`;

export const isBlocking = (f: Finding) => f.severity === "error";
