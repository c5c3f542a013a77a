/**
 * In-place edits of a request file (SOP 3, 10 and decommissioning): the yaml Document keeps every
 * comment and the order of the keys; only the values asked for change. Pure: text in, text out.
 */
import { type Document, isCollection, isMap, isScalar, parseDocument as parseYaml, Scalar, visit, YAMLMap } from "yaml";
import { renderYaml } from "./yaml-text";

/**
 * yaml reads `contact: # comment` (a comment after a key whose value is a block map or list) as a
 * comment before the value, and would write it back on a line of its own: put it back on the key's line.
 */
function parseDocument(text: string): Document {
  const doc = parseYaml(text);
  visit(doc, {
    Pair(_k, pair) {
      const v = pair.value;
      if (!isScalar(pair.key) || !isCollection(v) || v.flow || !v.commentBefore || !pair.key.range) return;
      const lineEnd = text.indexOf("\n", pair.key.range[0]);
      const line = text.slice(pair.key.range[0], lineEnd < 0 ? undefined : lineEnd);
      const [first, ...rest] = v.commentBefore.split("\n");
      if (!line.includes(`#${first}`)) return;
      pair.key.comment = first;
      v.commentBefore = rest.length ? rest.join("\n") : undefined;
    },
  });
  return doc;
}

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
