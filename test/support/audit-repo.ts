/**
 * Real git repositories for the audit tests, built in a temp folder with fixed author and committer
 * dates so that every commit id, and so every output, is the same on every run. The `arsip` branch
 * is written with plumbing (a separate index), never checked out.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type ArchiveRecord, recordPath } from "../../infra/core/archive/record";

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

export class AuditRepo {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-audit-"));
  private tick = 0;
  private arsipFiles = new Map<string, string>();
  private arsipHead: string | null = null;
  private readonly times = new Map<string, number>();

  constructor() {
    this.git(["init", "-q", "-b", "main"]);
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** The time the next commit gets: one hour after the previous one. */
  now(): number {
    return T0 + this.tick * 3600;
  }

  git(args: string[], input?: string, author = "Teknisi Uji"): string {
    const date = `${this.now()} +0000`;
    return execFileSync("git", ["-C", this.dir, "-c", "commit.gpgsign=false", ...args], {
      encoding: "utf8",
      input,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: "uji@contohkab.go.id", GIT_COMMITTER_NAME: author, GIT_COMMITTER_EMAIL: "uji@contohkab.go.id",
        GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null",
      },
    }).trim();
  }

  head(ref = "HEAD"): string {
    return this.git(["rev-parse", ref]);
  }

  /**
   * What a ref or HEAD points at, read from the loose ref files git has just written; a process per
   * commit was most of what these tests cost. Falls back to rev-parse for anything else.
   */
  private tip(ref = "HEAD"): string {
    try {
      let text = fs.readFileSync(path.join(this.dir, ".git", ref), "utf8").trim();
      if (text.startsWith("ref: ")) text = fs.readFileSync(path.join(this.dir, ".git", text.slice(5)), "utf8").trim();
      if (/^[0-9a-f]{40}$/.test(text)) return text;
    } catch {
      // a packed or symbolic ref: ask git
    }
    return this.head(ref);
  }

  /** Writes (or with null, deletes) files in the work tree and commits them all on the current branch. */
  commit(message: string, files: Record<string, string | null>, author?: string): string {
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(this.dir, rel);
      if (content === null) fs.rmSync(abs);
      else {
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        fs.writeFileSync(abs, content);
      }
    }
    this.git(["add", "-A"]);
    this.git(["commit", "-q", "--allow-empty", "-m", message], undefined, author);
    this.tick++;
    const sha = this.tip();
    this.times.set(sha, this.now() - 3600);
    return sha;
  }

  /** Runs a git command that makes a commit (merge, cherry-pick…) at the next fixed time. */
  commitWith(args: string[]): string {
    this.git(args);
    this.tick++;
    const sha = this.tip();
    this.times.set(sha, this.now() - 3600);
    return sha;
  }

  checkout(...args: string[]): void {
    this.git(["checkout", "-q", ...args]);
  }

  /** The record an apply of `commit` would write, one minute after the commit by default. */
  record(commit: string, o: RecordOptions = {}): ArchiveRecord {
    return makeRecord(commit, o.finishedAt ?? (this.times.get(commit) ?? T0) + 60, o);
  }

  /**
   * Adds records (at their own path) or raw files to the archive in one new commit on `arsip`, the
   * branch's whole tree written by one `git fast-import` (never checked out).
   */
  archive(items: Array<ArchiveRecord | { path: string; text: string }>, ref = "refs/heads/arsip"): string {
    for (const it of items) {
      if ("schema" in it) this.arsipFiles.set(recordPath(it), `${JSON.stringify(it, null, 2)}\n`);
      else this.arsipFiles.set(it.path, it.text);
    }
    const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
    const stream = [
      `commit ${ref}\n`,
      `committer Teknisi Uji <uji@contohkab.go.id> ${this.now()} +0000\n`,
      data("Catatan penerapan\n"),
      this.arsipHead ? `from ${this.arsipHead}\n` : "",
      "deleteall\n",
      ...[...this.arsipFiles].map(([p, text]) => `M 100644 inline ${p}\n${data(text)}`),
    ].join("");
    this.git(["fast-import", "--quiet", "--force"], stream);
    this.arsipHead = this.tip(ref);
    return this.arsipHead;
  }
}
