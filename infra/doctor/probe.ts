/**
 * `pusdat doctor`, the calls: read-only requests to Proxmox and Cloudflare, each with a timeout. The
 * tokens travel in headers only and never appear in what is returned.
 */
import type { CloudflareAnswers, Need, PermissionAnswer } from "./checks";

export interface ProbeOptions {
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

async function getJson(url: string, headers: Record<string, string>, o: ProbeOptions): Promise<{ status: number; body: unknown } | { error: string }> {
  const timeoutMs = o.timeoutMs ?? 10_000;
  try {
    const res = await (o.fetchImpl ?? fetch)(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return { status: res.status, body: null };
    }
  } catch (e) {
    const name = (e as Error).name;
    return { error: name === "TimeoutError" || name === "AbortError" ? `tidak menjawab dalam ${timeoutMs / 1000} detik` : (e as Error).message };
  }
}

/** `GET /api2/json/access/permissions?path=<p>` for each needed path; unreachable → a message. */
export async function proxmoxPermissions(endpoint: string, token: string, needs: Need[], o: ProbeOptions = {}): Promise<{ answers: Record<string, PermissionAnswer | undefined>; problems: string[] }> {
  const base = endpoint.replace(/\/+$/, "");
  const answers: Record<string, PermissionAnswer | undefined> = {};
  const problems: string[] = [];
  for (const path of [...new Set(needs.map((n) => n.path))]) {
    const r = await getJson(`${base}/api2/json/access/permissions?path=${encodeURIComponent(path)}`, { Authorization: `PVEAPIToken=${token}` }, o);
    if ("error" in r) return { answers, problems: [`Proxmox ${base}: ${r.error}`] };
    if (r.status === 401) return { answers, problems: [`Proxmox ${base}: token ditolak (HTTP 401); periksa PROXMOX_VE_API_TOKEN (user@realm!tokenid=uuid)`] };
    answers[path] = ((r.body as { data?: PermissionAnswer } | null)?.data ?? {}) as PermissionAnswer;
  }
  return { answers, problems };
}

export async function cloudflareAnswers(api: string, token: string, zone: { id?: string; name: string }, o: ProbeOptions = {}): Promise<{ answers: CloudflareAnswers; problems: string[] }> {
  const base = api.replace(/\/+$/, "");
  const h = { Authorization: `Bearer ${token}` };
  const body = <T>(r: Awaited<ReturnType<typeof getJson>>): T | null => ("error" in r ? null : (r.body as T));
  const verify = await getJson(`${base}/user/tokens/verify`, h, o);
  if ("error" in verify) return { answers: { verify: null, records: null }, problems: [`Cloudflare ${base}: ${verify.error}`] };
  const answers: CloudflareAnswers = { verify: body<CloudflareAnswers["verify"]>(verify), records: null };
  if (!answers.verify?.success) return { answers, problems: [] };
  let id = zone.id;
  if (!id) {
    answers.zone = body<CloudflareAnswers["zone"]>(await getJson(`${base}/zones?name=${encodeURIComponent(zone.name)}`, h, o));
    id = answers.zone?.result?.[0]?.id;
  }
  if (id) answers.records = body<CloudflareAnswers["records"]>(await getJson(`${base}/zones/${encodeURIComponent(id)}/dns_records?per_page=1`, h, o));
  return { answers, problems: [] };
}
