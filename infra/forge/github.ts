/**
 * Reads the pull request behind a commit and its reviews from the forge's REST API (GitHub's shape;
 * Gitea/Forgejo serve the same paths under /api/v1). Every call has a timeout; the token is sent in
 * a header and never appears in a message.
 */
import type { ForgePull, ForgeReview } from "../core/archive/build";
import { pullOfCommit } from "../core/archive/build";

export interface ForgeOptions {
  /** API root, e.g. https://api.github.com (GITHUB_API_URL in a workflow). */
  api: string;
  /** owner/name. */
  repo: string;
  token: string;
  timeoutMs: number;
}

export class ForgeError extends Error {}

const STATUS: Record<number, string> = {
  401: "token ditolak (HTTP 401): periksa GITHUB_TOKEN",
  403: "akses ditolak (HTTP 403): token perlu izin membaca pull request (permissions: pull-requests: read) atau batas laju API habis",
  404: "tidak ditemukan (HTTP 404): periksa nama repositori dan izin token",
};

/** One GET; a connection the server dropped while idle (keep-alive) is tried once more, a timeout is not. */
async function fetchOnce(o: ForgeOptions, url: string, retry = true): Promise<Response> {
  try {
    return await fetch(url, {
      headers: { Authorization: `Bearer ${o.token}`, Accept: "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "pusdat" },
      signal: AbortSignal.timeout(o.timeoutMs),
    });
  } catch (e) {
    const err = e as Error;
    if (err.name === "TimeoutError" || err.name === "AbortError") throw new ForgeError(`forge tidak menjawab dalam ${o.timeoutMs / 1000} detik: GET ${url}`);
    const cause = (err.cause as (Error & { code?: string }) | undefined) ?? err;
    if (retry && (cause as { code?: string }).code === "ECONNRESET") return fetchOnce(o, url, false);
    throw new ForgeError(`forge tidak dapat dihubungi: GET ${url} (${cause.message})`);
  }
}

async function getJson(o: ForgeOptions, route: string): Promise<unknown> {
  const url = `${o.api.replace(/\/+$/, "")}${route}`;
  const res = await fetchOnce(o, url);
  if (!res.ok) {
    await res.body?.cancel();
    throw new ForgeError(`forge menjawab GET ${url}: ${STATUS[res.status] ?? `HTTP ${res.status}`}`);
  }
  try {
    return await res.json();
  } catch {
    throw new ForgeError(`forge menjawab GET ${url} dengan isi yang bukan JSON`);
  }
}

const PAGE = 100;
const MAX_PAGES = 20;

/** The merged pull request of `commit` (with merged_by) and all its reviews; null when none brought it. */
export async function pullRequestOfCommit(o: ForgeOptions, commit: string): Promise<{ pull: ForgePull; reviews: ForgeReview[] } | null> {
  const base = `/repos/${o.repo}`;
  const pulls = await getJson(o, `${base}/commits/${commit}/pulls`);
  if (!Array.isArray(pulls)) throw new ForgeError(`forge menjawab ${base}/commits/${commit}/pulls dengan bentuk yang tidak dikenal (bukan daftar)`);
  const found = pullOfCommit(pulls as ForgePull[], commit);
  if (!found) return null;
  const pull = (await getJson(o, `${base}/pulls/${found.number}`)) as ForgePull;
  const reviews: ForgeReview[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const batch = await getJson(o, `${base}/pulls/${found.number}/reviews?per_page=${PAGE}&page=${page}`);
    if (!Array.isArray(batch)) throw new ForgeError(`forge menjawab ${base}/pulls/${found.number}/reviews dengan bentuk yang tidak dikenal (bukan daftar)`);
    reviews.push(...(batch as ForgeReview[]));
    if (batch.length < PAGE) break;
  }
  return { pull, reviews };
}
