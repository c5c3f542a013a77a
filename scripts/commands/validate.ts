/** `pusdat validate`: every request against the schema, the cross-request rules, capacity and ceilings. */
import * as path from "node:path";
import { Option } from "commander";
import { isBlocking } from "../../infra/core/findings";
import { openConfig, readRequestsAsync, requestsFolderExists } from "../../infra/core/project";
import { type Format, formatFindings } from "../format";
import { configOrExit, type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type PusdatCommand, UsageError } from "./types";

type Options = ProjectOptions & { format: Format };

export const validate: PusdatCommand<Options> = {
  name: "validate",
  description: "periksa semua permintaan: skema, aturan lintas permintaan, kapasitas dan batas",
  define: (cmd) => projectOptions(cmd).addOption(new Option("--format <format>", "bentuk keluaran").choices(["text", "json", "github"]).default("text")),
  run: async ({ io, opts }) => {
    const config = configOrExit(openConfig({ stack: opts.stack, policyConfig: opts.policyConfig }), io);
    const dir = path.resolve(opts.requests);
    if (!requestsFolderExists(dir)) throw new UsageError(`folder permintaan tidak ditemukan: ${opts.requests}`);
    const project = await readRequestsAsync(config, dir);
    io.out(formatFindings(opts.format, project.findings, { requests: project.requests.length, files: project.files, stack: opts.stack }));
    return project.findings.some(isBlocking) ? EXIT.findings : EXIT.ok;
  },
};
