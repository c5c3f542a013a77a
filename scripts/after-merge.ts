/**
 * What `pusdat docs` and `pusdat arsip` both need after a merge: the applied commit, the apply's
 * time, the requests the change touched, the verify results, the signer. Adapters only: the
 * decisions live in infra/docs and infra/core/archive.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseVerifyResults, type VerifyResults } from "../infra/core/archive/verify-file";
import type { Approver, Organisation, SiteConfig } from "../infra/core/config/site";
import { type ProjectConfig, readRequests } from "../infra/core/project";
import { findingLine } from "../infra/core/findings";
import { type Changed, changedRequests, namedRequests } from "../infra/docs/changes";
import { extractFolder, gitText, repoRoot, resolveCommit } from "../infra/git/repo";
import { type Io, UsageError } from "./commands/types";

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** An ISO 8601 UTC option value, or a usage error naming the option. */
export function isoOption(value: string | undefined, option: string, fallback?: () => string): string {
  if (value === undefined) {
    if (fallback) return fallback();
    throw new UsageError(`${option} wajib diisi (waktu ISO 8601 UTC, mis. 2026-11-20T05:03:40Z)`);
  }
  if (!ISO_UTC.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`nilai ${JSON.stringify(value)} untuk ${option} tidak sah; yang diizinkan: waktu ISO 8601 UTC, mis. 2026-11-20T05:03:40Z`);
  }
  return value;
}

/** Now, to the second, as the records write it. */
export const nowIso = () => `${new Date().toISOString().slice(0, 19)}Z`;

export function repositoryOf(config: ProjectConfig): string {
  const top = repoRoot(config.root);
  if (!top) throw new UsageError(`${config.root} bukan repositori git; dokumen dan arsip terikat pada commit`);
  return top;
}

/** `--commit` (default HEAD) as the full 40-hex id. */
export function commitOption(repo: string, sha: string | undefined): string {
  const c = resolveCommit(repo, sha ?? "HEAD");
  if (!c) throw new UsageError(`commit tidak dikenal untuk --commit: ${JSON.stringify(sha ?? "HEAD")}`);
  return c;
}

export function readVerifyFile(file: string | undefined): VerifyResults {
  if (!file) return {};
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`berkas hasil uji tidak dapat dibaca: ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const r = parseVerifyResults(text, file);
  if (!r.ok) throw new UsageError(r.problem);
  return r.value;
}

/** The organisation (kop surat) and the signer (the first approver), or a configuration error. */
export function letterConfig(site: SiteConfig, stackFile: string): { organisation: Organisation; signer: Approver } {
  if (!site.organisation) throw new UsageError(`${stackFile}: pusdat:organisation belum diisi; kop surat dan nomor surat diambil darinya`);
  const signer = site.approvers[0];
  if (!signer) throw new UsageError(`${stackFile}: pusdat:approvers kosong; penanda tangan dokumen adalah approver pertama (Kabid)`);
  return { organisation: site.organisation, signer };
}

/** The requests folder as it is at `commit`: the work tree when it is that commit, unchanged; else extracted from git. */
function requestsAt(config: ProjectConfig, repo: string, requestsDir: string, commit: string) {
  const clean = resolveCommit(repo, "HEAD") === commit && gitText(repo, ["status", "--porcelain", "--", requestsDir]) === "";
  if (clean) return readRequests(config, requestsDir);
  const tree = extractFolder(requestsDir, commit);
  if (!tree) throw new UsageError(`folder permintaan tidak ada di commit ${commit.slice(0, 12)}`);
  try {
    return readRequests(config, tree.dir);
  } finally {
    tree.dispose();
  }
}

/**
 * The requests to document: those named, or those changed since `since` (a git ref), as they are at
 * `commit` (the documents name it) in the repository `repo` (repositoryOf, which the caller already
 * asked). The requests there must be valid (fail closed); at the base, whatever can be read counts.
 */
export function changedOf(config: ProjectConfig, repo: string, requestsDir: string, ids: string[], since: string | undefined, commit: string, io: Io): Changed[] {
  if (!fs.existsSync(requestsDir)) throw new UsageError(`folder permintaan tidak ditemukan: ${path.relative(process.cwd(), requestsDir) || requestsDir}`);
  if (!ids.length && !since) throw new UsageError("sebutkan id permintaan atau --changed-since <ref>");
  if (ids.length && since) throw new UsageError("pilih salah satu: id permintaan atau --changed-since <ref>");
  if (since && !resolveCommit(repo, since)) throw new UsageError(`ref git tidak dikenal untuk --changed-since: ${since}`);
  const head = requestsAt(config, repo, requestsDir, commit);
  if (head.findings.length) {
    for (const f of head.findings) io.err(`${findingLine(f)}\n`);
    throw new FindingsError(`permintaan memiliki ${head.findings.length} temuan; dokumen hanya dibuat dari permintaan yang sah`);
  }
  const now = head.requests.map((l) => l.request);
  if (ids.length) {
    const { changed, unknown } = namedRequests(now, ids);
    if (unknown.length) throw new UsageError(`permintaan tidak ditemukan: ${unknown.join(", ")}; id yang ada: ${now.map((r) => r.metadata.id).sort().join(", ")}`);
    return changed;
  }
  const tree = extractFolder(requestsDir, since!);
  try {
    const before = tree ? readRequests(config, tree.dir).requests.map((l) => l.request) : [];
    return changedRequests(before, now);
  } finally {
    tree?.dispose();
  }
}

/** Findings in the input: the command ends with exit 1 after saying why. */
export class FindingsError extends Error {}
