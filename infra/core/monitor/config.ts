/**
 * `pusdat:monitor` in the stack file: the thresholds of a monitoring round (SOP 2, 5, 8, 12) and how
 * long it may take. Optional: a stack without it uses the SOP's own limits below.
 *
 * The default concurrency is sized for issue 13's target: 1,000 targets of which 100 never answer,
 * each holding a slot for the probes' own timeout (pusdat:verify timeoutMs, 5 s by default), must
 * finish in under 10 s. Silent targets run in waves of `concurrency`: at 64 the 100 need two waves
 * (measured 10.6 s), at 128 one (about 5 s). bench/monitor.ts measures it.
 */
import * as z from "zod";

const Days = z.int({ error: "bilangan bulat hari, 1–3650" }).min(1, { error: "bilangan bulat hari, 1–3650" }).max(3650, { error: "bilangan bulat hari, 1–3650" });
const Percent = z.number({ error: "persen 1–100" }).min(1, { error: "persen 1–100" }).max(100, { error: "persen 1–100" });

export const MonitorConfig = z
  .strictObject({
    backupMaxAgeDays: z
      .strictObject({
        local: Days.default(30).meta({ description: "Cadangan vzdump VM Pusat Komputasi paling tua (SOP 8: satu bulan)" }),
        hosting: Days.default(30).meta({ description: "Cadangan akun hosting paling tua (SOP 2: satu bulan)" }),
        pdn: Days.default(90).meta({ description: "Cadangan VM PDN paling tua (SOP 5: tiga bulan); dicatat, PDN tidak dapat ditanya dari sini" }),
      })
      .default({ local: 30, hosting: 30, pdn: 90 }),
    usage: z
      .strictObject({
        warning: Percent.default(80).meta({ description: "Pemakaian disk/CPU/memori (%) yang memberi peringatan" }),
        error: Percent.default(95).meta({ description: "Pemakaian (%) yang dianggap galat" }),
      })
      .refine((u) => u.warning < u.error, { error: "warning harus lebih kecil dari error" })
      .default({ warning: 80, error: 95 }),
    certWarningDays: Days.default(14).meta({ description: "Sisa masa berlaku sertifikat (hari) yang memberi peringatan" }),
    concurrency: z.int({ error: "bilangan bulat 1–256" }).min(1).max(256).default(128).meta({ description: "Pemeriksaan yang berjalan bersamaan" }),
    timeoutMs: z.int({ error: "milidetik, 100–120000" }).min(100).max(120_000).default(10_000).meta({ description: "Batas waktu tiap sasaran" }),
    runTimeoutMs: z.int({ error: "milidetik, 1000–3600000" }).min(1000).max(3_600_000).default(600_000).meta({ description: "Batas waktu seluruh putaran" }),
  })
  .meta({ description: "Pemantauan layanan (pusdat monitor)" });

export type MonitorConfig = z.infer<typeof MonitorConfig>;
export const DEFAULT_MONITOR: MonitorConfig = MonitorConfig.parse({}, { jitless: true });
