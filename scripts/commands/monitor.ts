/** `pusdat monitor`: one monitoring round of SOP 2, 5, 8 and 12; network clients load only in run. */
import * as path from "node:path";
import { Option } from "commander";
import { progressBar, showProgress } from "../../infra/core/monitor/progress";
import { openConfig, type Project, readRequests, requestsFolderExists } from "../../infra/core/project";
import { configOrExit, type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type Io, type PusdatCommand, UsageError } from "./types";

/** `--catat-backup-pdn <id> --tanggal … --bukti …`: records the PDN backup evidence, monitors nothing. */
function recordPdn(project: Project, opts: Options, io: Io, m: typeof import("../monitor")): number {
  const id = opts.catatBackupPdn!;
  if (opts.heal || opts.pdf || opts.writeArsip) throw new UsageError("--catat-backup-pdn hanya mencatat; jangan dipakai bersama --heal, --pdf atau --write-arsip");
  if (opts.tanggal === undefined || opts.bukti === undefined) {
    throw new UsageError(`--catat-backup-pdn ${id} memerlukan --tanggal YYYY-MM-DD (tanggal cadangan terbaru) dan --bukti "<di mana tanggal itu terlihat>"`);
  }
  const r = m.recordPdnBackup(project, { id, backupDate: opts.tanggal, evidence: opts.bukti, env: process.env });
  if (!r.ok) {
    if (r.usage) throw new UsageError(r.problem);
    io.err(`Bukti cadangan PDN tidak dicatat: ${r.problem}\n`);
    return EXIT.internal;
  }
  io.out(`Bukti cadangan PDN ${id} bertanggal ${r.record.backupDate} dicatat di cabang arsip (${r.commit.slice(0, 12)}): ${r.path}\n`);
  io.out("Cabang arsip di repositori ini sudah berubah; workflow cadangan-pdn mendorongnya ke forge (git push origin arsip).\n");
  return EXIT.ok;
}

type Options = ProjectOptions & {
  heal?: boolean;
  format: "text" | "markdown" | "json";
  pdf?: string;
  writeArsip?: boolean;
  catatBackupPdn?: string;
  tanggal?: string;
  bukti?: string;
};

export const monitor: PusdatCommand<Options> = {
  name: "monitor",
  description: "pemantauan SOP 2, 5, 8, 12: akun hosting, VM, subdomain, VM PDN, cadangan",
  define: (cmd) =>
    projectOptions(cmd)
      .option("--heal", "nyalakan VM dan aktifkan kembali akun yang seharusnya aktif (tidak pernah yang sudah dihentikan)")
      .addOption(new Option("--format <format>", "bentuk keluaran").choices(["text", "markdown", "json"]).default("text"))
      .option("--pdf <file>", "tulis Laporan Data Back Up dan Monitoring (PDF) ke berkas ini")
      .option("--write-arsip", "simpan laporan (JSON + PDF) ke cabang arsip: pemantauan/<YYYY>/<YYYY-MM-DD>.json")
      .option("--catat-backup-pdn <id>", "tidak memantau: catat bukti cadangan terbaru VM PDN <id> ke cabang arsip (cadangan-pdn/<id>/<tanggal>.json)")
      .option("--tanggal <YYYY-MM-DD>", "dengan --catat-backup-pdn: tanggal cadangan terbaru yang terlihat di portal PDN atau balasan e-Tiket")
      .option("--bukti <teks>", "dengan --catat-backup-pdn: di mana tanggal itu terlihat, mis. \"balasan e-Tiket PDN-2026-000456\""),
  run: async ({ io, opts }) => {
    const config = configOrExit(openConfig({ stack: opts.stack, policyConfig: opts.policyConfig }), io);
    const dir = path.resolve(opts.requests);
    if (!requestsFolderExists(dir)) throw new UsageError(`folder permintaan tidak ditemukan: ${opts.requests}`);
    const m = require("../monitor") as typeof import("../monitor");
    const { formatJson, formatMarkdown, formatText } = require("../../infra/core/monitor/format") as typeof import("../../infra/core/monitor/format");
    const project = readRequests(config, dir);
    if (opts.catatBackupPdn !== undefined) return recordPdn(project, opts, io, m);
    if (opts.tanggal !== undefined || opts.bukti !== undefined) throw new UsageError("--tanggal dan --bukti hanya dipakai bersama --catat-backup-pdn <id>");
    const missing = m.missingCredentials(project, process.env);
    if (missing.length) throw new UsageError(`kredensial tidak ada di lingkungan: ${missing.join("; ")}`);

    // A progress bar for a person at a terminal only; CI logs stay clean.
    const tty = showProgress(process.stderr.isTTY === true, process.env);
    const onProgress = tty ? (done: number, total: number) => process.stderr.write(`\r${progressBar(done, total)}`) : undefined;
    const report = await m.runMonitor(project, { heal: opts.heal === true, env: process.env, onProgress });
    if (tty) process.stderr.write("\r\x1b[K");

    const json = formatJson(report);
    io.out(opts.format === "json" ? json : opts.format === "markdown" ? formatMarkdown(report) : formatText(report));
    if (opts.pdf) {
      await m.writePdf(path.resolve(opts.pdf), report, project);
      io.err(`Laporan PDF ditulis ke ${opts.pdf}\n`);
    }
    if (opts.writeArsip) {
      const w = await m.writeArsip(project, report, json);
      if (!w.ok) {
        io.err(`Laporan tidak disimpan ke cabang arsip: ${w.problem}\n`);
        return EXIT.internal;
      }
      io.err(`Laporan disimpan ke cabang arsip (${w.commit.slice(0, 12)}): ${w.paths.join(", ")}\n`);
    }
    return report.summary.errors > 0 ? EXIT.findings : EXIT.ok;
  },
};
