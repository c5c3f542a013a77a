/**
 * A WHM API 1 stand-in on 127.0.0.1: the documented endpoints and envelope
 * ({ data, metadata: { command, result, reason, version } }), failures with HTTP 200 like the real
 * server, plus switches for the broken answers a client must survive. Optionally over HTTPS, and with
 * a second listener for cPanel's UAPI (port 2083 on a real server): `/execute/Quota/get_quota_info`
 * with the account's own Basic credentials, answering in UAPI's envelope
 * ({ apiversion, func, module, result: { data, errors, messages, metadata, status, warnings } }).
 */
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";

export interface Account {
  user: string;
  domain: string;
  plan: string;
  suspended: boolean;
  password: string;
}

export type Fault = "malformed" | "hang" | "http500" | "reject";
export type CpanelFault = "hang" | "status0";

export class FakeWhm {
  readonly accounts = new Map<string, Account>();
  readonly calls: { fn: string; params: Record<string, string>; query: string }[] = [];
  readonly faults = new Map<string, Fault>();
  /** UAPI logins seen: the user name only, never the password. */
  readonly logins: string[] = [];
  /** Restore points (YYYY-MM-DD) → users with a complete backup there (backup_date_list, backup_user_list). */
  readonly backups = new Map<string, string[]>();
  /** Disk used per user in MB for listaccts/accountsummary (default 120). */
  readonly diskUsedMb = new Map<string, number>();
  cpanelFault: CpanelFault | undefined;
  /** The OpenAPI samples wrap the result ({ apiversion, func, module, result }); the "Return Data" guide shows it flat. */
  cpanelShape: "wrapped" | "flat" = "wrapped";
  private server?: http.Server;
  private cpanel?: http.Server;
  url = "";
  port = 0;
  cpanelPort = 0;

  constructor(readonly token = "TOKENUJI123") {}

  private listen(tls: { key: string; cert: string } | undefined, handler: http.RequestListener): http.Server {
    return tls ? https.createServer(tls, handler) : http.createServer(handler);
  }

