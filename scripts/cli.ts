/**
 * The `pusdat` command line: builds commander from the registry (scripts/commands) and turns every
 * outcome into an exit code: 0 ok, 1 findings, 2 usage or configuration, 3 internal error.
 */
import { Command, CommanderError, type Option } from "commander";
import { COMMANDS } from "./commands";
import { EXIT, type Io, UsageError } from "./commands/types";

export { EXIT, type Io } from "./commands/types";

const NAMES = () => COMMANDS.map((c) => c.name).join(", ");

const COMMANDER_MESSAGES: Record<string, (m: string) => string> = {
  "commander.unknownOption": (m) => `opsi tidak dikenal ${quoted(m)}; lihat pusdat --help`,
  "commander.unknownCommand": (m) => `perintah tidak dikenal ${quoted(m)}; perintah yang ada: ${NAMES()}`,
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

/** Carries a command's exit code out of commander's action. */
class Done {
  constructor(readonly code: number) {}
}

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
  for (const c of COMMANDS) {
    const cmd = c.define(program.command(c.name).description(c.description).usage("[opsi]"));
    cmd.action(async (...a: unknown[]) => {
      const self = a[a.length - 1] as Command;
      throw new Done(await c.run({ io, opts: self.opts(), args: self.args }));
    });
  }
  return program;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof Done) return e.code;
    if (e instanceof UsageError) {
      if (e.message) io.err(`${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return EXIT.ok; // --help
      if (e.code === "commander.help") return EXIT.usage; // no command given: help was shown
      const say = COMMANDER_MESSAGES[e.code];
      io.err(`pusdat: ${say ? say(e.message) : e.message}\n`);
      return EXIT.usage;
    }
    io.err(`pusdat: kesalahan internal: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}
