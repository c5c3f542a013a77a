/**
 * Turning what the servers answered into a check's result and its Indonesian detail. Pure: every
 * function takes the answer (and the clock where it matters) and returns { result, detail }.
 * No detail ever holds a credential: none of the answers carries one.
 */
import ipaddr from "ipaddr.js";
import type { AccountFacts, CheckSpec, DnsAnswer, HttpsAnswer, Judged, LoginAnswer, RecordType, TcpAnswer, VmConfigFacts, WhmWant } from "./types";

type Spec<P extends CheckSpec["probe"]> = Extract<CheckSpec, { probe: P }>;

const pass = (detail: string): Judged => ({ result: "passed", detail });
const fail = (detail: string): Judged => ({ result: "failed", detail });
export const skip = (detail: string): Judged => ({ result: "skipped", detail });

const DAY_MS = 86_400_000;

/** Addresses compared by value (2001:db8::10 = 2001:DB8:0:0:0:0:0:10), names without case or final dot. */
export function canonical(type: RecordType, v: string): string {
  if (type === "CNAME") return v.replace(/\.$/, "").toLowerCase();
  return ipaddr.isValid(v) ? ipaddr.parse(v).toNormalizedString() : v;
}

const same = (type: RecordType, a: string[], b: string[]) => {
  const x = [...new Set(a.map((v) => canonical(type, v)))].sort();
  const y = [...new Set(b.map((v) => canonical(type, v)))].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

const listed = (vs: string[]) => (vs.length ? vs.join(", ") : "tidak ada");
const resolvers = (as: DnsAnswer[]) => `resolver ${as.map((a) => a.resolver).join(", ")}`;
const errorsOf = (as: DnsAnswer[]) => as.filter((a): a is Extract<DnsAnswer, { ok: false }> => !a.ok).map((a) => a.error);

export function judgeDnsEquals(s: Spec<"dns-equals">, answers: DnsAnswer[]): Judged {
  const errors = errorsOf(answers);
  if (errors.length) return fail(errors.join("; "));
  const wrong = answers.flatMap((a) =>
    a.ok && !same(s.type, a.records, s.expect)
      ? [`resolver ${a.resolver} menjawab ${listed(a.records)}${a.rcode !== "NOERROR" ? ` (${a.rcode})` : ""}`]
      : [],
  );
  if (wrong.length) return fail(`${s.fqdn} ${s.type}: ${wrong.join("; ")}; yang diminta: ${s.expect.join(", ")}`);
  return pass(`${s.fqdn} ${s.type} ${s.expect.join(", ")} (${resolvers(answers)})`);
}

export function judgeDnsResolves(s: Spec<"dns-resolves">, answers: DnsAnswer[]): Judged {
  const errors = errorsOf(answers);
  if (errors.length) return fail(errors.join("; "));
  const empty = answers.filter((a) => a.ok && !a.records.length).map((a) => `resolver ${a.resolver} tidak punya rekaman ${s.type} (${a.ok ? a.rcode : ""})`);
  if (empty.length) return fail(`${s.fqdn}: ${empty.join("; ")}`);
  const all = [...new Set(answers.flatMap((a) => (a.ok ? a.records : [])))].sort();
  return pass(`${s.fqdn} ${s.type} ${all.join(", ")} (proxied; ${resolvers(answers)})`);
}

export function judgeDnsAbsent(s: Spec<"dns-absent">, answers: DnsAnswer[]): Judged {
  const errors = errorsOf(answers);
  if (errors.length) return fail(errors.join("; "));
  const still = answers.filter((a) => a.ok && a.records.length).map((a) => `resolver ${a.resolver} masih menjawab ${a.ok ? a.records.join(", ") : ""}`);
  if (still.length) return fail(`${s.fqdn} ${s.type} seharusnya sudah dihapus: ${still.join("; ")}`);
  return pass(`${s.fqdn} tidak lagi punya rekaman ${s.type} (${resolvers(answers)})`);
}

/** The first address the resolvers gave, for the HTTPS probe; null when none did. */
export function firstAddress(answers: DnsAnswer[]): string | null {
  for (const a of answers) if (a.ok && a.records.length) return a.records[0]!;
  return null;
}

export function judgeHttps(s: Spec<"https"> | Spec<"https-origin">, a: HttpsAnswer, address: string): Judged {
  const where = s.probe === "https-origin" ? `https://${s.fqdn}/ di server hosting ${address}` : `https://${s.fqdn}/ lewat ${address}`;
  if (a.status >= 500 || a.status < 100) return fail(`${where} menjawab HTTP ${a.status}: server atau origin bermasalah`);
  return pass(`${where} menjawab HTTP ${a.status}`);
}

export function judgeTls(s: Spec<"tls">, a: HttpsAnswer, nowMs: number): Judged {
  const c = a.certificate;
  if (!c) return fail(`${s.fqdn}: server tidak menunjukkan sertifikat`);
  const to = Date.parse(c.validTo);
  const from = Date.parse(c.validFrom);
  const until = c.validTo.slice(0, 10);
  if (to <= nowMs) return fail(`sertifikat ${s.fqdn} kedaluwarsa sejak ${until} (${Math.floor((nowMs - to) / DAY_MS)} hari lalu)`);
  if (from > nowMs) return fail(`sertifikat ${s.fqdn} baru berlaku mulai ${c.validFrom.slice(0, 10)}`);
  if (!c.nameMatches) return fail(`sertifikat tidak berlaku untuk ${s.fqdn} (diterbitkan untuk ${c.subject || "nama lain"})`);
  if (!c.trusted) return fail(`sertifikat ${s.fqdn} tidak dipercaya: ${c.trustError ?? "rantai sertifikat tidak sah"}`);
  const days = Math.floor((to - nowMs) / DAY_MS);
  return pass(`sertifikat sah untuk ${s.fqdn} sampai ${until} (${days} hari lagi)`);
}

const disk = (a: AccountFacts) => (a.diskUsedMb !== null && a.diskLimitMb !== null ? `, disk ${a.diskUsedMb}/${a.diskLimitMb} MB` : "");

export function judgeWhmAccount(user: string, want: WhmWant, a: AccountFacts | null): Judged {
  if (want.state === "removed") {
    if (!a) return pass(`akun ${user} tidak ada lagi di WHM`);
    if (a.suspended) return pass(`akun ${user} disuspend; berkas disimpan (pusdat tidak menghapus akun dengan removeacct)`);
    return fail(`akun ${user} masih aktif di WHM padahal permintaannya dihapus; seharusnya disuspend`);
  }
  if (!a) return fail(`akun ${user} tidak ada di WHM`);
  if (want.state === "suspended") {
    return a.suspended ? pass(`akun ${user} disuspend sesuai penghentian layanan`) : fail(`akun ${user} masih aktif; seharusnya disuspend karena layanan dihentikan`);
  }
  const problems = [
    ...(a.suspended ? ["akun disuspend"] : []),
    ...(a.plan !== want.plan ? [`paket ${a.plan}, yang diminta ${want.plan}`] : []),
  ];
  if (problems.length) return fail(`akun ${user}: ${problems.join("; ")}`);
  return pass(`akun ${user} aktif di WHM, domain ${a.domain}, paket ${a.plan}${disk(a)}`);
}

export function judgeLogin(user: string, a: LoginAnswer | "no-password"): Judged {
  if (a === "no-password") return fail(`kata sandi akun ${user} tidak ada di sumber kata sandi (hostingPasswords); login tidak dapat diuji`);
  if (!a.ok) return fail(a.reason);
  const quota = a.megabytesUsed !== null ? ` (kuota terpakai ${a.megabytesUsed}${a.megabyteLimit !== null ? `/${a.megabyteLimit}` : ""} MB)` : "";
  return pass(`login cPanel sebagai ${user} dengan kata sandinya sendiri berhasil${quota}`);
}

export function judgePveStatus(s: Spec<"pve-status">, status: string | null): Judged {
  const vm = `VM ${s.vmid} di node ${s.node}`;
  if (s.want === "gone") return status === null ? pass(`${vm} tidak ada lagi`) : fail(`${vm} masih ada (status ${status}); seharusnya sudah dihapus`);
  if (status === null) return fail(`${vm} tidak ada`);
  if (status !== s.want) return fail(`${vm} berstatus ${status}; seharusnya ${s.want}`);
  return pass(`${vm} berstatus ${status}`);
}

export function judgePveConfig(s: Spec<"pve-config">, c: VmConfigFacts | null, diskName: string): Judged {
  if (!c) return fail(`VM ${s.vmid} di node ${s.node} tidak ada`);
  const cores = c.cores * c.sockets;
  const memMb = s.memoryGb * 1024;
  const diskGb = c.disksGb[diskName];
  const problems = [
    ...(cores !== s.cpu ? [`${cores} inti, yang diminta ${s.cpu}`] : []),
    ...(c.memoryMb !== memMb ? [`memori ${c.memoryMb} MB, yang diminta ${memMb} MB (${s.memoryGb} GB)`] : []),
    ...(diskGb === undefined ? [`disk ${diskName} tidak ada`] : diskGb !== s.diskGb ? [`disk ${diskName} ${diskGb} GB, yang diminta ${s.diskGb} GB`] : []),
  ];
  if (problems.length) return fail(`konfigurasi VM ${s.vmid} tidak sesuai permintaan: ${problems.join("; ")}`);
  return pass(`VM ${s.vmid}: ${cores} inti, memori ${c.memoryMb} MB, disk ${diskName} ${diskGb} GB sesuai permintaan`);
}

export function judgeAgentIp(s: Spec<"pve-agent-ip">, addresses: string[] | null): Judged {
  if (addresses === null) return fail(`VM ${s.vmid} di node ${s.node} tidak ada`);
  if (addresses.includes(s.ip)) return pass(`agen tamu VM ${s.vmid} melaporkan alamat ${s.ip}`);
  return fail(`agen tamu VM ${s.vmid} melaporkan ${listed(addresses)}; alamat ${s.ip} tidak ada`);
}

/** Printable, bounded: a banner comes from the network and goes into reports. */
const shown = (s: string) => JSON.stringify(s.replace(/[^\x20-\x7e]/g, "?").slice(0, 80));

export function judgeTcp(s: Spec<"tcp">, a: TcpAnswer): Judged {
  const where = `${s.host}:${s.port}`;
  if (a.error && !(a.connected && a.banner)) return fail(a.error);
  if (!s.ssh) return pass(`${where} menerima sambungan TCP`);
  if (a.banner?.startsWith("SSH-2.0-")) return pass(`${where} menjawab ${shown(a.banner)}`);
  return fail(`${where} menerima sambungan tetapi bukan SSH: menjawab ${shown(a.banner ?? "")}, yang diharapkan diawali SSH-2.0-`);
}