  /** WHM on a free port; over HTTPS when given a certificate. */
  async start(tls?: { key: string; cert: string }): Promise<void> {
    this.server = this.listen(tls, (req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => this.answer(req, res, body));
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.port = (this.server!.address() as AddressInfo).port;
    this.url = `${tls ? "https" : "http"}://127.0.0.1:${this.port}`;
  }

  /** cPanel's UAPI on a second free port, sharing the accounts. */
  async startCpanel(tls?: { key: string; cert: string }): Promise<void> {
    this.cpanel = this.listen(tls, (req, res) => this.uapi(req, res));
    await new Promise<void>((r) => this.cpanel!.listen(0, "127.0.0.1", r));
    this.cpanelPort = (this.cpanel!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of [this.server, this.cpanel]) {
      if (!s) continue;
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  }

  private uapi(req: http.IncomingMessage, res: http.ServerResponse) {
    const u = new URL(req.url ?? "/", "http://x");
    const m = u.pathname.match(/^\/execute\/([A-Za-z]+)\/([a-z_]+)$/);
    const basic = (req.headers.authorization ?? "").match(/^Basic ([A-Za-z0-9+/=]+)$/);
    const [user, password] = basic ? Buffer.from(basic[1]!, "base64").toString("utf8").split(/:(.*)/s) : ["", ""];
    const acct = this.accounts.get(user ?? "");
    if (!acct || acct.password !== password || acct.suspended) {
      res.writeHead(401, { "Content-Type": "text/html", "WWW-Authenticate": 'Basic realm="cPanel"' }).end("<html>Access denied</html>");
      return;
    }
    this.logins.push(acct.user);
    if (this.cpanelFault === "hang") return;
    const envelope = (status: 0 | 1, data: unknown, errors: string[] | null) =>
      res.writeHead(200, { "Content-Type": "application/json" }).end(
        JSON.stringify(
          this.cpanelShape === "flat"
            ? { messages: null, errors, status, metadata: {}, data, warnings: null }
            : { apiversion: 3, func: m?.[2] ?? "", module: m?.[1] ?? "", result: { data, errors, messages: null, metadata: {}, status, warnings: null } },
        ),
      );
    if (this.cpanelFault === "status0") return envelope(0, null, ["Simulated UAPI failure."]);
    if (m?.[1] === "Quota" && m[2] === "get_quota_info") {
      return envelope(1, { megabytes_used: 120, megabyte_limit: 5120, inode_limit: 0, inodes_used: 310 }, null);
    }
    return envelope(0, null, [`Failed to load module “${m?.[1] ?? ""}”.`]);
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const u = new URL(req.url ?? "/", "http://x");
    const fn = u.pathname.replace(/^\/json-api\//, "");
    const params = Object.fromEntries(new URLSearchParams(body));
    this.calls.push({ fn, params, query: u.search });
    if (req.headers.authorization !== `whm root:${this.token}`) {
      res.writeHead(401, { "Content-Type": "text/html" }).end("<html>Access denied</html>");
      return;
    }
    const fault = this.faults.get(fn);
    if (fault === "hang") return; // never answers
    if (fault === "malformed") return void res.writeHead(200, { "Content-Type": "application/json" }).end('{"metadata": {"result": 1');
    if (fault === "http500") return void res.writeHead(500, { "Content-Type": "text/html" }).end("<html>Internal Server Error</html>");
    const reply = (result: 0 | 1, reason: string, data: unknown = {}) =>
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ data, metadata: { command: fn, result, reason, version: 1 } }));
    if (fault === "reject") return reply(0, `Simulated refusal of ${fn}.`);
    const acct = this.accounts.get(params.user ?? params.username ?? "");
    switch (fn) {
      case "verify_new_username":
        return this.accounts.has(params.user!) ? reply(0, `The name “${params.user}” is already taken.`) : reply(1, "OK");
      case "createacct":
        if (this.accounts.has(params.username!)) return reply(0, `Sorry, a user with the name “${params.username}” already exists.`);
        this.accounts.set(params.username!, { user: params.username!, domain: params.domain!, plan: params.plan!, suspended: false, password: params.password! });
        return reply(1, "Account Creation Ok", { output: "…account created…" });
      case "accountsummary":
        return acct
          ? reply(1, "OK", { acct: [{ user: acct.user, domain: acct.domain, plan: acct.plan, suspended: acct.suspended ? 1 : 0, diskused: "120M", disklimit: "5120M" }] })
          : reply(0, `Account “${params.user}” does not exist.`);
      case "passwd":
        if (!acct) return reply(0, "Account does not exist.");
        if ((params.password ?? "").length < 8) return reply(0, `The password “${params.password}” is too weak.`);
        acct.password = params.password!;
        return reply(1, "Password changed");
      case "listaccts":
        return reply(1, "OK", {
          acct: [...this.accounts.values()].map((a) => ({ user: a.user, domain: a.domain, plan: a.plan, suspended: a.suspended ? 1 : 0, diskused: `${this.diskUsedMb.get(a.user) ?? 120}M`, disklimit: "5120M" })),
        });
      case "backup_date_list":
        // The API reference's form: ISO 8601 at midnight UTC.
        return reply(1, "OK", { backup_set: [...this.backups.keys()].sort().map((d) => `${d}T00:00:00.000Z`) });
      case "backup_user_list": {
        const users = this.backups.get((params.restore_point ?? "").slice(0, 10));
        if (!users) return reply(0, `No backup exists for the restore point “${params.restore_point}”.`);
        return reply(1, "OK", { user: [...this.accounts.keys()].sort().map((u) => ({ username: u, status: users.includes(u) ? "active" : "no_backup" })) });
      }
      case "changepackage":
        if (!acct) return reply(0, "Account does not exist.");
        acct.plan = params.pkg!;
        return reply(1, "OK");
      case "suspendacct":
        if (!acct) return reply(0, "Account does not exist.");
        acct.suspended = true;
        return reply(1, "OK");
      case "unsuspendacct":
        if (!acct) return reply(0, "Account does not exist.");
        acct.suspended = false;
        return reply(1, "OK");
      default:
        return reply(0, `Unknown app (“${fn}”) requested for this version (1) of the API.`);
    }
  }
}
