/** `pusdat validate`: every request against the schema, the cross-request rules, capacity and ceilings. */
import { Option } from "commander";
import { isBlocking } from "../../infra/core/findings";
import { readRequests } from "../../infra/core/project";
import { type Format, formatFindings } from "../format";
import { configAndFolder, type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type PusdatCommand } from "./types";

type Options = ProjectOptions & { format: Format };

export const validate: PusdatCommand<Options> = {
  name: "validate",
  description: "periksa semua permintaan: skema, aturan lintas permintaan, kapasitas dan batas",
  define: (cmd) => projectOptions(cmd).addOption(new Option("--format <format>", "bentuk keluaran").choices(["text", "json", "github"]).default("text")),
  run: async ({ io, opts }) => {
    const { config, dir } = configAndFolder(opts, io);
    const project = readRequests(config, dir);
    io.out(formatFindings(opts.format, project.findings, { requests: project.requests.length, files: project.files, stack: opts.stack }));
    return project.findings.some(isBlocking) ? EXIT.findings : EXIT.ok;
  },
};
