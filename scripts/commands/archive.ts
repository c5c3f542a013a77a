/** `pusdat arsip`: writes the record of an applied change (and its documents) to the `arsip` branch. */
import * as path from "node:path";
import { Option } from "commander";
import { openConfig } from "../../infra/core/project";
import { DEFAULT_OUT } from "./docs";
import { configOrExit, type ProjectOptions, projectOptions } from "./project-options";
import type { PusdatCommand } from "./types";

export type ArchiveOptions = ProjectOptions & {
  changedSince?: string;
  commit?: string;
  applyResult: "succeeded" | "failed";
  applyStarted?: string;
  applyFinished?: string;
  verifyFile?: string;
  docs: string;
  prFile?: string;
  reviewsFile?: string;
  forgeApi: string;
  repo?: string;
  timeout: string;
  push?: boolean;
  summary?: string;
  dryRun?: boolean;
};

export const archive: PusdatCommand<ArchiveOptions> = {
  name: "arsip",
  description: "tulis catatan penerapan (pull request, persetujuan, hasil uji, dokumen) ke cabang arsip",
  define: (cmd) =>
    projectOptions(cmd)
      .argument("[id...]", "id permintaan (atau pakai --changed-since)")
      .option("--changed-since <ref>", "permintaan yang berubah sejak ref git ini (commit sebelum merge)")
      .option("--commit <sha>", "commit di main yang diterapkan (bawaan: HEAD)")
      .addOption(new Option("--apply-result <hasil>", "hasil pulumi up").choices(["succeeded", "failed"]).makeOptionMandatory())
      .option("--apply-started <iso>", "waktu mulai penerapan, ISO 8601 UTC")
      .option("--apply-finished <iso>", "waktu selesai penerapan, ISO 8601 UTC (sama dengan --applied-at pusdat docs)")
      .option("--verify-file <file>", "hasil pusdat verify --format json")
      .option("--docs <dir>", "folder keluaran pusdat docs", DEFAULT_OUT)
      .option("--pr-file <file>", "JSON pull request (bentuk GET /repos/{o}/{r}/pulls/{n}; null = bukan lewat pull request) sebagai ganti API forge")
      .option("--reviews-file <file>", "JSON daftar review (bentuk GET …/pulls/{n}/reviews)")
      .option("--forge-api <url>", "akar API forge (bawaan: GITHUB_API_URL)", process.env.GITHUB_API_URL ?? "https://api.github.com")
      .option("--repo <owner/name>", "repositori di forge (bawaan: GITHUB_REPOSITORY)")
      .option("--timeout <detik>", "batas waktu tiap panggilan API forge", "20")
      .option("--push", "dorong cabang arsip ke origin setelah menulis")
      .option("--summary <file>", "tulis ringkasan hasil (Markdown, untuk komentar pull request) ke berkas ini")
      .option("--dry-run", "cetak catatan tanpa menulis ke cabang arsip"),
  run: async ({ io, opts, args }) => {
    const { run } = require("../archive") as typeof import("../archive");
    const config = configOrExit(openConfig({ stack: opts.stack, policyConfig: opts.policyConfig }), io);
    return run(config, { ...opts, requestsDir: path.resolve(opts.requests), ids: args }, io);
  },
};
