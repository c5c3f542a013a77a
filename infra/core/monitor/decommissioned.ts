/**
 * Decommissioned subdomains and PDN VMs: what an approved decommission removed must no longer be
 * live. Pure: the target and what the network said in, findings and notes out.
 */
import { canonical } from "../verify/judge";
import type { DnsAnswer } from "../verify/types";
import type { Finding, GoneFacts, GonePdn, GoneSubdomain } from "./types";

export type Emit = (code: string, severity: Finding["severity"], message: string) => void;

const answered = (as: DnsAnswer[]) => [...new Set(as.flatMap((a) => (a.ok ? a.records : [])))].sort();

/**
 * The record must be gone. Still answering with the request's own address (or CNAME target) is an
 * error, the same level as a decommissioned VM that still runs: an approved removal did not happen.
 * A proxied record answers with the proxy's addresses, which hide the request's: any answer there
 * means a proxied record still serves the name, so it is an error too. A non-proxied name answering
 * with some other address is a warning: the record the request made is gone, but the name lives on
 * (a wildcard record, or the name reused by hand) and a person should look at the zone.
 */
export function judgeGoneSubdomain(t: GoneSubdomain, f: GoneFacts | undefined, emit: Emit, notes: string[]) {
  if (!f) return emit("check-failed", "error", "tidak diperiksa");
  if (!f.ok) return emit("check-failed", "error", f.error);
  if (!("dns" in f)) return emit("check-failed", "error", "jawaban DNS tidak ada");
  const errors = f.dns.filter((a): a is Extract<DnsAnswer, { ok: false }> => !a.ok).map((a) => a.error);
  if (errors.length) return emit("check-failed", "error", `DNS ${t.fqdn} tidak dapat diperiksa: ${errors.join("; ")}`);
  const records = answered(f.dns);
  if (!records.length) return void notes.push(`${t.fqdn} tidak lagi terjawab DNS sesuai penghentian`);
  const want = canonical(t.type, t.value);
  if (t.proxied) {
    return emit("decommissioned-resolves", "error", `permintaan sudah dihentikan, tetapi ${t.fqdn} ${t.type} masih menjawab ${records.join(", ")} lewat proxy (rekaman harus dihapus)`);
  }
  if (records.some((r) => canonical(t.type, r) === want)) {
    return emit("decommissioned-resolves", "error", `permintaan sudah dihentikan, tetapi ${t.fqdn} ${t.type} masih menjawab ${t.value}, alamat permintaannya (rekaman harus dihapus)`);
  }
  emit("decommissioned-answers", "warning", `permintaan sudah dihentikan; ${t.fqdn} ${t.type} tidak lagi menunjuk ${t.value}, tetapi masih menjawab ${records.join(", ")} (rekaman wildcard atau nama dipakai lagi? periksa zona)`);
}

/**
 * Its ports at the address it had must no longer accept connections. A warning, not an error: PDN
 * stops the VM itself through the e-Tiket (the data center cannot stop it from here, so there is
 * nothing to restart or stop and no incident to open), and PDN may already have given the address
 * to another tenant, so an answering port is a reason to follow the ticket up, not proof that our
 * VM still runs. A port that refuses or stays silent is what a removed VM looks like.
 */
export function judgeGonePdn(t: GonePdn, f: GoneFacts | undefined, emit: Emit, notes: string[]) {
  if (!f) return emit("check-failed", "error", "tidak diperiksa");
  if (!f.ok) return emit("check-failed", "error", f.error);
  if (!("ports" in f)) return emit("check-failed", "error", "hasil port tidak ada");
  const open = f.ports.filter((p) => p.answer.connected).map((p) => p.port);
  if (!open.length) return void notes.push(`port ${t.ports.join(", ")} di ${t.address} tidak lagi menjawab sesuai penghentian`);
  emit(
    "decommissioned-answers",
    "warning",
    `permintaan sudah dihentikan (e-Tiket ${t.ticket}), tetapi ${open.map((p) => `${t.address}:${p}`).join(", ")} masih menerima sambungan; tindak lanjuti penghentian di PDN`,
  );
}
