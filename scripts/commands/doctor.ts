/**
 * `pusdat doctor`: asks Proxmox and Cloudflare, read-only, whether the tokens in the environment can
 * do what the program will do, and names what is missing. Write rights (DNS Edit) cannot be proven
 * without writing: a readable zone is reported as such, not as proof of Edit.
 */
import { readRequests } from "../../infra/core/project";
import { configAndFolder, type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type PusdatCommand, UsageError } from "./types";

type Options = ProjectOptions & { timeout: string };

/** The Cloudflare API base; PUSDAT_CLOUDFLARE_API overrides it (tests point it at 127.0.0.1). */
export const CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";

export const doctor: PusdatCommand<Options> = {
  name: "doctor",
  description: "periksa izin token Proxmox dan Cloudflare di lingkungan terhadap apa yang akan dibangun (hanya membaca)",
  define: (cmd) => projectOptions(cmd).option("--timeout <detik>", "batas waktu setiap panggilan", "10"),
  run: async ({ io, opts }) => {
    const timeoutMs = Number(opts.timeout) * 1000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout harus angka detik > 0, bukan ${opts.timeout}`);
    const { config, dir } = configAndFolder(opts, io);
    const { planProject, Blocked } = require("../../infra/core/plan") as typeof import("../../infra/core/plan");
    const { proxmoxNeeds, missingPrivileges, cloudflareProblems } = require("../../infra/doctor/checks") as typeof import("../../infra/doctor/checks");
    const { proxmoxPermissions, cloudflareAnswers } = require("../../infra/doctor/probe") as typeof import("../../infra/doctor/probe");
    let desired;
    try {
      desired = planProject(readRequests(config, dir)).desired;
    } catch (e) {
      if (e instanceof Blocked) {
        io.err(`${e.message}\n`);
        return EXIT.findings;
      }
      throw e;
    }
    const env = process.env;
    const site = config.site;
    const problems: string[] = [];
    const ok: string[] = [];

    const needs = proxmoxNeeds(desired, site);
    if (needs.length) {
      const token = env.PROXMOX_VE_API_TOKEN;
      if (!token) problems.push("PROXMOX_VE_API_TOKEN tidak ada di lingkungan");
      else {
        const endpoint = env.PROXMOX_VE_ENDPOINT || site.proxmox.endpoint;
        const r = await proxmoxPermissions(endpoint, token, needs, { timeoutMs });
        const missing = r.problems.length ? r.problems : missingPrivileges(needs, r.answers);
        problems.push(...missing);
        if (!missing.length) ok.push(`Proxmox: semua hak ada pada ${needs.length} path`);
      }
    }
    const dns = desired.subdomains.some((s) => s.record) || desired.hosting.some((h) => h.record);
    if (dns) {
      const token = env.CLOUDFLARE_API_TOKEN;
      if (!token) problems.push("CLOUDFLARE_API_TOKEN tidak ada di lingkungan");
      else {
        const r = await cloudflareAnswers(env.PUSDAT_CLOUDFLARE_API || CLOUDFLARE_API, token, { id: site.cloudflareZoneId, name: site.zone }, { timeoutMs });
        const missing = r.problems.length ? r.problems : cloudflareProblems(r.answers, site);
        problems.push(...missing);
        if (!missing.length) ok.push(`Cloudflare: token aktif dan rekaman DNS zona ${site.zone} dapat dibaca (izin Edit hanya terbukti saat menerapkan)`);
      }
    }
    for (const l of ok) io.out(`ok: ${l}\n`);
    for (const l of problems) io.out(`KURANG: ${l}\n`);
    io.out(problems.length ? `${problems.length} masalah izin; perbaiki token sebelum menerapkan.\n` : "Semua izin yang dapat diperiksa tersedia.\n");
    return problems.length ? EXIT.findings : EXIT.ok;
  },
};
