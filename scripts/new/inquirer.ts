/** The real prompts (@inquirer/prompts), with their few built-in words in Bahasa Indonesia. Loaded only for a question. */
import type { Prompts } from "./ask";

export function inquirerPrompts(): Prompts {
  const q = require("@inquirer/prompts") as typeof import("@inquirer/prompts");
  return {
    input: (o) => q.input(o),
    select: <V extends string>(o: { message: string; choices: { name: string; value: V }[]; default?: V }) =>
      q.select<V>({ ...o, instructions: { navigation: "↑↓ pindah • ⏎ pilih", pager: "↑↓ untuk pilihan lain" } }),
    confirm: (o) => q.confirm({ ...o, transformer: (v: boolean) => (v ? "ya" : "tidak") }),
  };
}

/** Ctrl-C at a prompt: inquirer rejects with this error name. */
export const isPromptExit = (e: unknown) => e instanceof Error && e.name === "ExitPromptError";
