/** The arsip branch written through plumbing in a real repository: the user's work tree and index never move. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { branchTip, commitFiles, fileAt } from "./arsip";

let dir: string;
const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8" }).trim();
const file = (p: string, text: string) => ({ path: p, content: Buffer.from(text) });

/** What the user sees: HEAD, the branch, the index and the work tree's status. */
const userState = () => ({ head: git("rev-parse", "HEAD"), branch: git("symbolic-ref", "HEAD"), index: git("ls-files", "-s"), status: git("status", "--porcelain"), files: fs.readdirSync(dir).sort() });

// The user's repository (a commit, an unstaged, a staged and an untracked change) is made once; each test works in a copy.
let template: string;
beforeAll(() => {
  dir = template = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-arsip-"));
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Teknisi Uji");
  git("config", "user.email", "teknisi@contohkab.go.id");
  fs.writeFileSync(path.join(dir, "README.md"), "isi\n");
  git("add", "README.md");
  git("commit", "-q", "-m", "awal");
  fs.writeFileSync(path.join(dir, "kerja.txt"), "belum disimpan\n"); // an untracked file
  fs.writeFileSync(path.join(dir, "README.md"), "isi diubah\n"); // an unstaged change
  fs.writeFileSync(path.join(dir, "staged.txt"), "di index\n");
  git("add", "staged.txt"); // a staged change
});
afterAll(() => fs.rmSync(template, { recursive: true, force: true }));
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-arsip-"));
  fs.cpSync(template, dir, { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("creates arsip as an orphan branch, appends a second record, never touching the work tree, index or HEAD", () => {
  const before = userState();
  const first = commitFiles(dir, "arsip", [file("catatan/2026/2026-11-20-aaaaaaaaaaaa.json", "{}\n"), file("dokumen/sibapo/2026-11-20-aaaaaaaaaaaa-berita-acara.pdf", "%PDF-1")], "Record one");
  expect(first).toMatchObject({ ok: true, parent: null, created: true });
  expect(git("rev-list", "--count", "arsip")).toBe("1");
  expect(git("log", "-1", "--format=%P", "arsip")).toBe(""); // no parent: orphan
  expect(() => execFileSync("git", ["-C", dir, "merge-base", "main", "arsip"], { stdio: "pipe" })).toThrow(); // no common history

  const second = commitFiles(dir, "arsip", [file("catatan/2026/2026-11-21-bbbbbbbbbbbb.json", "{\"b\":1}\n")], "Record two");
  expect(second.ok && second.parent).toBe(first.ok && first.commit);
  expect(git("ls-tree", "-r", "--name-only", "arsip").split("\n")).toEqual([
    "catatan/2026/2026-11-20-aaaaaaaaaaaa.json",
    "catatan/2026/2026-11-21-bbbbbbbbbbbb.json",
    "dokumen/sibapo/2026-11-20-aaaaaaaaaaaa-berita-acara.pdf",
  ]);
  expect(git("log", "--format=%s", "arsip").split("\n")).toEqual(["Record two", "Record one"]);
  expect(fileAt(dir, branchTip(dir, "arsip")!, "catatan/2026/2026-11-21-bbbbbbbbbbbb.json")?.toString()).toBe("{\"b\":1}\n");
  expect(git("fsck", "--no-progress")).toBe("");
  expect(userState()).toEqual(before);
});

test("refuses to rewrite an existing file and leaves the branch where it was", () => {
  const first = commitFiles(dir, "arsip", [file("catatan/2026/x.json", "satu\n")], "one");
  const tip = branchTip(dir, "arsip");
  const again = commitFiles(dir, "arsip", [file("catatan/2026/x.json", "dua\n"), file("catatan/2026/y.json", "baru\n")], "two");
  expect(first.ok).toBe(true);
  expect(again).toEqual({ ok: false, problem: "berkas sudah ada di cabang arsip dan tidak boleh ditulis ulang: catatan/2026/x.json", existing: ["catatan/2026/x.json"], tip });
  expect(branchTip(dir, "arsip")).toBe(tip);
  expect(fileAt(dir, tip!, "catatan/2026/x.json")?.toString()).toBe("satu\n");
});

test("a replaceable path (the number register) may be updated", () => {
  commitFiles(dir, "arsip", [file("dokumen/register.json", "[1]\n")], "one");
  const r = commitFiles(dir, "arsip", [file("dokumen/register.json", "[1,2]\n")], "two", new Set(["dokumen/register.json"]));
  expect(r.ok).toBe(true);
  expect(fileAt(dir, branchTip(dir, "arsip")!, "dokumen/register.json")?.toString()).toBe("[1,2]\n");
});

test("starts from origin/arsip when there is no local branch yet", () => {
  commitFiles(dir, "arsip", [file("catatan/a.json", "a\n")], "one");
  const remoteTip = git("rev-parse", "arsip");
  git("update-ref", "refs/remotes/origin/arsip", remoteTip);
  git("update-ref", "-d", "refs/heads/arsip");
  const r = commitFiles(dir, "arsip", [file("catatan/b.json", "b\n")], "two");
  expect(r.ok && r.parent).toBe(remoteTip);
});

test("refuses while the arsip branch is checked out here", () => {
  commitFiles(dir, "arsip", [file("catatan/a.json", "a\n")], "one");
  git("stash", "-q", "--include-untracked");
  git("checkout", "-q", "arsip");
  expect(commitFiles(dir, "arsip", [file("catatan/b.json", "b\n")], "two")).toEqual({ ok: false, problem: "cabang arsip sedang di-checkout di work tree ini; pindah ke cabang lain dulu" });
});

test("without a git identity configured, commits as pusdat", () => {
  git("config", "--unset", "user.name");
  git("config", "--unset", "user.email");
  const r = commitFiles(dir, "arsip", [file("catatan/a.json", "a\n")], "one");
  expect(r.ok).toBe(true);
  // A global identity on the machine wins; only without one does pusdat name itself.
  const global = (() => {
    try {
      return execFileSync("git", ["config", "--global", "user.email"], { encoding: "utf8" }).trim();
    } catch {
      return "";
    }
  })();
  expect(git("log", "-1", "--format=%ae", "arsip")).toBe(global || "pusdat@localhost");
});

test("a branch known only as origin/arsip continues from there: not an orphan, but a new local branch", () => {
  const first = commitFiles(dir, "arsip", [file("catatan/2026/x.json", "satu\n")], "one");
  if (!first.ok) throw new Error(first.problem);
  git("update-ref", "refs/remotes/origin/arsip", first.commit);
  git("update-ref", "-d", "refs/heads/arsip");
  const next = commitFiles(dir, "arsip", [file("catatan/2026/y.json", "dua\n")], "two");
  expect(next).toMatchObject({ ok: true, parent: first.commit, created: false, localCreated: true });
  const again = commitFiles(dir, "arsip", [file("catatan/2026/z.json", "tiga\n")], "three");
  expect(again).toMatchObject({ ok: true, created: false, localCreated: false });
});
