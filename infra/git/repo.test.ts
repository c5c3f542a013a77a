/** Resolving several refs in one git process gives what one `rev-parse --verify` per ref gives. */
import { spawnSync } from "node:child_process";
import { initRepo } from "../../test/support/git-objects";
import { tempDir } from "../../test/support/tmp";
import { firstCommit, resolveCommit, resolveCommits } from "./repo";

let dir: string;
let first: string;
let second: string;

// Written without git (test/support/git-objects.ts): two commits on main, an annotated tag, a
// remote-tracking branch and a tag that names a tree.
beforeAll(() => {
  dir = tempDir("git-refs");
  const repo = initRepo(dir);
  const person = { name: "Teknisi Uji", email: "teknisi@contohkab.go.id", time: 1_790_000_000 };
  const tree1 = repo.tree(new Map([["a.txt", "satu\n"]]));
  first = repo.commit({ tree: tree1, parents: [], author: person, message: "satu" });
  second = repo.commit({ tree: repo.tree(new Map([["a.txt", "dua\n"]])), parents: [first], author: person, message: "dua" });
  repo.setRef("refs/heads/main", second);
  repo.setRef("refs/tags/v1", repo.tag("v1", first, person, "rilis"));
  repo.setRef("refs/remotes/origin/arsip", first);
  repo.setRef("refs/tags/pohon", tree1);
});

test.each([
  ["main", () => second],
  ["refs/heads/main", () => second],
  ["HEAD~1", () => first],
  ["v1", () => first], // an annotated tag is peeled to its commit
  ["origin/arsip", () => first],
  ["pohon", () => null], // names a tree, not a commit
  ["arsip", () => null],
  ["tidak/ada", () => null],
  ["", () => null],
  ["main\nv1", () => null], // a line break would split the batch: never asked
  ["--all", () => null],
])("%j", (ref, expected) => {
  expect(resolveCommits(dir, [ref])).toEqual([expected()]);
  expect(resolveCommit(dir, ref)).toBe(expected());
  // what git's own rev-parse --verify answers for the same name
  if (!ref.includes("\n") && ref !== "") {
    const r = spawnSync("git", ["-C", dir, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { encoding: "utf8" });
    expect(r.status === 0 ? r.stdout.trim() : null).toBe(expected());
  }
});

test("several refs at once, in the order asked, repeated ones included", () => {
  expect(resolveCommits(dir, ["arsip", "origin/arsip", "main", "arsip", "HEAD~1"])).toEqual([null, first, second, null, first]);
  expect(resolveCommits(dir, [])).toEqual([]);
});

test("firstCommit: the first ref that names a commit", () => {
  expect(firstCommit(dir, ["arsip", "origin/arsip", "main"])).toEqual({ ref: "origin/arsip", commit: first });
  expect(firstCommit(dir, ["arsip", "tidak/ada"])).toBeNull();
});

test("outside a repository every ref is null", () => {
  expect(resolveCommits(tempDir("bukan-repo"), ["main", "HEAD"])).toEqual([null, null]);
});
