/**
 * A technician's project in a temp dir (stack file, policy config, the sample requests), where
 * `pusdat` commands run through `main` with the temp dir as the working directory.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runIn } from "./run";

const REPO = path.resolve(__dirname, "../..");

export interface TempProject {
  dir: string;
  run(...args: string[]): Promise<{ code: number; out: string; err: string }>;
  read(rel: string): string;
  dispose(): void;
}

/** `stack`/`policy` rewrite the copied files; `into` uses an existing folder (a git repo) instead of a new one. */
export function tempProject(o: { stack?: (t: string) => string; policy?: (c: Record<string, unknown>) => Record<string, unknown>; into?: string } = {}): TempProject {
  const dir = o.into ?? fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-new-"));
  if (!o.into) {
    fs.cpSync(path.join(REPO, "requests"), path.join(dir, "requests"), { recursive: true });
    fs.mkdirSync(path.join(dir, "policies"));
  }
  const stack = fs.readFileSync(path.join(REPO, "Pulumi.contoh.yaml"), "utf8");
  fs.writeFileSync(path.join(dir, "Pulumi.contoh.yaml"), o.stack ? o.stack(stack) : stack);
  const policy = fs.readFileSync(path.join(REPO, "policies/config.json"), "utf8");
  fs.writeFileSync(path.join(dir, "policies/config.json"), o.policy ? JSON.stringify(o.policy(JSON.parse(policy))) : policy);
  return {
    dir,
    run: (...args) => runIn(dir, ...args),
    read: (rel) => fs.readFileSync(path.join(dir, rel), "utf8"),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export const fixture = (rel: string) => fs.readFileSync(path.join(REPO, "test/fixtures/new", rel), "utf8");

/** The invented requester of the `new` tests: who asks, with which Nota Dinas, for what (flags of `pusdat new`). */
export const REQUESTER = [
  "--opd", "Dinas Pemberdayaan Masyarakat dan Desa",
  "--contact-name", "Sri Handayani",
  "--contact-email", "sri.handayani@contohkab.go.id",
  "--contact-phone", "081233344455",
  "--nota-number", "000.8.3.3/160/DPMD/2026",
  "--nota-date", "2026-11-20",
  "--purpose", "Portal profil desa dan layanan administrasi warga",
];
/** Her (invented) public SSH key. */
export const SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOcontohKunciPublikSriTidakNyata00000006 sri@dpmd";
