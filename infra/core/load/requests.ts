/**
 * Loads `requests/**`: layout checks, strict YAML, the per-kind schema, and the folder/kind and
 * file-name/id agreements. Every problem becomes a finding with file, line and column; a file with
 * problems yields no request, and the caller fails closed on any finding.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type Finding, type FindingInFile, placed } from "../findings";
import { API_VERSION } from "../model/common";
import type { Path } from "../model/path";
import { schemaProblems, show } from "../model/issues";
import { KIND_FOLDER, KIND_SCHEMAS, KINDS } from "../kinds";
import type { Kind, Request } from "../model/kinds";
import { prefetch } from "./prefetch";
import { MAX_FILE_BYTES, type ParseOutcome, parseYamlMapping, parseYamlText, type SourceDoc } from "./source";

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

/**
 * Reads a file the fast way (one native call, as text), or takes the bytes the reader thread already
 * read. Only a file that may be too large or not UTF-8 (the decoder put U+FFFD in it) goes through
 * the byte check for the exact message.
 */
function readRequest(file: string, read?: Buffer): ParseOutcome {
  const text = read ? read.toString("utf8") : fs.readFileSync(file, "utf8");
  if (text.length > MAX_FILE_BYTES / 4 || text.includes("\uFFFD")) return parseYamlMapping(read ? Buffer.from(read) : fs.readFileSync(file));
  return parseYamlText(text);
}

/** `prefetchFrom`: from how many readable files a reader thread helps (tests lower it). */
export function loadRequests(dir: string, opts: { prefetchFrom?: number } = {}): LoadResult {
  const findings: Finding[] = [];
  const requests: LoadedRequest[] = [];
  // path.join(dir, rel) per file cost ~50 ms on 10,000 files (it normalises every time): join once.
  const prefix = path.join(dir, "_").slice(0, -1);
  const files = walk(dir).map((e) => ({ rel: e.rel, link: e.link, abs: prefix + e.rel, layout: layoutProblem(e.rel, e.link) }));
  // Only files the layout admits are read at all (never a link, never a stray file).
  const readable = files.filter((f) => !f.layout);
  const reader = prefetch(readable.map((f) => f.abs), opts.prefetchFrom);
  const shownDir = displayPath(dir);
  let next = 0;
  try {
    for (const f of files) {
      const file = `${shownDir}/${f.rel}`;
      const r = f.layout ? { problems: [{ line: 1, column: 1, rule: "file", message: f.layout }] } : loadOne(f.abs, f.rel, reader?.bytes(next++));
      if ("problems" in r) for (const p of r.problems) findings.push(placed(file, p));
      else requests.push({ file, request: r.request, source: r.source });
    }
  } finally {
    reader?.close();
  }
  return { requests, findings, files: files.length };
}

function report(problems: FindingInFile[], source: SourceDoc, p: Path, rule: string, message: string, key = false): void {
  const pos = source.position(p, key);
  problems.push({ line: pos.line, column: pos.column, rule, message });
}

/** One file the layout admits: its request, or every problem with it. */
function loadOne(abs: string, rel: string, read: Buffer | undefined): { request: Request; source: SourceDoc } | { problems: FindingInFile[] } {
  const parsed = readRequest(abs, read);
  if (!parsed.ok) return { problems: parsed.problems };
  const { source, value } = parsed;
  const problems: FindingInFile[] = [];

  const kind = value.kind;
  if (typeof kind !== "string" || !(KINDS as string[]).includes(kind)) {
    if (value.apiVersion !== API_VERSION) report(problems, source, ["apiVersion"], "schema", versionMessage(value.apiVersion));
    const allowed = KINDS.join(", ");
    report(problems, source, ["kind"], "schema", kind === undefined ? `kolom wajib kind tidak ada; isi dengan: ${allowed}` : `kind: nilai ${show(kind)} tidak sah; yang diizinkan: ${allowed}`);
    return { problems };
  }
  const schema = KIND_SCHEMAS[kind as Kind];
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const p of schemaProblems(schema, result.error, value)) {
      report(problems, source, p.path, "schema", p.path[0] === "apiVersion" ? versionMessage(value.apiVersion) : p.message, p.key);
    }
    return { problems };
  }
  const request = result.data as Request;
  const [folder, name] = rel.split("/") as [string, string];
  if (FOLDER_KIND.get(folder) !== request.kind) {
    const want = `requests/${KIND_FOLDER[request.kind]}/`;
    report(problems, source, ["kind"], "file", `kind ${request.kind} tidak cocok dengan folder ${folder}/; permintaan ${request.kind} harus berada di ${want}`);
  }
  if (name !== `${request.metadata.id}.yaml`) {
    const id = request.metadata.id;
    report(problems, source, ["metadata", "id"], "file", `nama berkas ${show(name)} tidak cocok dengan metadata.id ${show(id)}; berkas harus bernama ${id}.yaml`);
  }
  return problems.length ? { problems } : { request, source };
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
