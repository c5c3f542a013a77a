/** A finding is one thing wrong, placed exactly: the unit every report (text, JSON, GitHub) is made of. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  /** The rule that found it, kebab-case (e.g. `unique-id`, `vm-ceiling`, `schema`). */
  rule: string;
  message: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** The one-line form every report uses: `file:line:column: message [rule]`. */
export const findingLine = (f: Finding): string => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.rule}]`;
