/** A user's repository in a temp dir: the samples committed on main, then a branch with changes. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { merge } from "./requests";

const REPO = path.resolve(__dirname, "../..");

export function gitRepo(): { dir: string; git: (...args: string[]) => string; edit: (rel: string, patch: object | null) => void; add: (rel: string, value: object) => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-git-"));
  for (const f of ["Pulumi.contoh.yaml", "policies/config.json"]) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(REPO, f), path.join(dir, f));
  }
  fs.cpSync(path.join(REPO, "requests"), path.join(dir, "requests"), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.name=Teknisi Uji", "-c", "user.email=teknisi@contohkab.go.id", ...args], { encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "Permintaan awal");
  const file = (rel: string) => path.join(dir, "requests", `${rel}.yaml`);
  return {
    dir,
    git,
    edit: (rel, patch) => (patch === null ? fs.rmSync(file(rel)) : fs.writeFileSync(file(rel), stringify(merge(parse(fs.readFileSync(file(rel), "utf8")), patch)))),
    add: (rel, value) => fs.writeFileSync(file(rel), stringify(value)),
  };
}
