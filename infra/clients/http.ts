/**
 * One HTTP(S) request with node:http/https: a timeout on every call, certificates checked unless the
 * caller was told otherwise by the stack configuration. Shared by the WHM, cPanel and Proxmox clients.
 * Errors carry an Indonesian message that never holds a header value (tokens, passwords).
 */
import * as http from "node:http";
import * as https from "node:https";
import * as tls from "node:tls";

export interface HttpOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Accept a certificate that does not verify (self-signed): only where the stack says so. */
  insecureTls?: boolean;
  /** Extra trusted CA certificates (PEM); tests give their own CA here. */
  ca?: string | string[];
}

export interface HttpAnswer {
  status: number;
  body: string;
  /** The Location header, for a caller that follows redirects (the forge client). */
  location?: string;
}

export type NetFailure = "timeout" | "connect" | "tls";

export class NetError extends Error {
  constructor(
    message: string,
    readonly failure: NetFailure,
    /** The socket's own error, for callers that report its code. */
    cause?: Error,
  ) {
    super(message, cause ? { cause } : undefined);
    this.name = "NetError";
  }
}

// A plain object, not a Map: Pulumi's closure serializer (the SPLP dynamic provider captures this
// module) copies a Map's methods but not its entries or internal slots.
const contexts: Record<string, tls.SecureContext> = {};

// CAs every call in this process trusts besides the system's (a plain object, as above).
const inProcess: { pems: string[] } = { pems: [] };

/**
 * Trust `pems` in every call of this process from now on (an empty list ends it): what
 * NODE_EXTRA_CA_CERTS does for a process started with it. Tests that run the CLI in their own
 * process give their test CA here; the CLI itself never calls it.
 */
export function trustInProcess(pems: string[]): void {
  inProcess.pems = pems;
}

/**
 * The system's CAs plus `ca` (and those trusted in-process), built once per distinct list: parsing
 * the whole root store costs tens of milliseconds, too much to repeat for every call.
 */
export function trustWith(ca: string | string[] | undefined): { secureContext?: tls.SecureContext } {
  const list = [...inProcess.pems, ...(ca ? [ca].flat() : [])];
  if (!list.length) return {};
  const key = list.join("\n");
  let ctx = contexts[key];
  if (!ctx) contexts[key] = ctx = tls.createSecureContext({ ca: [...tls.rootCertificates, ...list] });
  return { secureContext: ctx };
}

const CERT_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/;
const MAX_BODY = 4 << 20;

/** Describes a socket-level error in Bahasa Indonesia. */
export function netFailure(e: NodeJS.ErrnoException, what: string): NetError {
  const code = e.code ?? "";
  if (CERT_CODES.test(code) || /certificate/i.test(e.message)) return new NetError(`sertifikat TLS ${what} ditolak: ${e.message}`, "tls", e);
  if (code === "EPROTO" || code.startsWith("ERR_SSL")) return new NetError(`jabat tangan TLS dengan ${what} gagal: ${e.message.split("\n")[0]}`, "tls", e);
  if (code === "ECONNREFUSED") return new NetError(`${what} menolak sambungan`, "connect", e);
  if (code === "ECONNRESET") return new NetError(`${what} memutus sambungan`, "connect", e);
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return new NetError(`${what} tidak terjangkau dari jaringan ini`, "connect", e);
  return new NetError(`${what} tidak dapat dihubungi: ${code || e.message}`, "connect", e);
}

export function httpRequest(url: string, o: HttpOptions): Promise<HttpAnswer> {
  const u = new URL(url);
  const what = `${u.protocol}//${u.host}`;
  const mod = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let done = false;
    // Declared before its first use: Pulumi's closure serializer (the SPLP dynamic provider captures
    // this function) cannot resolve a const used in a closure above its declaration.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      f();
    };
    const req = mod.request(
      u,
      {
        method: o.method ?? "GET",
        headers: { ...(o.body !== undefined ? { "Content-Length": String(Buffer.byteLength(o.body)) } : {}), ...o.headers },
        agent: false,
        ...(u.protocol === "https:" ? { rejectUnauthorized: !o.insecureTls, ...trustWith(o.ca) } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY) return finish(() => (req.destroy(), reject(new NetError(`jawaban ${what} terlalu besar`, "connect"))));
          chunks.push(c);
        });
        res.on("end", () => finish(() => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), location: res.headers.location })));
        res.on("error", (e) => finish(() => reject(netFailure(e, what))));
      },
    );
    timer = setTimeout(
      () => finish(() => (req.destroy(), reject(new NetError(`${what} tidak menjawab dalam ${o.timeoutMs / 1000} detik`, "timeout")))),
      o.timeoutMs,
    );
    req.on("error", (e) => finish(() => reject(netFailure(e, what))));
    req.end(o.body);
  });
}

/**
 * A `fetch` stand-in for clients written against fetch (WhmClient): the same request through
 * httpRequest, so the stack's TLS setting and the timeout apply (the caller gives the same timeout to
 * its own AbortSignal; httpRequest enforces it and reports it as fetch's TimeoutError).
 */
export function fetchVia(o: Pick<HttpOptions, "insecureTls" | "ca" | "timeoutMs">): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === "string" ? init.body : init?.body == null ? undefined : String(init.body);
    try {
      const r = await httpRequest(String(input), { method: init?.method, headers, body, timeoutMs: o.timeoutMs, insecureTls: o.insecureTls, ca: o.ca });
      return new Response(r.body, { status: r.status });
    } catch (e) {
      if (e instanceof NetError && e.failure === "timeout") throw Object.assign(new Error(e.message), { name: "TimeoutError" });
      throw e;
    }
  }) as typeof fetch;
}
