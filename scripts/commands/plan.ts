/** `pusdat plan`: what a merge would build, change or destroy; heavy modules load only here. */
import * as fs from "node:fs";
import { Option } from "commander";
import { readRequests } from "../../infra/core/project";
import { configAndFolder, type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type PusdatCommand, UsageError } from "./types";

export const EMPTY_BASE = "kosong";

/** The file `pulumi stack output apiAccess --json` wrote; an unreadable or bad one is a usage error naming it. */
function readExchangeStatus(file: string) {
  const { parseExchangeStatus } = require("../../infra/core/plan/splp") as typeof import("../../infra/core/plan/splp");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`berkas --exchange-status tidak dapat dibaca: ${file} (${(e as NodeJS.ErrnoException).code ?? "galat"})`);
  }
  const parsed = parseExchangeStatus(text, `berkas --exchange-status ${file}`);
  if (typeof parsed === "string") throw new UsageError(parsed);
  return parsed;
}

type Options = ProjectOptions & { base?: string; format: "text" | "markdown" | "json"; exchangeStatus?: string };

export const plan: PusdatCommand<Options> = {
  name: "plan",
  description: "rencana: sumber daya yang akan dibuat, diubah atau dihapus, kebijakan, kapasitas dan langkah manual",
  define: (cmd) =>
    projectOptions(cmd)
      .option("--base <ref>", `ref git pembanding (bawaan: merge-base dengan main; '${EMPTY_BASE}': semua dianggap baru)`)
      .addOption(new Option("--format <format>", "bentuk keluaran").choices(["text", "markdown", "json"]).default("text"))
      .option("--exchange-status <file>", "hasil pulumi stack output apiAccess --json: langganan SPLP yang ON_HOLD ditampilkan sebagai menunggu persetujuan penyedia"),
  run: async ({ io, opts }) => {
    const { config, dir } = configAndFolder(opts, io);
    const { makePlan, planFails } = require("../plan") as typeof import("../plan");
    const { formatPlan } = require("../plan-format") as typeof import("../plan-format");
    const status = opts.exchangeStatus === undefined ? undefined : readExchangeStatus(opts.exchangeStatus);
    const result = await makePlan(readRequests(config, dir), opts.base, status);
    io.out(formatPlan(result, opts.format));
    return planFails(result) ? EXIT.findings : EXIT.ok;
  },
};
