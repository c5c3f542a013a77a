/**
 * The SOP targets the evaluation compares to (SOP-MAP.md), as working minutes of the office calendar.
 *
 * Reading of the SOPs:
 * - Subdomain (SOP 11) 125, hosting account (SOP 1) 410, local VM (SOP 7) 320, resource addition on
 *   the local cluster (SOP 10, local route) 360, API access / SPLP 8 hours = 480.
 * - PDN (SOP 4) counts ministry days: e-Tiket 30 + assessment 1 day + approval 60 + provisioning
 *   3 days + configuration 120. The steps without a time in the SOP count 0. A "day" is one
 *   Monday–Thursday working day of the default calendar, 450 working minutes (07:30–16:00 less the
 *   one-hour break), so a PDN VM is due in 4 × 450 + 210 = 2010 working minutes.
 * - Resource addition on PDN (SOP 10, PDN route): "PDN maintenance (4 days)" = 4 × 450 = 1800.
 */
export const WORKING_DAY_MINUTES = 450;

export const SERVICES = ["subdomain", "hosting", "vm-local", "vm-local-resize", "vm-pdn", "vm-pdn-resize", "api"] as const;
export type Service = (typeof SERVICES)[number];

export interface Target {
  minutes: number;
  /** How the SOP states it, in Bahasa Indonesia. */
  basis: string;
  label: string;
}

export const TARGETS: Record<Service, Target> = {
  subdomain: { minutes: 125, basis: "SOP 11: 125 menit", label: "Subdomain (SOP 11)" },
  hosting: { minutes: 410, basis: "SOP 1: 410 menit", label: "Akun hosting (SOP 1)" },
  "vm-local": { minutes: 320, basis: "SOP 7: 320 menit", label: "VPS Pusat Komputasi (SOP 7)" },
  "vm-local-resize": { minutes: 360, basis: "SOP 10 jalur lokal: 360 menit", label: "Tambah resource VPS lokal (SOP 10)" },
  "vm-pdn": {
    minutes: 4 * WORKING_DAY_MINUTES + 30 + 60 + 120,
    basis: "SOP 4: 30 menit + 1 hari + 60 menit + 3 hari + 120 menit (1 hari = 450 menit kerja)",
    label: "VPS PDN (SOP 4)",
  },
  "vm-pdn-resize": { minutes: 4 * WORKING_DAY_MINUTES, basis: "SOP 10 jalur PDN: 4 hari (1 hari = 450 menit kerja)", label: "Tambah resource VPS PDN (SOP 10)" },
  api: { minutes: 480, basis: "SOP SPLP: 8 jam = 480 menit", label: "Akses API / SPLP" },
};

export const STEPS = ["filing", "approval", "apply", "verify"] as const;
export type Step = (typeof STEPS)[number];

/** What each step is, in Bahasa Indonesia (column headings and observations). */
export const STEP_LABELS: Record<Step, string> = {
  filing: "Nota Dinas → PR dibuka",
  approval: "menunggu persetujuan",
  apply: "persetujuan → diterapkan",
  verify: "verifikasi",
};
