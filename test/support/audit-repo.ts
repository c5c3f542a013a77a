/**
 * Real git repositories for the audit tests, built in a temp folder with fixed author and committer
 * dates so that every commit id, and so every output, is the same on every run. Commits, merges and
 * the `arsip` branch are written as git objects without a git process (test/support/git-objects.ts).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type ArchiveRecord, recordPath } from "../../infra/core/archive/record";
import { initRepo, type Person } from "./git-objects";

/** 2026-11-20T01:00:00Z: 08:00 WIB. */
export const T0 = Date.UTC(2026, 10, 20, 1, 0, 0) / 1000;

/** Invented people only (never a real name or NIP). */
export const PEOPLE: Record<string, { name: string; nip: string; position: string }> = {
  "kabid-spbe": { name: "Budi Santoso, S.Kom.", nip: "198001012005011001", position: "Kepala Bidang SPBE" },
  "sekdis-kominfo": { name: "Dewi Lestari, S.T., M.T.", nip: "197805152003122002", position: "Sekretaris Dinas" },
  "teknisi-rina": { name: "Rina Wulandari, A.Md.", nip: "199203142019032001", position: "Pranata Komputer" },
  "teknisi-agus": { name: "Agus Prasetyo, S.Kom.", nip: "199107072018011002", position: "Pranata Komputer" },
};

/** A stack file with nothing but the approvers (all the audit reads). */
export function stackFile(approvers: string[]): string {
  if (approvers.length === 0) return "config:\n  pusdat:approvers: []\n";
  const items = approvers.map((l) => {
    const p = PEOPLE[l]!;
    return `    - login: ${l}\n      name: ${p.name}\n      nip: "${p.nip}"\n      position: ${p.position}\n`;
  });
  return `config:\n  pusdat:approvers:\n${items.join("")}`;
}

export const request = (id: string) => `apiVersion: pusdat/v1\nkind: Subdomain\nid: ${id}\n`;

const iso = (t: number) => new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

export interface RecordOptions {
  number?: number;
  author?: string;
  /** [login, commit approved]; the commit defaults to the head. */
  approvals?: Array<[string, string?]>;
  headSha?: string;
  noPullRequest?: boolean;
  apply?: "succeeded" | "failed";
  /** request id → verify result; kind Subdomain, change create, one berita acara. */
  requests?: Record<string, "passed" | "failed" | "skipped">;
  /** Seconds since the epoch when the apply finished; defaults to one minute after the commit. */
  finishedAt?: number;
  stack?: string;
}

/** The record an apply of `commit` finishing at `at` (seconds) would write; `requests` defaults to one passed "sibapo". */
export function makeRecord(commit: string, at: number, o: RecordOptions = {}): ArchiveRecord {
  const head = o.headSha ?? "a".repeat(40);
  const reqs = o.requests ?? { sibapo: "passed" };
  return {
    schema: "pusdat-arsip/v1",
    stack: o.stack ?? "contoh",
    commit,
    pullRequest: o.noPullRequest
      ? null
      : {
          number: o.number ?? 1,
          url: `https://forge.contohkab.go.id/diskominfo/layanan/pulls/${o.number ?? 1}`,
          title: "Permintaan uji",
          author: o.author ?? "teknisi-rina",
          headSha: head,
          createdAt: iso(at - 7200),
          mergedAt: iso(at - 120),
          mergedBy: "kabid-spbe",
          approvals: (o.approvals ?? [["kabid-spbe"]]).map(([login, c]) => ({ login, submittedAt: iso(at - 600), commit: c ?? head })),
        },
    apply: { startedAt: iso(at - 50), finishedAt: iso(at), result: o.apply ?? "succeeded" },
    requests: Object.entries(reqs).map(([id, result]) => ({
      id,
      kind: "Subdomain" as const,
      change: "create" as const,
      verify: {
        result,
        at: iso(at),
        checks: [{ name: "dns", result, detail: `${id}.contohkab.go.id A 203.0.113.10` }],
      },
      documents: [{ type: "berita-acara" as const, path: `dokumen/${id}/${iso(at + 7 * 3600).slice(0, 10)}-${commit.slice(0, 12)}-berita-acara.pdf`, sha256: "b".repeat(64) }],
    })),
  };
}

const EMAIL = "uji@contohkab.go.id";

interface Written {
  parents: string[];
  files: Map<string, string>;
  author: Person;
  message: string;
}

/**
 * A repository whose commits are written as objects (test/support/git-objects.ts), one hour apart,
 * with the work tree kept in step (no index: the audit reads history only). `git()` runs the real git
 * for what a test does to the repository itself (clone, update-ref, rev-parse).
 */
export class AuditRepo {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-audit-"));
  private tick = 0;
  private arsipFiles = new Map<string, string>();
  private arsipHead: string | null = null;
  private readonly times = new Map<string, number>();
  private readonly objects = initRepo(this.dir);
  private readonly commits = new Map<string, Written>();
  private readonly branches = new Map<string, string>();
  private branch = "main";
  /** What the work tree holds (the current branch's files). */
  private worktree: ReadonlyMap<string, string> = new Map();

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** The time the next commit gets: one hour after the previous one. */
  now(): number {
    return T0 + this.tick * 3600;
  }

