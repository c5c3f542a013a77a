/**
 * The cPanel account lifecycle as @pulumi/command runs it: create, update (converge plan and
 * suspension), delete (= suspend; this program never calls removeacct). Values arrive in the
 * environment, never in the command text, so no request value reaches a shell.
 */
import { type WhmClient, WhmError } from "./client";

export interface AccountEnv {
  username: string;
  domain: string;
  plan: string;
  contactEmail: string;
  password: string | undefined;
  suspended: boolean;
  suspendReason: string;
  /** spec.passwordRotation ("" when never rotated). */
  rotation?: string;
  /** What the previous create/update printed (@pulumi/command's PULUMI_COMMAND_STDOUT). */
  previousStdout?: string;
}

// The names live with the other naming conventions; the command and the component share them.
export { WHM_COMMANDS, WHM_ENV as ENV } from "../core/naming";
import { COMMAND_PREVIOUS_STDOUT, WHM_ENV as ENV } from "../core/naming";
import { createHash } from "node:crypto";

/**
 * How update knows the password changed without ever seeing the old one: create and update print a
 * fingerprint (a truncated SHA-256 of user and password) as their last line; @pulumi/command keeps
 * stdout as a secret output and hands it to the next run in PULUMI_COMMAND_STDOUT. A different
 * fingerprint means the RandomPassword was replaced (a requested rotation): WHM passwd follows.
 * An account the OPD changed its own password on keeps it, because pusdat's password did not change.
 */
export const FINGERPRINT_PREFIX = "sidik-kata-sandi: ";

export const passwordFingerprint = (username: string, password: string) =>
  createHash("sha256").update(`pusdat-password\0${username}\0${password}`).digest("hex").slice(0, 16);

export function previousFingerprint(stdout: string | undefined): string | undefined {
  const line = (stdout ?? "").split("\n").find((l) => l.startsWith(FINGERPRINT_PREFIX));
  return line?.slice(FINGERPRINT_PREFIX.length).trim() || undefined;
}

/**
 * Pure: set the password when the previous run recorded another fingerprint; without a record (an
 * account created before fingerprints), only when a rotation was requested.
 */
export function passwordChanged(a: AccountEnv): boolean {
  if (!a.password) return false;
  const before = previousFingerprint(a.previousStdout);
  return before ? before !== passwordFingerprint(a.username, a.password) : !!a.rotation;
}

/** The line create and update end with, so the next update can compare. */
export const fingerprintLine = (a: AccountEnv) => (a.password ? `${FINGERPRINT_PREFIX}${passwordFingerprint(a.username, a.password)}` : "");

export function readAccountEnv(env: NodeJS.ProcessEnv): AccountEnv {
  const need = (k: string) => {
    const v = env[k];
    if (!v) throw new WhmError(`variabel lingkungan ${k} tidak ada`, "env");
    return v;
  };
  return {
    username: need(ENV.username),
    domain: need(ENV.domain),
    plan: need(ENV.plan),
    contactEmail: need(ENV.contactEmail),
    password: env[ENV.password] || undefined,
    suspended: env[ENV.suspended] === "true",
    suspendReason: env[ENV.suspendReason] || "pusdat: dihentikan",
    rotation: env[ENV.passwordRotation] ?? "",
    previousStdout: env[COMMAND_PREVIOUS_STDOUT] ?? "",
  };
}

export async function createAccount(whm: WhmClient, a: AccountEnv): Promise<string> {
  if (!a.password) throw new WhmError("kata sandi akun tidak diberikan", "createacct");
  await whm.verifyNewUsername(a.username);
  await whm.createAccount({ username: a.username, domain: a.domain, plan: a.plan, password: a.password, contactemail: a.contactEmail });
  if (a.suspended) await whm.suspend(a.username, a.suspendReason);
  return `akun ${a.username} dibuat untuk ${a.domain} dengan paket ${a.plan}${a.suspended ? ", lalu disuspend" : ""}`;
}

/** Brings the account to the request: plan (SOP 3's resource addition) and suspension. */
export async function updateAccount(whm: WhmClient, a: AccountEnv): Promise<string> {
  const now = await whm.accountSummary(a.username);
  if (!now) throw new WhmError(`akun ${a.username} tidak ada di server WHM; periksa manual sebelum menerapkan ulang`, "accountsummary");
  const done: string[] = [];
  if (now.suspended && !a.suspended) {
    await whm.unsuspend(a.username);
    done.push("diaktifkan kembali");
  }
  if (passwordChanged(a)) {
    await whm.passwd(a.username, a.password!);
    done.push("kata sandi diganti");
  }
  if (now.plan !== a.plan) {
    await whm.changePackage(a.username, a.plan);
    done.push(`paket ${now.plan} → ${a.plan}`);
  }
  if (!now.suspended && a.suspended) {
    await whm.suspend(a.username, a.suspendReason);
    done.push("disuspend");
  }
  return `akun ${a.username}: ${done.length ? done.join(", ") : "tidak ada perubahan"}`;
}

/** Deleting the resource suspends the account: files and databases stay on the server. */
export async function deleteAccount(whm: WhmClient, a: AccountEnv): Promise<string> {
  const now = await whm.accountSummary(a.username);
  if (!now) return `akun ${a.username} sudah tidak ada di server`;
  if (!now.suspended) await whm.suspend(a.username, a.suspendReason);
  return `akun ${a.username} disuspend; berkas dan basis data tetap tersimpan (tidak ada removeacct)`;
}
