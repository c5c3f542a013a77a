/** The questions of each kind (SOP 11, 1, 4/7, SPLP), each answer checked by its field schema and rules. */
import { hostnameTakenProblem, nameTakenProblem, placeVm, suggestUsername, type Taken, usernameProblem } from "../../infra/core/allocate";
import { IsoDate, NotaDinas } from "../../infra/core/model/common";
import { ApiSpec, HostingSpec, type Kind, SubdomainSpec, Ttl, VmSpec } from "../../infra/core/model/kinds";
import { addressProblem, cnameProblems, fullName, reservedLabelProblem, ttlProblem } from "../../infra/core/rules/dns";
import { planProblems } from "../../infra/core/rules/hosting";
import { templateProblem, vmCeilingProblems } from "../../infra/core/rules/vm";
import { UsageError } from "../commands/types";
import type { Ask } from "./ask";
import { asNumber, type Check, withRules, zodCheck } from "./checks";
import { type NewContext, type NewFlags, Refusal } from "./types";

export const oneOf = <V extends string>(allowed: readonly V[], what: string): Check<V> => (raw) =>
  (allowed as readonly string[]).includes(raw) ? { ok: true, value: raw as V } : { ok: false, problem: `${what} ${JSON.stringify(raw)} tidak sah; yang diizinkan: ${allowed.join(", ")}` };

export interface Known {
  id: string;
  taken: Taken;
  /** The request's memo date: approvals cannot predate it. */
  date: string;
}

type SpecBuilder = (ask: Ask, f: NewFlags, ctx: NewContext, k: Known) => Promise<Record<string, unknown>>;

const subdomain: SpecBuilder = async (ask, f, ctx, k) => {
  const zone = ctx.site.zone;
  const name = await ask.required({
    flag: "--name", given: f.name, message: `Nama subdomain (→ <nama>.${zone})`, suggest: k.id,
    check: withRules(zodCheck(SubdomainSpec.shape.name), (v) => reservedLabelProblem(v, ctx.site.reservedLabels), (v) => nameTakenProblem(v, zone, k.taken)),
  });
  const given = (["ip", "ipv6", "cname"] as const).filter((t) => f[t] !== undefined);
  if (given.length > 1) throw new UsageError(`pilih tepat satu dari --ip, --ipv6, --cname; yang diberikan: ${given.map((g) => `--${g}`).join(", ")}`);
  let type = given[0];
  if (!type) {
    if (!ask.interactive) throw new UsageError("--ip, --ipv6 atau --cname wajib diisi bila --yes dipakai (tujuan subdomain)");
    type = await ask.choose<"ip" | "ipv6" | "cname">({
      flag: "--ip", given: undefined, message: "Tujuan subdomain", check: oneOf(["ip", "ipv6", "cname"] as const, "tujuan"),
      choices: [{ name: "Alamat IPv4 (rekaman A)", value: "ip" }, { name: "Alamat IPv6 (rekaman AAAA)", value: "ipv6" }, { name: "Nama host lain (rekaman CNAME)", value: "cname" }],
    });
  }
  const targetShape = SubdomainSpec.shape.target.shape;
  const defined = new Set([...k.taken.names.keys()].map((n) => fullName(n, zone)));
  const checks = {
    ip: withRules(zodCheck(targetShape.ip.unwrap()), (v) => addressProblem(v, ctx.site.publicRanges)),
    ipv6: withRules(zodCheck(targetShape.ipv6.unwrap()), (v) => addressProblem(v, ctx.site.publicRanges)),
    cname: withRules(zodCheck(targetShape.cname.unwrap()), (v) => cnameProblems(fullName(name, zone), v, zone, defined)[0] ?? null),
  };
  const labels = { ip: "Alamat IPv4 publik", ipv6: "Alamat IPv6 publik", cname: "Nama host tujuan CNAME" };
  const target = { [type]: await ask.required({ flag: `--${type}`, given: f[type], message: labels[type], check: checks[type] }) };
  const proxied = await ask.yesNo({ flag: "--proxied", given: f.proxied, message: "Lewat proxy Cloudflare?", fallback: true });
  const ttl = proxied && f.ttl === undefined
    ? "auto"
    : await ask.required({
      flag: "--ttl", given: f.ttl, message: "TTL (auto atau 60–86400 detik)", suggest: "auto", fallback: "auto" as const,
      check: withRules(zodCheck(Ttl, asNumber), (v) => ttlProblem(proxied, v)),
    });
  return { name, target, proxied, ttl };
};