  git(args: string[], input?: string): string {
    const date = `${this.now()} +0000`;
    return execFileSync("git", ["-C", this.dir, "-c", "commit.gpgsign=false", ...args], {
      encoding: "utf8",
      input,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "Teknisi Uji", GIT_AUTHOR_EMAIL: EMAIL, GIT_COMMITTER_NAME: "Teknisi Uji", GIT_COMMITTER_EMAIL: EMAIL,
        GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null",
      },
    }).trim();
  }

  head(ref = "HEAD"): string {
    return this.git(["rev-parse", ref]);
  }

  private filesOf(commit: string | undefined): Map<string, string> {
    return new Map(commit ? this.commits.get(commit)!.files : []);
  }

  /** Moves the current branch (and the work tree) to a new state. */
  private moveTo(commit: string): void {
    this.sync(this.commits.get(commit)!.files);
    this.branches.set(this.branch, commit);
    this.objects.setRef(`refs/heads/${this.branch}`, commit);
  }

  private sync(to: ReadonlyMap<string, string>): void {
    const from = this.worktree;
    this.worktree = to;
    for (const rel of from.keys()) if (!to.has(rel)) fs.rmSync(path.join(this.dir, rel));
    for (const [rel, text] of to) {
      if (from.get(rel) === text) continue;
      fs.mkdirSync(path.dirname(path.join(this.dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(this.dir, rel), text);
    }
  }

  /** A commit of `files` on the current branch at the next fixed time. */
  private write(message: string, files: Map<string, string>, parents: string[], author?: Person): string {
    const now: Person = { name: author?.name ?? "Teknisi Uji", email: EMAIL, time: this.now() };
    const sha = this.objects.commit({ tree: this.objects.tree(files), parents, author: author ?? now, committer: now, message });
    this.commits.set(sha, { parents, files, author: author ?? now, message });
    this.moveTo(sha);
    this.tick++;
    this.times.set(sha, this.now() - 3600);
    return sha;
  }

  private get tip(): string | undefined {
    return this.branches.get(this.branch);
  }

  /** Writes (or with null, deletes) files and commits the whole tree on the current branch, like `git add -A && git commit`. */
  commit(message: string, files: Record<string, string | null>, author?: string): string {
    const next = this.filesOf(this.tip);
    for (const [rel, content] of Object.entries(files)) {
      if (content === null) next.delete(rel);
      else next.set(rel, content);
    }
    return this.write(message, next, this.tip ? [this.tip] : [], author ? { name: author, email: EMAIL, time: this.now() } : undefined);
  }

  /** The current branch's files with the changes from `base` to `theirs` applied; a conflict throws. */
  private apply(base: string | undefined, theirs: string): Map<string, string> {
    const b = this.filesOf(base);
    const t = this.commits.get(theirs)!.files;
    const out = this.filesOf(this.tip);
    for (const p of new Set([...b.keys(), ...t.keys()])) {
      if (t.get(p) === b.get(p)) continue;
      if (out.get(p) !== b.get(p) && out.get(p) !== t.get(p)) throw new Error(`konflik uji di ${p}`);
      const v = t.get(p);
      if (v === undefined) out.delete(p);
      else out.set(p, v);
    }
    return out;
  }

  private mergeBase(a: string, b: string): string | undefined {
    const seen = new Set<string>();
    for (let q = [a]; q.length; q = q.flatMap((c) => this.commits.get(c)!.parents)) for (const c of q) seen.add(c);
    for (let q = [b]; q.length; q = q.flatMap((c) => this.commits.get(c)!.parents)) for (const c of q) if (seen.has(c)) return c;
    return undefined;
  }

  /** `git merge --no-ff -m <message> <branch>`. */
  merge(branch: string, message: string): string {
    const theirs = this.branches.get(branch)!;
    return this.write(message, this.apply(this.mergeBase(this.tip!, theirs), theirs), [this.tip!, theirs]);
  }

  /** `git merge --squash <branch>` then `git commit -m <message>`. */
  squash(branch: string, message: string): string {
    const theirs = this.branches.get(branch)!;
    return this.write(message, this.apply(this.mergeBase(this.tip!, theirs), theirs), [this.tip!]);
  }

  /** `git cherry-pick <commit>`: its change and its author, committed now. */
  cherryPick(commit: string): string {
    const c = this.commits.get(commit)!;
    return this.write(c.message, this.apply(c.parents[0], commit), [this.tip!], c.author);
  }

  /** `git reset --hard <commit>` on the current branch. */
  resetHard(commit: string): void {
    this.moveTo(commit);
  }

  /** `git checkout [-b] <branch>`. */
  checkout(...args: string[]): void {
    const create = args[0] === "-b";
    const name = args[create ? 1 : 0]!;
    const from = this.tip;
    this.branch = name;
    if (create) {
      if (from) this.moveTo(from);
    } else this.moveTo(this.branches.get(name)!);
    this.objects.setHead(name);
  }

  /** The record an apply of `commit` would write, one minute after the commit by default. */
  record(commit: string, o: RecordOptions = {}): ArchiveRecord {
    return makeRecord(commit, o.finishedAt ?? (this.times.get(commit) ?? T0) + 60, o);
  }

  /**
   * Adds records (at their own path) or raw files to the archive in one new commit on `arsip` (what
   * `git fast-import` made of the branch's whole tree: no author line, so the author is the committer).
   */
  archive(items: Array<ArchiveRecord | { path: string; text: string }>, ref = "refs/heads/arsip"): string {
    for (const it of items) {
      if ("schema" in it) this.arsipFiles.set(recordPath(it), `${JSON.stringify(it, null, 2)}\n`);
      else this.arsipFiles.set(it.path, it.text);
    }
    const who: Person = { name: "Teknisi Uji", email: EMAIL, time: this.now() };
    this.arsipHead = this.objects.commit({ tree: this.objects.tree(this.arsipFiles), parents: this.arsipHead ? [this.arsipHead] : [], author: who, message: "Catatan penerapan\n" });
    this.objects.setRef(ref, this.arsipHead);
    return this.arsipHead;
  }
}
