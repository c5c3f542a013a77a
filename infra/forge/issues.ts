/**
 * The incident tickets' side of the forge's REST API (GitHub's shape): list the open issues with a
 * label, open one, comment on one, close one, make sure the label exists. Every call has a timeout;
 * the token travels in a header and never appears in a message.
 */
import type { OpenIssue } from "../core/monitor/incidents";
import { ForgeError, type ForgeAnswer, type ForgeOptions, forgeCall, forgeUrl } from "./request";

const STATUS: Record<number, string> = {
  401: "token ditolak (HTTP 401): periksa GH_TOKEN/GITHUB_TOKEN",
  403: "akses ditolak (HTTP 403): token perlu izin issues: write, atau batas laju API habis",
  404: "tidak ditemukan (HTTP 404): periksa GITHUB_REPOSITORY dan izin token",
  410: "isu dimatikan di repositori ini (HTTP 410)",
};

const call = (o: ForgeOptions, method: string, route: string, body?: unknown): Promise<ForgeAnswer> => forgeCall(o, method, forgeUrl(o, `/repos/${o.repo}${route}`), body);

function must(r: ForgeAnswer, what: string): unknown {
  if (r.status >= 200 && r.status < 300) return r.json ?? null;
  throw new ForgeError(`forge menjawab ${what}: ${STATUS[r.status] ?? `HTTP ${r.status}`}`);
}

const PAGE = 100;
const MAX_PAGES = 20;

/** Open issues carrying `label` (pull requests, which the same list returns, left out). */
export async function openIssues(o: ForgeOptions, label: string): Promise<OpenIssue[]> {
  const out: OpenIssue[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const route = `/issues?state=open&labels=${encodeURIComponent(label)}&per_page=${PAGE}&page=${page}`;
    const batch = must(await call(o, "GET", route), `GET ${route}`);
    if (!Array.isArray(batch)) throw new ForgeError(`forge menjawab GET ${route} dengan bentuk yang tidak dikenal (bukan daftar)`);
    for (const i of batch as Record<string, unknown>[]) {
      if (typeof i.number === "number" && typeof i.title === "string" && !i.pull_request) out.push({ number: i.number, title: i.title });
    }
    if (batch.length < PAGE) break;
  }
  return out;
}

/** The label, created when missing (422 = it exists already). */
export async function ensureLabel(o: ForgeOptions, name: string, color: string, description: string): Promise<void> {
  const r = await call(o, "POST", "/labels", { name, color, description });
  if (r.status !== 422) must(r, `POST /labels ${name}`);
}

export async function createIssue(o: ForgeOptions, title: string, body: string, label: string): Promise<number> {
  const j = must(await call(o, "POST", "/issues", { title, body, labels: [label] }), "POST /issues") as { number?: unknown } | null;
  if (typeof j?.number !== "number") throw new ForgeError("forge menjawab POST /issues tanpa nomor isu");
  return j.number;
}

export async function commentIssue(o: ForgeOptions, number: number, body: string): Promise<void> {
  must(await call(o, "POST", `/issues/${number}/comments`, { body }), `POST /issues/${number}/comments`);
}

export async function closeIssue(o: ForgeOptions, number: number): Promise<void> {
  must(await call(o, "PATCH", `/issues/${number}`, { state: "closed", state_reason: "completed" }), `PATCH /issues/${number}`);
}
