/**
 * `node scripts/whm.js create|update|delete`: what the cPanel account's @pulumi/command resource
 * runs. The command text is fixed; the account comes from PUSDAT_* variables and the server from
 * WHM_HOST / WHM_API_TOKEN, so neither a request value nor a secret is ever part of the command.
 */
import { WhmClient, WhmError } from "../infra/whm/client";
import { createAccount, deleteAccount, fingerprintLine, readAccountEnv, updateAccount } from "../infra/whm/account";

const OPS = { create: createAccount, update: updateAccount, delete: deleteAccount } as const;

export async function whmMain(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const op = argv[0] as keyof typeof OPS;
  if (!OPS[op]) return { code: 2, out: "", err: "pemakaian: whm create|update|delete\n" };
  const host = env.WHM_HOST;
  const token = env.WHM_API_TOKEN;
  if (!host || !token) return { code: 2, out: "", err: `kredensial WHM tidak ada: ${[!host && "WHM_HOST", !token && "WHM_API_TOKEN"].filter(Boolean).join(", ")}\n` };
  try {
    const account = readAccountEnv(env);
    const said = await OPS[op](new WhmClient({ host, token }), account);
    // create and update end with the password's fingerprint, for the next update to compare (account.ts).
    const fp = op === "delete" ? "" : fingerprintLine(account);
    return { code: 0, out: `${said}\n${fp ? `${fp}\n` : ""}`, err: "" };
  } catch (e) {
    const msg = e instanceof WhmError ? e.message : `kesalahan tak terduga: ${(e as Error).message}`;
    return { code: 1, out: "", err: `whm ${op}: ${msg}\n` };
  }
}

if (require.main === module) {
  whmMain(process.argv.slice(2), process.env).then((r) => {
    process.stdout.write(r.out);
    process.stderr.write(r.err);
    process.exitCode = r.code;
  });
}
