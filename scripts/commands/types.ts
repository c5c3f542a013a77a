/**
 * What every `pusdat` command is: a name, a help line, its options, and a run that returns an exit
 * code. Command modules stay light at the top (the registry loads them all to build the help):
 * anything heavy (Pulumi, the policy SDK, PDF, HTTP clients) is required inside `run`.
 */
import type { Command } from "commander";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** The exit codes of every command: the CLI boundary is the only place that knows them. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Wrong use or a bad configuration: the message is printed as it is, exit 2. */
export class UsageError extends Error {}

export interface RunContext<O = Record<string, unknown>> {
  io: Io;
  /** The parsed options (commander's camelCase names). */
  opts: O;
  /** Positional arguments, in order. */
  args: string[];
}

export interface PusdatCommand<O = any> {
  name: string;
  /** One line in Bahasa Indonesia, shown in `pusdat --help`. */
  description: string;
  /** Adds arguments and options (descriptions in Bahasa Indonesia). */
  define(cmd: Command): Command;
  run(ctx: RunContext<O>): Promise<number> | number;
}