const hosting: SpecBuilder = async (ask, f, ctx, k) => {
  const zone = ctx.site.zone;
  const h = ctx.site.hosting;
  const domain = await ask.required({
    flag: "--domain", given: f.domain, message: `Domain akun hosting (→ <domain>.${zone})`, suggest: k.id,
    check: withRules(zodCheck(HostingSpec.shape.domain), (v) => reservedLabelProblem(v, ctx.site.reservedLabels), (v) => nameTakenProblem(v, zone, k.taken)),
  });
  const username = await ask.required({
    flag: "--username", given: f.username, message: "Username cPanel", suggest: suggestUsername(domain, h.reservedUsernames, k.taken, h.databasePrefix),
    check: withRules(zodCheck(HostingSpec.shape.username), (v) => usernameProblem(v, h.reservedUsernames, k.taken, h.databasePrefix)),
  });
  const plans = Object.keys(h.plans);
  const plan = await ask.choose({
    flag: "--plan", given: f.plan, message: "Paket hosting",
    choices: plans.map((p) => ({ name: `${p} (disk ${h.plans[p]!.diskGb} GB, bandwidth ${h.plans[p]!.bandwidthGb} GB)`, value: p })),
    check: withRules(zodCheck(HostingSpec.shape.plan), (v) => planProblems(v, ctx.site, ctx.ceilings["hosting-plan-ceiling"])[0] ?? null),
  });
  const contactEmail = await ask.text({ flag: "--hosting-email", given: f.hostingEmail, message: "Email kontak akun (kosongkan = email narahubung)", check: zodCheck(HostingSpec.shape.contactEmail.unwrap()), optional: true });
  return { domain, username, plan, contactEmail };
};

