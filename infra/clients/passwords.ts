/**
 * Where the hosting accounts' passwords come from: in production the stack's secret output
 * (`pulumi stack output hostingPasswords --show-secrets --json`), offline a JSON file of the same
 * shape ({ "<request id>": "<password>" }). Read once, kept in memory, never printed: errors name the
 * source, never its content.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";

export type PasswordSource = (requestId: string) => Promise<string | undefined>;

export class PasswordSourceError extends Error {}

function parsePasswords(text: string, where: string): Map<string, string> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new PasswordSourceError(`${where} bukan JSON yang sah; yang diharapkan: objek {"<id permintaan>": "<kata sandi>"}`);
  }
  if (!v || typeof v !== "object" || Array.isArray(v) || Object.values(v).some((x) => typeof x !== "string")) {
    throw new PasswordSourceError(`${where} harus berupa objek {"<id permintaan>": "<kata sandi>"} dengan nilai teks`);
  }
  return new Map(Object.entries(v as Record<string, string>));
}

type Parse<T> = (text: string, where: string) => Map<string, T>;

/**
 * A JSON file (tests, offline use) of one secret per request id. Read eagerly so a bad file is a
 * usage error before any check; `what` names it in errors ("berkas kata sandi").
 */
export function secretsFromFile<T>(file: string, what: string, parse: Parse<T>): (requestId: string) => Promise<T | undefined> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new PasswordSourceError(`${what} tidak dapat dibaca: ${file} (${(e as NodeJS.ErrnoException).code ?? "galat"})`);
  }
  const map = parse(text, `${what} ${file}`);
  return async (id) => map.get(id);
}

/**
 * `pulumi stack output <output> --show-secrets --json --stack <stack>`, run once on first need (never
 * through a shell); `what` names the secrets in errors ("kata sandi hosting").
 */
export function secretsFromPulumi<T>(output: string, what: string, parse: Parse<T>, stack: string, cwd: string, timeoutMs: number): (requestId: string) => Promise<T | undefined> {
  let loaded: Promise<Map<string, T>> | undefined;
  const load = () =>
    new Promise<Map<string, T>>((resolve, reject) => {
      execFile(
        "pulumi",
        ["stack", "output", output, "--show-secrets", "--json", "--stack", stack],
        { cwd, timeout: timeoutMs, maxBuffer: 1 << 20, windowsHide: true },
        (err, stdout, stderr) => {
          if (err) {
            const why = (err as NodeJS.ErrnoException).code === "ENOENT" ? "perintah pulumi tidak ditemukan" : String(stderr).split("\n")[0] || err.message.split("\n")[0];
            return reject(new PasswordSourceError(`${what} tidak dapat dibaca dari pulumi stack output ${output}: ${why}`));
          }
          try {
            resolve(parse(stdout, `keluaran pulumi stack output ${output}`));
          } catch (e) {
            reject(e);
          }
        },
      );
    });
  return async (id) => (await (loaded ??= load())).get(id);
}

export const passwordsFromFile = (file: string): PasswordSource => secretsFromFile(file, "berkas kata sandi", parsePasswords);

/** The hosting passwords from the stack's secret output hostingPasswords. */
export const passwordsFromPulumi = (stack: string, cwd: string, timeoutMs = 60_000): PasswordSource =>
  secretsFromPulumi("hostingPasswords", "kata sandi hosting", parsePasswords, stack, cwd, timeoutMs);
