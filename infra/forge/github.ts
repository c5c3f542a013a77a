/**
 * Reads the pull request behind a commit and its reviews from the forge's REST API (GitHub's shape;
 * Gitea/Forgejo serve the same paths under /api/v1). Every call has a timeout; the token is sent in
 * a header and never appears in a message.
 */
import type { ForgePull, ForgeReview } from "../core/archive/build";
import { pullOfCommit } from "../core/archive/build";
import { ForgeError, type ForgeOptions, forgeCall, forgeUrl } from "./request";

export { ForgeError, type ForgeOptions } from "./request";

const STATUS: Record<number, string> = {
  401: "token ditolak (HTTP 401): periksa GITHUB_TOKEN",
  403: "akses ditolak (HTTP 403): token perlu izin membaca pull request (permissions: pull-requests: read) atau batas laju API habis",
  404: "tidak ditemukan (HTTP 404): periksa nama repositori dan izin token",
};

async function getJson(o: ForgeOptions, route: string): Promise<unknown> {
  const url = forgeUrl(o, route);
  const r = await forgeCall(o, "GET", url);
  if (r.status < 200 || r.status > 299) throw new ForgeError(`forge menjawab GET ${url}: ${STATUS[r.status] ?? `HTTP ${r.status}`}`);
  if (r.json === undefined) throw new ForgeError(`forge menjawab GET ${url} dengan isi yang bukan JSON`);
  return r.json;
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
