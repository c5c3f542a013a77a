/**
 * The `pusdat` command line. The only place that knows about exit codes:
 * 0 all valid, 1 findings, 2 usage or configuration error (or a crash).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { ceilingsOf, loadPolicyConfig, loadSiteConfig } from "../infra/config/load";
import { type Finding, findingLine } from "../infra/findings";
import { validateRequests } from "../infra/validate";
import { formatFindings, type Format } from "./format";
import type { PlanFormat } from "./plan-format";

// The plan needs the Pulumi SDK, the providers and the policy pack: load them only when planning,
// so `validate` starts in a fraction of the time.
const EMPTY_BASE = "kosong";
const planModules = () => ({ ...(require("./plan") as typeof import("./plan")), ...(require("./plan-format") as typeof import("./plan-format")) });

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Thrown inside actions to end with a given exit code after the message has been written. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const COMMANDER_MESSAGES: Record<string, (m: string) => string> = {
  "commander.unknownOption": (m) => `opsi tidak dikenal ${quoted(m)}; lihat pusdat --help`,
  "commander.unknownCommand": (m) => `perintah tidak dikenal ${quoted(m)}; perintah yang ada: validate, plan`,
  "commander.invalidArgument": (m) => {
    const c = m.match(/option '([^' ]+)[^']*' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/);
    return c ? `nilai ${JSON.stringify(c[2])} untuk ${c[1]} tidak sah; yang diizinkan: ${c[3]}` : `nilai opsi tidak sah: ${m}`;
  },
  "commander.optionMissingArgument": (m) => `opsi memerlukan nilai: ${quoted(m)}`,
  "commander.missingArgument": (m) => `argumen wajib tidak ada: ${quoted(m)}`,
  "commander.excessArguments": () => "terlalu banyak argumen; lihat pusdat --help",
};

function quoted(m: string): string {
  return m.match(/'[^']*'/)?.[0] ?? m;
}

interface CommonOptions {
  requests: string;
  stack: string;
  policyConfig: string;
  format: Format;
}

function loadSite(opts: CommonOptions, io: Io) {
  if (!/^[A-Za-z0-9_.-]+$/.test(opts.stack)) {
    io.err(`nama stack tidak sah: ${JSON.stringify(opts.stack)}; yang diizinkan: huruf, angka, '.', '_', '-'\n`);
    throw new Exit(EXIT.usage);
  }
  const site = loadSiteConfig(`Pulumi.${opts.stack}.yaml`);
  const policy = loadPolicyConfig(opts.policyConfig);
  const problems: Finding[] = [...(site.ok ? [] : site.problems), ...(policy.ok ? [] : policy.problems)];
  if (!site.ok || !policy.ok) {
    for (const p of problems) io.err(`${findingLine(p)}\n`);
    io.err(`Konfigurasi tidak sah (${problems.length} masalah); perbaiki dulu sebelum memeriksa permintaan.\n`);
    throw new Exit(EXIT.usage);
  }
  return { site: site.value, policy: policy.value, ceilings: ceilingsOf(policy.value) };
}

function requestsDir(opts: CommonOptions, io: Io): string {
  const dir = path.resolve(opts.requests);
  if (!fs.existsSync(dir)) {
    io.err(`folder permintaan tidak ditemukan: ${opts.requests}\n`);
    throw new Exit(EXIT.usage);
  }
  return dir;
}

function common(cmd: Command): Command {
  return cmd
    .usage("[opsi]")
    .option("--requests <dir>", "folder permintaan", "requests")
    .option("--stack <name>", "stack Pulumi (berkas Pulumi.<name>.yaml)", "contoh")
    .option("--policy-config <file>", "konfigurasi policy pack (batas sumber daya)", "policies/config.json");
}

const TITLES: Record<string, string> = { "Usage:": "Pemakaian:", "Options:": "Opsi:", "Commands:": "Perintah:", "Arguments:": "Argumen:" };

/** Commander's help in Bahasa Indonesia: headings, defaults and choices. */
const HELP = {
  styleTitle: (t: string) => TITLES[t] ?? t,
  subcommandTerm: (c: Command) =>
    [c.name(), c.options.length ? "[opsi]" : "", ...c.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`))].filter(Boolean).join(" "),
  optionDescription: (o: Option) => {
    const extra = [
      o.argChoices ? `pilihan: ${o.argChoices.join(", ")}` : "",
      o.defaultValue !== undefined ? `bawaan: ${JSON.stringify(o.defaultValue)}` : "",
    ].filter(Boolean);
    return extra.length ? `${o.description} (${extra.join("; ")})` : o.description;
  },
};

export function buildProgram(io: Io): Command {
  const program = new Command("pusdat")
    .description("Layanan Pusat Data sebagai kode: periksa, rencanakan dan dokumentasikan permintaan layanan")
    .configureHelp(HELP)
    .usage("[opsi] [perintah]")
    .helpOption("-h, --help", "tampilkan bantuan")
    .helpCommand("help [perintah]", "tampilkan bantuan untuk perintah")
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined });

  common(program.command("validate"))
    .description("periksa semua permintaan: skema, aturan lintas permintaan, kapasitas dan batas")
    .addOption(new Option("--format <format>", "bentuk keluaran").choices(["text", "json", "github"]).default("text"))
    .action((opts: CommonOptions) => {
      const { site, ceilings } = loadSite(opts, io);
      const result = validateRequests(requestsDir(opts, io), site, ceilings);
      io.out(formatFindings(opts.format, result.findings, { requests: result.requests.length, files: result.files, stack: opts.stack }));
      throw new Exit(result.findings.length ? EXIT.findings : EXIT.ok);
    });
  common(program.command("plan"))
    .description("rencana: sumber daya yang akan dibuat, diubah atau dihapus, kebijakan, kapasitas dan langkah manual")
    .option("--base <ref>", `ref git pembanding (bawaan: merge-base dengan main; '${EMPTY_BASE}': semua dianggap baru)`)
    .addOption(new Option("--format <format>", "bentuk keluaran").choices(["text", "markdown", "json"]).default("text"))
    .action(async (opts: CommonOptions & { base?: string; format: PlanFormat }) => {
      const { site, policy, ceilings } = loadSite(opts, io);
      const { makePlan, planFails, PlanUsageError, formatPlan } = planModules();
      let plan;
      try {
        plan = await makePlan({ root: process.cwd(), requestsDir: requestsDir(opts, io), stack: opts.stack, base: opts.base, site, policy, ceilings });
      } catch (e) {
        if (!(e instanceof PlanUsageError)) throw e;
        io.err(`pusdat: ${e.message}\n`);
        throw new Exit(EXIT.usage);
      }
      io.out(formatPlan(plan, opts.format));
      throw new Exit(planFails(plan) ? EXIT.findings : EXIT.ok);
    });
  return program;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof Exit) return e.code;
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return EXIT.ok; // --help
      if (e.code === "commander.help") return EXIT.usage; // no command given: help was shown
      const say = COMMANDER_MESSAGES[e.code];
      io.err(`pusdat: ${say ? say(e.message) : e.message}\n`);
      return EXIT.usage;
    }
    io.err(`pusdat: kesalahan internal: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.usage;
  }
}
