/**
 * One `git cat-file --batch` process kept open for a whole reading: names (`<ref>^{commit}`, `<rev>:<path>`,
 * object ids) are asked as they become known and the answers come back in order. What several
 * separate `rev-parse`, `ls-tree` and `cat-file` processes answered, in one process.
 */
import { spawn } from "node:child_process";

export interface GitObject {
  id: string;
  type: string;
  body: Buffer;
}

export class ObjectReaderError extends Error {}

/** A tree object's entries: `<mode> <name>\0<raw id>`; `idBytes` is 20 (SHA-1) or 32 (SHA-256). */
export function treeEntries(body: Buffer, idBytes: number): { mode: string; name: string; oid: string }[] {
  const out: { mode: string; name: string; oid: string }[] = [];
  let at = 0;
  while (at < body.length) {
    const sp = body.indexOf(0x20, at);
    const nul = body.indexOf(0x00, sp);
    if (sp < 0 || nul < 0) break;
    out.push({ mode: body.subarray(at, sp).toString(), name: body.subarray(sp + 1, nul).toString(), oid: body.subarray(nul + 1, nul + 1 + idBytes).toString("hex") });
    at = nul + 1 + idBytes;
  }
  return out;
}

/**
 * The first answer in `git cat-file --batch` output: `<id> <type> <size>\n<content>\n`, or
 * `<name> missing\n` (object null); null while the answer is not complete yet. `length` is how many
 * bytes it took.
 */
export function nextAnswer(out: Buffer): { object: GitObject | null; length: number } | null {
  const nl = out.indexOf(0x0a);
  if (nl < 0) return null;
  const [id, type, size] = out.subarray(0, nl).toString().split(" ");
  if (type === "missing" || type === "ambiguous" || size === undefined) return { object: null, length: nl + 1 };
  const n = Number(size);
  if (out.length < nl + 1 + n + 1) return null;
  return { object: { id: id!, type: type!, body: out.subarray(nl + 1, nl + 1 + n) }, length: nl + 1 + n + 1 };
}

export class ObjectReader {
  private readonly proc;
  private pending = Buffer.alloc(0);
  private readonly waiting: Array<{ resolve: (o: GitObject | null) => void; reject: (e: Error) => void }> = [];
  private readonly err: Buffer[] = [];
  private failed: Error | null = null;

  constructor(cwd: string) {
    this.proc = spawn("git", ["-C", cwd, "cat-file", "--batch"], { stdio: ["pipe", "pipe", "pipe"] });
    this.proc.stdout.on("data", (b: Buffer) => {
      this.pending = Buffer.concat([this.pending, b]);
      this.drain();
    });
    this.proc.stderr.on("data", (b: Buffer) => this.err.push(b));
    this.proc.stdin.on("error", () => undefined); // git may have stopped reading; its exit says why
    this.proc.on("error", (e) => this.fail(new ObjectReaderError(`git cat-file gagal: ${e.message}`)));
    this.proc.on("close", (code) => {
      if (this.waiting.length) this.fail(new ObjectReaderError(`git cat-file gagal: ${Buffer.concat(this.err).toString().trim() || `keluar dengan kode ${code}`}`));
    });
  }

  private fail(e: Error): void {
    this.failed = e;
    for (const w of this.waiting.splice(0)) w.reject(e);
  }

  private drain(): void {
    while (this.waiting.length) {
      const a = nextAnswer(this.pending);
      if (!a) return;
      this.pending = this.pending.subarray(a.length);
      // a copy, so that the answer does not keep the whole pending buffer alive
      this.waiting.shift()!.resolve(a.object && { ...a.object, body: Buffer.from(a.object.body) });
    }
  }

  /** The object `name` names, or null when there is none (a name on two lines names nothing). */
  get(name: string): Promise<GitObject | null> {
    if (this.failed) return Promise.reject(this.failed);
    if (name === "" || /[\n\r]/.test(name)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.proc.stdin.write(`${name}\n`);
    });
  }

  /** The full id of the commit `ref` names (`rev-parse --verify <ref>^{commit}`), or null. */
  async commit(ref: string): Promise<string | null> {
    const o = await this.get(`${ref}^{commit}`);
    return o?.type === "commit" ? o.id : null;
  }

  /** Ends the process once every question asked has been answered. */
  close(): void {
    this.proc.stdin.end();
  }
}
