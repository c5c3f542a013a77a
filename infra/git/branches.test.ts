import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { requestFilesOnRefs } from "./branches";

let root: string;
beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-refs-"))));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test("main's files once under main, then only what each remote branch adds or changes; origin/HEAD is skipped", () => {
  const seed = path.join(root, "seed");
  const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-C", cwd, "-c", "user.name=Uji", "-c", "user.email=uji@contohkab.go.id", ...args], { encoding: "utf8" });
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(seed, rel)), { recursive: true });
    fs.writeFileSync(path.join(seed, rel), text);
  };
  fs.mkdirSync(seed);
  git(seed, "init", "-q", "-b", "main");
  write("requests/vm/a.yaml", "id: a\n");
  write("requests/subdomain/b.yaml", "id: b\n");
  write("requests/subdomain/catatan.txt", "bukan permintaan\n");
  write("lain/c.yaml", "id: c\n");
  git(seed, "add", "-A");
  git(seed, "commit", "-q", "-m", "main");
  git(seed, "switch", "-q", "-c", "permintaan/x");
  write("requests/vm/a.yaml", "id: a\ncpu: 4\n");
  write("requests/api/d.yaml", "id: d\n");
  git(seed, "add", "-A");
  git(seed, "commit", "-q", "-m", "x");
  git(seed, "switch", "-q", "-c", "permintaan/y", "main");
  write("requests/subdomain/b2.yaml", "id: b\n"); // same content as main's b.yaml: nothing new to read
  git(seed, "add", "-A");
  git(seed, "commit", "-q", "-m", "y");
  git(seed, "switch", "-q", "main");
  const clone = path.join(root, "clone");
  execFileSync("git", ["clone", "-q", seed, clone]);
  expect(git(clone, "for-each-ref", "--format=%(refname)")).toContain("refs/remotes/origin/HEAD");

  expect(requestFilesOnRefs(clone, "requests")).toEqual([
    { ref: "main", path: "requests/subdomain/b.yaml", text: "id: b\n" },
    { ref: "main", path: "requests/vm/a.yaml", text: "id: a\n" },
    { ref: "origin/permintaan/x", path: "requests/api/d.yaml", text: "id: d\n" },
    { ref: "origin/permintaan/x", path: "requests/vm/a.yaml", text: "id: a\ncpu: 4\n" },
  ]);
  expect(requestFilesOnRefs(clone, "tidak-ada")).toEqual([]);
});
