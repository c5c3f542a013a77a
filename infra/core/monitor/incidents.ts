/**
 * Incident tickets from a monitoring round (or the drift check): one open forge issue per failing
 * service, labelled `pusdat-insiden`, its title carrying a fixed marker with the service's key; a
 * comment while it keeps failing, closed with a comment when it recovers. Pure: the report and the
 * open issues in, the actions out; the shell runs them through `gh` with argument arrays.
 */
import { KIND_LABEL } from "./format";
import type { MonitorReport } from "./types";

export const INCIDENT_LABEL = "pusdat-insiden";

export interface ServiceState {
  /** Stable key: `<kind>/<request id>`, or `drift/<stack>`. */
  key: string;
  failing: boolean;
  title: string;
  detail: string;
}

export interface OpenIssue {
  number: number;
  title: string;
}

export type IncidentAction =
  | { action: "create"; key: string; title: string; body: string }
  | { action: "comment"; number: number; key: string; body: string }
  | { action: "close"; number: number; key: string; body: string };

/** `[pusdat-insiden vm/sibapo-app] …`: the key is read back from the title. */
export const marker = (key: string) => `[${INCIDENT_LABEL} ${key}]`;
const keyOf = (title: string) => title.match(/^\[pusdat-insiden ([a-z]+\/[A-Za-z0-9._-]+)\]/)?.[1] ?? null;

/** Services of a monitoring report: failing when a finding of error level names them. */
export function servicesOf(r: MonitorReport): ServiceState[] {
  return r.targets.map((t) => {
    const errors = r.findings.filter((f) => f.id === t.id && f.kind === t.kind && f.severity === "error");
    return {
      key: `${t.kind}/${t.id}`,
      failing: errors.length > 0,
      title: `${marker(`${t.kind}/${t.id}`)} gangguan ${KIND_LABEL[t.kind]} ${t.id}`,
      detail: errors.length ? errors.map((f) => `- ${f.message} (\`${f.code}\`)`).join("\n") : t.summary,
    };
  });
}

/** The drift check (`pulumi preview --expect-no-changes`) as one service. */
export const driftService = (stack: string, drifted: boolean, detail: string): ServiceState => ({
  key: `drift/${stack}`,
  failing: drifted,
  title: `${marker(`drift/${stack}`)} stack ${stack} berbeda dari kode (drift)`,
  detail,
});

/** The tail of pulumi preview's output: enough to see what drifted, never the whole log. */
export const logTail = (text: string, lines = 40) => text.split("\n").slice(-lines).join("\n").trim();

const DRIFT_MARK = "no changes were expected but changes were proposed";

/**
 * The drift service from `pulumi preview --expect-no-changes`'s exit code and output. A non-zero exit
 * without pulumi's "changes were proposed" line is a preview that failed (credentials, state
 * backend, network): still failing, since drift could not be checked, and said so.
 */
export function driftFromPreview(stack: string, code: number, log: string): ServiceState {
  if (code === 0) return driftService(stack, false, "pulumi preview --expect-no-changes: tidak ada perubahan");
  const text = "\n\n```\n" + logTail(log) + "\n```";
  if (log.includes(DRIFT_MARK)) return driftService(stack, true, `pulumi preview --expect-no-changes keluar dengan kode ${code}:${text}`);
  return driftService(stack, true, `pulumi preview gagal dengan kode ${code} sebelum drift dapat diperiksa (kredensial, backend state atau jaringan?):${text}`);
}

/**
 * Only the services in `services` are judged: an open issue whose key this round did not check is
 * left alone (a drift run never closes a monitoring incident, and the reverse).
 */
export function incidentPlan(services: ServiceState[], open: OpenIssue[], at: string, runUrl: string): IncidentAction[] {
  const byKey = new Map<string, OpenIssue>();
  for (const i of [...open].sort((a, b) => a.number - b.number)) {
    const k = keyOf(i.title);
    if (k && !byKey.has(k)) byKey.set(k, i);
  }
  const out: IncidentAction[] = [];
  const where = runUrl ? `\n\nPutaran: ${runUrl}` : "";
  for (const s of services) {
    const issue = byKey.get(s.key);
    if (s.failing && !issue) out.push({ action: "create", key: s.key, title: s.title, body: `Gangguan terdeteksi ${at}:\n\n${s.detail}${where}` });
    else if (s.failing && issue) out.push({ action: "comment", number: issue.number, key: s.key, body: `Masih terganggu ${at}:\n\n${s.detail}${where}` });
    else if (!s.failing && issue) out.push({ action: "close", number: issue.number, key: s.key, body: `Pulih ${at}: ${s.detail}${where}` });
  }
  return out;
}
