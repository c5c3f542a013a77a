/**
 * Strict YAML reading with positions. Requests and stack files are small, hand-written data:
 * anything exotic (aliases, anchors, custom tags, several documents) is refused rather than
 * interpreted, so that what the reviewer reads is exactly what gets built.
 */
import { isUtf8 } from "node:buffer";
import { load as loadFast } from "js-yaml";
import type { Document, LineCounter, Node } from "yaml";

// The yaml package (positions, exact messages) is needed only for files with findings: load it then,
// so that validating thousands of clean files never pays for it.
let yamlModule: typeof import("yaml") | undefined;
const Y = () => (yamlModule ??= require("yaml") as typeof import("yaml"));

import type { FindingInFile } from "../findings";
import type { Path } from "../model/path";

export type { Path };

export interface Position {
  line: number;
  column: number;
}

export const MAX_FILE_BYTES = 64 * 1024;

export const tooLargeMessage = (size: number) => `berkas terlalu besar: ${size} byte; batas ${MAX_FILE_BYTES} byte (64 KiB)`;

/**
 * A request's YAML source that can say where any path lies. The positional document (yaml's
 * Document with its LineCounter) is built only when a position is asked for, i.e. for files with
 * findings: the values themselves come from the much faster js-yaml.
 */
export class SourceDoc {
  private parsed: { doc: Document; lines: LineCounter } | undefined;

  constructor(
    private readonly text: string,
    parsed?: { doc: Document; lines: LineCounter },
  ) {
    this.parsed = parsed;
  }

  private get tree() {
    return (this.parsed ??= positional(this.text));
  }

  /** Where the value at `path` starts; with `key`, where its key starts. A missing path falls back to its deepest existing parent. */
  position(path: Path, key = false): Position {
    let node: unknown = this.tree.doc.contents;
    let at: Node | null = (node as Node | null) ?? null;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (Y().isMap(node)) {
        const pair = node.items.find((p) => Y().isPair(p) && Y().isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break; // a missing field: stay on its parent's key
        const keyNode = pair.key as Node;
        // `key:` with nothing after it has no value, or an empty one: point at the key.
        const v = pair.value as Node | null;
        if ((i === path.length - 1 && key) || !v || (v.range && v.range[0] === v.range[1])) {
          at = keyNode;
          break;
        }
        node = pair.value;
        at = i === path.length - 1 ? (pair.value as Node) : keyNode;
      } else if (Y().isSeq(node) && typeof seg === "number" && node.items[seg]) {
        node = node.items[seg];
        at = node as Node;
      } else {
        break;
      }
    }
    return this.offsetPosition(at?.range?.[0] ?? 0);
  }

  offsetPosition(offset: number): Position {
    const p = this.tree.lines.linePos(offset);
    return { line: p.line, column: p.col };
  }
}

export type ParseOutcome =
  | { ok: true; source: SourceDoc; value: Record<string, unknown> }
  | { ok: false; problems: FindingInFile[] };

const fail = (line: number, column: number, rule: string, message: string): ParseOutcome => ({
  ok: false,
  problems: [{ line, column, rule, message }],
});

/** Bytes of a file → a plain object, or every reason it cannot be one. */
export function parseYamlMapping(bytes: Buffer): ParseOutcome {
  if (bytes.length === 0) return fail(1, 1, "file", "berkas kosong; isi permintaan harus berupa mapping YAML");
  if (bytes.length > MAX_FILE_BYTES) return fail(1, 1, "file", tooLargeMessage(bytes.length));
  if (!isUtf8(bytes)) {
    const off = firstInvalidUtf8(bytes);
    const { line, column } = bytePosition(bytes, off);
    const hex = bytes[off]!.toString(16).toUpperCase().padStart(2, "0");
    return fail(line, column, "file", `byte 0x${hex} bukan UTF-8 yang sah; simpan berkas sebagai UTF-8`);
  }
  return parseYamlText(bytes.toString("utf8"));
}

/**
 * Text that is already known to be valid UTF-8 and within the size limit → a plain object. The loader
 * reads files as text (Node's fastest read) and sends only suspicious ones through parseYamlMapping.
 */
