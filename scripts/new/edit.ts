/**
 * In-place edits of a request file (SOP 3, 10 and decommissioning): the yaml Document keeps every
 * comment and the order of the keys; only the values asked for change. Pure: text in, text out.
 */
import { isMap, isScalar, parseDocument, Scalar, YAMLMap } from "yaml";
import { renderYaml } from "./yaml-text";

export interface Change {
  path: string[];
  value: unknown;
}

/** `text` with each change applied; a new key goes at the end of its map. */
export function applyChanges(text: string, changes: ReadonlyArray<Change>): string {
  const doc = parseDocument(text);
  for (const c of changes) doc.setIn(c.path, c.value);
  return renderYaml(doc);
}

export interface DecommissionEdit {
  number: string;
  date: string;
  finalBackup?: string;
}

/**
 * Marks a request decommissioned, written as the samples write it:
 * `status: decommissioned` and `decommission: { notaDinas: { number: "…", date: … }, finalBackup: … }`.
 * On a request already decommissioned, only `finalBackup` is added.
 */
export function decommissionText(text: string, d: DecommissionEdit | { finalBackup: string }): string {
  const doc = parseDocument(text);
  if ("number" in d) {
    doc.setIn(["metadata", "status"], "decommissioned");
    const record: Record<string, unknown> = { notaDinas: { number: d.number, date: d.date } };
    if (d.finalBackup) record.finalBackup = d.finalBackup;
    const node = doc.createNode(record) as YAMLMap;
    const nota = node.get("notaDinas", true);
    if (isMap(nota)) {
      nota.flow = true;
      const n = nota.get("number", true);
      if (isScalar(n)) n.type = Scalar.QUOTE_DOUBLE;
    }
    doc.setIn(["metadata", "decommission"], node);
  } else {
    doc.setIn(["metadata", "decommission", "finalBackup"], d.finalBackup);
  }
  return renderYaml(doc);
}
