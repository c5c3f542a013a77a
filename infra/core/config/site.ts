/**
 * Site configuration: everything specific to one kabupaten, read from `Pulumi.<stack>.yaml` under the
 * `pusdat:` namespace. Validated as strictly as the requests, because a typo here moves real resources.
 */
import ipaddr from "ipaddr.js";
import * as z from "zod";
import { MonitorConfig } from "../monitor/config";
import { VerifyConfig } from "../verify/config";
import { SplpConfig } from "./splp";

const isCidr = (s: string) => {
  try {
    ipaddr.parseCIDR(s);
    return true;
  } catch {
    return false;
  }
};

const Cidr = z.string({ error: "teks CIDR, mis. 203.0.113.0/24" }).refine(isCidr, { error: "rentang CIDR, mis. 203.0.113.0/24" });
const Ipv4 = z.ipv4({ error: "alamat IPv4" });
const Hostname = z
  .string({ error: "teks: nama domain" })
  .regex(/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/, {
    error: "nama domain huruf kecil tanpa titik di akhir, mis. contohkab.go.id",
  });
const Name = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, { error: "huruf kecil, angka, '.', '_', '-'" });
const PosInt = z.int({ error: "bilangan bulat ≥ 1" }).min(1, { error: "bilangan bulat ≥ 1" });
const Factor = z.number({ error: "angka ≥ 1" }).min(1, { error: "angka ≥ 1" });

export const DEFAULT_RESERVED_LABELS = ["www", "mail", "ns1", "ns2", "cpanel", "webmail", "ftp", "autodiscover", "@"];
export const DEFAULT_RESERVED_USERNAMES = [
  "root", "all", "nobody", "postmaster", "cpanel", "virtfs", "webmaster", "www", "admin", "abuse",
  "mail", "ftp", "mysql", "named", "apache", "httpd", "cpses", "system", "shadow", "hostmaster",
];

export const Plan = z.strictObject({ diskGb: PosInt, bandwidthGb: PosInt });

/**
 * What pusdat must know of a template so a clone neither fails nor loses what the template set: its
 * disk size (a clone's disk can only grow from it), the datastore its clones go to, and the disk
 * settings to keep (VmLegacy writes the whole disk block, so an unset flag would be switched off).
 */
export const Template = z.strictObject({
  node: Name,
  vmid: PosInt,
  diskGb: PosInt.optional().meta({ description: "Ukuran disk templat (GB): disk VM tidak boleh lebih kecil" }),
  datastore: Name.optional().meta({ description: "Datastore tujuan klon; bila kosong, pusdat:proxmox.datastore" }),
  discard: z.enum(["on", "ignore"]).optional().meta({ description: "Opsi discard disk templat (TRIM)" }),
  ssd: z.boolean().optional().meta({ description: "Emulasi SSD pada disk templat" }),
  cache: z.enum(["none", "directsync", "writethrough", "writeback", "unsafe"]).optional().meta({ description: "Mode cache disk templat" }),
  iothread: z.boolean().optional().meta({ description: "IO thread pada disk templat" }),
});

export const IpPool = z
  .strictObject({
    name: Name,
    cidr: Cidr,
    gateway: Ipv4,
    first: Ipv4.meta({ description: "Alamat pertama yang boleh dialokasikan" }),
    last: Ipv4.meta({ description: "Alamat terakhir yang boleh dialokasikan" }),
    bridge: Name.default("vmbr0"),
  })
  .superRefine((p, ctx) => {
    if (!isCidr(p.cidr)) return;
    const range = ipaddr.parseCIDR(p.cidr);
    for (const k of ["gateway", "first", "last"] as const) {
      const a = ipaddr.parse(p[k]);
      if (a.kind() !== range[0].kind() || !a.match(range)) {
        ctx.addIssue({ code: "custom", path: [k], input: p[k], message: `alamat di dalam ${p.cidr}` });
      }
    }
  });

const Clock = z.string({ error: "jam HH:MM" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "jam HH:MM (00:00–23:59)" });
const Day = z
  .strictObject({ start: Clock, end: Clock, breaks: z.array(z.tuple([Clock, Clock])).default([]) })
  .nullable()
  .meta({ description: "Jam kerja satu hari; null = libur" });
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "tanggal YYYY-MM-DD" });

/** The office calendar of the source SOPs: Monday–Thursday 07:30–16:00, Friday 06:30–16:00, with breaks. */
export const DEFAULT_WORKDAYS = {
  mon: { start: "07:30", end: "16:00", breaks: [["12:00", "13:00"]] },
  tue: { start: "07:30", end: "16:00", breaks: [["12:00", "13:00"]] },
  wed: { start: "07:30", end: "16:00", breaks: [["12:00", "13:00"]] },
  thu: { start: "07:30", end: "16:00", breaks: [["12:00", "13:00"]] },
  fri: { start: "06:30", end: "16:00", breaks: [["11:30", "13:00"]] },
  sat: null,
  sun: null,
} as const;

export const Calendar = z
  .strictObject({
    timezone: z.literal("Asia/Jakarta", { error: "Asia/Jakarta (WIB, UTC+7)" }).default("Asia/Jakarta"),
    workdays: z
      .strictObject({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day })
      .default(DEFAULT_WORKDAYS as never),
    holidays: z.array(DateText).default([]).meta({ description: "Hari libur nasional dan cuti bersama, YYYY-MM-DD" }),
  })
  .meta({ description: "Kalender kantor untuk menghitung menit kerja (evaluasi SOP 14)" });

