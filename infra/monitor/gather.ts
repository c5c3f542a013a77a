/**
 * The network side of `pusdat monitor`: one WHM listaccts and one backup listing for every account,
 * one Proxmox cluster/resources call and one backup-storage listing per node, and the access test's
 * own checks for each subdomain and active PDN VM, all through the bounded pool. Then --heal.
 */
import { makeProbes, proxmoxEndpoint, serverBase, verifyConfigOf } from "../clients/probes";
import { fetchVia } from "../clients/http";
import { ProxmoxClient } from "../clients/proxmox";
import type { SiteConfig } from "../core/config/site";
import type { MonitorConfig } from "../core/monitor/config";
import { accountsOf, backupDatesOf, backupUsersOf, newestVzdumps, vmsOf } from "../core/monitor/parse";
import { type Outcome, runPool } from "../core/monitor/pool";
import type { Facts, GoneFacts, GonePdn, GoneSubdomain, HealAction, HealResult, HostingFacts, ProbeFacts, Probed, Target } from "../core/monitor/types";
import { verifyItem } from "../core/verify/run";
import { WhmClient } from "../whm/client";
import { tcpProbe } from "../clients/tcp";

export interface GatherSetup {
  site: SiteConfig;
  cfg: MonitorConfig;
  env: NodeJS.ProcessEnv;
  /** Extra trusted CAs (tests). */
  ca?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface Clients {
  whm: () => WhmClient;
  pve: () => ProxmoxClient;
}

export function clientsFor(s: GatherSetup): Clients {
  const v = verifyConfigOf(s.site);
  const timeoutMs = s.cfg.timeoutMs;
  let whm: WhmClient | undefined;
  let pve: ProxmoxClient | undefined;
  return {
    whm: () =>
      (whm ??= new WhmClient({
        host: serverBase(s.site, s.env, v.ports.whm),
        token: s.env.WHM_API_TOKEN ?? "",
        timeoutMs,
        retries: 0,
        fetchImpl: fetchVia({ timeoutMs, insecureTls: v.allowInsecureTls.whm, ca: s.ca }),
      })),
    pve: () =>
      (pve ??= new ProxmoxClient({ endpoint: proxmoxEndpoint(s.site, s.env), token: s.env.PROXMOX_VE_API_TOKEN ?? "", timeoutMs, insecureTls: v.allowInsecureTls.proxmox, ca: s.ca })),
  };
}

/** Newest complete backup per user: restore points newest first, until every user has one. */
async function newestBackups(whm: WhmClient, users: string[]): Promise<Record<string, string>> {
  const want = new Set(users);
  const out: Record<string, string> = {};
  for (const date of backupDatesOf(await whm.call("backup_date_list"))) {
    if (!want.size) break;
    for (const u of backupUsersOf(await whm.call("backup_user_list", { restore_point: date }))) {
      if (want.delete(u)) out[u] = date.slice(0, 10);
    }
  }
  return out;
}

const fail = (o: Outcome<unknown>) => (o.ok ? "" : o.error);

export async function gather(targets: Target[], s: GatherSetup, c: Clients = clientsFor(s)): Promise<Facts> {
  const hosting = targets.filter((t) => t.kind === "hosting");
  const vms = targets.filter((t): t is Extract<Target, { kind: "vm" }> => t.kind === "vm");
  const probed = targets.filter((t): t is Probed => (t.kind === "subdomain" || t.kind === "pdn") && !t.decommissioned);
  const gone = targets.filter((t): t is GoneSubdomain | GonePdn => (t.kind === "subdomain" || t.kind === "pdn") && t.decommissioned);
  const nodes = [...new Set(vms.map((t) => t.node))].sort();
  const storage = s.site.proxmox.backup.storage;
  const probes = makeProbes({ site: s.site, env: s.env, password: async () => undefined, ca: s.ca });
  const clock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

  // Every network call of the round is one task of the pool; `slot` remembers where its outcome lands.
  const tasks: (() => Promise<unknown>)[] = [];
  const slot = (f: () => Promise<unknown>) => tasks.push(f) - 1;
  const accountsAt = hosting.length ? slot(() => c.whm().call("listaccts")) : -1;
  const backupsAt = hosting.length ? slot(() => newestBackups(c.whm(), hosting.flatMap((t) => (t.kind === "hosting" && !t.decommissioned ? [t.user] : [])))) : -1;
  const vmsAt = vms.length ? slot(() => c.pve().clusterVms()) : -1;
  const storageAt = nodes.map((n) => slot(() => c.pve().backupContent(n, storage)));
  const probeAt = probed.map((t) =>
    slot(async (): Promise<ProbeFacts> => {
      let certValidTo: string | null = null;
      // The certificate's end date is kept for the days-left warning; the check itself is verify's.
      const https = async (fqdn: string, address: string) => {
        const a = await probes.https(fqdn, address);
        certValidTo = a.certificate?.validTo ?? null;
        return a;
      };
      const p = { ...probes, https };
      const v = await verifyItem(t.item, s.site, p, clock, 0);
      return { ok: true, checks: v.checks, certValidTo };
    }),
  );
  // A decommissioned PDN VM's silent port is the expected answer: its probe must end before the
  // pool's own timeout would turn that silence into a failed check. The ports are tried together.
  const portTimeoutMs = Math.max(50, Math.min(verifyConfigOf(s.site).timeoutMs, Math.floor(s.cfg.timeoutMs * 0.8)));
  const goneAt = gone.map((t) =>
    slot(async (): Promise<GoneFacts> => {
      if (t.kind === "subdomain") return { ok: true, dns: await probes.dns(t.fqdn, t.type) };
      const ports = await Promise.all(t.ports.map(async (port) => ({ port, answer: await tcpProbe({ host: t.address, port, timeoutMs: portTimeoutMs }) })));
      return { ok: true, ports };
    }),
  );
  const out = await runPool(tasks, { concurrency: s.cfg.concurrency, timeoutMs: s.cfg.timeoutMs, runTimeoutMs: s.cfg.runTimeoutMs, onSettled: s.onProgress });

  let hostingFacts: HostingFacts | null = null;
  if (accountsAt >= 0) {
    const a = out[accountsAt]!;
    const b = out[backupsAt]!;
    hostingFacts = a.ok
      ? { ok: true, accounts: accountsOf(a.value as Record<string, unknown>), backups: b.ok ? { ok: true, newest: b.value as Record<string, string> } : { ok: false, error: fail(b) } }
      : { ok: false, error: fail(a) };
  }
  let proxmox: Facts["proxmox"] = null;
  if (vmsAt >= 0) {
    const r = out[vmsAt]!;
    if (!r.ok) proxmox = { ok: false, error: r.error };
    else {
      const backups: Record<string, number> = {};
      const backupErrors: Record<string, string> = {};
      nodes.forEach((n, i) => {
        const o = out[storageAt[i]!]!;
        if (!o.ok) backupErrors[n] = o.error;
        else if (o.value === null) backupErrors[n] = `storage ${storage} tidak ada di node ${n}`;
        else newestVzdumps(o.value, backups);
      });
      proxmox = { ok: true, vms: vmsOf(r.value), backups, backupErrors };
    }
  }
  const probeFacts: Record<string, ProbeFacts> = {};
  probed.forEach((t, i) => {
    const o = out[probeAt[i]!]!;
    probeFacts[t.id] = o.ok ? (o.value as ProbeFacts) : { ok: false, error: o.error };
  });
  const goneFacts: Record<string, GoneFacts> = {};
  gone.forEach((t, i) => {
    const o = out[goneAt[i]!]!;
    goneFacts[t.id] = o.ok ? (o.value as GoneFacts) : { ok: false, error: o.error };
  });
  return { hosting: hostingFacts, proxmox, probes: probeFacts, ...(gone.length ? { gone: goneFacts } : {}) };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Carries out the heal plan one action at a time; a start waits for its Proxmox task (polled) within
 * the per-target timeout. Past `deadlineMs` (the end of the whole run) no action is started: each is
 * listed as not done, so the report still names every action.
 */
export async function heal(actions: HealAction[], cfg: MonitorConfig, c: Clients, pollMs = 500, deadlineMs = Number.POSITIVE_INFINITY): Promise<HealResult[]> {
  const out: HealResult[] = [];
  for (const a of actions) {
    if (Date.now() >= deadlineMs) {
      out.push({ ...a, result: "failed", detail: `tidak dijalankan: batas waktu seluruh putaran ${cfg.runTimeoutMs / 1000} detik habis` });
      continue;
    }
    try {
      if (a.action === "unsuspend-account") {
        await c.whm().unsuspend(a.user);
        out.push({ ...a, result: "succeeded", detail: `WHM unsuspendacct ${a.user} berhasil` });
        continue;
      }
      const upid = await c.pve().startVm(a.node, a.vmid);
      const byRun = deadlineMs < Date.now() + cfg.timeoutMs;
      const end = byRun ? deadlineMs : Date.now() + cfg.timeoutMs;
      let t = await c.pve().taskStatus(a.node, upid);
      while (t.status === "running" && Date.now() < end) {
        await sleep(pollMs);
        t = await c.pve().taskStatus(a.node, upid);
      }
      if (t.status === "running") out.push({ ...a, result: "failed", detail: byRun ? `tugas Proxmox belum selesai saat batas waktu seluruh putaran ${cfg.runTimeoutMs / 1000} detik habis` : `tugas Proxmox belum selesai dalam ${cfg.timeoutMs / 1000} detik` });
      else if (t.exitstatus === "OK") out.push({ ...a, result: "succeeded", detail: "tugas Proxmox qmstart selesai: OK" });
      else out.push({ ...a, result: "failed", detail: `tugas Proxmox qmstart gagal: ${t.exitstatus ?? "tanpa keterangan"}` });
    } catch (e) {
      out.push({ ...a, result: "failed", detail: message(e) });
    }
  }
  return out;
}
