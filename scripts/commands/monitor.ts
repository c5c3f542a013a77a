/** `pusdat monitor`: one monitoring round of SOP 2, 5, 8 and 12; network clients load only in run. */
import * as path from "node:path";
import { Option } from "commander";
import { openConfig, readRequests, requestsFolderExists } from "../../infra/core/project";
import { configOrExit, type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type PusdatCommand, UsageError } from "./types";

type Options = ProjectOptions & { heal?: boolean; format: "text" | "markdown" | "json"; pdf?: string; writeArsip?: boolean };

export const monitor: PusdatCommand<Options> = {
  name: "monitor",
  description: "pemantauan SOP 2, 5, 8, 12: akun hosting, VM, subdomain, VM PDN, cadangan",
  define: (cmd) =>
    projectOptions(cmd)
      .option("--heal", "nyalakan VM dan aktifkan kembali akun yang seharusnya aktif (tidak pernah yang sudah dihentikan)")
      .addOption(new Option("--format <format>", "bentuk keluaran").choices(["text", "markdown", "json"]).default("text"))
      .option("--pdf <file>", "tulis Laporan Data Back Up dan Monitoring (PDF) ke berkas ini")
      .option("--write-arsip", "simpan laporan (JSON + PDF) ke cabang arsip: pemantauan/<YYYY>/<YYYY-MM-DD>.json"),
  run: async ({ io, opts }) => {
    const config = configOrExit(openConfig({ stack: opts.stack, policyConfig: opts.policyConfig }), io);
    const dir = path.resolve(opts.requests);
    if (!requestsFolderExists(dir)) throw new UsageError(`folder permintaan tidak ditemukan: ${opts.requests}`);
    const m = require("../monitor") as typeof import("../monitor");
    const { formatJson, formatMarkdown, formatText } = require("../../infra/core/monitor/format") as typeof import("../../infra/core/monitor/format");
    const project = readRequests(config, dir);
    const missing = m.missingCredentials(project, process.env);
    if (missing.length) throw new UsageError(`kredensial tidak ada di lingkungan: ${missing.join("; ")}`);

    // A progress line for a person at a terminal only; CI logs stay clean.
    const tty = process.stderr.isTTY === true;
    const onProgress = tty ? (done: number, total: number) => process.stderr.write(`\rpemantauan: ${done}/${total} pemeriksaan selesai`) : undefined;
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
