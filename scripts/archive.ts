/** The shell of `pusdat arsip`: gathers the pull request, apply, verify results and documents, then commits. */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildRecord, type ForgePull, type ForgeReview, pullOfCommit, pullRequestInfo, recordBytes } from "../infra/core/archive/build";
import { ARCHIVE_BRANCH, type ArchiveRecord, documentPath, type PullRequestInfo, recordPath } from "../infra/core/archive/record";
import { recordSummary } from "../infra/core/archive/summary";
import type { ProjectConfig } from "../infra/core/project";
import type { Changed } from "../infra/docs/changes";
import { notTested } from "../infra/docs/generate";
import { documentTypes } from "../infra/docs/facts";
import { Register, REGISTER_PATH, registerProblem } from "../infra/docs/numbering";
import { ForgeError, pullRequestOfCommit } from "../infra/forge/github";
import { commitFiles, type NewFile } from "../infra/git/arsip";
import { git } from "../infra/git/repo";
import { changedOf, commitOption, FindingsError, isoOption, readVerifyFile, repositoryOf } from "./after-merge";
import { registerAt } from "./docs";
import type { ArchiveOptions } from "./commands/archive";
import { EXIT, type Io, UsageError } from "./commands/types";

type Run = ArchiveOptions & { requestsDir: string; ids: string[] };

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`${what} tidak dapat dibaca: ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: bukan JSON yang sah (${(e as Error).message})`);
  }
}

/** The pull request from the files (offline) or the forge's API (with GITHUB_TOKEN). */
async function pullRequest(o: Run, commit: string): Promise<PullRequestInfo | null> {
  if (o.prFile) {
    const json = readJson(o.prFile, "berkas pull request");
    if (json === null) return null;
    const pull = Array.isArray(json) ? pullOfCommit(json as ForgePull[], commit) : (json as ForgePull);
    if (!pull) return null;
    const reviews = o.reviewsFile ? readJson(o.reviewsFile, "berkas review") : [];
    if (!Array.isArray(reviews)) throw new UsageError(`${o.reviewsFile}: harus berupa daftar review`);
    return pullRequestInfo(pull, reviews as ForgeReview[]);
  }
  const token = process.env.GITHUB_TOKEN;
  const repo = o.repo ?? process.env.GITHUB_REPOSITORY;
  if (!token || !repo) throw new UsageError("pull request tidak dapat dibaca: isi variabel GITHUB_TOKEN dan GITHUB_REPOSITORY (atau --repo), atau berikan --pr-file");
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) throw new UsageError(`nama repositori tidak sah: ${JSON.stringify(repo)}; yang diizinkan: owner/name`);
  const seconds = Number(o.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 300) throw new UsageError(`nilai ${JSON.stringify(o.timeout)} untuk --timeout tidak sah; yang diizinkan: 1–300 detik`);
  const found = await pullRequestOfCommit({ api: o.forgeApi, repo, token, timeoutMs: seconds * 1000 }, commit);
  return found ? pullRequestInfo(found.pull, found.reviews) : null;
}

