/**
 * `pusdat evaluate`: SOP 14's evaluation of a period from git history (main) and the archive
 * (arsip): lead times in working minutes against the SOP targets, per service, OPD and month,
 * incidents and observations; markdown or JSON on stdout, a PDF for the coordination meeting, and
 * optionally that PDF committed to the arsip branch (the scheduled workflow).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Option } from "commander";
import { EXIT, type PusdatCommand, UsageError } from "./types";

interface Options {
  period?: string;
  stack: string;
  main?: string;
  arsip?: string;
  format: "markdown" | "json";
  pdf?: string;
  writeArsip?: boolean;
}

const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

export const evaluateCommand: PusdatCommand<Options> = {
  name: "evaluate",
  description: "evaluasi SOP 14: waktu penyelesaian dibanding target SOP",
  define: (cmd) =>
    cmd
      .option("--period <periode>", "periode: triwulan 2026-Q3, bulan 2026-09 atau tahun 2026 (wajib)")
      .option("--stack <name>", "stack Pulumi (berkas Pulumi.<name>.yaml)", "contoh")
      .option("--main <ref>", "ref cabang utama (bawaan: main, lalu origin/main)")
      .option("--arsip <ref>", "ref cabang arsip (bawaan: arsip, lalu origin/arsip)")
      .addOption(new Option("--format <format>", "bentuk keluaran").choices(["markdown", "json"]).default("markdown"))
      .option("--pdf <berkas>", "tulis laporan PDF ke berkas ini")
      .option("--write-arsip", "simpan PDF sebagai evaluasi/<YYYY>-<periode>.pdf di cabang arsip (tidak pernah menimpa)"),
  run: async ({ io, opts }) => {
    const { loadSiteConfig } = require("../../infra/core/config/load") as typeof import("../../infra/core/config/load");
    const { findingLine } = require("../../infra/core/findings") as typeof import("../../infra/core/findings");
    const { parsePeriod } = require("../../infra/core/evaluate/period") as typeof import("../../infra/core/evaluate/period");
    const { evaluate } = require("../../infra/core/evaluate/evaluation") as typeof import("../../infra/core/evaluate/evaluation");
    const { formatMarkdown } = require("../../infra/core/evaluate/markdown") as typeof import("../../infra/core/evaluate/markdown");
    const { readEvaluationHistory } = require("../../infra/git/evaluate-history") as typeof import("../../infra/git/evaluate-history");
    const { firstCommit, gitText, repoRoot, resolveCommit } = require("../../infra/git/repo") as typeof import("../../infra/git/repo");

    if (!opts.period) throw new UsageError("opsi --period wajib diisi, mis. --period 2026-Q3 (triwulan), 2026-09 (bulan) atau 2026 (tahun)");
    const period = parsePeriod(opts.period);
    if (typeof period === "string") throw new UsageError(period);
    if (!STACK_NAME.test(opts.stack)) throw new UsageError(`nama stack tidak sah: ${JSON.stringify(opts.stack)}; yang diizinkan: huruf, angka, '.', '_', '-'`);
    const repo = repoRoot(process.cwd());
    if (!repo) throw new UsageError("folder ini bukan repositori git; jalankan pusdat evaluate di dalam klon repositori layanan");
    const site = loadSiteConfig(path.join(process.cwd(), `Pulumi.${opts.stack}.yaml`));
    if (!site.ok) {
      for (const p of site.problems) io.err(`${findingLine(p)}\n`);
      throw new UsageError(`Konfigurasi stack tidak sah (${site.problems.length} masalah); perbaiki dulu.`);
    }
    const found = firstCommit(repo, opts.main ? [opts.main] : ["main", "origin/main"]);
    const main = found?.ref ?? opts.main ?? "main";
    const mainCommit = found?.commit;
    if (!mainCommit) throw new UsageError(`ref cabang utama tidak ditemukan: ${JSON.stringify(main)}; beri --main <ref>`);
    if (opts.arsip && !resolveCommit(repo, opts.arsip)) throw new UsageError(`ref arsip tidak ditemukan: ${JSON.stringify(opts.arsip)}`);

    const history = readEvaluationHistory(repo, { main: mainCommit, arsip: opts.arsip, stack: opts.stack, approvers: site.value.approvers.map((a) => a.login) });
    const ev = evaluate({ stack: opts.stack, period, calendar: site.value.calendar, changes: history.changes, records: history.records, monitoring: history.monitoring });
    for (const n of history.notes) io.err(`catatan: ${n}\n`);
    const arsipCommit = history.arsipCommit;
    const source = { main, mainCommit, arsip: history.arsip, arsipCommit };
    io.out(opts.format === "json" ? `${JSON.stringify({ ...ev, source, notes: history.notes }, null, 2)}\n` : formatMarkdown(ev));

    if (!opts.pdf && !opts.writeArsip) return EXIT.ok;
    const { evaluationPdf } = require("../../infra/report/evaluation-pdf") as typeof import("../../infra/report/evaluation-pdf");
    const commits = [mainCommit, arsipCommit].filter((c): c is string => !!c);
    const dates = (gitText(repo, ["show", "-s", "--format=%cI", ...commits]) ?? "").split("\n").map((d) => Date.parse(d));
    const pdf = await evaluationPdf(ev, {
      organisation: site.value.organisation,
      approvers: site.value.approvers,
      asOf: new Date(Math.max(...dates.filter((d) => !Number.isNaN(d)), 0)),
      source: `${main} ${mainCommit.slice(0, 12)} · ${history.arsip ? `${history.arsip} ${arsipCommit!.slice(0, 12)}` : "arsip: tidak ada"}`,
      notes: history.notes,
    });
    if (opts.pdf) {
      fs.writeFileSync(opts.pdf, pdf);
      io.err(`PDF ditulis: ${opts.pdf}\n`);
    }
    if (opts.writeArsip) {
      const { addToArchive } = require("../../infra/git/evaluate-archive") as typeof import("../../infra/git/evaluate-archive");
      const w = addToArchive(repo, period.archivePath, pdf, `Evaluasi SOP 14: ${period.label} (stack ${opts.stack})`);
      if (!w.ok) {
        io.err(`${w.message}\n`);
        return EXIT.findings;
      }
      io.err(`${period.archivePath} disimpan di cabang arsip${w.created ? " (cabang baru)" : ""}: commit ${w.commit.slice(0, 12)}\n`);
    }
    return EXIT.ok;
  },
};
