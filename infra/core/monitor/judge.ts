/**
 * Judges a monitoring round: targets and the facts the servers gave in, findings (Bahasa Indonesia)
 * and the heal plan out. Pure: the time is a parameter.
 */
import { ageDays, DAY_MS } from "./age";
import type { MonitorConfig } from "./config";
import { type Emit, judgeGonePdn, judgeGoneSubdomain } from "./decommissioned";
import { judgePdnBackup } from "./pdn-backup";
import type { Facts, Finding, HealAction, HealResult, Probed, Target, TargetStatus } from "./types";

export { ageDays };
export const percent = (used: number, limit: number) => Math.round((used / limit) * 100);

interface Judged {
  findings: Finding[];
  notes: string[];
}


function usage(emit: Emit, cfg: MonitorConfig, code: string, what: string, pct: number, detail = "") {
  const text = `${what} terpakai ${pct}%${detail}`;
  if (pct >= cfg.usage.error) emit(code, "error", `${text}, mencapai batas galat ${cfg.usage.error}%`);
  else if (pct >= cfg.usage.warning) emit(code, "warning", `${text}, melewati batas peringatan ${cfg.usage.warning}%`);
}

const healedOk = (heal: HealResult[], id: string) => heal.some((h) => h.id === id && h.result === "succeeded");

function judgeHosting(t: Extract<Target, { kind: "hosting" }>, facts: Facts, cfg: MonitorConfig, now: number, heal: HealResult[], emit: Emit, notes: string[]) {
  const h = facts.hosting;
  if (!h || !h.ok) return emit("check-failed", "error", `data akun WHM tidak dapat diambil: ${h ? h.error : "tidak diperiksa"}`);
  const a = h.accounts[t.user];
  if (!a) return emit("account-missing", "error", `akun cPanel ${t.user} tidak ada di WHM`);
  if (t.decommissioned) {
    if (!a.suspended) emit("decommissioned-active", "error", `permintaan sudah dihentikan, tetapi akun ${t.user} masih aktif (harus ditangguhkan)`);
    else notes.push("ditangguhkan sesuai penghentian");
    return;
  }
  if (a.suspended) {
    if (healedOk(heal, t.id)) emit("account-suspended", "warning", `akun ${t.user} ditangguhkan; diaktifkan kembali oleh --heal`);
    else emit("account-suspended", "error", `akun ${t.user} ditangguhkan, padahal permintaannya aktif`);
  } else notes.push("aktif");
  if (a.diskUsedMb !== null && a.diskLimitMb !== null && a.diskLimitMb > 0) {
    const pct = percent(a.diskUsedMb, a.diskLimitMb);
    notes.push(`disk ${pct}%`);
    usage(emit, cfg, "disk-usage", `disk akun ${t.user}`, pct, ` (${a.diskUsedMb}/${a.diskLimitMb} MB)`);
  }
  if (!h.backups.ok) return emit("backup-unknown", "warning", `daftar cadangan WHM tidak dapat diambil: ${h.backups.error}`);
  const newest = h.backups.newest[t.user];
  if (!newest) return emit("backup-missing", "error", `tidak ada cadangan untuk akun ${t.user}`);
  const age = ageDays(Date.parse(`${newest}T00:00:00Z`), now);
  notes.push(`cadangan ${newest}`);
  if (age > cfg.backupMaxAgeDays.hosting) emit("backup-old", "error", `cadangan terbaru akun ${t.user} bertanggal ${newest} (${age} hari), melebihi batas ${cfg.backupMaxAgeDays.hosting} hari`);
}