/** Letter numbers of this record's documents (path → nomor), from the register pusdat docs wrote. */
function numbersOf(docs: string, record: ArchiveRecord): Record<string, string> {
  const file = path.join(docs, REGISTER_PATH);
  if (!fs.existsSync(file)) return {};
  const reg = Register.safeParse(readJson(file, "register nomor"));
  if (!reg.success) return {};
  const out: Record<string, string> = {};
  for (const e of reg.data.entries) if (e.commit === record.commit) out[documentPath(e.request, record.apply.finishedAt, e.commit, e.type)] = e.nomor;
  return out;
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

export async function run(config: ProjectConfig, o: Run, io: Io): Promise<number> {
  const startedAt = isoOption(o.applyStarted, "--apply-started");
  const finishedAt = isoOption(o.applyFinished, "--apply-finished");
  const verify = readVerifyFile(o.verifyFile);
  const repo = repositoryOf(config);
  const commit = commitOption(repo, o.commit);
  let changed: Changed[];
  try {
    changed = changedOf(config, repo, o.requestsDir, o.ids, o.changedSince, commit, io);
  } catch (e) {
    if (!(e instanceof FindingsError)) throw e;
    // A failed apply is still recorded (the audit then reports apply-failed, not an unrecorded change).
    if (o.applyResult !== "failed") {
      io.err(`pusdat arsip: ${e.message}\n`);
      return EXIT.findings;
    }
    io.err(`peringatan: ${e.message}; penerapan yang gagal dicatat tanpa daftar permintaan\n`);
    changed = [];
  }

  let pr: PullRequestInfo | null;
  try {
    pr = await pullRequest(o, commit);
  } catch (e) {
    if (e instanceof ForgeError) {
      io.err(`pusdat arsip: ${e.message}\n`);
      return EXIT.findings;
    }
    throw e;
  }

  const files: NewFile[] = [];
  const requests = changed.map((c) => {
    const expected = o.applyResult === "failed" ? [] : documentTypes(c.request, c.change); // a failed apply issues no document
    const documents = expected.flatMap((type) => {
      const rel = documentPath(c.id, finishedAt, commit, type);
      const file = path.join(o.docs, rel);
      if (!fs.existsSync(file)) {
        io.err(`peringatan: dokumen ${rel} tidak ada di ${o.docs}; jalankan pusdat docs dengan --applied-at ${finishedAt}\n`);
        return [];
      }
      const content = fs.readFileSync(file);
      files.push({ path: rel, content });
      return [{ type, path: rel, sha256: sha256(content) }];
    });
    return { id: c.id, kind: c.request.kind, change: c.change, verify: verify[c.id] ?? notTested(finishedAt), documents };
  });

  const built = buildRecord({ stack: config.stack, commit, pullRequest: pr, apply: { startedAt, finishedAt, result: o.applyResult }, requests });
  if (!built.ok) {
    io.err(`pusdat arsip: catatan tidak sah menurut skema pusdat-arsip/v1:\n${built.problems.map((p) => `  ${p}\n`).join("")}`);
    return EXIT.findings;
  }
  const record = built.record;
  const recPath = recordPath(record);
  if (o.dryRun) {
    io.out(recordBytes(record).toString("utf8"));
    return EXIT.ok;
  }
  files.unshift({ path: recPath, content: recordBytes(record) });

  const replaceable = new Set<string>();
  const regFile = path.join(o.docs, REGISTER_PATH);
  if (files.length > 1 && fs.existsSync(regFile)) {
    const next = Register.safeParse(readJson(regFile, "register nomor"));
    if (!next.success) throw new UsageError(`${regFile}: bukan register nomor pusdat-register/v1`);
    const problem = registerProblem(registerAt(repo, undefined), next.data);
    if (problem) {
      io.err(`pusdat arsip: ${problem}\n`);
      return EXIT.findings;
    }
    files.push({ path: REGISTER_PATH, content: fs.readFileSync(regFile) });
    replaceable.add(REGISTER_PATH);
  }

  const pull = record.pullRequest ? `pull request #${record.pullRequest.number}` : "no pull request";
  const message = `Record the apply of ${commit.slice(0, 12)} (${pull}, ${record.requests.length} request(s))`;
  const written = commitFiles(repo, ARCHIVE_BRANCH, files, message, replaceable);
  if (!written.ok) {
    io.err(`pusdat arsip: ${written.problem}; catatan arsip tidak pernah ditulis ulang\n`);
    return EXIT.findings;
  }
  if (o.summary) fs.writeFileSync(o.summary, recordSummary(record, numbersOf(o.docs, record)));
  io.out(`${written.created ? "cabang arsip dibuat" : "cabang arsip diperbarui"}: ${written.commit.slice(0, 12)}\n`);
  for (const f of files) io.out(`  ${f.path}\n`);
  if (o.push) {
    const pushed = git(repo, ["push", "origin", `refs/heads/${ARCHIVE_BRANCH}:refs/heads/${ARCHIVE_BRANCH}`]);
    if (!pushed.ok) {
      io.err(`pusdat arsip: gagal mendorong cabang ${ARCHIVE_BRANCH} ke origin: ${pushed.err.trim()}\n`);
      return EXIT.findings;
    }
    io.out(`cabang ${ARCHIVE_BRANCH} didorong ke origin\n`);
  }
  return EXIT.ok;
}
