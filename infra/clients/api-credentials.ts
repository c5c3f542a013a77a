/**
 * Where the ApiAccess applications' credentials come from: in production the stack's secret output
 * (`pulumi stack output apiCredentials --show-secrets --json`), offline a JSON file of the same shape
 * ({ "<request id>": { "consumerKey": …, "consumerSecret": …, "apikey"?: … } }) or the whole
 * `pulumi stack output --json --show-secrets` (which holds it under `apiCredentials`). Read once, kept in
 * memory, never printed: errors name the source, never its content.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import { PasswordSourceError } from "./passwords";
import type { ApiCredentialSource, ApiCredentials } from "./splp-probes";

const SHAPE = '{"<id permintaan>": {"consumerKey": "…", "consumerSecret": "…", "apikey": "… (bila auth api-key)"}}';

export function parseApiCredentials(text: string, where: string): Map<string, ApiCredentials> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new PasswordSourceError(`${where} bukan JSON yang sah; yang diharapkan: ${SHAPE}`);
  }
  const ok = (x: unknown): x is ApiCredentials => {
    if (!x || typeof x !== "object" || Array.isArray(x)) return false;
    const o = x as Record<string, unknown>;
    return typeof o.consumerKey === "string" && typeof o.consumerSecret === "string" && (o.apikey === undefined || typeof o.apikey === "string");
  };
  // The whole `pulumi stack output --json --show-secrets` holds it under apiCredentials (no request id has capitals).
  if (v && typeof v === "object" && !Array.isArray(v) && "apiCredentials" in v) v = (v as { apiCredentials: unknown }).apiCredentials;
  if (!v || typeof v !== "object" || Array.isArray(v) || !Object.values(v).every(ok)) throw new PasswordSourceError(`${where} harus berbentuk ${SHAPE}`);
  return new Map(Object.entries(v as Record<string, ApiCredentials>));
}

export function apiCredentialsFromFile(file: string): ApiCredentialSource {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new PasswordSourceError(`berkas kredensial API tidak dapat dibaca: ${file} (${(e as NodeJS.ErrnoException).code ?? "galat"})`);
  }
  const map = parseApiCredentials(text, `berkas kredensial API ${file}`);
  return async (id) => map.get(id);
}

/** `pulumi stack output apiCredentials --show-secrets --json`, run once on first need. */
export function apiCredentialsFromPulumi(stack: string, cwd: string, timeoutMs = 60_000): ApiCredentialSource {
  let loaded: Promise<Map<string, ApiCredentials>> | undefined;
  const load = () =>
    new Promise<Map<string, ApiCredentials>>((resolve, reject) => {
      execFile("pulumi", ["stack", "output", "apiCredentials", "--show-secrets", "--json", "--stack", stack], { cwd, timeout: timeoutMs, maxBuffer: 1 << 20, windowsHide: true }, (err, stdout, stderr) => {
        if (err) {
          const why = (err as NodeJS.ErrnoException).code === "ENOENT" ? "perintah pulumi tidak ditemukan" : String(stderr).split("\n")[0] || err.message.split("\n")[0];
          return reject(new PasswordSourceError(`kredensial API tidak dapat dibaca dari pulumi stack output apiCredentials: ${why}`));
        }
        try {
          resolve(parseApiCredentials(stdout, "keluaran pulumi stack output apiCredentials"));
        } catch (e) {
          reject(e);
        }
      });
    });
  return async (id) => (await (loaded ??= load())).get(id);
}
