/**
 * The four request kinds of REQUEST-FORMAT.md v1. These schemas are the single source of the
 * TypeScript types (z.infer), the JSON Schema (`npm run schema`) and the field docs.
 */
import * as z from "zod";
import { DnsName, envelope, NotaDinas } from "./common";

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export const Ttl = z
  .union([z.literal("auto"), z.int()], { error: "auto atau bilangan bulat detik 60–86400" })
  .meta({ description: "auto (bawaan) | 60…86400 detik; rekaman proxied selalu auto" });

export const SubdomainSpec = z.strictObject({
  name: DnsName.meta({ description: "Satu atau lebih label di bawah zona stack → <name>.<zona>" }),
  target: z
    .strictObject({
      ip: z.ipv4({ error: "alamat IPv4, mis. 203.0.113.10" }).optional().meta({ description: "IPv4 → rekaman A" }),
      ipv6: z.ipv6({ error: "alamat IPv6, mis. 2001:db8::10" }).optional().meta({ description: "IPv6 → rekaman AAAA" }),
      cname: z
        .string({ error: "teks: nama host" })
        .regex(HOSTNAME, { error: "nama host lengkap huruf kecil tanpa titik di akhir, mis. app.example.org" })
        .optional()
        .meta({ description: "Nama host → rekaman CNAME (tidak boleh di apex zona)" }),
    })
    .meta({ description: "Tepat satu dari ip, ipv6, cname" }),
  proxied: z.boolean({ error: "true atau false" }).default(true),
  ttl: Ttl.default("auto"),
});

const CPANEL_USER = /^[a-z][a-z0-9]{0,15}$/;

export const HostingSpec = z.strictObject({
  domain: DnsName.meta({ description: "Label di bawah zona; rekaman DNS ke server hosting dibuat dengannya" }),
  username: z
    .string({ error: "teks: nama pengguna cPanel" })
    .regex(CPANEL_USER, { error: "huruf kecil a–z dan angka, diawali huruf, paling banyak 16 karakter" })
    .meta({ description: "Nama pengguna cPanel" }),
  plan: z.string({ error: "teks: nama paket hosting" }).min(1).meta({ description: "Paket hosting di konfigurasi stack" }),
  contactEmail: z
    .email({ error: "alamat email yang sah" })
    .optional()
    .meta({ description: "Bawaan: metadata.contact.email" }),
  passwordRotation: z
    .int({ error: "bilangan bulat ≥ 1" })
    .min(1, { error: "bilangan bulat ≥ 1" })
    .optional()
    .meta({ description: "Penghitung rotasi kata sandi: naikkan satu untuk membuat kata sandi baru (WHM passwd)" }),
});

const SSH_KEY =
  /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+\/]{16,}={0,3}( [\x21-\x7e][\x20-\x7e]{0,99})?$/;

export const PdnState = z.enum(["submitted", "approved", "active", "rejected"], {
  error: "submitted, approved, active atau rejected",
});

export const VmSpec = z.strictObject({
  location: z
    .enum(["pusat-komputasi", "pdn"], { error: "pusat-komputasi atau pdn" })
    .meta({ description: "pusat-komputasi (dibangun di klaster Proxmox lokal) | pdn (nasional, e-Tiket)" }),
  hostname: z
    .string({ error: "teks: label RFC 1123" })
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
      error: "label RFC 1123: huruf kecil, angka dan '-', tidak diawali/diakhiri '-', 1–63 karakter",
    }),
  cpu: z.int({ error: "bilangan bulat ≥ 1 (inti CPU)" }).min(1, { error: "minimal 1 inti" }),
  memoryGb: z.int({ error: "bilangan bulat ≥ 1 (GB)" }).min(1, { error: "minimal 1 GB" }),
  diskGb: z.int({ error: "bilangan bulat ≥ 1 (GB)" }).min(1, { error: "minimal 1 GB" }),
  os: z.string({ error: "teks: nama templat" }).min(1).meta({ description: "Templat di konfigurasi stack" }),
  sshKeys: z
    .array(
      z.string({ error: "teks: kunci publik SSH" }).regex(SSH_KEY, {
        error: "satu baris kunci publik OpenSSH: <jenis> <base64> [komentar], jenis ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521",
      }),
      { error: "daftar kunci publik SSH" },
    )
    .min(1, { error: "minimal satu kunci SSH (login kata sandi tetap mati)" }),
  ports: z
    .array(z.int({ error: "bilangan bulat 1–65535" }).min(1, { error: "port 1–65535" }).max(65535, { error: "port 1–65535" }), {
      error: "daftar port",
    })
    .default([])
    .meta({ description: "Port yang perlu dapat dijangkau OPD" }),
  node: z.string({ error: "teks: nama node Proxmox" }).optional().meta({ description: "Node Proxmox (hanya pusat-komputasi)" }),
  vmid: z.int({ error: "bilangan bulat (VMID)" }).optional().meta({ description: "VMID (hanya pusat-komputasi)" }),
  ip: z.ipv4({ error: "alamat IPv4" }).optional().meta({ description: "Alamat IP dari pool (hanya pusat-komputasi)" }),
  pdn: z
    .strictObject({
      ticket: z
        .string({ error: "teks: nomor e-Tiket" })
        .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, { error: "huruf besar, angka dan '-', 3–40 karakter, mis. PDN-2026-000123" }),
      state: PdnState,
      address: z.ipv4({ error: "alamat IPv4" }).optional(),
    })
    .optional()
    .meta({ description: "Hanya pdn: nomor e-Tiket, status dan alamat, diisi PR berikutnya" }),
});

