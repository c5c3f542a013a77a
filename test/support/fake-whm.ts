/**
 * A WHM API 1 stand-in on 127.0.0.1: the documented endpoints and envelope
 * ({ data, metadata: { command, result, reason, version } }), failures with HTTP 200 like the real
 * server, plus switches for the broken answers a client must survive.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface Account {
  user: string;
  domain: string;
  plan: string;
  suspended: boolean;
  password: string;
}

export type Fault = "malformed" | "hang" | "http500" | "reject";

export class FakeWhm {
  readonly accounts = new Map<string, Account>();
  readonly calls: { fn: string; params: Record<string, string>; query: string }[] = [];
  readonly faults = new Map<string, Fault>();
  private server?: http.Server;
  url = "";

  constructor(readonly token = "TOKENUJI123") {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => this.answer(req, res, body));
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
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
