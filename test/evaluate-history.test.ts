/** Reading main's history for the evaluation: who may approve at each change, and what each file was. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readEvaluationHistory } from "../infra/git/evaluate-history";
import { initRepo } from "./support/git-objects";

// the history read spawns a few git processes: on a busy 2-core machine that can take longer than jest's 5 s default
jest.setTimeout(60_000);

const REPO = path.resolve(__dirname, "..");

describe("readEvaluationHistory", () => {
  let dir: string;
  let commits: string[];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-evhist-"));
    // `git add -A && git commit` at fixed times, written as git objects (test/support/git-objects.ts)
    const objects = initRepo(dir);
    commits = [];
    const commit = (when: string, message: string) => {
      const id = objects.commitWorkTree(dir, { parents: commits.slice(-1), author: { name: "Uji", email: "uji@contohkab.go.id", time: Date.parse(when) / 1000 }, message });
      objects.setRef("refs/heads/main", id);
      commits.push(id);
    };
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    const stack = fs.readFileSync(path.join(REPO, "Pulumi.contoh.yaml"), "utf8");
    const pdn = (state: string) =>
      `kind: VirtualMachine\nmetadata:\n  opd: Bappeda\n  notaDinas: { number: "1/2", date: 2026-09-16 }\nspec:\n  location: pdn\n  cpu: 2\n  memoryGb: 8\n  diskGb: 100\n  pdn: { ticket: PDN-1, state: ${state} }\n`;
    write("Pulumi.contoh.yaml", stack);
    write("requests/vm/sipd.yaml", pdn("submitted"));
    commit("2026-09-01T00:00:00Z", "root");
    // one commit adds an approver and changes a request: judged by the list before it
    write("Pulumi.contoh.yaml", stack.replace("  pusdat:approvers:\n", "  pusdat:approvers:\n    - login: orang-baru\n      name: Orang Baru\n      nip: \"199001012020011001\"\n      position: Plt. Kepala Bidang\n"));
    write("requests/vm/sipd.yaml", pdn("approved"));
    commit("2026-09-17T02:00:00Z", "approver baru");
    write("requests/vm/sipd.yaml", pdn("active"));
    write("requests/subdomain/rusak.yaml", "kind: [tidak, sah\n");
    commit("2026-09-21T02:00:00Z", "aktif");
    fs.rmSync(path.join(dir, "requests/vm/sipd.yaml"));
    commit("2026-09-22T02:00:00Z", "hapus");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("changes in order with the approvers as of the parent commit (the root judged by itself)", () => {
    const h = readEvaluationHistory(dir, { main: "main", stack: "contoh", approvers: ["cadangan"] });
    expect(h.changes.map((c) => [c.commit, c.committedAt, c.id, c.before?.pdnState ?? null, c.after?.pdnState ?? null, c.approvers])).toEqual([
      [commits[0], "2026-09-01T00:00:00.000Z", "sipd", null, "submitted", ["kabid-spbe", "sekdis-kominfo"]],
      [commits[1], "2026-09-17T02:00:00.000Z", "sipd", "submitted", "approved", ["kabid-spbe", "sekdis-kominfo"]],
      [commits[2], "2026-09-21T02:00:00.000Z", "sipd", "approved", "active", ["orang-baru", "kabid-spbe", "sekdis-kominfo"]],
      [commits[3], "2026-09-22T02:00:00.000Z", "sipd", "active", null, ["orang-baru", "kabid-spbe", "sekdis-kominfo"]],
    ]);
    expect(h.notes).toEqual([
      `requests/subdomain/rusak.yaml di commit ${commits[2]!.slice(0, 12)} tidak terbaca sebagai permintaan; dilewati`,
      "cabang arsip (arsip, origin/arsip) tidak ditemukan; tanpa catatan penerapan",
    ]);
    expect([h.records, h.monitoring, h.arsip]).toEqual([[], [], null]);
  });
});
