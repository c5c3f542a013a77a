/**
 * A small WHM API 1 client. WHM answers failures with HTTP 200 and `metadata.result: 0`, so success
 * is decided on `metadata.result` alone. Parameters travel in a form-encoded POST body (never in the
 * URL, never through a shell). Only reads are retried: createacct and friends are not idempotent.
 */
import type { AccountFacts } from "../core/verify/types";

export interface WhmOptions {
  /** `whm.example.go.id` (→ https://whm.example.go.id:2087) or a full base URL. */
  host: string;
  token: string;
  timeoutMs?: number;
  retries?: number;
  fetchImpl?: typeof fetch;
}

/** One account as listaccts tells it: the facts the access test and monitoring judge. */
export type AccountSummary = AccountFacts;

/** Every failure the client reports, already in Bahasa Indonesia for the technician. */
export class WhmError extends Error {
  constructor(
    message: string,
    readonly fn: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = "WhmError";
  }
}

const READS = new Set(["verify_new_username", "accountsummary", "listaccts", "backup_date_list", "backup_user_list"]);

export class WhmClient {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly opts: WhmOptions) {
    this.base = /^https?:\/\//.test(opts.host) ? opts.host.replace(/\/+$/, "") : `https://${opts.host}:2087`;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.retries = opts.retries ?? 2;
    this.fetchImpl = opts.fetchImpl ?? fetch;
  }

  /** Calls one WHM API 1 function; resolves to `data` when `metadata.result` is 1. */
  async call(fn: string, params: Record<string, string> = {}): Promise<Record<string, unknown>> {
    const attempts = READS.has(fn) ? this.retries + 1 : 1;
    let last: WhmError | undefined;
    for (let i = 0; i < attempts; i++) {
      try {
        return await this.once(fn, params);
      } catch (e) {
        if (!(e instanceof WhmError) || !e.retryable) throw e;
        last = e;
      }
    }
    throw last!;
  }

  private async once(fn: string, params: Record<string, string>): Promise<Record<string, unknown>> {
    const body = new URLSearchParams({ "api.version": "1", ...params }).toString();
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.base}/json-api/${fn}`, {
        method: "POST",
        headers: { Authorization: `whm root:${this.opts.token}`, "Content-Type": "application/x-www-form-urlencoded" },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      const timeout = (e as Error).name === "TimeoutError" || (e as Error).name === "AbortError";
      throw new WhmError(
        timeout ? `WHM tidak menjawab ${fn} dalam ${this.timeoutMs / 1000} detik` : `WHM tidak dapat dihubungi untuk ${fn}: ${(e as Error).message}`,
        fn,
        true,
      );
    }
    const text = await res.text();
    if (res.status === 401 || res.status === 403) {
      throw new WhmError(`WHM menolak token API (HTTP ${res.status}) untuk ${fn}; periksa WHM_API_TOKEN dan izinnya`, fn);
    }
    let json: { data?: unknown; metadata?: { result?: unknown; reason?: unknown } };
    try {
      json = JSON.parse(text);
    } catch {
      throw new WhmError(`jawaban WHM untuk ${fn} bukan JSON yang sah (HTTP ${res.status})`, fn, res.status >= 500);
    }
    const meta = json?.metadata;
    if (!meta || typeof meta !== "object") throw new WhmError(`jawaban WHM untuk ${fn} tidak memuat metadata (HTTP ${res.status})`, fn, res.status >= 500);
    if (meta.result !== 1) {
      const reason = typeof meta.reason === "string" && meta.reason ? meta.reason : "tanpa alasan";
      throw new WhmError(`WHM menolak ${fn}: ${reason}`, fn);
    }
    return (json.data ?? {}) as Record<string, unknown>;
  }

  /** Resolves when the name is free; WHM's reason otherwise (it knows the server's mail aliases and databases). */
  async verifyNewUsername(user: string): Promise<void> {
    await this.call("verify_new_username", { user });
  }

  /** showpass=n: the default echoes the password back into the answer. */
  async createAccount(a: { username: string; domain: string; plan: string; password: string; contactemail: string }): Promise<void> {
    await this.call("createacct", { ...a, showpass: "n" });
  }

  /** WHM API 1 `passwd` (user, password). The password is never part of an error this reports. */
  async passwd(user: string, password: string): Promise<void> {
    try {
      await this.call("passwd", { user, password });
    } catch (e) {
      if (e instanceof WhmError) throw new WhmError(e.message.split(password).join("[rahasia]"), e.fn, e.retryable);
      throw e;
    }
  }

  async changePackage(user: string, pkg: string): Promise<void> {
    await this.call("changepackage", { user, pkg });
  }

  async suspend(user: string, reason: string): Promise<void> {
    await this.call("suspendacct", { user, reason });
  }

  async unsuspend(user: string): Promise<void> {
    await this.call("unsuspendacct", { user });
  }

  /** null when WHM has no such account. */
  async accountSummary(user: string): Promise<AccountSummary | null> {
    let data: Record<string, unknown>;
    try {
      data = await this.call("accountsummary", { user });
    } catch (e) {
      if (e instanceof WhmError && /does not exist|tidak ada|no such/i.test(e.message)) return null;
      throw e;
    }
    const acct = (data.acct as Record<string, unknown>[] | undefined)?.[0];
    if (!acct) return null;
    const mb = (v: unknown) => (typeof v === "string" && /^\d+(\.\d+)?M$/.test(v) ? Number(v.slice(0, -1)) : null);
    return {
      user: String(acct.user),
      domain: String(acct.domain),
      plan: String(acct.plan),
      suspended: acct.suspended === 1 || acct.suspended === "1",
      diskUsedMb: mb(acct.diskused),
      diskLimitMb: mb(acct.disklimit),
    };
  }
}
