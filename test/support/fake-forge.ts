/**
 * A forge's issue API (GitHub's REST shape) on 127.0.0.1 over HTTP: open issues by label with
 * paging, create, comment, close, labels. Records every request (token checked, never stored).
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeIssue {
  number: number;
  title: string;
  state: "open" | "closed";
  labels: string[];
  body: string;
  comments: string[];
  pull_request?: object;
}

export interface ForgeCall {
  method: string;
  path: string;
  body: unknown;
}

export class FakeForge {
  readonly issues: FakeIssue[] = [];
  readonly labels = new Set<string>();
  readonly calls: ForgeCall[] = [];
  /** `METHOD /path` answered with HTTP 500. */
  readonly failOn = new Set<string>();
  private server?: http.Server;
  port = 0;

  constructor(readonly repo: string, readonly token: string) {}

  get api(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (d) => (raw += d));
      req.on("end", () => this.handle(req, raw, res));
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse) {
    const body = raw ? JSON.parse(raw) : null;
    this.calls.push({ method: req.method!, path: req.url!, body });
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(json));
    };
    if (req.headers.authorization !== `Bearer ${this.token}`) return send(401, { message: "Bad credentials" });
    const url = new URL(req.url!, this.api);
    if (this.failOn.has(`${req.method} ${url.pathname}`)) return send(500, { message: "gagal" });
    const base = `/repos/${this.repo}`;
    if (!url.pathname.startsWith(base)) return send(404, { message: "Not Found" });
    const route = url.pathname.slice(base.length);
    const issue = (n: string) => this.issues.find((i) => i.number === Number(n));
    let m: RegExpMatchArray | null;
    if (req.method === "GET" && route === "/issues") {
      const label = url.searchParams.get("labels");
      const per = Number(url.searchParams.get("per_page") ?? 30);
      const page = Number(url.searchParams.get("page") ?? 1);
      const open = this.issues.filter((i) => i.state === "open" && (!label || i.labels.includes(label))).sort((a, b) => b.number - a.number);
      return send(200, open.slice((page - 1) * per, page * per).map((i) => ({ number: i.number, title: i.title, ...(i.pull_request ? { pull_request: i.pull_request } : {}) })));
    }
    if (req.method === "POST" && route === "/labels") {
      if (this.labels.has(body.name)) return send(422, { message: "Validation Failed" });
      this.labels.add(body.name);
      return send(201, body);
    }
    if (req.method === "POST" && route === "/issues") {
      const number = Math.max(0, ...this.issues.map((i) => i.number)) + 1;
      this.issues.push({ number, title: body.title, state: "open", labels: body.labels ?? [], body: body.body, comments: [] });
      return send(201, { number });
    }
    if (req.method === "POST" && (m = route.match(/^\/issues\/(\d+)\/comments$/)) && issue(m[1]!)) {
      issue(m[1]!)!.comments.push(body.body);
      return send(201, { id: 1 });
    }
    if (req.method === "PATCH" && (m = route.match(/^\/issues\/(\d+)$/)) && issue(m[1]!)) {
      issue(m[1]!)!.state = body.state;
      return send(200, { number: Number(m[1]) });
    }
    return send(404, { message: "Not Found" });
  }
}
