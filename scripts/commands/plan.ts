/** `pusdat plan`: what a merge would build, change or destroy; heavy modules load only here. */
import { Option } from "commander";
import { readRequests } from "../../infra/core/project";
import { configAndFolder, type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type PusdatCommand } from "./types";

export const EMPTY_BASE = "kosong";

type Options = ProjectOptions & { base?: string; format: "text" | "markdown" | "json" };

export const plan: PusdatCommand<Options> = {
  name: "plan",
  description: "rencana: sumber daya yang akan dibuat, diubah atau dihapus, kebijakan, kapasitas dan langkah manual",
  define: (cmd) =>
    projectOptions(cmd)
      .option("--base <ref>", `ref git pembanding (bawaan: merge-base dengan main; '${EMPTY_BASE}': semua dianggap baru)`)
      .addOption(new Option("--format <format>", "bentuk keluaran").choices(["text", "markdown", "json"]).default("text")),
  run: async ({ io, opts }) => {
    const { config, dir } = configAndFolder(opts, io);
    const { makePlan, planFails } = require("../plan") as typeof import("../plan");
    const { formatPlan } = require("../plan-format") as typeof import("../plan-format");
    const result = await makePlan(readRequests(config, dir), opts.base);
    io.out(formatPlan(result, opts.format));
    return planFails(result) ? EXIT.findings : EXIT.ok;
  },
};
