/** `pusdat verify`: the SOP's access test after `pulumi up`, with real protocols; network clients load only in run. */
import { Option } from "commander";
import { readRequests } from "../../infra/core/project";
import { configAndFolder, type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type PusdatCommand, UsageError } from "./types";

type Options = ProjectOptions & { changedSince?: string; wait: string; format: "text" | "json"; passwordsFile?: string; apiCredentialsFile?: string };

export const MAX_WAIT_SECONDS = 3600;

export const verify: PusdatCommand<Options> = {
  name: "verify",
  description: "tes akses setelah pulumi up: DNS, HTTPS/TLS, akun WHM dan login cPanel, VM Proxmox dan port",
  define: (cmd) =>
    projectOptions(cmd)
      .usage("[opsi] [id...]")
      .argument("[id...]", "id permintaan yang diuji")
      .option("--changed-since <ref>", "uji permintaan yang berkasnya berubah antara REF dan HEAD (termasuk yang dihapus)")
      .option("--wait <detik>", "ulangi pemeriksaan yang gagal sampai batas ini (propagasi DNS)", "0")
      .addOption(new Option("--format <format>", "bentuk keluaran").choices(["text", "json"]).default("text"))
      .option("--passwords-file <file>", "berkas JSON {id: kata sandi} pengganti pulumi stack output hostingPasswords (uji/luring)")
      .option("--api-credentials-file <file>", "berkas JSON {id: {consumerKey, consumerSecret, apikey}} pengganti pulumi stack output apiCredentials (uji/luring)"),
  run: async ({ io, opts, args }) => {
    if (!/^\d+$/.test(opts.wait) || Number(opts.wait) > MAX_WAIT_SECONDS) {
      throw new UsageError(`nilai ${JSON.stringify(opts.wait)} untuk --wait tidak sah; yang diizinkan: bilangan bulat detik 0–${MAX_WAIT_SECONDS}`);
    }
    const { config, dir } = configAndFolder(opts, io);
    const v = require("../verify") as typeof import("../verify");
    const { makeProbes } = require("../../infra/clients/probes") as typeof import("../../infra/clients/probes");
    const pw = require("../../infra/clients/passwords") as typeof import("../../infra/clients/passwords");

    const project = readRequests(config, dir);
    const ids = args.flat().filter((a): a is string => typeof a === "string");
    const items = v.selectRequests(project, config, ids, opts.changedSince);
    const missing = v.missingCredentials(items, config, process.env);
    if (missing.length) throw new UsageError(`kredensial tidak ada di lingkungan: ${missing.join("; ")}`);
    const ac = require("../../infra/clients/api-credentials") as typeof import("../../infra/clients/api-credentials");
    let password;
    let apiCredentials;
    try {
      password = opts.passwordsFile ? pw.passwordsFromFile(opts.passwordsFile) : pw.passwordsFromPulumi(config.stack, config.root);
      apiCredentials = opts.apiCredentialsFile ? ac.apiCredentialsFromFile(opts.apiCredentialsFile) : ac.apiCredentialsFromPulumi(config.stack, config.root);
    } catch (e) {
      if (e instanceof pw.PasswordSourceError) throw new UsageError(e.message);
      throw e;
    }
    const probes = makeProbes({ site: config.site, env: process.env, password, apiCredentials });
    const clock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
    const report = await v.runVerify(config, items, probes, clock, Number(opts.wait) * 1000, opts.changedSince ?? null);
    io.out(opts.format === "json" ? v.formatJson(report) : v.formatText(report));
    return report.result === "failed" ? EXIT.findings : EXIT.ok;
  },
};