function judgeVm(t: Extract<Target, { kind: "vm" }>, facts: Facts, cfg: MonitorConfig, now: number, heal: HealResult[], emit: Emit, notes: string[]) {
  const p = facts.proxmox;
  if (!p || !p.ok) return emit("check-failed", "error", `data VM Proxmox tidak dapat diambil: ${p ? p.error : "tidak diperiksa"}`);
  const vm = p.vms[String(t.vmid)];
  if (!vm) return emit("vm-missing", "error", `VM ${t.vmid} tidak ada di klaster Proxmox`);
  if (t.decommissioned) {
    if (vm.status === "running") emit("decommissioned-running", "error", `permintaan sudah dihentikan, tetapi VM ${t.vmid} di ${vm.node} masih berjalan (harus mati)`);
    else notes.push(`${vm.status} sesuai penghentian`);
    return;
  }
  if (vm.status !== "running") {
    if (healedOk(heal, t.id)) emit("vm-stopped", "warning", `VM ${t.vmid} di ${vm.node} berstatus ${vm.status}; dinyalakan kembali oleh --heal`);
    else emit("vm-stopped", "error", `VM ${t.vmid} di ${vm.node} berstatus ${vm.status}, padahal permintaannya aktif`);
  } else {
    const cpu = Math.round(vm.cpu * 100);
    notes.push(`berjalan, CPU ${cpu}%`);
    usage(emit, cfg, "cpu-usage", `CPU VM ${t.vmid}`, cpu);
    if (vm.maxMemBytes > 0) {
      const mem = percent(vm.memBytes, vm.maxMemBytes);
      notes.push(`memori ${mem}%`);
      usage(emit, cfg, "memory-usage", `memori VM ${t.vmid}`, mem);
    }
  }
  if (p.backupErrors[t.node]) return emit("backup-unknown", "warning", `daftar cadangan di node ${t.node} tidak dapat diambil: ${p.backupErrors[t.node]}`);
  const ctime = p.backups[String(t.vmid)];
  if (ctime === undefined) return emit("backup-missing", "error", `tidak ada cadangan vzdump untuk VM ${t.vmid}`);
  const day = new Date(ctime * 1000).toISOString().slice(0, 10);
  const age = ageDays(ctime * 1000, now);
  notes.push(`cadangan ${day}`);
  if (age > cfg.backupMaxAgeDays.local) emit("backup-old", "error", `cadangan vzdump terbaru VM ${t.vmid} bertanggal ${day} (${age} hari), melebihi batas ${cfg.backupMaxAgeDays.local} hari`);
}

function judgeProbed(t: Probed, facts: Facts, cfg: MonitorConfig, now: number, emit: Emit, notes: string[]) {
  const f = facts.probes[t.id];
  if (!f) return emit("check-failed", "error", "tidak diperiksa");
  if (!f.ok) return emit("check-failed", "error", f.error);
  for (const c of f.checks) {
    if (c.result === "failed") emit(`${c.name}-failed`, "error", c.detail);
    else if (c.result === "passed") notes.push(c.name);
  }
  const tls = f.checks.find((c) => c.name === "tls");
  if (tls?.result === "passed" && f.certValidTo) {
    const left = Math.floor((Date.parse(f.certValidTo) - now) / DAY_MS);
    if (left < cfg.certWarningDays) emit("cert-expiring", "warning", `sertifikat berakhir ${f.certValidTo.slice(0, 10)} (${left} hari lagi), kurang dari ${cfg.certWarningDays} hari`);
    else notes.push(`sertifikat ${left} hari lagi`);
  }
  if (t.kind === "pdn") judgePdnBackup(t.id, facts.pdnBackups, cfg.backupMaxAgeDays.pdn, now, emit, notes);
}

/** Every target's status and every finding, in the targets' order. */
export function judge(targets: Target[], facts: Facts, cfg: MonitorConfig, nowMs: number, heal: HealResult[] = []): { targets: TargetStatus[]; findings: Finding[] } {
  const statuses: TargetStatus[] = [];
  const findings: Finding[] = [];
  for (const t of targets) {
    const j: Judged = { findings: [], notes: [] };
    const emit: Emit = (code, severity, message) => j.findings.push({ id: t.id, kind: t.kind, code, severity, message });
    if (t.kind === "hosting") judgeHosting(t, facts, cfg, nowMs, heal, emit, j.notes);
    else if (t.kind === "vm") judgeVm(t, facts, cfg, nowMs, heal, emit, j.notes);
    else if (!t.decommissioned) judgeProbed(t, facts, cfg, nowMs, emit, j.notes);
    else if (t.kind === "subdomain") judgeGoneSubdomain(t, facts.gone?.[t.id], emit, j.notes);
    else judgeGonePdn(t, facts.gone?.[t.id], emit, j.notes);
    const status = j.findings.some((f) => f.severity === "error") ? "error" : j.findings.length ? "warning" : "ok";
    const summary = status === "ok" ? `normal: ${j.notes.join(", ") || "tidak ada catatan"}` : j.findings.map((f) => f.message).join("; ");
    statuses.push({ id: t.id, kind: t.kind, status, summary });
    findings.push(...j.findings);
  }
  return { targets: statuses, findings };
}

/** What --heal does: start local VMs and unsuspend accounts whose requests are active; never a decommissioned one. */
export function healPlan(targets: Target[], facts: Facts): HealAction[] {
  const out: HealAction[] = [];
  for (const t of targets) {
    if (t.kind === "hosting" && !t.decommissioned && facts.hosting?.ok && facts.hosting.accounts[t.user]?.suspended) {
      out.push({ action: "unsuspend-account", id: t.id, user: t.user });
    }
    if (t.kind === "vm" && !t.decommissioned && facts.proxmox?.ok) {
      const vm = facts.proxmox.vms[String(t.vmid)];
      if (vm && vm.status !== "running") out.push({ action: "start-vm", id: t.id, node: vm.node, vmid: t.vmid });
    }
  }
  return out;
}
