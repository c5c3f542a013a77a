/** `pusdat docs`: the PDF documents of an applied change (Berita Acara, Nota Dinas Balasan, perjanjian API). */
import * as path from "node:path";
import { openConfig } from "../../infra/core/project";
import { configOrExit, type ProjectOptions, projectOptions } from "./project-options";
import type { PusdatCommand } from "./types";

export const DEFAULT_OUT = "arsip-keluar";

type Options = ProjectOptions & {
  changedSince?: string;
  commit?: string;
  verifyFile?: string;
  appliedAt?: string;
  out: string;
  arsipRef?: string;
};

export const docs: PusdatCommand<Options> = {
  name: "docs",
  description: "buat dokumen PDF (Berita Acara, Nota Dinas Balasan, perjanjian API) untuk perubahan yang diterapkan",
  define: (cmd) =>
    projectOptions(cmd)
      .argument("[id...]", "id permintaan (atau pakai --changed-since)")
      .option("--changed-since <ref>", "permintaan yang berubah sejak ref git ini (commit sebelum merge)")
      .option("--commit <sha>", "commit di main yang diterapkan (bawaan: HEAD)")
      .option("--verify-file <file>", "hasil pusdat verify --format json")
      .option("--applied-at <iso>", "waktu selesai penerapan, ISO 8601 UTC (bawaan: sekarang)")
      .option("--out <dir>", "folder keluaran; dokumen ditulis dengan tata letak cabang arsip", DEFAULT_OUT)
      .option("--arsip-ref <ref>", "asal register nomor surat (bawaan: cabang arsip, lalu origin/arsip)"),
  run: async ({ io, opts, args }) => {
    const { run } = require("../docs") as typeof import("../docs");
    const config = configOrExit(openConfig({ stack: opts.stack, policyConfig: opts.policyConfig }), io);
    return run(config, { ...opts, requestsDir: path.resolve(opts.requests), ids: args }, io);
  },
};


