/**
 * Extracts the tar stream `git archive --format=tar` writes (ustar blocks, pax headers for long
 * names) without starting `tar`: regular files, folders and symbolic links. Anything else, or a
 * name leading outside `dest`, makes it answer false so that the caller can hand the stream to tar.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const BLOCK = 512;

/** A NUL-terminated header field. */
function field(h: Buffer, at: number, len: number): string {
  const f = h.subarray(at, at + len);
  const nul = f.indexOf(0);
  return f.subarray(0, nul < 0 ? len : nul).toString("utf8");
}

/** pax records `<length> <key>=<value>\n`. */
function paxRecords(body: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const sp = body.indexOf(0x20, at);
    const len = Number(body.subarray(at, sp).toString());
    if (sp < 0 || !Number.isInteger(len) || len <= 0) break;
    const record = body.subarray(sp + 1, at + len - 1).toString("utf8");
    const eq = record.indexOf("=");
    out.set(record.slice(0, eq), record.slice(eq + 1));
    at += len;
  }
  return out;
}

interface Entry {
  name: string;
  type: string;
  mode: number;
  link: string;
  body: Buffer;
}

/** The entries of the stream, pax headers applied; null when it is not a tar this reader knows. */
export function tarEntries(tar: Buffer): Entry[] | null {
  const entries: Entry[] = [];
  let pax = new Map<string, string>();
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const h = tar.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    if (field(h, 257, 6) !== "ustar") return null;
    const size = parseInt(field(h, 124, 12).trim() || "0", 8);
    if (!Number.isSafeInteger(size) || at + BLOCK + size > tar.length) return null;
    const body = tar.subarray(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const type = String.fromCharCode(h[156]!);
    if (type === "g") continue;
    if (type === "x") {
      pax = paxRecords(body);
      continue;
    }
    const prefix = field(h, 345, 155);
    const name = pax.get("path") ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    entries.push({ name, type: type === "\0" ? "0" : type, mode: parseInt(field(h, 100, 8).trim() || "0", 8), link: pax.get("linkpath") ?? field(h, 157, 100), body });
    pax = new Map();
  }
  return entries;
}

/** Writes the stream's files into `dest`; false (having written nothing) when it holds anything else. */
export function untar(tar: Buffer, dest: string): boolean {
  const entries = tarEntries(tar);
  if (!entries) return false;
  const root = path.resolve(dest);
  const inside = (e: Entry) => {
    const target = path.resolve(root, e.name);
    return target.startsWith(`${root}${path.sep}`) && ["0", "5", "2"].includes(e.type);
  };
  if (!entries.every(inside)) return false;
  for (const e of entries) {
    const target = path.resolve(root, e.name);
    if (e.type === "5") fs.mkdirSync(target, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (e.type === "2") fs.symlinkSync(e.link, target);
      else fs.writeFileSync(target, e.body, { mode: e.mode & 0o777 });
    }
  }
  return true;
}