const vm: SpecBuilder = async (ask, f, ctx, k) => {
  const s = VmSpec.shape;
  const location = await ask.choose({
    flag: "--location", given: f.location, message: "Lokasi", check: zodCheck(s.location),
    choices: [{ name: "Pusat Komputasi (klaster Proxmox lokal, SOP 7)", value: "pusat-komputasi" }, { name: "Pusat Data Nasional (e-Tiket, SOP 4)", value: "pdn" }],
  });
  const local = location === "pusat-komputasi";
  const hostname = await ask.required({
    flag: "--hostname", given: f.hostname, message: "Hostname", suggest: k.id,
    check: withRules(zodCheck(s.hostname), (v) => (local ? hostnameTakenProblem(v, k.taken) : null)),
  });
  const c = ctx.ceilings["vm-ceiling"];
  const ceiling = (field: "cpu" | "memoryGb" | "diskGb") => (v: number) => vmCeilingProblems({ cpu: 1, memoryGb: 1, diskGb: 1, [field]: v }, c)[0]?.message;
  const cpu = await ask.required({ flag: "--cpu", given: f.cpu, message: `Jumlah inti CPU (1–${c.maxCores})`, check: withRules(zodCheck(s.cpu, asNumber), ceiling("cpu")) });
  const memoryGb = await ask.required({ flag: "--memory-gb", given: f.memoryGb, message: `Memori dalam GB (1–${c.maxMemoryGb})`, check: withRules(zodCheck(s.memoryGb, asNumber), ceiling("memoryGb")) });
  const diskGb = await ask.required({ flag: "--disk-gb", given: f.diskGb, message: `Disk dalam GB (1–${c.maxDiskGb})`, check: withRules(zodCheck(s.diskGb, asNumber), ceiling("diskGb")) });
  const templates = Object.keys(ctx.site.proxmox.templates);
  const os = await ask.choose({
    flag: "--os", given: f.os, message: "Sistem operasi (templat)", choices: templates.map((t) => ({ name: t, value: t })),
    check: withRules(zodCheck(s.os), (v) => templateProblem(v, ctx.site)),
  });
  const sshKeys = await ask.list({ flag: "--ssh-key", given: f.sshKey, message: "Kunci publik SSH", check: zodCheck(s.sshKeys.element), min: 1, unique: (k: string) => `kunci SSH ${k.split(" ")[1]!.slice(0, 16)}…` });
  const portCheck = zodCheck(s.ports.unwrap().element, asNumber);
  let ports: number[];
  if (f.port?.length || !ask.interactive) {
    ports = await ask.list({ flag: "--port", given: f.port, message: "Port", check: portCheck, min: 0 });
  } else {
    const listCheck: Check<number[]> = (raw) => {
      const out: number[] = [];
      for (const p of raw.split(/[,\s]+/).filter(Boolean)) {
        const r = portCheck(p);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return { ok: true, value: out };
    };
    ports = (await ask.text({ flag: "--port", given: undefined, message: "Port yang perlu dapat dijangkau (mis. 22, 443; kosongkan bila tidak ada)", check: listCheck, fallback: [] })) ?? [];
  }
  const spec: Record<string, unknown> = { location, hostname, cpu, memoryGb, diskGb, os, sshKeys, ports };
  if (local) {
    const placed = placeVm(ctx.site, ctx.claims, { cpu, memoryGb, diskGb });
    if (!placed.ok) throw new Refusal(placed.problems);
    ctx.say(`Dialokasikan: node ${placed.placement.node}, VMID ${placed.placement.vmid}, IP ${placed.placement.ip}\n`);
    Object.assign(spec, placed.placement);
  } else {
    const pdnShape = s.pdn.unwrap().shape;
    const ticket = await ask.required({ flag: "--pdn-ticket", given: f.pdnTicket, message: "Nomor e-Tiket PDN (mis. PDN-2026-000123)", check: zodCheck(pdnShape.ticket) });
    spec.pdn = { ticket, state: "submitted" };
  }
  return spec;
};

const ENDPOINT = /^\s*(\S+)\s+(\S+)\s*$/;

const api: SpecBuilder = async (ask, f, ctx, k) => {
  const s = ApiSpec.shape;
  const channel = await ask.choose({
    flag: "--channel", given: f.channel, message: "Saluran", check: zodCheck(s.channel),
    choices: [{ name: "Portal SPLP nasional", value: "splp-nasional" }, { name: "Server pertukaran data lokal", value: "pertukaran-lokal" }],
  });
  const application = await ask.required({ flag: "--application", given: f.application, message: "Nama aplikasi pemakai API", check: zodCheck(s.consumer.shape.application) });
  const url = await ask.text({ flag: "--application-url", given: f.applicationUrl, message: "URL aplikasi (boleh kosong)", check: zodCheck(s.consumer.shape.url.unwrap()), optional: true });
  const p = s.provider.shape;
  const providerOpd = await ask.required({ flag: "--provider-opd", given: f.providerOpd, message: "OPD penyedia API", check: zodCheck(p.opd) });
  const providerApi = await ask.required({ flag: "--provider-api", given: f.providerApi, message: "Nama API", check: zodCheck(p.api) });
  const number = await ask.required({ flag: "--approval-number", given: f.approvalNumber, message: "Nomor Nota Dinas persetujuan penyedia", check: zodCheck(NotaDinas.shape.number) });
  const date = await ask.required({
    flag: "--approval-date", given: f.approvalDate, message: "Tanggal persetujuan penyedia (YYYY-MM-DD)", suggest: ctx.today,
    check: withRules(zodCheck(IsoDate), (v) => (v < k.date ? `persetujuan penyedia (${v}) bertanggal sebelum permohonan (${k.date}); yang diizinkan: tanggal ≥ ${k.date}` : null)),
  });
  const approver = await ask.required({ flag: "--approver", given: f.approver, message: "Jabatan pemberi persetujuan", check: zodCheck(p.approval.shape.approver) });
  const ep = s.endpoints.element.shape;
  const endpointCheck: Check<{ method: string; path: string }> = (raw) => {
    const m = raw.match(ENDPOINT);
    if (!m) return { ok: false, problem: `${JSON.stringify(raw)} tidak sah; yang diizinkan: METODE /path, mis. GET /harga/v1/komoditas` };
    const method = zodCheck(ep.method)(m[1]!.toUpperCase());
    if (!method.ok) return method;
    const path = zodCheck(ep.path)(m[2]!);
    if (!path.ok) return path;
    return { ok: true, value: { method: method.value, path: path.value } };
  };
  const endpoints = await ask.list({ flag: "--endpoint", given: f.endpoint, message: "Endpoint (METODE /path)", check: endpointCheck, min: 1, unique: (e) => `endpoint ${e.method} ${e.path}` });
  const data = await ask.list({ flag: "--data", given: f.data, message: "Data yang dipertukarkan", check: zodCheck(s.data.element), min: 1, unique: (d) => `data ${JSON.stringify(d)}` });
  const auth = await ask.choose({
    flag: "--auth", given: f.auth, message: "Autentikasi", check: zodCheck(s.auth),
    choices: [{ name: "OAuth2 (token)", value: "oauth2" }, { name: "API key", value: "api-key" }],
  });
  return {
    channel,
    consumer: { application, url },
    provider: { opd: providerOpd, api: providerApi, approval: { notaDinas: { number, date }, approver } },
    endpoints,
    data,
    auth,
  };
};

export const SPECS: Record<Kind, SpecBuilder> = { Subdomain: subdomain, HostingAccount: hosting, VirtualMachine: vm, ApiAccess: api };
