/** Every `pusdat` command, in the order of the help. Adding a command = one file and one line here. */
import { doctor } from "./doctor";
import { plan } from "./plan";
import type { PusdatCommand } from "./types";
import { validate } from "./validate";

export const COMMANDS: PusdatCommand[] = [validate, plan, doctor];
