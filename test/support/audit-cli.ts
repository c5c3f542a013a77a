/** Running `pusdat audit` in-process on an AuditRepo, as the audit tests do. */
import { main } from "../../scripts/cli";
import { type AuditRepo, request, stackFile } from "./audit-repo";

export const STACK = "Pulumi.contoh.yaml";
export const short = (s: string) => s.slice(0, 12);

export async function runAudit(repo: AuditRepo, ...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["audit", "--repo", repo.dir, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

export async function auditJson(repo: AuditRepo, ...args: string[]) {
  const r = await runAudit(repo, "--format", "json", ...args);
  return { code: r.code, report: JSON.parse(r.out), err: r.err };
}

/** The exit code, each change's codes, and the codes of every finding. */
export async function auditCodes(repo: AuditRepo, ...args: string[]) {
  const { code, report } = await auditJson(repo, ...args);
  return { code, changes: report.changes.map((c: { findings: string[] }) => c.findings), findings: report.findings.map((f: { code: string }) => f.code) };
}

/** main's root commit: the stack (with the Kabid and the Sekdis by default) and the request sibapo. */
export function startMain(repo: AuditRepo, approvers = ["kabid-spbe", "sekdis-kominfo"]): string {
  return repo.commit("Awal: stack dan permintaan sibapo", { [STACK]: stackFile(approvers), "requests/subdomain/sibapo.yaml": request("sibapo") });
}