const HTTP_METHOD = z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"], { error: "GET, POST, PUT, PATCH atau DELETE" });

export const ApiSpec = z.strictObject({
  channel: z
    .enum(["splp-nasional", "pertukaran-lokal"], { error: "splp-nasional atau pertukaran-lokal" })
    .meta({ description: "Lewat portal SPLP nasional atau server pertukaran data lokal" }),
  consumer: z.strictObject({
    application: z.string({ error: "teks: nama aplikasi" }).trim().min(3, { error: "minimal 3 karakter" }).max(200),
    url: z.url({ error: "URL aplikasi, mis. https://app.contohkab.go.id" }).optional(),
  }),
  provider: z.strictObject({
    opd: z.string({ error: "teks: OPD penyedia API" }).trim().min(3, { error: "minimal 3 karakter" }).max(200),
    api: z.string({ error: "teks: nama API" }).trim().min(3, { error: "minimal 3 karakter" }).max(200),
    approval: z
      .strictObject({
        notaDinas: NotaDinas,
        approver: z.string({ error: "teks: jabatan pemberi persetujuan" }).trim().min(3, { error: "minimal 3 karakter" }).max(200),
      })
      .meta({ description: "Persetujuan penyedia API atas pertukaran data" }),
  }),
  endpoints: z
    .array(
      z.strictObject({
        method: HTTP_METHOD,
        path: z
          .string({ error: "teks: path" })
          .regex(/^\/[A-Za-z0-9._~\-\/{}]*$/, { error: "diawali '/', huruf, angka, '.', '_', '~', '-', '/', '{', '}'" }),
      }),
      { error: "daftar endpoint" },
    )
    .min(1, { error: "minimal satu endpoint" }),
  data: z
    .array(z.string({ error: "teks" }).trim().min(2).max(100), { error: "daftar data yang dipertukarkan" })
    .min(1, { error: "minimal satu butir data" })
    .meta({ description: "Data dan informasi yang dipertukarkan" }),
  auth: z.enum(["oauth2", "api-key"], { error: "oauth2 atau api-key" }),
  exchange: z
    .strictObject({
      api: z
        .string({ error: "teks: nama API di WSO2 API Manager" })
        .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/, { error: "nama API seperti di Developer Portal: huruf, angka, spasi, '.', '_', '-', mis. HargaBahanPokok" }),
      version: z
        .string({ error: "teks: versi API" })
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, { error: "versi API seperti di Developer Portal, mis. 1.0.0 atau v1" }),
      tier: z
        .string({ error: "teks: tier throttling" })
        .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: "nama tier WSO2, mis. Gold" })
        .meta({ description: "Tier throttling langganan; harus ada di pusdat:splp.channels.<kanal>.tiers" }),
      keyValidityDays: z
        .int({ error: "bilangan bulat hari ≥ 1" })
        .min(1, { error: "bilangan bulat hari ≥ 1" })
        .optional()
        .meta({ description: "Hanya auth api-key: masa berlaku API key (hari), paling lama maxKeyValidityDays kanal" }),
    })
    .optional()
    .meta({
      description:
        "API di WSO2 API Manager (nama, versi), tier langganan dan masa berlaku API key. Tanpa bagian ini pusdat tidak dapat membuat langganan; langkahnya tetap manual",
    }),
});

export const SubdomainRequest = envelope("Subdomain", SubdomainSpec);
export const HostingAccountRequest = envelope("HostingAccount", HostingSpec);
export const VirtualMachineRequest = envelope("VirtualMachine", VmSpec);
export const ApiAccessRequest = envelope("ApiAccess", ApiSpec);

export const RequestSchema = z.discriminatedUnion("kind", [
  SubdomainRequest,
  HostingAccountRequest,
  VirtualMachineRequest,
  ApiAccessRequest,
]);

export type Kind = z.infer<typeof RequestSchema>["kind"];
/** The kinds in the order of the docs and reports; infra/core/kinds.ts holds what pusdat does with each. */
export const KINDS = RequestSchema.options.map((o) => o.shape.kind.value) as Kind[];
export type Subdomain = z.infer<typeof SubdomainRequest>;
export type HostingAccount = z.infer<typeof HostingAccountRequest>;
export type VirtualMachine = z.infer<typeof VirtualMachineRequest>;
export type ApiAccess = z.infer<typeof ApiAccessRequest>;
export type Request = z.infer<typeof RequestSchema>;

