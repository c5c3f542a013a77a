/**
 * Loads `requests/**`: layout checks, strict YAML, the per-kind schema, and the folder/kind and
 * file-name/id agreements. Every problem becomes a finding with file, line and column; a file with
 * problems yields no request, and the caller fails closed on any finding.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Finding } from "../findings";
import { API_VERSION } from "../model/common";
import { schemaProblems, show } from "../model/issues";
import { KIND_FOLDER, KIND_SCHEMAS, KINDS, type Kind, type Request } from "../model/kinds";
import { MAX_FILE_BYTES, parseYamlMapping, tooLargeMessage, type Path, type SourceDoc } from "./source";

export interface LoadedRequest<R extends Request = Request> {
  /** Path as the user sees it (relative to the working directory, with '/'). */
  file: string;
  request: R;
  source: SourceDoc;
}

export interface LoadResult {
  requests: LoadedRequest[];
  findings: Finding[];
  files: number;
}

const FOLDER_KIND = new Map(Object.entries(KIND_FOLDER).map(([k, f]) => [f, k as Kind]));
const FOLDERS = Object.values(KIND_FOLDER).join("|");

export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return (rel && !rel.startsWith("..") ? rel : p).split(path.sep).join("/");
}

interface Entry {
  rel: string;
  link: boolean;
}

/** Every entry under `root`, files and links, in a stable order; links are listed, never followed. */
function walk(root: string, rel = ""): Entry[] {
  const out: Entry[] = [];
  const entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(root, r));
    else out.push({ rel: r, link: e.isSymbolicLink() });
  }
  return out;
}

/** The file's bytes, or its size when it is over the limit (checked on the open descriptor, before reading). */
function readBounded(file: string): Buffer | number {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return size;
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = fs.readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    fs.closeSync(fd);
  }
}

export function loadRequests(dir: string): LoadResult {
  const findings: Finding[] = [];
  const requests: LoadedRequest[] = [];
  const files = walk(dir);
  for (const { rel, link } of files) {
    const abs = path.join(dir, rel);
    const file = displayPath(abs);
    const at = (line: number, column: number, rule: string, message: string) => findings.push({ file, line, column, rule, message });
    const layout = layoutProblem(rel, link);
    if (layout) {
      at(1, 1, "berkas", layout);
      continue;
    }
    const bytes = readBounded(abs);
    if (typeof bytes === "number") {
      at(1, 1, "berkas", tooLargeMessage(bytes));
      continue;
    }
    const parsed = parseYamlMapping(bytes);
    if (!parsed.ok) {
      for (const p of parsed.problems) at(p.line, p.column, p.rule, p.message);
      continue;
    }
    const { source, value } = parsed;
    const place = (p: Path, key = false) => source.position(p, key);
    const report = (p: Path, rule: string, message: string, key = false) => {
      const pos = place(p, key);
      at(pos.line, pos.column, rule, message);
    };

    const kind = value.kind;
    if (typeof kind !== "string" || !(KINDS as string[]).includes(kind)) {
      if (value.apiVersion !== API_VERSION) report(["apiVersion"], "schema", versionMessage(value.apiVersion));
      report(
        ["kind"],
        "schema",
        kind === undefined
          ? `kolom wajib kind tidak ada; isi dengan: ${KINDS.join(", ")}`
          : `kind: nilai ${show(kind)} tidak sah; yang diizinkan: ${KINDS.join(", ")}`,
      );
      continue;
    }
    const schema = KIND_SCHEMAS[kind as Kind];
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const p of schemaProblems(schema, result.error, value)) {
        report(p.path, "schema", p.path[0] === "apiVersion" ? versionMessage(value.apiVersion) : p.message, p.key);
      }
      continue;
    }
    const request = result.data as Request;
    const [folder, name] = rel.split("/") as [string, string];
    let placed = true;
    if (FOLDER_KIND.get(folder) !== request.kind) {
      placed = false;
      report(
        ["kind"],
        "berkas",
        `kind ${request.kind} tidak cocok dengan folder ${folder}/; permintaan ${request.kind} harus berada di requests/${KIND_FOLDER[request.kind]}/`,
      );
    }
    if (name !== `${request.metadata.id}.yaml`) {
      placed = false;
      report(
        ["metadata", "id"],
        "berkas",
        `nama berkas ${show(name)} tidak cocok dengan metadata.id ${show(request.metadata.id)}; berkas harus bernama ${request.metadata.id}.yaml`,
      );
    }
    if (placed) requests.push({ file, request, source });
  }
  return { requests, findings, files: files.length };
}

function versionMessage(v: unknown): string {
  return v === undefined
    ? `kolom wajib apiVersion tidak ada; isi dengan: ${API_VERSION}`
    : `apiVersion: nilai ${show(v)} tidak sah; yang diizinkan: ${API_VERSION}`;
}

/** Why a file may not be read as a request at all, from its place and type alone. */
function layoutProblem(rel: string, link: boolean): string | null {
  const parts = rel.split("/");
  const name = parts[parts.length - 1]!;
  if (link) return "tautan simbolik tidak diizinkan di requests/; simpan berkasnya langsung";
  if (name.endsWith(".yml")) return `ekstensi .yml tidak diterima; ganti nama menjadi ${name.slice(0, -4)}.yaml`;
  if (!name.endsWith(".yaml")) return `hanya berkas .yaml yang diterima di requests/; ${show(name)} bukan permintaan`;
  if (parts.length !== 2 || !FOLDER_KIND.has(parts[0]!)) {
    return `berkas di luar folder jenisnya; letakkan di requests/<${FOLDERS}>/<id>.yaml`;
  }
  return null;
}
