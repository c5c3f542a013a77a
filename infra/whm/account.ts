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
}

// The names live with the other naming conventions; the command and the component share them.
export { WHM_COMMANDS, WHM_ENV as ENV } from "../core/naming";
import { WHM_ENV as ENV } from "../core/naming";

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
