import type { PullRequestInfo } from "../archive/record";
import type { ApproverList } from "./approvers";
import { judgeApproval } from "./approval";

const HEAD = "a".repeat(40);
const OLD = "c".repeat(40);
const LIST: ApproverList = { ok: true, logins: ["kabid-spbe", "sekdis-kominfo"] };
const WHERE = "commit induk 111111111111";

const pr = (approvals: Array<[string, string]>, author = "teknisi-rina"): PullRequestInfo => ({
  number: 7,
  url: "https://forge.contohkab.go.id/diskominfo/layanan/pulls/7",
  title: "Subdomain sibapo",
  author,
  headSha: HEAD,
  createdAt: "2026-11-20T01:00:00Z",
  mergedAt: "2026-11-20T05:00:00Z",
  mergedBy: "kabid-spbe",
  approvals: approvals.map(([login, commit]) => ({ login, submittedAt: "2026-11-20T04:00:00Z", commit })),
});

type Row = [string, PullRequestInfo | null, ApproverList, string[], string | null, string | null];

const ROWS: Row[] = [
  ["approved by the Kabid at the head", pr([["kabid-spbe", HEAD]]), LIST, ["kabid-spbe"], null, null],
  ["two approvers, listed once each and sorted", pr([["sekdis-kominfo", HEAD], ["kabid-spbe", HEAD], ["kabid-spbe", OLD]]), LIST, ["kabid-spbe", "sekdis-kominfo"], null, null],
  ["logins compare without case", pr([["Kabid-SPBE", HEAD]]), LIST, ["Kabid-SPBE"], null, null],
  ["one stale and one fresh authorised approval is enough", pr([["kabid-spbe", OLD], ["sekdis-kominfo", HEAD]]), LIST, ["kabid-spbe", "sekdis-kominfo"], null, null],
  ["an author's own approval beside an approver's counts only the approver", pr([["teknisi-rina", HEAD], ["kabid-spbe", HEAD]]), LIST, ["kabid-spbe"], null, null],
  ["no pull request", null, LIST, [], "no-approval", "perubahan tidak melalui pull request (pullRequest: null); tidak ada persetujuan"],
  ["no approval at all", pr([]), LIST, [], "no-approval", "PR #7 digabung tanpa satu pun persetujuan (approval)"],
  ["only the author approved", pr([["teknisi-rina", HEAD]]), LIST, [], "self-approval", "PR #7 hanya disetujui oleh pengusulnya sendiri (teknisi-rina)"],
  ["self-approval comes before stale-approval", pr([["teknisi-rina", OLD]]), LIST, [], "self-approval", "PR #7 hanya disetujui oleh pengusulnya sendiri (teknisi-rina)"],
  ["an approver who is the author approves nothing", pr([["kabid-spbe", HEAD]], "kabid-spbe"), LIST, [], "self-approval", "PR #7 hanya disetujui oleh pengusulnya sendiri (kabid-spbe)"],
  [
    "approved by someone not in the list",
    pr([["teknisi-agus", HEAD]]),
    LIST,
    [],
    "unauthorised-approver",
    "PR #7: tidak ada persetujuan dari pemberi persetujuan yang sah selain pengusul (disetujui oleh: teknisi-agus; pusdat:approvers di commit induk 111111111111: kabid-spbe, sekdis-kominfo)",
  ],
  [
    "unauthorised-approver comes before stale-approval",
    pr([["teknisi-agus", OLD]]),
    { ok: true, logins: [] },
    [],
    "unauthorised-approver",
    "PR #7: tidak ada persetujuan dari pemberi persetujuan yang sah selain pengusul (disetujui oleh: teknisi-agus; pusdat:approvers di commit induk 111111111111: (kosong))",
  ],
  [
    "an unreadable list authorises nobody",
    pr([["kabid-spbe", HEAD]]),
    { ok: false, reason: "berkas Pulumi.contoh.yaml belum ada" },
    [],
    "unauthorised-approver",
    "PR #7: tidak ada persetujuan dari pemberi persetujuan yang sah selain pengusul (disetujui oleh: kabid-spbe; pusdat:approvers di commit induk 111111111111 tidak terbaca: berkas Pulumi.contoh.yaml belum ada)",
  ],
  [
    "the pull request changed after the approval",
    pr([["kabid-spbe", OLD], ["teknisi-agus", HEAD]]),
    LIST,
    ["kabid-spbe"],
    "stale-approval",
    "PR #7 berubah setelah disetujui: persetujuan kabid-spbe untuk cccccccccccc, sedangkan head saat digabung aaaaaaaaaaaa",
  ],
];

describe("judgeApproval", () => {
  test.each(ROWS)("%s", (_name, p, list, approvedBy, code, message) => {
    const v = judgeApproval(p, list, WHERE);
    expect(v).toEqual({ approvedBy, finding: code === null ? null : { code, message } });
  });
});
