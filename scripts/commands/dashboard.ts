/**
 * `pusdat dashboard --out DIR`: the static site for OPD heads and the public (per OPD their
 * services, capacity, recent changes, lead times), built from the requests on disk and the `arsip`
 * branch, read-only. Safe to publish: no contact detail ever, addresses only with --internal.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { configAndFolder, type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type PusdatCommand, UsageError } from "./types";

type Options = ProjectOptions & { out?: string; internal?: boolean; arsip?: string; recent: string };

export const dashboard: PusdatCommand<Options> = {
  name: "dashboard",
  description: "dasbor statis (HTML) per OPD: layanan, uji akses, pemantauan, kapasitas, perubahan, waktu penyelesaian",
  define: (cmd) =>
    projectOptions(cmd)
      .option("--out <folder>", "folder tujuan situs (wajib); berkas dasbor di dalamnya ditimpa")
      .option("--internal", "tampilkan alamat IP, nama host, VMID dan penempatan tiap layanan (jangan dipublikasikan ke luar jaringan)")
      .option("--arsip <ref>", "ref cabang arsip (bawaan: arsip, lalu origin/arsip)")
      .option("--recent <n>", "jumlah perubahan terbaru yang ditampilkan", "20"),
  run: ({ io, opts }) => {
    if (!opts.out) throw new UsageError("opsi --out wajib diisi, mis. pusdat dashboard --out situs");
    const recent = Number(opts.recent);
    if (!Number.isInteger(recent) || recent < 1 || recent > 1000) throw new UsageError(`nilai --recent tidak sah: ${JSON.stringify(opts.recent)}; yang diizinkan: bilangan bulat 1–1000`);
    const { config, dir } = configAndFolder(opts, io);
    const { readRequests } = require("../../infra/core/project") as typeof import("../../infra/core/project");
    const { dashboardData } = require("../../infra/core/dashboard/data") as typeof import("../../infra/core/dashboard/data");
    const { renderSite } = require("../../infra/core/dashboard/render/site") as typeof import("../../infra/core/dashboard/render/site");
    const { readDashboardArchive } = require("../../infra/git/dashboard-archive") as typeof import("../../infra/git/dashboard-archive");
    const { resolveCommit, repoRoot } = require("../../infra/git/repo") as typeof import("../../infra/git/repo");

    if (opts.arsip) {
      const repo = repoRoot(config.root);
      if (!repo || !resolveCommit(repo, opts.arsip)) throw new UsageError(`ref arsip tidak ditemukan: ${JSON.stringify(opts.arsip)}`);
    }
    const project = readRequests(config, dir);
    const arsip = readDashboardArchive(config.root, { stack: config.stack, approvers: config.site.approvers.map((a) => a.login), arsip: opts.arsip });
    const data = dashboardData(project, arsip, { internal: opts.internal === true, now: new Date().toISOString(), recent });
    const files = renderSite(data);

    const out = path.resolve(opts.out);
    if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) throw new UsageError(`--out bukan folder: ${opts.out}`);
    // pages of OPDs that no longer exist must not linger from an earlier build (only our own .html files go)
    const opdDir = path.join(out, "opd");
    if (fs.existsSync(opdDir)) for (const f of fs.readdirSync(opdDir)) if (f.endsWith(".html") && !files.has(`opd/${f}`)) fs.rmSync(path.join(opdDir, f));
    for (const [rel, text] of files) {
      fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
      fs.writeFileSync(path.join(out, rel), text);
    }
    for (const n of data.notes) io.err(`catatan: ${n}\n`);
    const t = data.totals;
    io.out(`Dasbor ditulis ke ${opts.out}: ${files.size} berkas, ${t.opds} OPD, ${t.services} layanan${data.internal ? " (INTERNAL: memuat alamat; jangan dipublikasikan)" : ""}\n`);
    return EXIT.ok;
  },
};
