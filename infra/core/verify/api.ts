/**
 * The access test of an ApiAccess request (SOP "uji coba"): the subscription on the exchange is
 * UNBLOCKED with the tier asked for, and the consumer's credentials reach the API through the gateway
 * with a GET (never a write method). A subscription still ON_HOLD waits for the provider: reported
 * as "menunggu persetujuan penyedia", skipped, not failed. Pure: specs and judgements only.
 */
import { splpApplicationName } from "../config/splp";
import type { ApiAccess } from "../model/kinds";
import type { CheckSpec, Judged, SplpCallAnswer, SplpFacts } from "./types";

export const WAITING = "menunggu persetujuan penyedia";
export const NO_EXCHANGE = "spec.exchange belum diisi (nama API, versi, tier di WSO2); langganan SPLP tetap langkah manual dan tidak diuji otomatis";

/** The first GET endpoint without path parameters: the one the try-out can call as written. */
export function tryOutPath(r: ApiAccess): string | null {
  return r.spec.endpoints.find((e) => e.method === "GET" && !e.path.includes("{"))?.path ?? null;
}

export function apiChecks(r: ApiAccess, id: string, removed: boolean): CheckSpec[] {
  const ex = r.spec.exchange;
  if (!ex) return [{ name: "splp", probe: "skip", reason: NO_EXCHANGE }];
  if (removed || r.metadata.status === "decommissioned")
    return [{ name: "splp", probe: "skip", reason: `pencabutan langganan ${ex.api} ${ex.version} belum otomatis; periksa di Developer Portal kanal ${r.spec.channel}` }];
  const base = { channel: r.spec.channel, api: ex.api, version: ex.version };
  const specs: CheckSpec[] = [
    { name: "splp-subscription", probe: "splp-subscription", ...base, application: splpApplicationName(id), tier: ex.tier, provider: r.spec.provider.opd },
  ];
  const path = tryOutPath(r);
  if (!path) {
    const hasGet = r.spec.endpoints.some((e) => e.method === "GET");
    specs.push({
      name: "splp-call",
      probe: "skip",
      reason: hasGet
        ? "semua endpoint GET memakai parameter path; uji coba tidak mengarang nilai parameter"
        : "tidak ada endpoint GET; uji coba tidak memanggil metode yang menulis (POST/PUT/PATCH/DELETE)",
    });
    return specs;
  }
  specs.push({ name: "splp-oauth2", probe: "splp-call", id, ...base, path, auth: "oauth2" });
  if (r.spec.auth === "api-key") specs.push({ name: "splp-api-key", probe: "splp-call", id, ...base, path, auth: "api-key" });
  return specs;
}

type SubSpec = Extract<CheckSpec, { probe: "splp-subscription" }>;
type CallSpec = Extract<CheckSpec, { probe: "splp-call" }>;

export function judgeSubscription(s: SubSpec, f: SplpFacts): Judged {
  const what = `${s.api} ${s.version}`;
  if (!f.api) return { result: "failed", detail: `API ${what} tidak ada di Developer Portal kanal ${s.channel}` };
  if (!f.application) return { result: "failed", detail: `aplikasi ${s.application} tidak ada di kanal ${s.channel}` };
  if (!f.subscription) return { result: "failed", detail: `aplikasi ${s.application} tidak berlangganan ${what}` };
  const { status, tier } = f.subscription;
  if (status === "ON_HOLD") return { result: "skipped", detail: `${WAITING} (${s.provider}): langganan ${what} berstatus ON_HOLD` };
  if (status !== "UNBLOCKED") return { result: "failed", detail: `langganan ${what} berstatus ${status}; yang diharapkan UNBLOCKED` };
  if (tier !== s.tier) return { result: "failed", detail: `langganan ${what} bertier ${tier}; permintaan meminta ${s.tier}` };
  return { result: "passed", detail: `langganan ${what} UNBLOCKED, tier ${tier}` };
}

/** Whether the call may be made at all, given what the subscription check found. */
export function callPrecondition(f: SplpFacts): Judged | null {
  if (!f.api || !f.application || !f.subscription) return { result: "skipped", detail: "tidak diuji: langganan belum ada" };
  if (f.subscription.status === "ON_HOLD") return { result: "skipped", detail: `tidak diuji: ${WAITING}` };
  if (f.subscription.status !== "UNBLOCKED") return { result: "skipped", detail: `tidak diuji: langganan berstatus ${f.subscription.status}` };
  return null;
}

export function judgeCall(s: CallSpec, a: SplpCallAnswer): Judged {
  const how = s.auth === "oauth2" ? "token client_credentials" : "API key";
  if (!a.ok) return { result: "failed", detail: a.reason };
  if (a.status >= 200 && a.status < 300) return { result: "passed", detail: `GET ${s.path} dengan ${how}: HTTP ${a.status}` };
  return { result: "failed", detail: `GET ${s.path} dengan ${how}: HTTP ${a.status}; yang diharapkan 2xx` };
}
