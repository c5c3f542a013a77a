/**
 * The one test-project builder: a project root (stack file, policy config, requests) made from the
 * samples with patches, optionally a git repository with the samples committed on main. Every root
 * lives in a temp folder removed when the test file ends.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { initRepo } from "./git-objects";
import { merge } from "./requests";
import { tempDir } from "./tmp";

const REPO = path.resolve(__dirname, "../..");
const FOLDERS = ["subdomain", "hosting", "vm", "api"];

export interface TestProjectOptions {
  /** Sample path ("vm/sibapo-app") → patch merged into it, or null to leave the file out. */
  patches?: Readonly<Record<string, object | null>>;
  /** New request files: "subdomain/baru" → content. */
  extra?: Readonly<Record<string, object>>;
  /** Rewrites the sample stack file's text (Pulumi.contoh.yaml). */
  stackEdit?: (text: string) => string;
  /** Further stack files: name ("rusak") → text of Pulumi.<name>.yaml. */
  stacks?: Readonly<Record<string, string>>;
}

export function testProject(opts: TestProjectOptions = {}): string {
  const root = tempDir("proj");
  const stack = fs.readFileSync(path.join(REPO, "Pulumi.contoh.yaml"), "utf8");
  fs.writeFileSync(path.join(root, "Pulumi.contoh.yaml"), opts.stackEdit ? opts.stackEdit(stack) : stack);
  for (const [name, text] of Object.entries(opts.stacks ?? {})) fs.writeFileSync(path.join(root, `Pulumi.${name}.yaml`), text);
  fs.mkdirSync(path.join(root, "policies"));
  fs.copyFileSync(path.join(REPO, "policies/config.json"), path.join(root, "policies/config.json"));
  for (const folder of FOLDERS) {
    fs.mkdirSync(path.join(root, "requests", folder), { recursive: true });
    for (const f of fs.readdirSync(path.join(REPO, "requests", folder))) {
      const patch = opts.patches?.[`${folder}/${f.replace(/\.yaml$/, "")}`];
      if (patch === null) continue;
      const text = fs.readFileSync(path.join(REPO, "requests", folder, f), "utf8");
      fs.writeFileSync(path.join(root, "requests", folder, f), patch ? stringify(merge(parse(text), patch)) : text);
    }
  }
  for (const [rel, value] of Object.entries(opts.extra ?? {})) fs.writeFileSync(path.join(root, "requests", `${rel}.yaml`), stringify(value));
  return root;
}

/** Shorthand kept for the many program tests: patches and extra files only. */
export const makeProject = (patches: TestProjectOptions["patches"] = {}, extra: TestProjectOptions["extra"] = {}) => testProject({ patches, extra });

export interface GitProject {
  dir: string;
  git: (...args: string[]) => string;
  /** Merges `patch` into a request file, or removes the file when `patch` is null. */
  edit: (rel: string, patch: object | null) => void;
  add: (rel: string, value: object) => void;
}

/** A user's repository: the samples committed on main ("Permintaan awal"), ready for a branch. */
export function gitRepo(opts: TestProjectOptions = {}): GitProject {
  const dir = testProject(opts);
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.name=Teknisi Uji", "-c", "user.email=teknisi@contohkab.go.id", ...args], { encoding: "utf8" });
  // `git init -b main`, `git add -A`, `git commit -m "Permintaan awal"`, written without a git process
  const objects = initRepo(dir);
  const now = { name: "Teknisi Uji", email: "teknisi@contohkab.go.id", time: Math.floor(Date.now() / 1000) };
  objects.setRef("refs/heads/main", objects.commitWorkTree(dir, { parents: [], author: now, message: "Permintaan awal" }));
  const file = (rel: string) => path.join(dir, "requests", `${rel}.yaml`);
  return {
    dir,
    git,
    edit: (rel, patch) => (patch === null ? fs.rmSync(file(rel)) : fs.writeFileSync(file(rel), stringify(merge(parse(fs.readFileSync(file(rel), "utf8")), patch)))),
    add: (rel, value) => fs.writeFileSync(file(rel), stringify(value)),
  };
}

export function sample(rel: string): Record<string, unknown> {
  return parse(fs.readFileSync(path.join(REPO, "requests", `${rel}.yaml`), "utf8"));
}