/** The letterhead (kop surat) and numbering of every document (ARCHIVE.md). */
export const Organisation = z.strictObject({
  government: z.string().min(3),
  agency: z.string().min(3),
  division: z.string().min(3),
  address: z.string().min(3),
  city: z.string().min(2).meta({ description: "Tempat penandatanganan" }),
  letterNumber: z
    .string()
    .refine((s) => s.includes("{seq}"), { error: "pola nomor surat yang memuat {seq}, mis. \"000.8.3.3/{seq}/DISKOMINFO/{year}\"" })
    .meta({ description: "Pola nomor surat keluar: {seq} nomor urut, {year} tahun" }),
});

/** Who may approve by merging; judged as the list stood in the parent commit of a change (ARCHIVE.md). */
export const Approver = z.strictObject({
  login: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,38}$/, { error: "nama akun forge (GitHub, Gitea/Forgejo, GitLab)" }),
  name: z.string().min(3),
  nip: z.string().regex(/^\d{18}$/, { error: "NIP 18 digit" }),
  position: z.string().min(3),
});

export const SiteConfig = z.strictObject({
  zone: Hostname,
  cloudflareZoneId: z
    .string()
    .regex(/^[0-9a-f]{32}$/, { error: "32 digit heksadesimal (Zone ID Cloudflare)" })
    .optional()
    .meta({ description: "Bila kosong, zona dicari berdasarkan nama" }),
  cloudflareTags: z
    .boolean({ error: "true atau false" })
    .default(false)
    .meta({ description: "Zona mendukung tag rekaman DNS (paket berbayar Cloudflare); bila false, hanya komentar yang dipakai" }),
  publicRanges: z.array(Cidr).min(1, { error: "minimal satu rentang IP publik" }),
  reservedLabels: z.array(z.string()).default(DEFAULT_RESERVED_LABELS),
  hosting: z.strictObject({
    server: Ipv4.meta({ description: "Alamat IP publik server cPanel/WHM" }),
    ftpHost: Hostname.meta({ description: "Nama host FTP yang diberikan ke OPD" }),
    plans: z.record(Name, Plan).refine((r) => Object.keys(r).length > 0, { error: "minimal satu paket" }),
    reservedUsernames: z.array(z.string()).default(DEFAULT_RESERVED_USERNAMES),
    databasePrefix: z.boolean().default(true).meta({ description: "Awalan basis data aktif: 8 huruf pertama username harus unik" }),
  }),
  proxmox: z.strictObject({
    endpoint: z
      .url({ error: "URL API Proxmox, mis. https://pve.contohkab.go.id:8006/ (tanpa /api2/json)" })
      .refine((u) => u.startsWith("https://") && !u.includes("/api2/json"), { error: "https://host:8006/ tanpa /api2/json" })
      .meta({ description: "PROXMOX_VE_ENDPOINT menimpanya bila diisi" }),
    guestAgent: z.boolean().default(true).meta({ description: "Templat memuat qemu-guest-agent; diset eksplisit agar klon tidak menunggu 15 menit" }),
    nodes: z
      .record(Name, z.strictObject({ cores: PosInt, memoryGb: PosInt, diskGb: PosInt }))
      .refine((r) => Object.keys(r).length > 0, { error: "minimal satu node" }),
    overcommit: z.strictObject({ cpu: Factor, memory: Factor, disk: Factor }),
    templates: z.record(Name, Template),
    vmidRange: z
      .strictObject({ min: PosInt, max: PosInt })
      .refine((r) => r.min <= r.max, { error: "min ≤ max" }),
    ipPools: z.array(IpPool).min(1, { error: "minimal satu pool IP" }),
    datastore: Name,
    cpuType: z.string().default("x86-64-v2-AES"),
    adminUser: z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/, { error: "nama pengguna Linux" }).default("pusdat"),
    backup: z.strictObject({
      schedule: z.string().min(1).meta({ description: "Kalender systemd, mis. \"*-*-* 02:00\"" }),
      storage: Name,
      mode: z.enum(["snapshot", "suspend", "stop"]).default("snapshot"),
      keepDaily: z.int().min(0).default(7),
      keepWeekly: z.int().min(0).default(4),
      keepMonthly: z.int().min(1, { error: "minimal 1: SOP meminta cadangan tidak lebih tua dari satu bulan" }).default(3),
    }),
  }),
  organisation: Organisation.optional(),
  approvers: z.array(Approver).default([]),
  calendar: Calendar.default(Calendar.parse({}, { jitless: true })),
  verify: VerifyConfig.optional(),
  monitor: MonitorConfig.optional(),
  splp: SplpConfig.optional().meta({ description: "Pertukaran data SPLP (WSO2 API Manager) per kanal" }),
});

export type SiteConfig = z.infer<typeof SiteConfig>;
export type Organisation = z.infer<typeof Organisation>;
export type Approver = z.infer<typeof Approver>;
export type Calendar = z.infer<typeof Calendar>;
export type IpPool = z.infer<typeof IpPool>;
export type Template = z.infer<typeof Template>;
