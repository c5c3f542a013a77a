/** The shell of `pusdat docs`: reads git and files, writes the PDFs and the register into --out. */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { ARCHIVE_BRANCH } from "../infra/core/archive/record";
import type { ProjectConfig } from "../infra/core/project";
import { generateDocuments } from "../infra/docs/generate";
import { emptyRegister, Register, REGISTER_PATH } from "../infra/docs/numbering";
import { branchTip, fileAt } from "../infra/git/arsip";
import { resolveCommit } from "../infra/git/repo";
import { changedOf, commitOption, FindingsError, isoOption, letterConfig, nowIso, readVerifyFile, repositoryOf } from "./after-merge";
import { EXIT, type Io, UsageError } from "./commands/types";

export interface DocsRun {
  requestsDir: string;
  ids: string[];
  changedSince?: string;
  commit?: string;
  verifyFile?: string;
  appliedAt?: string;
  out: string;
  arsipRef?: string;
}

/** The number register as it stands on the arsip branch (empty when there is no branch yet). */
export function registerAt(repo: string, ref: string | undefined): Register {
  const tip = ref ? resolveCommit(repo, ref) : branchTip(repo, ARCHIVE_BRANCH);
  if (ref && !tip) throw new UsageError(`ref git tidak dikenal untuk --arsip-ref: ${ref}`);
  const bytes = tip ? fileAt(repo, tip, REGISTER_PATH) : null;
  if (!bytes) return emptyRegister();
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    json = null;
  }
  const r = Register.safeParse(json);
  if (!r.success) throw new UsageError(`${REGISTER_PATH} di cabang arsip (${tip!.slice(0, 12)}) rusak; perbaiki lewat pull request ke cabang arsip sebelum menerbitkan nomor baru`);
  return r.data;
}

export async function run(config: ProjectConfig, o: DocsRun, io: Io): Promise<number> {
  const { organisation, signer } = letterConfig(config.site, config.stackFile);
  const appliedAt = isoOption(o.appliedAt, "--applied-at", nowIso);
  const verify = readVerifyFile(o.verifyFile);
  const repo = repositoryOf(config);
  const commit = commitOption(repo, o.commit);
  let changed;
  try {
    changed = changedOf(config, repo, o.requestsDir, o.ids, o.changedSince, commit, io);
  } catch (e) {
    if (e instanceof FindingsError) {
      io.err(`pusdat docs: ${e.message}\n`);
      return EXIT.findings;
    }
    throw e;
  }
  const { documents, register } = await generateDocuments({ changed, site: config.site, organisation, signer, commit, appliedAt, verify, register: registerAt(repo, o.arsipRef) });
  for (const d of documents) {
    const file = path.join(o.out, d.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, d.bytes);
    io.out(`${d.nomor}\t${d.path}\tsha256:${createHash("sha256").update(d.bytes).digest("hex")}\n`);
  }
  const regFile = path.join(o.out, REGISTER_PATH);
  fs.mkdirSync(path.dirname(regFile), { recursive: true });
  fs.writeFileSync(regFile, `${JSON.stringify(register, null, 2)}\n`);
  const none = changed.length ? "" : " (tidak ada permintaan yang berubah)";
  io.out(`${documents.length} dokumen untuk ${changed.length} permintaan ditulis ke ${o.out}${none}\n`);
  return EXIT.ok;
}
