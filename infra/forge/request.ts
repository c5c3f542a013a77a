/**
 * One call to the forge's REST API (GitHub's shape), shared by the pull-request reader and the
 * incident tickets: through the same node:http client as WHM, Proxmox and WSO2 (infra/clients/http),
 * not the global fetch, whose parser is WebAssembly compiled anew in every process that calls it.
 * Every call has a timeout; the token travels in a header and never appears in a message.
 */
import { httpRequest, NetError, type HttpAnswer } from "../clients/http";

export interface ForgeOptions {
  /** API root, e.g. https://api.github.com (GITHUB_API_URL in a workflow). */
  api: string;
  /** owner/name. */
  repo: string;
  token: string;
  timeoutMs: number;
}

export class ForgeError extends Error {}

export interface ForgeAnswer {
  status: number;
  /** The body parsed as JSON; undefined when it is empty or not JSON. */
  json: unknown;
}

export const forgeUrl = (o: ForgeOptions, route: string) => `${o.api.replace(/\/+$/, "")}${route}`;

// GitHub answers a renamed or moved repository with a redirect; fetch followed it, so this does,
// but only on the same origin: the token must not travel to another host.
const REDIRECTS = new Set([301, 302, 307, 308]);
const MAX_REDIRECTS = 3;

/** `method url`, following same-origin redirects; a GET whose connection was reset is tried once more, a timeout is not. */
export async function forgeCall(o: ForgeOptions, method: string, url: string, body?: unknown): Promise<ForgeAnswer> {
  let at = url;
  for (let hop = 0; ; hop++) {
    const r = await send(o, method, at, body, method === "GET", url);
    if (!REDIRECTS.has(r.status) || r.location === undefined) return answer(r);
    const next = new URL(r.location, at);
    if (next.origin !== new URL(at).origin || hop >= MAX_REDIRECTS) {
      throw new ForgeError(`forge mengalihkan ${method} ${url} ke ${next.origin}${next.pathname}: tidak diikuti (hanya ke alamat yang sama, paling banyak ${MAX_REDIRECTS} kali)`);
    }
    at = next.href;
  }
}

async function send(o: ForgeOptions, method: string, url: string, body: unknown, retry: boolean, asked: string): Promise<HttpAnswer> {
  try {
    return await httpRequest(url, {
      method,
      headers: {
        Authorization: `Bearer ${o.token}`,
        Accept: "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": "pusdat",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: o.timeoutMs,
    });
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    if (e.failure === "timeout") throw new ForgeError(`forge tidak menjawab dalam ${o.timeoutMs / 1000} detik: ${method} ${asked}`);
    const cause: Error & { code?: string } = (e.cause as (Error & { code?: string }) | undefined) ?? e;
    if (retry && cause.code === "ECONNRESET") return send(o, method, url, body, false, asked);
    throw new ForgeError(`forge tidak dapat dihubungi: ${method} ${asked} (${cause.message})`);
  }
}

function answer(r: HttpAnswer): ForgeAnswer {
  try {
    return { status: r.status, json: r.body ? JSON.parse(r.body) : undefined };
  } catch {
    return { status: r.status, json: undefined };
  }
}