export function parseYamlText(input: string): ParseOutcome {
  let text = input;
  if (text.length === 0) return fail(1, 1, "file", "berkas kosong; isi permintaan harus berupa mapping YAML");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  // Fast path: js-yaml (YAML 1.2 core schema, duplicate keys and aliases refused) gives the values.
  // Anything it refuses, or that is not a plain mapping, or that has an anchor ('&'), takes the
  // slow path below, whose yaml Document names the exact problem and its position.
  let fastError: { line: number; column: number; reason: string } | undefined;
  if (!text.includes("&")) {
    try {
      const value = loadFast(text, { maxAliases: 0 });
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        return { ok: true, source: new SourceDoc(text), value: value as Record<string, unknown> };
      }
    } catch (e) {
      const mark = (e as { mark?: { line: number; column: number } }).mark;
      fastError = { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1, reason: (e as { reason?: string }).reason ?? String(e) };
    }
  }

  const { doc, lines } = positional(text);
  const source = new SourceDoc(text, { doc, lines });
  const problems: FindingInFile[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const { line, column } = source.offsetPosition(e.pos[0]);
    // yaml marks only the first character of a duplicate key: take the rest of the key from the line.
    const snippet = text.slice(e.pos[0]).match(/^[^:\n]*/)![0].trim();
    problems.push({ line, column, rule: "yaml", message: yamlMessage(e.code, e.message, snippet) });
  }
  if (problems.length) return { ok: false, problems };

  if (doc.contents === null || (Y().isScalar(doc.contents) && doc.contents.value === null)) {
    return fail(1, 1, "file", "berkas kosong; isi permintaan harus berupa mapping YAML");
  }
  if (!Y().isMap(doc.contents)) {
    const { line, column } = source.position([]);
    const what = Y().isSeq(doc.contents) ? "daftar (sequence)" : "nilai tunggal (scalar)";
    return fail(line, column, "yaml", `tingkat teratas harus berupa mapping (kunci: nilai), bukan ${what}`);
  }
  // Anchors and aliases have no use in a request and open the door to alias bombs: refuse them.
  if (text.includes("&") || text.includes("*")) {
    const named = new Set<string>(); // one finding per name: an alias bomb repeats the same few names
    Y().visit(doc, (_key, node) => {
      if (Y().isAlias(node)) {
        if (named.has(`*${node.source}`)) return;
        named.add(`*${node.source}`);
        const { line, column } = source.offsetPosition(node.range?.[0] ?? 0);
        problems.push({ line, column, rule: "yaml", message: `alias YAML *${node.source} tidak diizinkan; tulis nilainya langsung` });
      } else if ((Y().isScalar(node) || Y().isMap(node) || Y().isSeq(node)) && node.anchor && !named.has(`&${node.anchor}`)) {
        named.add(`&${node.anchor}`);
        const { line, column } = source.offsetPosition(node.range?.[0] ?? 0);
        problems.push({ line, column, rule: "yaml", message: `anchor YAML &${node.anchor} tidak diizinkan; tulis nilainya langsung` });
      }
    });
    if (problems.length) return { ok: false, problems };
  }
  // The two parsers disagree: fail closed with what js-yaml objected to.
  if (fastError) return fail(fastError.line, fastError.column, "yaml", `sintaks YAML tidak sah: ${fastError.reason}`);
  // maxAliasCount 0: a second line of defence should an alias ever slip through.
  const value = doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
  return { ok: true, source, value };
}

function positional(text: string): { doc: Document; lines: LineCounter } {
  const lines = new (Y().LineCounter)();
  const doc = Y().parseDocument(text, { lineCounter: lines, schema: "core", uniqueKeys: true, prettyErrors: false });
  return { doc, lines };
}

function yamlMessage(code: string, english: string, snippet: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return `kunci ganda ${JSON.stringify(snippet)}; setiap kunci hanya boleh muncul sekali dalam satu mapping`;
    case "MULTIPLE_DOCS":
      return "berkas berisi lebih dari satu dokumen YAML ('---'); satu berkas hanya untuk satu permintaan";
    case "TAG_RESOLVE_FAILED":
      return `tag YAML ${JSON.stringify(snippet.split(/\s/)[0])} tidak dikenal; jangan pakai tag khusus`;
    default:
      return `sintaks YAML tidak sah (${code}): ${english.split(" at line ")[0]}`;
  }
}

/** Offset of the first byte that breaks UTF-8; only called once isUtf8 has said there is one. */
export function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    if (n > 0 && !isUtf8(b.subarray(i, i + n + 1))) return i; // overlongs and surrogates
    i += n + 1;
  }
  return b.length;
}

function bytePosition(b: Buffer, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: b.subarray(start, offset).toString("utf8").length + 1 };
}
