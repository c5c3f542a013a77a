/**
 * Where the ApiAccess applications' credentials come from: in production the stack's secret output
 * (`pulumi stack output apiCredentials --show-secrets --json`), offline a JSON file of the same shape
 * ({ "<request id>": { "consumerKey": …, "consumerSecret": …, "apikey"?: … } }) or the whole
 * `pulumi stack output --json --show-secrets` (which holds it under `apiCredentials`). Read once, kept in
 * memory, never printed: errors name the source, never its content.
 */
import { PasswordSourceError, secretsFromFile, secretsFromPulumi } from "./passwords";
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

export const apiCredentialsFromFile = (file: string): ApiCredentialSource => secretsFromFile(file, "berkas kredensial API", parseApiCredentials);

/** The applications' credentials from the stack's secret output apiCredentials. */
export const apiCredentialsFromPulumi = (stack: string, cwd: string, timeoutMs = 60_000): ApiCredentialSource =>
  secretsFromPulumi("apiCredentials", "kredensial API", parseApiCredentials, stack, cwd, timeoutMs);
