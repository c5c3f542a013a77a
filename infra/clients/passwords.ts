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

/** A JSON file (tests, offline use). Read eagerly so a bad file is a usage error before any check. */
export function passwordsFromFile(file: string): PasswordSource {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new PasswordSourceError(`berkas kata sandi tidak dapat dibaca: ${file} (${(e as NodeJS.ErrnoException).code ?? "galat"})`);
  }
  const map = parsePasswords(text, `berkas kata sandi ${file}`);
  return async (id) => map.get(id);
}

/** `pulumi stack output hostingPasswords --show-secrets --json --stack <stack>`, run once on first need. */
export function passwordsFromPulumi(stack: string, cwd: string, timeoutMs = 60_000): PasswordSource {
  let loaded: Promise<Map<string, string>> | undefined;
  const load = () =>
    new Promise<Map<string, string>>((resolve, reject) => {
      execFile(
        "pulumi",
        ["stack", "output", "hostingPasswords", "--show-secrets", "--json", "--stack", stack],
        { cwd, timeout: timeoutMs, maxBuffer: 1 << 20, windowsHide: true },
        (err, stdout, stderr) => {
          if (err) {
            const why = (err as NodeJS.ErrnoException).code === "ENOENT" ? "perintah pulumi tidak ditemukan" : String(stderr).split("\n")[0] || err.message.split("\n")[0];
            return reject(new PasswordSourceError(`kata sandi hosting tidak dapat dibaca dari pulumi stack output hostingPasswords: ${why}`));
          }
          try {
            resolve(parsePasswords(stdout, "keluaran pulumi stack output hostingPasswords"));
          } catch (e) {
            reject(e);
          }
        },
      );
    });
  return async (id) => (await (loaded ??= load())).get(id);
}
