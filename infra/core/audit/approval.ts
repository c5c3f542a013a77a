/**
 * Whether a recorded change was approved (ARCHIVE.md): the four approval findings exclude each
 * other, and the first that applies is the one reported.
 */
import type { PullRequestInfo } from "../archive/record";
import { type ApproverList, sameLogin } from "./approvers";

export interface ApprovalVerdict {
  /** The authorised approvals (in pusdat:approvers, not by the author), logins sorted and each once. */
  approvedBy: string[];
  finding: { code: "no-approval" | "self-approval" | "unauthorised-approver" | "stale-approval"; message: string } | null;
}

const short = (sha: string) => sha.slice(0, 12);
const uniqueSorted = (xs: string[]) => [...new Set(xs)].sort();

/**
 * `where` names the commit whose stack file gave `approvers`, e.g. "commit induk 1a2b3c4d5e6f"
 * or "commit akar 1a2b3c4d5e6f itu sendiri".
 */
export function judgeApproval(pr: PullRequestInfo | null, approvers: ApproverList, where: string): ApprovalVerdict {
  if (pr === null) {
    return { approvedBy: [], finding: { code: "no-approval", message: "perubahan tidak melalui pull request (pullRequest: null); tidak ada persetujuan" } };
  }
  const n = `PR #${pr.number}`;
  if (pr.approvals.length === 0) {
    return { approvedBy: [], finding: { code: "no-approval", message: `${n} digabung tanpa satu pun persetujuan (approval)` } };
  }
  if (pr.approvals.every((a) => sameLogin(a.login, pr.author))) {
    return { approvedBy: [], finding: { code: "self-approval", message: `${n} hanya disetujui oleh pengusulnya sendiri (${pr.author})` } };
  }
  const allowed = approvers.ok ? approvers.logins : [];
  const authorised = pr.approvals.filter((a) => !sameLogin(a.login, pr.author) && allowed.some((l) => sameLogin(l, a.login)));
  if (authorised.length === 0) {
    const by = uniqueSorted(pr.approvals.map((a) => a.login)).join(", ");
    const list = approvers.ok
      ? `pusdat:approvers di ${where}: ${approvers.logins.length ? approvers.logins.join(", ") : "(kosong)"}`
      : `pusdat:approvers di ${where} tidak terbaca: ${approvers.reason}`;
    return {
      approvedBy: [],
      finding: { code: "unauthorised-approver", message: `${n}: tidak ada persetujuan dari pemberi persetujuan yang sah selain pengusul (disetujui oleh: ${by}; ${list})` },
    };
  }
  const approvedBy = uniqueSorted(authorised.map((a) => a.login));
  if (!authorised.some((a) => a.commit === pr.headSha)) {
    const seen = authorised.map((a) => `${a.login} untuk ${short(a.commit)}`).join(", ");
    return {
      approvedBy,
      finding: { code: "stale-approval", message: `${n} berubah setelah disetujui: persetujuan ${seen}, sedangkan head saat digabung ${short(pr.headSha)}` },
    };
  }
  return { approvedBy, finding: null };
}
