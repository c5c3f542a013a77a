/**
 * `pusdat audit`: main's changes against the archive's records (ARCHIVE.md), offline, with git
 * only. Heavy modules (the history reader, zod, the YAML parsers) load inside `run`.
 */
import * as path from "node:path";
import { Option } from "commander";
import { EXIT, type PusdatCommand, UsageError } from "./types";

interface Options {
  repo: string;
  stack: string;
  main: string;
  arsip?: string;
  since?: string;
  until?: string;
  request?: string;
  format: "text" | "markdown" | "json" | "csv";
}

const DEFAULT_ARSIP = ["arsip", "origin/arsip"];

/** A calendar date `YYYY-MM-DD` that exists, or a usage error naming the option. */
export function checkDate(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || d.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`tanggal ${JSON.stringify(value)} untuk ${option} tidak sah; yang diizinkan: tanggal YYYY-MM-DD, mis. 2026-11-20`);
  }
  return value;
}

/**
 * The refs, the archive's records and main's changes, through one `git cat-file --batch` kept open
 * for the whole reading (closed however it ends) beside `rev-list` and `log`.
 */
async function readRepository(h: typeof import("../../infra/git/history"), top: string, opts: Options) {
  const { ObjectReader } = require("../../infra/git/object-reader") as typeof import("../../infra/git/object-reader");
  const reader = new ObjectReader(top);
  try {
    const main = await h.commitOf(reader, opts.main);
    if (!main) throw new UsageError(`ref tidak dikenal untuk --main: ${JSON.stringify(opts.main)}`);
    let arsip: { ref: string; commit: string } | undefined;
    for (const ref of opts.arsip !== undefined ? [opts.arsip] : DEFAULT_ARSIP) {
      const commit = await h.commitOf(reader, ref);
      if (commit) {
        arsip = { ref, commit };
        break;
      }
    }
    if (!arsip) {
      throw new UsageError(
        opts.arsip !== undefined
          ? `ref tidak dikenal untuk --arsip: ${JSON.stringify(opts.arsip)}`
          : "cabang arsip tidak ditemukan (arsip maupun origin/arsip); ambil dulu dengan: git fetch origin arsip",
      );
    }
    const reading = h.readHistory(top, main, arsip.commit, opts.stack, reader);
    const { readRecords } = require("../../infra/core/audit/records") as typeof import("../../infra/core/audit/records");
    const records = readRecords(await reading.records, opts.stack); // while git log still runs
    return { main, arsip, records, ...(await reading.main) };
  } finally {
    reader.close();
  }
}

export const audit: PusdatCommand<Options> = {
  name: "audit",
  description: "audit arsip: setiap perubahan di main dicocokkan dengan catatannya di cabang arsip",
  define: (cmd) =>
    cmd
      .option("--repo <dir>", "repositori git yang diaudit", ".")
      .option("--stack <name>", "stack Pulumi (berkas Pulumi.<name>.yaml, daftar pusdat:approvers)", "contoh")
      .option("--main <ref>", "ref cabang utama yang diaudit", "main")
      .option("--arsip <ref>", "ref cabang arsip (bawaan: arsip, bila tidak ada origin/arsip)")
      .option("--since <tanggal>", "hanya perubahan sejak tanggal ini (YYYY-MM-DD, WIB)")
      .option("--until <tanggal>", "hanya perubahan sampai tanggal ini (YYYY-MM-DD, WIB)")
      .option("--request <id>", "riwayat lengkap satu permintaan")
      .addOption(new Option("--format <format>", "bentuk keluaran").choices(["text", "markdown", "json", "csv"]).default("text")),
  run: async ({ io, opts }) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(opts.stack)) {
      throw new UsageError(`nama stack ${JSON.stringify(opts.stack)} tidak sah; yang diizinkan: huruf, angka, '.', '_', '-'`);
    }
    const since = checkDate("--since", opts.since);
    const until = checkDate("--until", opts.until);
    if (since && until && since > until) throw new UsageError(`--since ${since} sesudah --until ${until}; tidak ada tanggal di antaranya`);
    if (opts.request !== undefined && !/^[a-z][a-z0-9-]{1,62}$/.test(opts.request)) {
      throw new UsageError(`id permintaan ${JSON.stringify(opts.request)} tidak sah; yang diizinkan: huruf kecil, angka dan '-', mis. sibapo`);
    }

    const h = require("../../infra/git/history") as typeof import("../../infra/git/history");
    const top = h.topLevel(path.resolve(opts.repo));
    if (!top) throw new UsageError(`bukan repositori git: ${opts.repo}`);
    const { main, arsip, records, changes, firstParent } = await readRepository(h, top, opts);
    const { audit: runAudit, requestIds } = require("../../infra/core/audit/audit") as typeof import("../../infra/core/audit/audit");
    const stackFile = `Pulumi.${opts.stack}.yaml`;
    if (changes.length && !changes.some((c) => c.paths.some((p) => p.path === stackFile))) {
      throw new UsageError(`stack tidak dikenal: ${stackFile} tidak pernah ada di riwayat ${opts.main}`);
    }
    if (opts.request !== undefined && !changes.some((c) => requestIds(c.paths).includes(opts.request!))) {
      throw new UsageError(`permintaan ${JSON.stringify(opts.request)} tidak pernah ada di riwayat ${opts.main} (requests/<jenis>/${opts.request}.yaml)`);
    }
    const report = runAudit({ stack: opts.stack, changes, records, firstParent }, { since, until, request: opts.request });
    const meta = { stack: opts.stack, main: { ref: opts.main, commit: main }, arsip, filter: { since, until, request: opts.request } };
    if (opts.request !== undefined) {
      const { requestLife } = require("../../infra/core/audit/life") as typeof import("../../infra/core/audit/life");
      const { formatLife } = require("../audit-life-format") as typeof import("../audit-life-format");
      io.out(formatLife(opts.request, requestLife(report, opts.request), report, meta, opts.format));
    } else {
      const { formatAudit } = require("../audit-format") as typeof import("../audit-format");
      io.out(formatAudit(report, meta, opts.format));
    }
    return report.summary.errors ? EXIT.findings : EXIT.ok;
  },
};
