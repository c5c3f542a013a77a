/** Every `pusdat` command, in the order of the help. Adding a command = one file and one line here. */
import { decommission } from "./decommission";
import { newRequest } from "./new";
import { plan } from "./plan";
import { resize } from "./resize";
import type { PusdatCommand } from "./types";
import { validate } from "./validate";

export const COMMANDS: PusdatCommand[] = [validate, plan, newRequest, resize, decommission];
