/**
 * Logging in to cPanel with the account's own credentials, the way the OPD will: UAPI over HTTPS on
 * port 2083 with Basic authentication, calling a read-only function (Quota::get_quota_info). UAPI
 * reports failures in its envelope (`status: 0`, `errors`), so success is decided on `status`.
 */
import { httpRequest, NetError } from "./http";
import type { LoginAnswer } from "../core/verify/types";

export interface CpanelOptions {
  /** https://host:2083 */
  base: string;
  timeoutMs: number;
  insecureTls?: boolean;
  ca?: string[];
}

// The answer's shape is the core's (infra/core/verify/types.ts).
export type { LoginAnswer };

export const UAPI_LOGIN_CALL = "/execute/Quota/get_quota_info";

export async function cpanelLogin(user: string, password: string, o: CpanelOptions): Promise<LoginAnswer> {
  const auth = Buffer.from(`${user}:${password}`, "utf8").toString("base64");
  let r;
  try {
    r = await httpRequest(`${o.base.replace(/\/+$/, "")}${UAPI_LOGIN_CALL}`, {
      headers: { Authorization: `Basic ${auth}` },
      timeoutMs: o.timeoutMs,
      insecureTls: o.insecureTls,
      ca: o.ca,
    });
  } catch (e) {
    if (e instanceof NetError) return { ok: false, reason: `cPanel: ${e.message}` };
    throw e;
  }
  if (r.status === 401 || r.status === 403) return { ok: false, reason: `cPanel menolak login ${user} (HTTP ${r.status}): nama pengguna atau kata sandi salah, atau akun disuspend` };
  let json: { status?: unknown; errors?: unknown; data?: Record<string, unknown>; result?: { status?: unknown; errors?: unknown; data?: Record<string, unknown> } };
  try {
    json = JSON.parse(r.body);
  } catch {
    return { ok: false, reason: `jawaban cPanel untuk login ${user} bukan JSON yang sah (HTTP ${r.status})` };
  }
  const env = json.result && typeof json.result === "object" ? json.result : json; // the older json-api wrapper carries it in `result`
  if (env.status !== 1) {
    const errors = Array.isArray(env.errors) && env.errors.length ? env.errors.map(String).join("; ") : "tanpa alasan";
    return { ok: false, reason: `cPanel menolak ${UAPI_LOGIN_CALL} untuk ${user}: ${errors}` };
  }
  const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && /^\d+(\.\d+)?$/.test(v) ? Number(v) : null);
  return { ok: true, megabytesUsed: num(env.data?.megabytes_used), megabyteLimit: num(env.data?.megabyte_limit) };
}
