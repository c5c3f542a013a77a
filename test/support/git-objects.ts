/**
 * Test repositories written without a git process: loose objects (zlib-deflated `<type> <size>\0<body>`
 * under `.git/objects/`) and ref files, byte for byte what `git commit` writes for the same files,
 * people and dates (test/audit.test.ts compares the ids with real git commits). A git process costs
 * ~20 ms of CPU here and the history tests build hundreds of commits; the product still reads every
 * repository with the real git.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { deflateSync } from "node:zlib";

/** Path → content: a commit's whole tree, files only. */
export type Files = ReadonlyMap<string, string | Buffer>;

export interface Person {
  name: string;
  email: string;
  /** Seconds since the epoch; the zone is always +0000. */
  time: number;
}

export interface CommitSpec {
  tree: string;
  parents: string[];
  author: Person;
  committer?: Person;
  /** As given to `git commit -m`: a final newline is added when missing. */
  message: string;
}

const ident = (p: Person) => `${p.name} <${p.email}> ${p.time} +0000`;

/** A non-bare repository on branch `main` with no commits (what `git init -b main` leaves, minus hooks and samples). */
export function initRepo(dir: string, branch = "main"): GitObjects {
  const gitDir = path.join(dir, ".git");
  for (const d of ["objects/info", "objects/pack", "refs/heads", "refs/tags", "info"]) fs.mkdirSync(path.join(gitDir, d), { recursive: true });
  fs.writeFileSync(path.join(gitDir, "HEAD"), `ref: refs/heads/${branch}\n`);
  fs.writeFileSync(path.join(gitDir, "config"), "[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tlogallrefupdates = true\n");
  return new GitObjects(gitDir);
}

/** Every file below `dir` but `.git`, relative with '/'. */
function filesUnder(dir: string, rel = ""): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (p === ".git") return [];
    return e.isDirectory() ? filesUnder(dir, p) : [p];
  });
}

/** Writes objects and refs into the `.git` folder `gitDir` (SHA-1 repositories). */
export class GitObjects {
  constructor(readonly gitDir: string) {}

  write(type: "blob" | "tree" | "commit" | "tag", body: Buffer): string {
    const raw = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
    const id = createHash("sha1").update(raw).digest("hex");
    const file = path.join(this.gitDir, "objects", id.slice(0, 2), id.slice(2));
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, deflateSync(raw));
    }
    return id;
  }

  blob(content: string | Buffer): string {
    return this.write("blob", Buffer.isBuffer(content) ? content : Buffer.from(content));
  }

  /** The nested trees of `files` (regular files, mode 100644); returns the root tree's id. */
  tree(files: Files): string {
    const dirs = new Map<string, Map<string, string | Buffer>>();
    const own = new Map<string, string>();
    for (const [p, content] of files) {
      const slash = p.indexOf("/");
      if (slash < 0) own.set(p, this.blob(content));
      else {
        const d = p.slice(0, slash);
        if (!dirs.has(d)) dirs.set(d, new Map());
        dirs.get(d)!.set(p.slice(slash + 1), content);
      }
    }
    // git orders entries by name, a folder's name compared as if it ended in '/'.
    const entries = [
      ...[...own].map(([name, id]) => ({ key: name, line: `100644 ${name}`, id })),
      ...[...dirs].map(([name, sub]) => ({ key: `${name}/`, line: `40000 ${name}`, id: this.tree(sub) })),
    ].sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
    return this.write("tree", Buffer.concat(entries.flatMap((e) => [Buffer.from(`${e.line}\0`), Buffer.from(e.id, "hex")])));
  }

  commit(c: CommitSpec): string {
    const lines = [`tree ${c.tree}`, ...c.parents.map((p) => `parent ${p}`), `author ${ident(c.author)}`, `committer ${ident(c.committer ?? c.author)}`];
    const message = c.message.endsWith("\n") ? c.message : `${c.message}\n`;
    return this.write("commit", Buffer.from(`${lines.join("\n")}\n\n${message}`));
  }

  /**
   * What `git add -A && git commit` makes of the work tree of `dir` (every file outside `.git`): the
   * commit, and an index that matches the files (stat data included, so `git status` is clean).
   */
  commitWorkTree(dir: string, c: Omit<CommitSpec, "tree">): string {
    const paths = filesUnder(dir).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const files = new Map(paths.map((p) => [p, fs.readFileSync(path.join(dir, p))]));
    const entries = paths.map((p) => {
      const st = fs.statSync(path.join(dir, p), { bigint: true });
      const name = Buffer.from(p);
      const head = Buffer.alloc(62);
      const u32 = (v: bigint) => Number(BigInt.asUintN(32, v));
      [st.ctimeNs / 1_000_000_000n, st.ctimeNs % 1_000_000_000n, st.mtimeNs / 1_000_000_000n, st.mtimeNs % 1_000_000_000n, st.dev, st.ino, st.mode, st.uid, st.gid, st.size].forEach((v, i) =>
        head.writeUInt32BE(u32(v), i * 4),
      );
      head.write(this.blob(files.get(p)!), 40, "hex");
      head.writeUInt16BE(Math.min(name.length, 0xfff), 60);
      // entries are NUL-padded to a multiple of 8 bytes, at least one NUL
      return Buffer.concat([head, name, Buffer.alloc(8 - ((62 + name.length) % 8))]);
    });
    const header = Buffer.alloc(12);
    header.write("DIRC", 0);
    header.writeUInt32BE(2, 4);
    header.writeUInt32BE(entries.length, 8);
    const index = Buffer.concat([header, ...entries]);
    fs.writeFileSync(path.join(this.gitDir, "index"), Buffer.concat([index, createHash("sha1").update(index).digest()]));
    return this.commit({ ...c, tree: this.tree(files) });
  }

  /** An annotated tag object naming the commit `target`; returns the tag object's id. */
  tag(name: string, target: string, tagger: Person, message: string): string {
    return this.write("tag", Buffer.from(`object ${target}\ntype commit\ntag ${name}\ntagger ${ident(tagger)}\n\n${message}\n`));
  }

  /** Points `ref` (e.g. `refs/heads/main`) at `id`. */
  setRef(ref: string, id: string): void {
    fs.mkdirSync(path.dirname(path.join(this.gitDir, ref)), { recursive: true });
    fs.writeFileSync(path.join(this.gitDir, ref), `${id}\n`);
  }

  /** Makes `HEAD` name the branch. */
  setHead(branch: string): void {
    fs.writeFileSync(path.join(this.gitDir, "HEAD"), `ref: refs/heads/${branch}\n`);
  }
}
